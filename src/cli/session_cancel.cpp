// `ledger session cancel`: record that a half-day will not take place, by whom and when notified.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_session_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionCancelOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  if (opts.by != "of" && opts.by != "beneficiary") throw InputError::flag("--by", opts.by, "expected of or beneficiary");
  const std::string notified = date_flag("--notified", opts.notified);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, "say why the half-day is cancelled");
  const auto session = find_session(ledger, module.id, day, slot);
  if (!session) throw InputError::flag("--date", day, fmt::format("no half-day of {} is planned on {} {}", module.code, day, slot));
  if (session->cancelled_by) throw InputError::flag("--date", day, "this half-day is already cancelled");
  auto count = ledger.query("session_entry_count");
  count.bind(1, session->id);
  count.next();
  if (count.i64(0) > 0)
    throw InputError::flag("--date", day, "this half-day has attendance entries: it took place (correct the entries instead)");
  WriteTransaction txn(ledger, clock);
  txn.append("cancellation", {{"session_id", session->id}, {"by_party", opts.by}, {"notified", notified},
                              {"reason", trim(opts.reason)}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  const auto notice = (date::sys_days{parse_date(day)} - date::sys_days{parse_date(notified)}).count();
  out << fmt::format("cancelled {} {} {} by {}, notified {} day{} before\n", module.code, day, slot,
                     opts.by == "of" ? "the training body" : "the beneficiary", notice, notice == 1 || notice == -1 ? "" : "s");
  return 0;
}

namespace {
void setup_session_cancel(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionCancelOptions>();
  auto& group = command_group(app, "session", "Plan, list and cancel half-day sessions");
  auto* cmd = group.add_subcommand("cancel", "Cancel a planned half-day (refused once it has entries)");
  cmd->add_option("--module", opts->module, "Module code")->required();
  cmd->add_option("--date", opts->date, "Date of the half-day")->required();
  cmd->add_option("--slot", opts->slot, "am or pm")->required();
  cmd->add_option("--by", opts->by, "Who cancels: of (training body) or beneficiary")->required();
  cmd->add_option("--notified", opts->notified, "Date the other party was told")->required();
  cmd->add_option("--reason", opts->reason, "Why")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_session_cancel(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool session_cancel_registered = register_command(42, setup_session_cancel);
}  // namespace

}  // namespace ledger
