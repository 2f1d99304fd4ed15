// Money movements (DESIGN section 3): invoices of the training bodies, the beneficiary's payments,
// refunds by a training body (Art. 12) and the OPCA's receipts (Art. 11). Callable in-process.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "app/text.hpp"
#include "cli/forced.hpp"
#include "domain/sessions.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct InvoiceAddOptions {
  std::string convention, org, number, date, kind, module, amount_ht, vat_rate;
};

struct PaymentAddOptions {
  std::string convention, invoice, org, date, amount;
  Forcing forcing;  // overpayment
};

struct RefundAddOptions {
  std::string convention, org, module, date, amount;
  Forcing forcing;  // overrefund
};

struct FundingReceiptOptions {
  std::string convention, funding, date, amount;
};

// A money flag: at most two decimals, above zero.
inline Cents amount_flag(const std::string& flag, const std::string& value) {
  const Cents cents = flag_value(flag, value, parse_money);
  if (cents <= 0) throw InputError::flag(flag, value, tr("money.positive"));
  return cents;
}

int run_invoice_add(Ledger& ledger, const Clock& clock, std::ostream& out, const InvoiceAddOptions& opts);
int run_payment_add(Ledger& ledger, const Clock& clock, std::ostream& out, const PaymentAddOptions& opts);
int run_refund_add(Ledger& ledger, const Clock& clock, std::ostream& out, const RefundAddOptions& opts);
int run_funding_receipt(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingReceiptOptions& opts);

}  // namespace ledger
