// `ledger payment add`: the beneficiary pays (part of) an invoice, TTC (Art. 10).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_payment_add(Ledger& ledger, const Clock& clock, std::ostream& out, const PaymentAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string number = trim(opts.invoice);
  if (!opts.org.empty() && st.org(opts.org) == nullptr)
    throw InputError::flag("--org", opts.org, "no such training body in " + st.convention.ref);
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);

  struct Found {
    std::int64_t id;
    std::string org, date;
    Cents ht, ttc, paid;
  };
  std::vector<Found> found;
  auto q = ledger.query("money_invoice_find");
  q.bind(":convention", st.convention.id);
  q.bind(":number", number);
  while (q.next()) {
    if (!opts.org.empty() && q.text("org_key") != opts.org) continue;
    const Cents ht = q.i64("amount_ht_cents");
    found.push_back({q.i64("id"), q.text("org_key"), q.text("date"), ht,
                     with_vat(ht, q.i64("vat_rate_bp")), q.i64("paid_cents")});
  }
  q.reset();
  if (found.empty())
    throw InputError::flag("--invoice", number, "no invoice with this number" + (opts.org.empty() ? "" : " from " + opts.org));
  if (found.size() > 1) {
    std::string orgs;
    for (const auto& f : found) orgs += (orgs.empty() ? "" : ", ") + f.org;
    throw InputError::flag("--invoice", number, "several training bodies use this number (" + orgs + "): say which with --org");
  }
  const Found& inv = found.front();
  if (inv.paid + amount > inv.ttc)
    throw InputError::flag("--amount", opts.amount, fmt::format("more than is left to pay on invoice {} of {} ({} of {} TTC)", number,
                                                                inv.org, format_euros(inv.ttc - inv.paid), format_euros(inv.ttc)));
  if (day < inv.date) throw InputError::flag("--date", day, "before the invoice's date (" + inv.date + ")");

  WriteTransaction txn(ledger, clock);
  txn.append("payment", {{"invoice_id", inv.id}, {"date", day}, {"amount_cents", amount},
                         {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("payment of {} on invoice {} of {} ({} HT) dated {}; left to pay {}\n", format_euros(amount), number, inv.org,
                     format_euros(paid_ht(amount, inv.ht, inv.ttc)), day, format_euros(inv.ttc - inv.paid - amount));
  return 0;
}

namespace {
void setup_payment_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<PaymentAddOptions>();
  auto& group = command_group(app, "payment", "The beneficiary's payments of invoices");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", "Record a payment (TTC) of an invoice");
  cmd->add_option("--invoice", opts->invoice, "Invoice number")->required();
  cmd->add_option("--org", opts->org, "The training body's key, when several use this number");
  cmd->add_option("--date", opts->date, "Payment date")->required();
  cmd->add_option("--amount", opts->amount, "Amount paid, TTC, in euros")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_payment_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool payment_add_registered = register_command(71, setup_payment_add);
}  // namespace

}  // namespace ledger
