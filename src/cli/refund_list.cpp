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
  while (q.next())
    d.add({q.i64("id"), q.text("date"), q.text("org"), q.text("module"), q.i64("amount_cents"), text_or_null(q, "forced"), text_or_null(q, "reason"),
           q.text("recorded_at"), q.text("recorded_by")});
  return d;
}

namespace {
void setup_refund_list(CLI::App& app, Context& ctx) {
  add_org_record_list(app, ctx, "refund", tr("help.cmd.refund"), tr("help.cmd.refund_list"), refund_list, tr("records.no_refund"));
}
const bool refund_list_registered = register_command(77, setup_refund_list);
}  // namespace

}  // namespace ledger
