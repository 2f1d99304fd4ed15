// `ledger session list`: the half-days planned, held and cancelled.
#include "app/command.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "report/dataset.hpp"

namespace ledger {


Dataset session_list(Ledger& ledger, const SessionListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto& q = ledger.query("session_list");
  q.bind(":convention", st.convention.id);
  auto bind_opt = [&](const char* name, const std::string& v) {
    if (v.empty()) q.bind(name);
    else q.bind(name, v);
  };
  bind_opt(":module", opts.module);
  bind_opt(":from", opts.from.empty() ? "" : date_flag("--from", opts.from));
  bind_opt(":to", opts.to.empty() ? "" : date_flag("--to", opts.to));
  Dataset d;
  d.columns = {{"date", "date", ColumnKind::date}, {"slot", "demi-journée"}, {"module", "module"}, {"start", "début"}, {"end", "fin"},
               {"minutes", "durée", ColumnKind::minutes}, {"mode", "modalité"}, {"trainer", "formateur"},
               {"place", "lieu"}, {"status", "statut"}, {"entries", "émargements", ColumnKind::integer}, {"sheet", "feuille"}};
  auto text = [&](const char* col) -> Datum {
    const auto c = q.getColumn(col);
    return c.isNull() ? Datum() : Datum(c.getString());
  };
  while (q.executeStep()) {
    const auto cancelled = q.getColumn("cancelled_by");
    std::string status = "planned";
    if (!cancelled.isNull())
      status = std::string("cancelled by ") + (cancelled.getString() == "of" ? "the training body" : "the beneficiary") +
               ", notified " + q.getColumn("notified").getString();
    const std::string module = q.getColumn("module").getString(), date = q.getColumn("date").getString(),
                      slot = q.getColumn("slot").getString();
    d.add({date, slot, module, text("start_time"), text("end_time"), q.getColumn("minutes").getInt64(), text("mode"),
           text("trainer"), text("place"), status, q.getColumn("entries").getInt64(),
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
  auto& group = command_group(app, "session", "Plan, list and cancel half-day sessions");
  auto* cmd = group.add_subcommand("list", "List half-days with their status and entries");
  cmd->add_option("--module", opts->module, "Only this module");
  cmd->add_option("--from", opts->from, "From this date");
  cmd->add_option("--to", opts->to, "To this date");
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = ctx.open();
    ctx.exit_code = run_session_list(*ledger, *ctx.out, *opts);
  });
}
const bool session_list_registered = register_command(41, setup_session_list);
}  // namespace

}  // namespace ledger
