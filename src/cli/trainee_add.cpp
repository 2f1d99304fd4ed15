// `ledger trainee add`: enrol a trainee after the convention was imported.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_trainee_add(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string id = trim(opts.id), last = trim(opts.last_name), first = trim(opts.first_name);
  if (id.empty()) throw InputError::flag("--id", opts.id, "required");
  if (last.empty()) throw InputError::flag("--last-name", opts.last_name, "required");
  if (first.empty()) throw InputError::flag("--first-name", opts.first_name, "required");
  if (st.trainee(id) != nullptr) throw InputError::flag("--id", id, "a trainee of " + st.convention.ref + " already has this id");
  auto optional_date = [](const char* flag, const std::string& v) { return v.empty() ? Value() : Value(date_flag(flag, v)); };
  const Value birth = optional_date("--birth-date", opts.birth_date);
  const Value start = optional_date("--contract-start", opts.contract_start);
  const Value end = optional_date("--contract-end", opts.contract_end);
  if (!opts.contract_start.empty() && !opts.contract_end.empty() && std::get<std::string>(end) < std::get<std::string>(start))
    throw InputError::flag("--contract-end", opts.contract_end, "before --contract-start");
  const Minutes weekly = opts.weekly_hours.empty() ? 35 * 60 : flag_value("--weekly-hours", opts.weekly_hours, parse_hours);
  if (weekly <= 0) throw InputError::flag("--weekly-hours", opts.weekly_hours, "must be above 0");

  WriteTransaction txn(ledger, clock);
  const std::int64_t trainee_id =
      txn.append("trainee", {{"convention_id", st.convention.id}, {"code", id}, {"last_name", last}, {"first_name", first},
                             {"birth_date", birth},
                             {"function", trim(opts.function).empty() ? Value() : Value(trim(opts.function))},
                             {"contract_start", start}, {"contract_end", end}, {"weekly_minutes", weekly},
                             {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
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
        throw InputError::flag("--id", id, fmt::format("module {} would be in two agreements ({}, {})", m.code, owner.text(0), ref));
      txn.append("funding_scope", {{"funding_id", funding_id}, {"module_id", m.id}, {"trainee_id", trainee_id}});
    }
    joined.push_back(ref);
  }
  txn.commit();
  std::string note;
  for (const auto& r : joined) note += (note.empty() ? "; in the scope of " : ", ") + r;
  out << fmt::format("enrolled {} {} {} in {}{}\n", id, first, last, st.convention.ref, note);
  return 0;
}

namespace {
void setup_trainee_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TraineeAddOptions>();
  auto& group = command_group(app, "trainee", "Enrol trainees later, record departures");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", "Enrol a trainee (the [[trainee]] keys of the convention file as options)");
  cmd->add_option("--id", opts->id, "Trainee id, unique in the convention (e.g. T05)")->required();
  cmd->add_option("--last-name", opts->last_name, "Last name")->required();
  cmd->add_option("--first-name", opts->first_name, "First name")->required();
  cmd->add_option("--birth-date", opts->birth_date, "Birth date");
  cmd->add_option("--function", opts->function, "Function (Art. 5)");
  cmd->add_option("--contract-start", opts->contract_start, "Contract start");
  cmd->add_option("--contract-end", opts->contract_end, "Contract end");
  cmd->add_option("--weekly-hours", opts->weekly_hours, "Weekly working hours (default 35)");
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
