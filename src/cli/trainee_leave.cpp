// `ledger trainee leave`: a trainee abandons; half-days dated on or after the day count as withdrawn.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_trainee_leave(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeLeaveOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const TraineeRow& t = st.trainee_or_flag(opts.trainee, "--trainee");
  const std::string on = date_flag("--on", opts.on);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, "say why the trainee leaves");
  if (t.left_on) throw InputError::flag("--trainee", t.code, "already left on " + *t.left_on);
  auto q = ledger.query("trainee_entries_from");
  q.bind(1, t.id);
  q.bind(2, on);
  q.next();
  if (const auto n = q.i64(0); n > 0)
    throw InputError::flag("--on", on, fmt::format("{} has {} attendance entr{} on or after this day; correct them first or give a later day",
                                                   t.code, n, n == 1 ? "y" : "ies"));
  WriteTransaction txn(ledger, clock);
  txn.append("departure", {{"trainee_id", t.id}, {"on_date", on}, {"reason", trim(opts.reason)},
                           {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("{} {} {} leaves on {}: half-days from that day count as withdrawn\n", t.code, t.first_name, t.last_name, on);
  return 0;
}

namespace {
void setup_trainee_leave(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TraineeLeaveOptions>();
  auto& group = command_group(app, "trainee", "Enrol trainees later, record departures");
  auto* cmd = group.add_subcommand("leave", "Record that a trainee abandons the training");
  cmd->add_option("--trainee", opts->trainee, "Trainee id")->required();
  cmd->add_option("--on", opts->on, "First day the trainee no longer attends")->required();
  cmd->add_option("--reason", opts->reason, "Why")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_trainee_leave(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool trainee_leave_registered = register_command(31, setup_trainee_leave);
}  // namespace

}  // namespace ledger
