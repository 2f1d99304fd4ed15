// `ledger invoice list`: the training bodies' invoices, with what the beneficiary paid on each.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

Dataset invoice_list(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("invoice_list");
  q.bind(":convention", st.convention.id);
  bind_org_filter(q, st, opts.org);
  Dataset d;
  d.columns = {{"entry_id", tr("col.entry_id"), ColumnKind::integer},
               {"org", tr("col.org")},
               {"number", tr("col.records.number")},
               {"date", tr("col.date"), ColumnKind::date},
               {"kind", tr("col.records.kind"), ColumnKind::text,
                {{"training", tr("invoice.kind_training")}, {"indemnity", tr("invoice.kind_indemnity")}, {"expenses", tr("invoice.kind_expenses")}}},
               {"module", tr("col.module")},
               {"amount_ht_cents", tr("col.records.amount_ht"), ColumnKind::cents},
               {"vat_rate_bp", tr("col.records.vat_rate"), ColumnKind::basis_points},
               {"amount_ttc_cents", tr("col.records.amount_ttc"), ColumnKind::cents},
               {"paid_ttc_cents", tr("col.records.paid_ttc"), ColumnKind::cents},
               {"left_ttc_cents", tr("col.records.left_ttc"), ColumnKind::cents},
               {"recorded_at", tr("col.recorded_at")},
               {"recorded_by", tr("col.recorded_by")}};
  while (q.next()) {
    const Cents ht = q.i64("amount_ht_cents"), ttc = with_vat(ht, q.i64("vat_rate_bp")), paid = q.i64("paid_cents");
    d.add({q.i64("id"), q.text("org"), q.text("number"), q.text("date"), q.text("kind"),
           text_or_null(q, "module"), ht, q.i64("vat_rate_bp"), ttc, paid, ttc - paid,
           q.text("recorded_at"), q.text("recorded_by")});
  }
  return d;
}

namespace {
void setup_invoice_list(CLI::App& app, Context& ctx) {
  add_org_record_list(app, ctx, "invoice", tr("help.cmd.invoice"), tr("help.cmd.invoice_list"), invoice_list, tr("records.no_invoice"));
}
const bool invoice_list_registered = register_command(73, setup_invoice_list);
}  // namespace

}  // namespace ledger
