// `ledger session list`: the half-days planned, held and cancelled.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "report/dataset.hpp"

namespace ledger {


Dataset session_list(Ledger& ledger, const SessionListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("session_list");
  q.bind(":convention", st.convention.id);
  auto bind_opt = [&](const char* name, const std::string& v) {
    if (v.empty()) q.bind(name, Value());
    else q.bind(name, v);
  };
  bind_opt(":module", opts.module);
  bind_opt(":from", opts.from.empty() ? "" : date_flag("--from", opts.from));
  bind_opt(":to", opts.to.empty() ? "" : date_flag("--to", opts.to));
  Dataset d;
  d.columns = {{"date", tr("col.date"), ColumnKind::date}, {"slot", tr("col.slot")}, {"module", tr("col.module")}, {"start", tr("col.start")}, {"end", tr("col.end")},
               {"minutes", tr("col.minutes"), ColumnKind::minutes},
               {"mode", tr("col.mode"), ColumnKind::text, {{"onsite", tr("session.mode_onsite")}, {"elearning", tr("session.mode_elearning")}}},
               {"trainer", tr("col.trainer")}, {"place", tr("col.place")},
               {"status", tr("col.status"), ColumnKind::text, {{"planned", tr("session.status_planned")}, {"cancelled", tr("session.status_cancelled")}}},
               {"cancelled_by", tr("col.cancelled_by"), ColumnKind::text, {{"of", tr("party.of")}, {"beneficiary", tr("party.beneficiary")}}},
               {"notified", tr("col.notified")},
               {"with_convention", tr("col.with_convention"), ColumnKind::boolean},
               {"entries", tr("col.entries"), ColumnKind::integer}, {"sheet", tr("col.sheet")}};
  while (q.next()) {
    const bool cancelled = !q.is_null("cancelled_by");
    const std::string module = q.text("module"), date = q.text("date"),
                      slot = q.text("slot");
    d.add({date, slot, module, text_or_null(q, "start_time"), text_or_null(q, "end_time"), q.i64("minutes"), text_or_null(q, "mode"),
           text_or_null(q, "trainer"), text_or_null(q, "place"), std::string(cancelled ? "cancelled" : "planned"), text_or_null(q, "cancelled_by"),
           text_or_null(q, "notified"), q.flag("with_convention"), q.i64("entries"),
           sheet_id(st.convention.ref, module, date, slot)});
  }
  return d;
}

int run_session_list(Ledger& ledger, std::ostream& out, const SessionListOptions& opts) {
  render(session_list(ledger, opts), opts.format, out, opts.output);
  return 0;
}

namespace {
void setup_session_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionListOptions>();
  auto& group = command_group(app, "session", tr("help.cmd.session"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.session_list"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.only_this"));
  cmd->add_option("--from", opts->from, tr("help.opt.from.from_this"));
  cmd->add_option("--to", opts->to, tr("help.opt.to.to_this"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_session_list(*ledger, *ctx.out, *opts);
  });
}
const bool session_list_registered = register_command(41, setup_session_list);
}  // namespace

}  // namespace ledger
