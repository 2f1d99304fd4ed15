// `ledger payment list`: the beneficiary's payments, with the refusal forced and why, if any.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

Dataset payment_list(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("payment_list");
  q.bind(":convention", st.convention.id);
  bind_org_filter(q, st, opts.org);
  Dataset d;
  d.columns = {{"entry_id", tr("col.entry_id"), ColumnKind::integer},
               {"date", tr("col.date"), ColumnKind::date},
               {"org", tr("col.org")},
               {"invoice", tr("col.records.invoice")},
               {"module", tr("col.module")},
               {"amount_cents", tr("col.records.paid_ttc"), ColumnKind::cents},
               {"amount_ht_cents", tr("col.records.paid_ht"), ColumnKind::cents},
               {"forced", tr("col.records.forced")},
               {"reason", tr("col.reason")},
               {"recorded_at", tr("col.recorded_at")},
               {"recorded_by", tr("col.recorded_by")}};
  while (q.next()) {
    const Cents amount = q.i64("amount_cents"), ht = q.i64("amount_ht_cents");
    d.add({q.i64("id"), q.text("date"), q.text("org"), q.text("invoice"), text_or_null(q, "module"), amount,
           paid_ht(amount, ht, with_vat(ht, q.i64("vat_rate_bp"))), text_or_null(q, "forced"), text_or_null(q, "reason"), q.text("recorded_at"),
           q.text("recorded_by")});
  }
  return d;
}

namespace {
void setup_payment_list(CLI::App& app, Context& ctx) {
  add_org_record_list(app, ctx, "payment", tr("help.cmd.payment"), tr("help.cmd.payment_list"), payment_list, tr("records.no_payment"));
}
const bool payment_list_registered = register_command(74, setup_payment_list);
}  // namespace

}  // namespace ledger
