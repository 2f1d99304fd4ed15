// `ledger attend history`: every entry, superseded ones with the reason they were corrected.
#include "cli/context.hpp"
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
  d.columns = {{"entry_id", "entrée", ColumnKind::integer}, {"date", "date"}, {"slot", "dj"}, {"module", "module"},
               {"trainee_id", "stagiaire"}, {"minutes", "présence", ColumnKind::minutes}, {"absence", "absence"},
               {"trainee_signed", "signé", ColumnKind::boolean}, {"trainer_signed", "formateur", ColumnKind::boolean},
               {"proof", "preuve"}, {"sheet", "feuille"}, {"status", "état"}, {"reason", "motif"},
               {"recorded_at", "enregistré le"}, {"recorded_by", "par"}};
  while (q.next()) {
    const auto superseded_by = q.opt_text("superseded_by");
    std::string status = !superseded_by ? "current" : "superseded by " + *superseded_by;
    const auto reason = q.opt_text("reason");
    d.add({q.i64("id"), q.text("date"), q.text("slot"),
           q.text("module"), q.text("trainee"), q.i64("minutes"),
           q.text("absence"), q.i64("trainee_signed"), q.i64("trainer_signed"),
           q.text("proof"), q.text("sheet"), status,
           !reason ? Datum() : Datum(*reason), q.text("recorded_at"),
           q.text("recorded_by")});
  }
  return d;
}

int run_attend_history(Ledger& ledger, std::ostream& out, const AttendHistoryOptions& opts) {
  const Dataset d = attendance_history(ledger, opts);
  if (d.rows.empty() && opts.format == Format::table) {
    out << "no attendance entry matches\n";
    return 0;
  }
  render(d, opts.format, out);
  return 0;
}

namespace {
void setup_attend_history(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendHistoryOptions>();
  auto& group = command_group(app, "attend", "Record attendance: one half-day, or digitised sheets with --file");
  auto* cmd = group.add_subcommand("history", "Every entry, superseded ones with their reasons");
  cmd->add_option("--trainee", opts->trainee, "Only this trainee");
  cmd->add_option("--module", opts->module, "Only this module");
  cmd->add_option("--from", opts->from, "From this date");
  cmd->add_option("--to", opts->to, "To this date");
  add_format_option(*cmd, opts->format);
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
