// `ledger session move`: a half-day moved to another date or slot, recorded in one transaction as
// what it is under Art. 13: the cancellation of the planned half-day (by a party, notified on a
// date, so that 14-3 applies when the notice was short) and a new half-day, each checked as
// `session cancel` and `session plan` would check it alone.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/session_changes.hpp"

namespace ledger {

int run_session_move(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionMoveOptions& opts) {
  SessionPlanner planner{ledger, {}, {}};
  const ConventionState& st = planner.state(opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const Cancellation c = check_cancellation(ledger, st, module, day, slot, opts.by, opts.notified, opts.reason);
  // The new half-day keeps the old one's length, times, trainer, place and mode, unless new
  // times are given (its length then follows them).
  const SessionRow& old = c.session;
  const bool new_times = !opts.start.empty() || !opts.end.empty();
  SessionInput in{{},
                  module.code,
                  opts.to_date,
                  opts.to_slot.empty() ? slot : opts.to_slot,
                  new_times ? std::string() : std::to_string(old.minutes),
                  new_times ? opts.start : old.start_time.value_or(""),
                  new_times ? opts.end : old.end_time.value_or(""),
                  old.trainer.value_or(""),
                  old.place.value_or(""),
                  old.mode};
  WriteTransaction txn(ledger, clock);
  ProblemList problems;
  const auto row = planner.check(st, in, problems, txn);
  try {
    problems.throw_if_any();
  } catch (const InputError& e) {
    // The new half-day's date and slot came from --to-date and --to-slot.
    std::vector<InputProblem> named = e.problems();
    for (auto& p : named)
      if (p.where.empty() && (p.field == "--date" || p.field == "--slot")) p.field = "--to-" + p.field.substr(2);
    throw InputError(std::move(named));
  }
  append_cancellation(txn, c);
  txn.appender("session", kSessionColumns).append(*row);
  txn.commit();
  const std::string& to_day = std::get<std::string>((*row)[2]);
  const std::string& to_slot = std::get<std::string>((*row)[3]);
  const auto notice = days_between(c.notified, day);
  out << trn("lifecycle.moved", notice, fmt::arg("module", module.code), fmt::arg("date", french_date(day)),
             fmt::arg("slot", slot_label(slot)), fmt::arg("to_date", french_date(to_day)), fmt::arg("to_slot", slot_label(to_slot)),
             fmt::arg("by", c.by == "of" ? tr("party.of") : tr("party.beneficiary")),
             fmt::arg("sheet", sheet_id(st.convention.ref, module.code, to_day, to_slot)))
      << '\n';
  return 0;
}

namespace {
void setup_session_move(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionMoveOptions>();
  auto& group = command_group(app, "session", tr("help.cmd.session"));
  auto* cmd = group.add_subcommand("move", tr("help.cmd.session_move"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"))->required();
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"))->required();
  cmd->add_option("--to-date", opts->to_date, tr("help.opt.to_date"))->required();
  cmd->add_option("--to-slot", opts->to_slot, tr("help.opt.to_slot"));
  cmd->add_option("--start", opts->start, tr("help.opt.start"));
  cmd->add_option("--end", opts->end, tr("help.opt.end"));
  cmd->add_option("--by", opts->by, tr("help.opt.by.who_cancels"))->required();
  cmd->add_option("--notified", opts->notified, tr("help.opt.notified.date_the_other_party"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_session_move(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool session_move_registered = register_command(43, setup_session_move);
}  // namespace

}  // namespace ledger
