// `ledger convention history`: every version of the convention (1: as imported, then one per
// avenant) with when and by whom it was recorded, why, and each value it changed.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"

namespace ledger {

namespace {

// How the table names a field an avenant changed (`module[PREMSS].price_ht`): "PREMSS : prix HT",
// an addition (`trainee[T03]`) "ajout du stagiaire T03"; CSV and JSON keep the field.
std::string field_label(const std::string& field) {
  static const CodeLabels keys = {
      {"convention.ends", tr("amend.field.ends")},
      {"clauses.beneficiary_notice_days", tr("amend.field.beneficiary_notice_days")},
      {"clauses.beneficiary_percent", tr("amend.field.beneficiary_percent")},
      {"clauses.beneficiary_amount", tr("amend.field.beneficiary_amount")},
      {"clauses.of_notice_days", tr("amend.field.of_notice_days")},
      {"clauses.of_percent", tr("amend.field.of_percent")},
      {"clauses.of_amount", tr("amend.field.of_amount")},
      {"clauses.partial_percent", tr("amend.field.partial_percent")},
      {"clauses.partial_amount", tr("amend.field.partial_amount")},
      {"hours", tr("amend.field.hours")},
      {"training_hours", tr("amend.field.training_hours")},
      {"support_hours", tr("amend.field.support_hours")},
      {"evaluation_hours", tr("amend.field.evaluation_hours")},
      {"days", tr("amend.field.days")},
      {"price_ht", tr("amend.field.price_ht")}};
  static const CodeLabels added = {{"module", tr("amend.field.module_added")},
                                   {"trainee", tr("amend.field.trainee_added")},
                                   {"funding", tr("amend.field.funding_added")}};
  const auto open = field.find('['), close = field.find(']');
  if (open == std::string::npos || close == std::string::npos) return code_label(keys, field);
  const std::string table = field.substr(0, open), id = field.substr(open + 1, close - open - 1);
  if (close + 1 == field.size()) return tr("amend.field.added", fmt::arg("what", code_label(added, table)), fmt::arg("id", id));
  return tr("amend.field.of_module", fmt::arg("module", id), fmt::arg("what", code_label(keys, field.substr(close + 2))));
}

}  // namespace

Dataset convention_history(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("amendment_list");
  q.bind(":convention", st.convention.id);
  q.bind(":version", Value());
  Dataset d;
  d.columns = {{"version", tr("amend.col.version"), ColumnKind::integer},
               {"recorded_at", tr("col.recorded_at")},
               {"recorded_by", tr("col.recorded_by")},
               {"reason", tr("col.reason")},
               {"field", tr("amend.col.field")},
               {"old_value", tr("amend.col.old")},
               {"new_value", tr("amend.col.new")}};
  while (q.next()) {
    d.add({q.i64("version"), q.text("recorded_at"), q.text("recorded_by"), text_or_null(q, "reason"), text_or_null(q, "field"),
           text_or_null(q, "old_value"), text_or_null(q, "new_value")});
    if (const auto field = q.opt_text("field")) d.columns[4].labels.emplace_back(*field, field_label(*field));
  }
  return d;
}

namespace {
void setup_convention_history(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecordListOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("history", tr("amend.help.history"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = print_record_list(convention_history(*ledger, *opts), "", *ctx.out, *opts);
  });
}
const bool convention_history_registered = register_command(27, setup_convention_history);
}  // namespace

}  // namespace ledger
