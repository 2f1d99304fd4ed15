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
    return run_payment_add(*ledger, clock, out, PaymentAddOptions{"", number, org, "2026-10-02", amount, {}});
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
  EXPECT_EQ(message([&] { invoice("nope", "F1", "training", "PASS", "1"); }), "--org: nope: aucun organisme de formation de cette clé dans CQP-EDGE");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "gift", "PASS", "1"); }), "--kind: gift: attendu\u00a0: training (formation), indemnity (indemnité) ou expenses (frais)");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "PASS", "12.345"); }), "--amount-ht: 12.345: plus de deux décimales");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "CSU", "1"); }), "--module: CSU: module dispensé par ouest, pas par crf");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "training", "", "1"); }),
            "--module: une facture de formation nomme son module (crf dispense PASS, PREMSS)");
  invoice("crf", "F1", "training", "PASS", "1");
  EXPECT_EQ(message([&] { invoice("crf", "F1", "expenses", "", "1"); }),
            "--number: F1: crf a déjà une facture de ce numéro (datée du 1er octobre 2026)");
  EXPECT_EQ(count("invoice"), 1);
}

TEST_F(MoneyMovements, TrainingInvoiceDefaultsToTheOnlyModuleOfItsBody) {
  invoice("ouest", "F1", "training", "", "100");
  EXPECT_NE(out.str().find("(formation, CSU)"), std::string::npos) << out.str();
}

TEST_F(MoneyMovements, SameNumberAtTwoBodiesNeedsOrgToPay) {
  invoice("crf", "F1", "training", "PASS", "100");
  invoice("ouest", "F1", "training", "CSU", "100");
  EXPECT_EQ(message([&] { pay("F1", "10"); }), "--invoice: F1: plusieurs organismes de formation utilisent ce numéro (crf, ouest)\u202f; précisez lequel avec --org");
  pay("F1", "120", "ouest");
  EXPECT_NE(out.str().find("paiement de 120,00 € sur la facture F1 de ouest (100,00 € HT)"), std::string::npos) << out.str();
  EXPECT_EQ(count("payment"), 1);
}

TEST_F(MoneyMovements, PaymentRefusals) {
  invoice("ouest", "F1", "training", "CSU", "100");  // 120,00 € TTC
  EXPECT_EQ(message([&] { pay("F9", "1"); }), "--invoice: F9: aucune facture de ce numéro");
  EXPECT_EQ(message([&] { pay("F1", "0"); }), "--amount: 0: doit être supérieur à 0");
  EXPECT_EQ(message([&] { pay("F1", "1,001"); }), "--amount: 1,001: plus de deux décimales");
  pay("F1", "100");
  EXPECT_EQ(message([&] { pay("F1", "20.01"); }),
            "--amount: 20.01: plus que le reste à payer de la facture F1 de ouest (20,00 € sur 120,00 € TTC) ; si c'est voulu : --force overpayment --reason \"…\"");
  pay("F1", "20");
  EXPECT_EQ(count("payment"), 2);
}

TEST_F(MoneyMovements, RefundAndFundingReceipt) {
  EXPECT_EQ(message([&] { run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "CSU", "2026-11-02", "10", {}}); }),
            "--module: CSU: module dispensé par ouest, pas par crf");
  // A refund takes back money paid HT on the module (crf charges no VAT here).
  invoice("crf", "F7", "training", "PREMSS", "100,50");
  pay("F7", "100,50");
  run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "PREMSS", "2026-11-02", "100,50", {}});
  EXPECT_EQ(count("refund"), 1);
  EXPECT_EQ(message([&] { run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "PREMSS", "2026-11-02", "0,01", {}}); }),
            "--amount: 0,01: plus que ce qui reste à rembourser pour PREMSS au 2 novembre 2026 : 100,50 € payés HT, 100,50 € déjà remboursés ; reste 0,00 € ; si c'est voulu : --force overrefund --reason \"…\"");
  Forcing forcing{{"overrefund"}, "pénalité de l'article 12"};
  run_refund_add(*ledger, clock, out, RefundAddOptions{"", "crf", "PREMSS", "2026-11-02", "0,01", forcing});
  EXPECT_EQ(count("refund"), 2);
  EXPECT_EQ(count("forced_write"), 1);
  EXPECT_EQ(message([&] { run_funding_receipt(*ledger, clock, out, FundingReceiptOptions{"", "X", "2026-11-03", "1"}); }),
            "--funding: X: aucun accord de financement de cette référence dans CQP-EDGE");
  run_funding_receipt(*ledger, clock, out, FundingReceiptOptions{"", "F1", "2026-11-03", "64,05"});
  EXPECT_EQ(count("funder_receipt"), 1);
  EXPECT_NE(out.str().find("reçu 64,05 € de Uniformation au titre de F1 le 3 novembre 2026"), std::string::npos) << out.str();
}

}  // namespace
}  // namespace ledger::testing
