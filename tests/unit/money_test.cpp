// Money movements: invoice add, payment add, refund add, funding receipt (DESIGN section 3).
#include "cli/money.hpp"
#include "reimbursement_fixture.hpp"

namespace ledger::testing {
namespace {

// A second training body, "ouest" (VAT 20 %), delivering CSU.
const std::string kSecondOrg = R"(
[[training_org]]
key = "ouest"
name = "CRF Ouest"
siret = "13000000000013"
nda = "52440987654"
vat_rate = 20
[[module]]
code = "CSU"
org = "ouest"
hours = 105
price_ht = "3150.00"
)";

struct MoneyMovements : ReimbursementFixture {
  void SetUp() override { import(convention_toml(kOpenFunding) + kSecondOrg); }

  int invoice(const std::string& org, const std::string& number, const std::string& kind, const std::string& module,
              const std::string& ht, const std::string& vat = "") {
    return run_invoice_add(*ledger, clock, out, InvoiceAddOptions{"", org, number, "2026-10-01", kind, module, ht, vat});
  }
  int pay(const std::string& number, const std::string& amount, const std::string& org = "") {
    return run_payment_add(*ledger, clock, out, PaymentAddOptions{"", number, org, "2026-10-02", amount});
  }
  std::string message(const std::function<void()>& f) {
    try {
      f();
    } catch (const InputError& e) {
      return e.problems().at(0).message();
    }
    return "(accepted)";
  }
  std::int64_t stored(const std::string& column_of_last_invoice) {
    auto q = ledger->query("money_invoice_find");
    q.bind(":convention", load_convention(*ledger, "").convention.id);
    q.bind(":number", "F1");
    EXPECT_TRUE(q.next());
    const auto v = q.i64(column_of_last_invoice);
    q.reset();
    return v;
  }
};

TEST_F(MoneyMovements, InvoiceVatDefaultsToTheTrainingBodysRate) {
  invoice("ouest", "F1", "training", "CSU", "1000");
  EXPECT_EQ(stored("vat_rate_bp"), 2000);
  EXPECT_EQ(stored("amount_ht_cents"), 100000);
  EXPECT_NE(out.str().find("1 200,00 € TTC"), std::string::npos) << out.str();
}

TEST_F(MoneyMovements, InvoiceVatGivenOverridesAndExemptIsZero) {
  invoice("crf", "F1", "training", "PASS", "1220", "5,5");
  EXPECT_EQ(stored("vat_rate_bp"), 550);
}

TEST_F(MoneyMovements, InvoiceRefusals) {
  EXPECT_EQ(message([&] { invoice("nope", "F1", "training", "PASS", "1"); }), "--org: nope: no such training body in CQP-EDGE");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "gift", "PASS", "1"); }), "--kind: gift: expected training, indemnity or expenses");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "PASS", "12.345"); }), "--amount-ht: 12.345: more than two decimals");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "CSU", "1"); }), "--module: CSU: delivered by ouest, not crf");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "", "1"); }),
            "--module: a training invoice names its module (crf delivers PASS, PREMSS)");
  invoice("crf", "F1", "training", "PASS", "1");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "expenses", "", "1"); }),
            "--number: F1: crf already has an invoice with this number (dated 2026-10-01)");
  EXPECT_EQ(count("invoice"), 1);
}

TEST_F(MoneyMovements, TrainingInvoiceDefaultsToTheOnlyModuleOfItsBody) {
  invoice("ouest", "F1", "training", "", "100");
  EXPECT_NE(out.str().find("(training, CSU)"), std::string::npos) << out.str();
}

TEST_F(MoneyMovements, SameNumberAtTwoBodiesNeedsOrgToPay) {
  invoice("crf", "F1", "training", "PASS", "100");
  invoice("ouest", "F1", "training", "CSU", "100");
  EXPECT_EQ(message([&] { pay("F1", "10"); }), "--invoice: F1: several training bodies use this number (crf, ouest): say which with --org");
  pay("F1", "120", "ouest");
  EXPECT_NE(out.str().find("payment of 120,00 € on invoice F1 of ouest (100,00 € HT)"), std::string::npos) << out.str();
  EXPECT_EQ(count("payment"), 1);
}

TEST_F(MoneyMovements, PaymentRefusals) {
  invoice("ouest", "F1", "training", "CSU", "100");  // 120,00 € TTC
  EXPECT_EQ(message([&] { pay("F9", "1"); }), "--invoice: F9: no invoice with this number");
  EXPECT_EQ(message([&] { pay("F1", "0"); }), "--amount: 0: must be above 0");
  EXPECT_EQ(message([&] { pay("F1", "1,001"); }), "--amount: 1,001: more than two decimals");
  pay("F1", "100");
  EXPECT_EQ(message([&] { pay("F1", "20.01"); }), "--amount: 20.01: more than is left to pay on invoice F1 of ouest (20,00 € of 120,00 € TTC)");
  pay("F1", "20");
  EXPECT_EQ(count("payment"), 2);
}

TEST_F(MoneyMovements, RefundAndFundingReceipt) {
  EXPECT_EQ(message([&] { run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "CSU", "2026-11-02", "10"}); }),
            "--module: CSU: delivered by ouest, not crf");
  run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "PREMSS", "2026-11-02", "100,50"});
  EXPECT_EQ(count("refund"), 1);
  EXPECT_EQ(message([&] { run_funding_receipt(*ledger, clock, out, FundingReceiptOptions{"", "X", "2026-11-03", "1"}); }),
            "--funding: X: no such funding agreement in CQP-EDGE");
  run_funding_receipt(*ledger, clock, out, FundingReceiptOptions{"", "F1", "2026-11-03", "64,05"});
  EXPECT_EQ(count("funder_receipt"), 1);
  EXPECT_NE(out.str().find("received 64,05 € from Uniformation under F1 on 2026-11-03"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace ledger::testing
