// `ledger trainee add`: enrol a trainee after the convention was imported.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_trainee_add(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const std::string id = trim(opts.id), last = trim(opts.last_name), first = trim(opts.first_name);
  if (id.empty()) throw InputError::flag("--id", opts.id, tr("common.required"));
  if (last.empty()) throw InputError::flag("--last-name", opts.last_name, tr("common.required"));
  if (first.empty()) throw InputError::flag("--first-name", opts.first_name, tr("common.required"));
  if (st.trainee(id) != nullptr) throw InputError::flag("--id", id, tr("trainee.id_taken", fmt::arg("ref", st.convention.ref)));
  auto optional_date = [](const char* flag, const std::string& v) { return v.empty() ? Value() : Value(date_flag(flag, v)); };
  const Value birth = optional_date("--birth-date", opts.birth_date);
  const Value start = optional_date("--contract-start", opts.contract_start);
  const Value end = optional_date("--contract-end", opts.contract_end);
  if (!opts.contract_start.empty() && !opts.contract_end.empty() && std::get<std::string>(end) < std::get<std::string>(start))
    throw InputError::flag("--contract-end", opts.contract_end, tr("trainee.end_before_start"));
  const Minutes weekly = opts.weekly_hours.empty() ? 35 * 60 : flag_value("--weekly-hours", opts.weekly_hours, parse_hours);
  if (weekly <= 0) throw InputError::flag("--weekly-hours", opts.weekly_hours, tr("trainee.weekly_positive"));
  const std::string joins = opts.joins.empty() ? "" : date_flag("--joins", opts.joins);
  if (joins > st.convention.ends)
    throw InputError::flag("--joins", joins, tr("timeline.joins_after_end", fmt::arg("date", french_date(st.convention.ends))));
  const std::string email = opts.email.empty() ? "" : flag_value("--email", opts.email, parse_email);
  for (const auto& t : st.trainees)
    if (!email.empty() && t.email && code_key(*t.email) == code_key(email))
      throw InputError::flag("--email", email, tr("foad.email_taken"));

  WriteTransaction txn(ledger, clock);
  const std::int64_t trainee_id =
      txn.append("trainee", {{"convention_id", st.convention.id}, {"code", id}, {"last_name", last}, {"first_name", first},
                             {"birth_date", birth},
                             {"function", trim(opts.function).empty() ? Value() : Value(trim(opts.function))},
                             {"contract_start", start}, {"contract_end", end}, {"weekly_minutes", weekly},
                             {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  if (!joins.empty()) record_joins(txn, trainee_id, joins);
  if (!email.empty()) record_email(txn, trainee_id, email);
  // Agreements written for every trainee cover this one too, on their modules.
  std::vector<std::string> joined;
  auto fundings = ledger.query("funding_all_trainees");
  fundings.bind(1, st.convention.id);
  std::vector<std::tuple<std::int64_t, std::string, std::optional<std::string>>> all_trainee_fundings;
  while (fundings.next()) {
    all_trainee_fundings.emplace_back(fundings.i64("id"), fundings.text("ref"), fundings.opt_text("modules"));
  }
  for (const auto& [funding_id, ref, modules] : all_trainee_fundings) {
    for (const auto& m : st.modules) {
      if (modules && (", " + *modules + ", ").find(", " + m.code + ", ") == std::string::npos) continue;
      auto owner = ledger.query("funding_scope_owner");
      owner.bind(1, m.id);
      owner.bind(2, trainee_id);
      if (owner.next())
        throw InputError::flag("--id", id, tr("trainee.two_agreements", fmt::arg("module", m.code), fmt::arg("first", owner.text(0)), fmt::arg("second", ref)));
      txn.append("funding_scope", {{"funding_id", funding_id}, {"module_id", m.id}, {"trainee_id", trainee_id}});
    }
    joined.push_back(ref);
  }
  txn.commit();
  out << (joined.empty() ? tr("trainee.enrolled", fmt::arg("id", id), fmt::arg("first", first), fmt::arg("last", last),
                              fmt::arg("ref", st.convention.ref))
                         : tr("trainee.enrolled_funding", fmt::arg("id", id), fmt::arg("first", first), fmt::arg("last", last),
                              fmt::arg("ref", st.convention.ref), fmt::arg("funding", fmt::join(joined, ", "))))
      << '\n';
  if (!joins.empty()) out << tr("timeline.joins_from", fmt::arg("id", id), fmt::arg("date", french_date(joins))) << '\n';
  return 0;
}

namespace {
void setup_trainee_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TraineeAddOptions>();
  auto& group = command_group(app, "trainee", tr("help.cmd.trainee"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", tr("help.cmd.trainee_add"));
  cmd->add_option("--id", opts->id, tr("help.opt.id"))->required();
  cmd->add_option("--last-name", opts->last_name, tr("help.opt.last_name"))->required();
  cmd->add_option("--first-name", opts->first_name, tr("help.opt.first_name"))->required();
  cmd->add_option("--birth-date", opts->birth_date, tr("help.opt.birth_date"));
  cmd->add_option("--function", opts->function, tr("help.opt.function"));
  cmd->add_option("--contract-start", opts->contract_start, tr("help.opt.contract_start"));
  cmd->add_option("--contract-end", opts->contract_end, tr("help.opt.contract_end"));
  cmd->add_option("--weekly-hours", opts->weekly_hours, tr("help.opt.weekly_hours"));
  cmd->add_option("--joins", opts->joins, tr("timeline.help.joins"));
  cmd->add_option("--email", opts->email, tr("foad.help.email"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_trainee_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool trainee_add_registered = register_command(30, setup_trainee_add);
}  // namespace

}  // namespace ledger
