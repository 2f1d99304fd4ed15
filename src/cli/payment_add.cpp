// `ledger payment add`: the beneficiary pays (part of) an invoice, TTC (Art. 10).
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_payment_add(Ledger& ledger, const Clock& clock, std::ostream& out, const PaymentAddOptions& given) {
  PaymentAddOptions opts = given;
  check_forcing(opts.forcing, {"overpayment"});
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string number = trim(opts.invoice);
  if (!opts.org.empty() && st.org(opts.org) == nullptr)
    throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
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
    throw InputError::flag("--invoice", number, opts.org.empty() ? tr("payment.no_invoice") : tr("payment.no_invoice_from", fmt::arg("org", opts.org)));
  if (found.size() > 1) {
    std::string orgs;
    for (const auto& f : found) orgs += (orgs.empty() ? "" : ", ") + f.org;
    throw InputError::flag("--invoice", number, tr("payment.ambiguous", fmt::arg("orgs", orgs)));
  }
  const Found& inv = found.front();
  refuse_unless_forced(opts.forcing, "overpayment", inv.paid + amount > inv.ttc,
                       {"", "--amount", opts.amount,
                        tr("payment.too_much", fmt::arg("number", number), fmt::arg("org", inv.org),
                           fmt::arg("left", format_euros(std::max<Cents>(0, inv.ttc - inv.paid))), fmt::arg("ttc", format_euros(inv.ttc)))});
  if (day < inv.date) throw InputError::flag("--date", day, tr("payment.before_invoice", fmt::arg("date", french_date(inv.date))));

  WriteTransaction txn(ledger, clock);
  const std::int64_t id = txn.append("payment", {{"invoice_id", inv.id}, {"date", day}, {"amount_cents", amount},
                                                 {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  record_forcing(txn, opts.forcing, ForcedOn::payment, id);
  txn.commit();
  out << tr("payment.recorded", fmt::arg("amount", format_euros(amount)), fmt::arg("number", number), fmt::arg("org", inv.org),
            fmt::arg("ht", format_euros(paid_ht(amount, inv.ht, inv.ttc))), fmt::arg("date", french_date(day)),
            fmt::arg("left", format_euros(std::max<Cents>(0, inv.ttc - inv.paid - amount))))
      << '\n';
  if (!opts.forcing.refusals.empty())
    out << tr("payment.forced", fmt::arg("excess", format_euros(inv.paid + amount - inv.ttc)), fmt::arg("reason", trim(opts.forcing.reason)))
        << '\n';

  return 0;
}

namespace {
void setup_payment_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<PaymentAddOptions>();
  auto& group = command_group(app, "payment", tr("help.cmd.payment"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", tr("help.cmd.payment_add"));
  cmd->add_option("--invoice", opts->invoice, tr("help.opt.invoice"))->required();
  cmd->add_option("--org", opts->org, tr("help.opt.org.the_training_body_s_key_when"));
  cmd->add_option("--date", opts->date, tr("help.opt.date.payment_date"))->required();
  cmd->add_option("--amount", opts->amount, tr("help.opt.amount.amount_paid"))->required();
  add_force_options(*cmd, opts->forcing, "overpayment");
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
