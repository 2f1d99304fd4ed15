// `ledger attend history`: every entry, superseded ones with the reason they were corrected.
#include "app/command.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "report/dataset.hpp"

namespace ledger {


Dataset attendance_history(Ledger& ledger, const AttendHistoryOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto& q = ledger.query("attendance_history");
  q.bind(":convention", st.convention.id);
  auto bind_opt = [&](const char* name, const std::string& v) {
    if (v.empty()) q.bind(name);
    else q.bind(name, v);
  };
  bind_opt(":trainee", opts.trainee);
  bind_opt(":module", opts.module);
  bind_opt(":from", opts.from.empty() ? "" : date_flag("--from", opts.from));
  bind_opt(":to", opts.to.empty() ? "" : date_flag("--to", opts.to));
  Dataset d;
  d.columns = {{"entry_id", "entrée", ColumnKind::integer}, {"date", "date", ColumnKind::date}, {"slot", "dj"}, {"module", "module"},
               {"trainee_id", "stagiaire"}, {"minutes", "présence", ColumnKind::minutes}, {"absence", "absence"},
               {"trainee_signed", "signé", ColumnKind::boolean}, {"trainer_signed", "formateur", ColumnKind::boolean},
               {"proof", "preuve"}, {"sheet", "feuille"}, {"status", "état"}, {"reason", "motif"},
               {"recorded_at", "enregistré le"}, {"recorded_by", "par"}};
  while (q.executeStep()) {
    const auto superseded_by = q.getColumn("superseded_by");
    std::string status = superseded_by.isNull() ? "current" : "superseded by " + superseded_by.getString();
    const auto reason = q.getColumn("reason");
    d.add({q.getColumn("id").getInt64(), q.getColumn("date").getString(), q.getColumn("slot").getString(),
           q.getColumn("module").getString(), q.getColumn("trainee").getString(), q.getColumn("minutes").getInt64(),
           q.getColumn("absence").getString(), q.getColumn("trainee_signed").getInt64(), q.getColumn("trainer_signed").getInt64(),
           q.getColumn("proof").getString(), q.getColumn("sheet").getString(), status,
           reason.isNull() ? Datum() : Datum(reason.getString()), q.getColumn("recorded_at").getString(),
           q.getColumn("recorded_by").getString()});
  }
  return d;
}

int run_attend_history(Ledger& ledger, std::ostream& out, const AttendHistoryOptions& opts) {
  const Dataset d = attendance_history(ledger, opts);
  if (d.rows.empty() && opts.format == Format::table) {
    out << "no attendance entry matches\n";
    return 0;
  }
  render(d, opts.format, out, opts.output);
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
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = ctx.open();
    ctx.exit_code = run_attend_history(*ledger, *ctx.out, *opts);
  });
}
const bool attend_history_registered = register_command(62, setup_attend_history);
}  // namespace

}  // namespace ledger
