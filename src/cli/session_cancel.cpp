// `ledger session cancel`: record that a half-day will not take place, by whom and when notified.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/session_changes.hpp"

namespace ledger {


int run_session_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionCancelOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const Cancellation c = check_cancellation(ledger, st, module, day, slot, opts.by, opts.notified, opts.reason);
  WriteTransaction txn(ledger, clock);
  append_cancellation(txn, c);
  txn.commit();
  const auto notice = days_between(c.notified, day);
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
