// `ledger refund list`: what the training bodies paid back, with the refusal forced and why, if any.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"

namespace ledger {

Dataset refund_list(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("refund_list");
  q.bind(":convention", st.convention.id);
  bind_org_filter(q, st, opts.org);
  Dataset d;
  d.columns = {{"entry_id", tr("col.entry_id"), ColumnKind::integer},
               {"date", tr("col.date"), ColumnKind::date},
               {"org", tr("col.org")},
               {"module", tr("col.module")},
               {"amount_cents", tr("col.records.refunded"), ColumnKind::cents},
               {"forced", tr("col.records.forced")},
               {"reason", tr("col.reason")},
               {"recorded_at", tr("col.recorded_at")},
               {"recorded_by", tr("col.recorded_by")}};
  auto text = [&](const char* col) { return q.is_null(col) ? Datum() : Datum(q.text(col)); };
  while (q.next())
    d.add({q.i64("id"), q.text("date"), q.text("org"), q.text("module"), q.i64("amount_cents"), text("forced"), text("reason"),
           q.text("recorded_at"), q.text("recorded_by")});
  return d;
}

namespace {
void setup_refund_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecordListOptions>();
  auto& group = command_group(app, "refund", tr("help.cmd.refund"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.refund_list"));
  cmd->add_option("--org", opts->org, tr("help.opt.org.only_this"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = print_record_list(refund_list(*ledger, *opts), tr("records.no_refund"), *ctx.out, *opts);
  });
}
const bool refund_list_registered = register_command(77, setup_refund_list);
}  // namespace

}  // namespace ledger
