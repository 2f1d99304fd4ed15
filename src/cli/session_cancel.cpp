// `ledger session cancel`: record that a half-day will not take place, by whom and when notified.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_session_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionCancelOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  if (opts.by != "of" && opts.by != "beneficiary") throw InputError::flag("--by", opts.by, tr("common.by_values"));
  const std::string notified = date_flag("--notified", opts.notified);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("session.cancel_reason"));
  const auto session = find_session(ledger, module.id, day, slot);
  if (!session)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  if (session->cancelled_by) throw InputError::flag("--date", day, tr("session.cancel_twice"));
  if (auto why = denounced_refusal(st, module, day)) throw InputError::flag("--date", day, *why);
  auto count = ledger.query("session_entry_count");
  count.bind(1, session->id);
  count.next();
  if (count.i64(0) > 0)
    throw InputError::flag("--date", day, tr("session.cancel_held"));
  WriteTransaction txn(ledger, clock);
  txn.append("cancellation", {{"session_id", session->id}, {"by_party", opts.by}, {"notified", notified},
                              {"reason", trim(opts.reason)}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  const auto notice = (date::sys_days{parse_date(day)} - date::sys_days{parse_date(notified)}).count();
  out << trn("session.cancelled", notice, fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
             fmt::arg("by", opts.by == "of" ? tr("party.of") : tr("party.beneficiary")))

      << '\n';

  return 0;
}

namespace {
void setup_session_cancel(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionCancelOptions>();
  auto& group = command_group(app, "session", tr("help.cmd.session"));
  auto* cmd = group.add_subcommand("cancel", tr("help.cmd.session_cancel"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"))->required();
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"))->required();
  cmd->add_option("--by", opts->by, tr("help.opt.by.who_cancels"))->required();
  cmd->add_option("--notified", opts->notified, tr("help.opt.notified.date_the_other_party"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
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
