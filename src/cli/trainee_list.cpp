// `ledger trainee list`: the trainees of the convention, with their joining date if they joined
// after its start and their departure if they left.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"

namespace ledger {

Dataset trainee_list(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("trainee_list");
  q.bind(":convention", st.convention.id);
  Dataset d;
  d.columns = {{"id", tr("col.trainee_id")},
               {"last_name", tr("col.last_name")},
               {"first_name", tr("col.first_name")},
               {"birth_date", tr("col.records.birth_date"), ColumnKind::date},
               {"function", tr("col.records.function")},
               {"contract_start", tr("col.records.contract_start"), ColumnKind::date},
               {"contract_end", tr("col.records.contract_end"), ColumnKind::date},
               {"weekly_min", tr("col.records.weekly"), ColumnKind::minutes},
               {"joins", tr("col.records.joins"), ColumnKind::date},
               {"left_on", tr("col.records.left_on"), ColumnKind::date},
               {"left_reason", tr("col.records.left_reason")}};
  while (q.next())
    d.add({q.text("code"), q.text("last_name"), q.text("first_name"), text_or_null(q, "birth_date"), text_or_null(q, "function"), text_or_null(q, "contract_start"),
           text_or_null(q, "contract_end"), q.i64("weekly_minutes"), text_or_null(q, "joins"), text_or_null(q, "left_on"), text_or_null(q, "left_reason")});
  return d;
}

namespace {
void setup_trainee_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecordListOptions>();
  auto& group = command_group(app, "trainee", tr("help.cmd.trainee"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.trainee_list"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = print_record_list(trainee_list(*ledger, *opts), tr("records.no_trainee"), *ctx.out, *opts);
  });
}
const bool trainee_list_registered = register_command(32, setup_trainee_list);
}  // namespace

}  // namespace ledger
