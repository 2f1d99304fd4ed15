#include "cli/forced.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/text.hpp"
#include "domain/values.hpp"

namespace ledger {

void add_force_options(CLI::App& cmd, Forcing& forcing, const std::string& names) {
  cmd.add_option("--force", forcing.refusals, tr("help.opt.force.money", fmt::arg("names", names)))->type_name("NAME");
  cmd.add_option("--reason", forcing.reason, tr("help.opt.reason.forced"));
}

void check_forcing(Forcing& forcing, const std::vector<std::string_view>& known) {
  std::string list;
  for (const auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
  for (auto& r : forcing.refusals) {
    const auto it = std::find_if(known.begin(), known.end(), [&](std::string_view k) { return same_code(r, k); });
    if (it == known.end()) throw InputError::flag("--force", r, tr("force.unknown", fmt::arg("names", list)));
    r = std::string(*it);
  }
  // Named twice, a refusal is still overridden once.
  std::sort(forcing.refusals.begin(), forcing.refusals.end());
  forcing.refusals.erase(std::unique(forcing.refusals.begin(), forcing.refusals.end()), forcing.refusals.end());
  if (!forcing.refusals.empty() && trim(forcing.reason).empty())
    throw InputError::flag("--reason", forcing.reason, tr("force.reason_required"));
  if (forcing.refusals.empty() && !forcing.reason.empty())
    throw InputError::flag("--reason", forcing.reason, tr("force.reason_without_force"));
}

void refuse_unless_forced(const Forcing& forcing, std::string_view name, bool refused, const InputProblem& refusal) {
  const bool forced = std::find(forcing.refusals.begin(), forcing.refusals.end(), name) != forcing.refusals.end();
  if (refused && !forced) {
    InputProblem p = refusal;
    p.why = tr("force.hint", fmt::arg("why", p.why), fmt::arg("name", name));
    throw InputError(p);
  }
  if (!refused && forced) throw InputError::flag("--force", std::string(name), tr("force.nothing_to_force"));
}

void record_forcing(WriteTransaction& txn, const Forcing& forcing, ForcedOn on, std::int64_t id) {
  const bool payment = on == ForcedOn::payment;
  for (const auto& refusal : forcing.refusals)
    txn.append("forced_write", {{"payment_id", payment ? Value(id) : Value()}, {"refund_id", payment ? Value() : Value(id)},
                                {"refusal", refusal}, {"reason", trim(forcing.reason)},
                                {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}

}  // namespace ledger
