// `ledger trainee leave`: a trainee abandons; half-days dated on or after the day count as withdrawn.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_trainee_leave(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeLeaveOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const TraineeRow& t = st.trainee_or_flag(opts.trainee, "--trainee");
  const std::string on = date_flag("--on", opts.on);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("trainee.leave_reason"));
  if (t.left_on) throw InputError::flag("--trainee", t.code, tr("trainee.already_left", fmt::arg("date", french_date(*t.left_on))));
  auto q = ledger.query("trainee_entries_from");
  q.bind(1, t.id);
  q.bind(2, on);
  q.next();
  if (const auto n = q.i64("entries"); n > 0) {
    // Name the first entry in the command that voids it (`attend void`): the departure can then
    // always be recorded, once the entries made by mistake are removed.
    const std::string first = q.text("first");
    const auto date_end = first.find(' '), slot_end = first.find(' ', date_end + 1);
    throw InputError::flag("--on", on, trn("trainee.entries_after", n, fmt::arg("trainee", t.code),
                                           fmt::arg("date", first.substr(0, date_end)),
                                           fmt::arg("slot", first.substr(date_end + 1, slot_end - date_end - 1)),
                                           fmt::arg("module", first.substr(slot_end + 1))));
  }
  WriteTransaction txn(ledger, clock);
  txn.append("departure", {{"trainee_id", t.id}, {"on_date", on}, {"reason", trim(opts.reason)},
                           {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("trainee.left", fmt::arg("id", t.code), fmt::arg("first", t.first_name), fmt::arg("last", t.last_name),
            fmt::arg("date", french_date(on)))
      << '\n';

  return 0;
}

namespace {
void setup_trainee_leave(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TraineeLeaveOptions>();
  auto& group = command_group(app, "trainee", tr("help.cmd.trainee"));
  auto* cmd = group.add_subcommand("leave", tr("help.cmd.trainee_leave"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  cmd->add_option("--on", opts->on, tr("help.opt.on"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
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
