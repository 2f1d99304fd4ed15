// `ledger attend history`: every entry, superseded ones with the reason they were corrected.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "report/dataset.hpp"

namespace ledger {


Dataset attendance_history(Ledger& ledger, const AttendHistoryOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("attendance_history");
  q.bind(":convention", st.convention.id);
  auto bind_opt = [&](const char* name, const std::string& v) {
    if (v.empty()) q.bind(name, Value());
    else q.bind(name, v);
  };
  bind_opt(":trainee", opts.trainee);
  bind_opt(":module", opts.module);
  bind_opt(":from", opts.from.empty() ? "" : date_flag("--from", opts.from));
  bind_opt(":to", opts.to.empty() ? "" : date_flag("--to", opts.to));
  Dataset d;
  d.columns = {{"entry_id", tr("col.entry_id"), ColumnKind::integer}, {"date", tr("col.date"), ColumnKind::date}, {"slot", tr("col.attend_history.slot")}, {"module", tr("col.module")},
               {"trainee_id", tr("col.trainee_id")}, {"minutes", tr("col.attend_history.minutes"), ColumnKind::minutes}, {"absence", tr("col.absence"), ColumnKind::text, {{"justified", tr("history.justified")}, {"unjustified", tr("history.unjustified")}}},
               {"trainee_signed", tr("col.trainee_signed"), ColumnKind::boolean}, {"trainer_signed", tr("col.trainer_signed"), ColumnKind::boolean},
               {"proof", tr("col.proof")}, {"sheet", tr("col.sheet")},
               {"status", tr("col.attend_history.status"), ColumnKind::text, {{"current", tr("history.current")}, {"superseded", tr("history.superseded")}, {"void", tr("history.void")}}},
               {"superseded_by", tr("col.superseded_by"), ColumnKind::integer}, {"reason", tr("col.reason")},
               {"recorded_at", tr("col.recorded_at")}, {"recorded_by", tr("col.recorded_by")}};
  while (q.next()) {
    const auto superseded_by = q.opt_i64("superseded_by");
    const auto reason = q.opt_text("reason");
    // A void (`attend void`) removes the entry before it: it has no minutes, absence nor signatures.
    const bool is_void = q.text("kind") == "void";
    auto integer = [&](const char* col) { return q.is_null(col) ? Datum() : Datum(q.i64(col)); };
    d.add({q.i64("id"), q.text("date"), q.text("slot"), q.text("module"), q.text("trainee"), integer("minutes"),
           text_or_null(q, "absence"), integer("trainee_signed"), integer("trainer_signed"), text_or_null(q, "proof"), text_or_null(q, "sheet"),
           std::string(superseded_by ? "superseded" : is_void ? "void" : "current"), superseded_by ? Datum(*superseded_by) : Datum(),
           reason ? Datum(*reason) : Datum(), q.text("recorded_at"),
           q.text("recorded_by")});
  }
  return d;
}

int run_attend_history(Ledger& ledger, std::ostream& out, const AttendHistoryOptions& opts) {
  const Dataset d = attendance_history(ledger, opts);
  if (d.rows.empty() && opts.format == Format::table) {
    out << tr("history.none") << '\n';

    return 0;
  }
  render(d, opts.format, out, opts.output);
  return 0;
}

namespace {
void setup_attend_history(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendHistoryOptions>();
  auto& group = command_group(app, "attend", tr("help.cmd.attend"));
  auto* cmd = group.add_subcommand("history", tr("help.cmd.attend_history"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.only_this"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.only_this"));
  cmd->add_option("--from", opts->from, tr("help.opt.from.from_this"));
  cmd->add_option("--to", opts->to, tr("help.opt.to.to_this"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_attend_history(*ledger, *ctx.out, *opts);
  });
}
const bool attend_history_registered = register_command(62, setup_attend_history);
}  // namespace

}  // namespace ledger
