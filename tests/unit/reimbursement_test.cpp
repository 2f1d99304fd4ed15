// The month-end report's edge cases (issue 3), each on a small ledger built through the commands.
// Conventions from convention_toml (reimbursement_fixture.hpp): v(x) = 50·x cents for PREMSS.
#include "cli/money.hpp"
#include "reimbursement_fixture.hpp"
#include "report/reimbursement.hpp"

namespace ledger::testing {
namespace {

struct Reimbursement : ReimbursementFixture {
  ReimbursementReport month(const std::string& yyyy_mm) {
    return compute_reimbursement(*ledger, load_convention(*ledger, ""), Period::of_month(yyyy_mm));
  }
  ReimbursementReport as_of(const std::string& day) {
    return compute_reimbursement(*ledger, load_convention(*ledger, ""), Period::as_of(day));
  }
  static const ReimbursementRow& row(const ReimbursementReport& r, const std::string& trainee, const std::string& module) {
    for (const auto& x : r.rows)
      if (x.trainee_id == trainee && x.module == module) return x;
    throw std::logic_error("no row " + trainee + " " + module);
  }
  static const OrgModuleLine& line(const ReimbursementReport& r, const std::string& module) {
    for (const auto& x : r.orgs)
      if (x.module == module) return x;
    throw std::logic_error("no line " + module);
  }
  void invoice(const std::string& number, const std::string& module, const std::string& ht, const std::string& kind = "training") {
    InvoiceAddOptions o;
    o.org = "crf", o.number = number, o.date = "2026-10-01", o.kind = kind, o.module = module, o.amount_ht = ht;
    run_invoice_add(*ledger, clock, out, o);
  }
  void pay(const std::string& number, const std::string& amount) {
    PaymentAddOptions o;
    o.invoice = number, o.date = "2026-10-02", o.amount = amount;
    run_payment_add(*ledger, clock, out, o);
  }
};

// Ids compare as text: T01 < T10 < T2, in rows and in the hour cap's walk.
TEST_F(Reimbursement, IdsSortAsTextInRowsAndInTheHourCapWalk) {
  import(convention_toml(kOpenFunding + "cap_hours = 6\n"));
  plan("PREMSS", "2026-10-05", "am", 180);
  plan("PASS", "2026-10-06", "am", 60);  // unrecorded: rows for PASS too
  all_present("PREMSS", "2026-10-05", "am");
  const auto r = month("2026-10");
  ASSERT_EQ(r.rows.size(), 6u);
  std::vector<std::string> order;
  for (const auto& x : r.rows) order.push_back(x.trainee_id + "/" + x.module);
  EXPECT_EQ(order, (std::vector<std::string>{"T01/PASS", "T01/PREMSS", "T10/PASS", "T10/PREMSS", "T2/PASS", "T2/PREMSS"}));
  // Cap 360 min over one half-day of 180 for three trainees: T01 and T10 whole, T2 nothing.
  EXPECT_EQ(row(r, "T01", "PREMSS").covered, 180);
  EXPECT_EQ(row(r, "T10", "PREMSS").covered, 180);
  EXPECT_EQ(row(r, "T2", "PREMSS").covered, 0);
}

TEST_F(Reimbursement, HourCapCrossedInTheMiddleOfAHalfDay) {
  import(convention_toml(kOpenFunding + "cap_hours = 5\n"));  // 300 min
  plan("PREMSS", "2026-10-05", "am", 210);
  all_present("PREMSS", "2026-10-05", "am");
  const auto r = month("2026-10");
  EXPECT_EQ(row(r, "T01", "PREMSS").covered, 210);
  EXPECT_EQ(row(r, "T10", "PREMSS").covered, 90);  // crosses the cap: 300 - 210
  EXPECT_EQ(row(r, "T2", "PREMSS").covered, 0);
  // 9,15 €/h × 1 h 30 = 13,725 -> 13,73 €; v(90) = 45,00 €.
  EXPECT_EQ(row(r, "T10", "PREMSS").opca_claim, 1373);
  EXPECT_EQ(r.funding.at(0).covered, 300);
}

TEST_F(Reimbursement, EuroCapCrossedInTheMiddleOfAMonth) {
  import(convention_toml(kOpenFunding + "cap_amount = \"50.00\"\n"));
  plan("PREMSS", "2026-10-05", "am", 210);
  all_present("PREMSS", "2026-10-05", "am");
  const auto r = month("2026-10");
  // Each claim: 9,15 × 3,5 h = 32,025 -> 32,03 € (below v(210) = 105 €). Walk T01, T10, T2:
  // 32,03 then 17,97 (crossing: 50,00 - 32,03), then 0.
  EXPECT_EQ(row(r, "T01", "PREMSS").opca_claim, 3203);
  EXPECT_EQ(row(r, "T10", "PREMSS").opca_claim, 1797);
  EXPECT_EQ(row(r, "T2", "PREMSS").opca_claim, 0);
  EXPECT_EQ(row(r, "T2", "PREMSS").covered, 210);  // covered in hours, not in euros
  EXPECT_EQ(row(r, "T2", "PREMSS").beneficiary_share, 10500);
  EXPECT_EQ(r.funding.at(0).claimed_to_date, 5000);
}

TEST_F(Reimbursement, CapsExhaustedByEarlierMonths) {
  import(convention_toml(kOpenFunding + "cap_hours = 8\ncap_amount = \"60.00\"\n"));
  plan("PREMSS", "2026-09-28", "am", 180);
  plan("PREMSS", "2026-10-05", "am", 180);
  all_present("PREMSS", "2026-09-28", "am");
  all_present("PREMSS", "2026-10-05", "am");
  // September: 3 × 180 = 540 min eligible, cap 480: T01 180, T10 180, T2 120.
  // Claims: 27,45 € (9,15 × 3), 27,45 €, 18,30 € = 73,20 € > 60,00 €: T2 gets 5,10 €.
  const auto sep = month("2026-09");
  EXPECT_EQ(row(sep, "T2", "PREMSS").covered, 120);
  EXPECT_EQ(row(sep, "T2", "PREMSS").opca_claim, 510);
  EXPECT_EQ(sep.funding.at(0).claimed_to_date, 6000);
  // October: both caps already used up.
  const auto oct = month("2026-10");
  for (const auto& x : oct.rows) {
    EXPECT_EQ(x.covered, 0) << x.trainee_id;
    EXPECT_EQ(x.opca_claim, 0) << x.trainee_id;
    EXPECT_EQ(x.beneficiary_share, x.due_ht);
  }
  EXPECT_EQ(oct.funding.at(0).claim, 0);
  EXPECT_EQ(oct.funding.at(0).claimed_to_date, 6000);
}

TEST_F(Reimbursement, AgreementDecidedOnTheEntryDayCoversTheDayAfterDoesNot) {
  import(convention_toml(
      "[[funding]]\nref = \"ON-DAY\"\nfunder = \"Uniformation\"\ndecided = 2026-10-05\nhourly_rate = \"9.15\"\ntrainees = [\"T01\"]\n"
      "[[funding]]\nref = \"DAY-AFTER\"\nfunder = \"Uniformation\"\ndecided = 2026-10-06\nhourly_rate = \"9.15\"\n"
      "trainees = [\"T2\"]\n"));
  plan("PREMSS", "2026-10-05", "am", 210);  // everyone's entry into training
  plan("PREMSS", "2026-10-12", "am", 210);
  all_present("PREMSS", "2026-10-05", "am");
  all_present("PREMSS", "2026-10-12", "am");
  const auto r = month("2026-10");
  EXPECT_EQ(row(r, "T01", "PREMSS").covered, 420);
  EXPECT_EQ(row(r, "T01", "PREMSS").opca_claim, 6405);
  EXPECT_EQ(row(r, "T2", "PREMSS").covered, 0);  // not even the half-days after the decision
  EXPECT_EQ(row(r, "T2", "PREMSS").opca_claim, 0);
  EXPECT_EQ(row(r, "T2", "PREMSS").funding_status, "decided");
  EXPECT_EQ(row(r, "T10", "PREMSS").funding, "");  // in no agreement's scope
  EXPECT_EQ(r.funding.at(0).ref, "DAY-AFTER");
  EXPECT_FALSE(r.funding.at(0).covers);
  EXPECT_TRUE(r.funding.at(1).covers);
}

TEST_F(Reimbursement, PendingAgreementCoversNothingUntilDecided) {
  import(convention_toml("[[funding]]\nref = \"P1\"\nfunder = \"Uniformation\"\nhourly_rate = \"9.15\"\n"));
  plan("PREMSS", "2026-10-05", "am", 210);
  all_present("PREMSS", "2026-10-05", "am");
  auto r = month("2026-10");
  EXPECT_EQ(r.funding.at(0).status, "pending");
  EXPECT_EQ(row(r, "T01", "PREMSS").funding_status, "pending");
  EXPECT_EQ(row(r, "T01", "PREMSS").opca_claim, 0);
  FundingDecideOptions d;
  d.funding = "P1", d.decided = "2026-09-15";
  run_funding_decide(*ledger, clock, out, d);
  r = month("2026-10");
  EXPECT_EQ(r.funding.at(0).status, "decided");
  EXPECT_EQ(row(r, "T01", "PREMSS").opca_claim, 3203);
}

TEST_F(Reimbursement, TraineeLeavingMidModule) {
  import(convention_toml(kOpenFunding));
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-12", "am", 210);
  plan("PREMSS", "2026-11-02", "am", 210);
  all_present("PREMSS", "2026-10-05", "am");
  leave("T2", "2026-10-12");
  all_present("PREMSS", "2026-10-12", "am");
  invoice("F1", "PREMSS", "5490");  // 3 × 1 830,00 €, VAT 0
  pay("F1", "5490");
  const auto r = month("2026-10");
  const auto& t2 = row(r, "T2", "PREMSS");
  EXPECT_EQ(t2.delivered, 210);
  EXPECT_EQ(t2.withdrawn, 210);
  EXPECT_EQ(t2.due_ht, 10500);
  EXPECT_EQ(row(r, "T01", "PREMSS").delivered, 420);
  // Scheduled: T01, T10 630 min (31 500 each), T2 210 (10 500): 73 500 still owed, of 549 000 paid.
  EXPECT_EQ(line(r, "PREMSS").refund_due, 549000 - 73500);
  EXPECT_EQ(line(r, "PREMSS").due_ht, 21000 + 21000 + 10500);
}

TEST_F(Reimbursement, OfCancellationShortAndLongNoticeAndAMakeUp) {
  import(convention_toml(kOpenFunding, "of_notice_days = 15\nof_percent = 30\npartial_percent = 50\n"));
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-06", "am", 210);
  plan("PREMSS", "2026-10-07", "am", 210);
  cancel("PREMSS", "2026-10-05", "am", "of", "2026-09-21");  // 14 days: short
  cancel("PREMSS", "2026-10-06", "am", "of", "2026-09-21");  // 15 days: enough
  invoice("F1", "PREMSS", "5490");
  pay("F1", "5490");
  auto r = month("2026-10");
  ASSERT_EQ(r.indemnities.size(), 1u);
  EXPECT_EQ(r.indemnities[0].date, "2026-10-05");
  EXPECT_EQ(r.indemnities[0].clause, "14-3");
  EXPECT_EQ(r.indemnities[0].owed_by, "of");
  EXPECT_EQ(r.indemnities[0].notice_days, 14);
  EXPECT_EQ(r.indemnities[0].base, 3 * 10500);
  EXPECT_EQ(r.indemnities[0].amount, 15750);
  EXPECT_EQ(line(r, "PREMSS").indemnity_owed_by_org, 15750);
  EXPECT_EQ(row(r, "T01", "PREMSS").not_delivered, 420);
  // Scheduled: only 10-07 (210 min, 10 500 each): 549 000 - 31 500 to refund.
  EXPECT_EQ(line(r, "PREMSS").refund_due, 549000 - 31500);
  // A make-up half-day for each: what is scheduled again costs nothing back.
  plan("PREMSS", "2026-10-19", "am", 210);
  plan("PREMSS", "2026-10-20", "am", 210);
  r = month("2026-10");
  EXPECT_EQ(line(r, "PREMSS").refund_due, 549000 - 3 * 31500);
  EXPECT_EQ(r.indemnities.size(), 1u);  // the short notice stays owed
}

TEST_F(Reimbursement, BeneficiaryCancellationIsWithdrawnAndOwedByTheBeneficiary) {
  import(convention_toml(kOpenFunding, "beneficiary_notice_days = 10\npartial_amount = \"100.00\"\n"));
  plan("PREMSS", "2026-10-05", "am", 210);
  cancel("PREMSS", "2026-10-05", "am", "beneficiary", "2026-10-01");
  const auto r = month("2026-10");
  EXPECT_EQ(row(r, "T01", "PREMSS").withdrawn, 210);
  EXPECT_EQ(row(r, "T01", "PREMSS").delivered, 0);
  ASSERT_EQ(r.indemnities.size(), 1u);
  EXPECT_EQ(r.indemnities[0].amount, 10000);
  EXPECT_EQ(line(r, "PREMSS").indemnity_owed_by_beneficiary, 10000);
  EXPECT_EQ(r.totals.indemnity_owed_by_beneficiary, 10000);
}

struct Renounced : Reimbursement, ::testing::WithParamInterface<std::tuple<std::string, std::string, std::string, Cents>> {};

// The parcours: (1 220 + 1 830) × 3 trainees = 9 150,00 €. First half-day 2026-10-05.
TEST_P(Renounced, WholeConvention) {
  const auto& [by, notified, clause, amount] = GetParam();
  import(convention_toml(kOpenFunding, "beneficiary_notice_days = 15\nbeneficiary_percent = 30\n"
                                       "of_notice_days = 20\nof_amount = \"500.00\"\npartial_percent = 50\n"));
  plan("PREMSS", "2026-10-05", "am", 210);
  ConventionCancelOptions o;
  o.by = by, o.notified = notified, o.reason = "test";
  run_convention_cancel(*ledger, clock, out, o);
  const auto r = month("2026-10");
  if (clause.empty()) {
    EXPECT_TRUE(r.indemnities.empty());
  } else {
    ASSERT_EQ(r.indemnities.size(), 1u);  // not a 14-3 for the half-day the renunciation cancels
    EXPECT_EQ(r.indemnities[0].clause, clause);
    EXPECT_EQ(r.indemnities[0].owed_by, by);
    EXPECT_EQ(r.indemnities[0].base, 915000);
    EXPECT_EQ(r.indemnities[0].amount, amount);
    EXPECT_EQ(by == "of" ? r.totals.indemnity_owed_by_org : r.totals.indemnity_owed_by_beneficiary, amount);
  }
  const auto& t01 = row(r, "T01", "PREMSS");
  EXPECT_EQ(t01.delivered, 0);
  EXPECT_EQ(by == "of" ? t01.not_delivered : t01.withdrawn, 210);
  EXPECT_TRUE(r.to_fix.empty());
}

INSTANTIATE_TEST_SUITE_P(
    Reimbursement, Renounced,
    ::testing::Values(std::make_tuple("beneficiary", "2026-09-25", "14-1", Cents{274500}),  // 10 days < 15: 30 %
                      std::make_tuple("beneficiary", "2026-09-20", "", Cents{0}),           // 15 days: no indemnity
                      std::make_tuple("beneficiary", "2026-10-05", "14-4", Cents{915000}),  // the first day: all of it
                      std::make_tuple("of", "2026-09-25", "14-2", Cents{50000}),            // 10 days < 20: 500 €
                      std::make_tuple("of", "2026-09-10", "", Cents{0})));                  // 25 days

TEST_F(Reimbursement, ELearningWithoutProofThenACorrection) {
  import(convention_toml(kOpenFunding));
  plan("PASS", "2026-10-07", "am", 180);
  all_present("PASS", "2026-10-07", "am");  // no proof reference
  auto r = month("2026-10");
  EXPECT_EQ(row(r, "T01", "PASS").unproven, 180);
  EXPECT_EQ(row(r, "T01", "PASS").followed, 0);
  EXPECT_EQ(row(r, "T01", "PASS").opca_claim, 0);
  EXPECT_EQ(row(r, "T01", "PASS").imputable_ht, 0);
  EXPECT_EQ(row(r, "T01", "PASS").non_imputable_ht, 9150);
  ASSERT_EQ(r.to_fix.size(), 3u);
  EXPECT_EQ(r.to_fix[0].missing, "proof_reference");
  EXPECT_EQ(r.to_fix[0].sheet, "CQP-EDGE-PASS-20261007-AM");

  correct("PASS", "2026-10-07", "am", "T01", [](AttendCorrectOptions& o) { o.proof = "lms.csv", o.proof_given = true; });
  r = month("2026-10");
  EXPECT_EQ(row(r, "T01", "PASS").unproven, 0);
  EXPECT_EQ(row(r, "T01", "PASS").followed, 180);
  EXPECT_EQ(row(r, "T01", "PASS").imputable_ht, 9150);  // 122000 × 180 / 2400
  EXPECT_EQ(row(r, "T01", "PASS").opca_claim, 2745);    // 9,15 × 3 h
  EXPECT_EQ(r.to_fix.size(), 2u);
}

TEST_F(Reimbursement, ToFixNamesTheMissingSignature) {
  import(convention_toml(kOpenFunding));
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-05", "pm", 210);
  attend("PREMSS", "2026-10-05", "am", [](AttendOptions& o) {
    o.all_present = true, o.unsigned_ids = {"T2"}, o.absent = {"T10"};
  });
  const auto r = month("2026-10");
  ASSERT_EQ(r.to_fix.size(), 4u);
  EXPECT_EQ(r.to_fix[0].trainee_id, "T2");
  EXPECT_EQ(r.to_fix[0].missing, "trainee_signature");
  EXPECT_EQ(r.to_fix[1].slot, "pm");
  EXPECT_EQ(r.to_fix[1].missing, "attendance_entry");
  EXPECT_EQ(r.to_fix[1].minutes, 210);
}

TEST_F(Reimbursement, PaymentOnAVatInvoiceCountsItsHtPart) {
  import(convention_toml(kOpenFunding, "", 20));
  invoice("F1", "PREMSS", "1830");  // TTC 2 196,00 €
  pay("F1", "1000");                // HT part 1000 × 1830 / 2196 = 833,33 €
  pay("F1", "1196");                // 996,67 €
  invoice("F2", "", "50", "expenses");
  pay("F2", "60");
  const auto r = month("2026-10");
  EXPECT_EQ(line(r, "PREMSS").invoiced_ht, 183000);
  EXPECT_EQ(line(r, "PREMSS").paid_ht, 83333 + 99667);
  EXPECT_EQ(line(r, "PASS").paid_ht, 0);  // the expenses invoice is apart
  ASSERT_EQ(r.invoices.size(), 2u);
  EXPECT_EQ(r.invoices[1].kind, "expenses");
  EXPECT_EQ(r.invoices[1].amount_ttc, 6000);
  EXPECT_EQ(r.invoices[1].paid_ttc, 6000);
  EXPECT_EQ(r.totals.paid_ht, 183000);
}

TEST_F(Reimbursement, BasisTtcValuesCoveredMinutesAtTheTtcPrice) {
  // 40 €/h against a module worth 30 €/h HT, 36 €/h TTC at 20 %: the TTC value caps the claim.
  import(convention_toml("[[funding]]\nref = \"F1\"\nfunder = \"Uniformation\"\ndecided = 2026-08-25\nhourly_rate = \"40\"\n"
                         "basis = \"ttc\"\n",
                         "", 20));
  plan("PREMSS", "2026-10-05", "am", 60);
  all_present("PREMSS", "2026-10-05", "am");
  EXPECT_EQ(row(month("2026-10"), "T01", "PREMSS").opca_claim, 3600);
}

// A TTC agreement against a body charging VAT: the share is due TTC less the claim, never the
// negative due HT − claim (3 000 − 3 600); without an agreement the row is on the HT basis.
TEST_F(Reimbursement, BasisTtcShareIsDueTtcLessTheClaim) {
  import(convention_toml("[[funding]]\nref = \"F1\"\nfunder = \"Uniformation\"\ndecided = 2026-08-25\nhourly_rate = \"40\"\n"
                         "basis = \"ttc\"\ntrainees = [\"T01\"]\n"
                         "[[funding]]\nref = \"F2\"\nfunder = \"Uniformation\"\nhourly_rate = \"40\"\n"
                         "basis = \"ttc\"\ntrainees = [\"T2\"]\n",
                         "", 20));
  plan("PREMSS", "2026-10-05", "am", 60);
  all_present("PREMSS", "2026-10-05", "am");
  const auto r = month("2026-10");
  const auto& decided = row(r, "T01", "PREMSS");
  EXPECT_EQ(decided.due_ht, 3000);
  EXPECT_EQ(decided.due_ttc, 3600);  // 2 196,00 € × 60 / 3 660
  EXPECT_EQ(decided.basis, "ttc");
  EXPECT_EQ(decided.opca_claim, 3600);
  EXPECT_EQ(decided.beneficiary_share, 0);
  const auto& pending = row(r, "T2", "PREMSS");  // pending: no claim yet, due on its basis
  EXPECT_EQ(pending.basis, "ttc");
  EXPECT_EQ(pending.opca_claim, 0);
  EXPECT_EQ(pending.beneficiary_share, 3600);
  const auto& none = row(r, "T10", "PREMSS");
  EXPECT_EQ(none.basis, "ht");
  EXPECT_EQ(none.due_ttc, 3600);
  EXPECT_EQ(none.beneficiary_share, 3000);
  EXPECT_EQ(r.totals.rows.due_ttc, 3 * 3600);
  EXPECT_EQ(r.totals.rows.beneficiary_share, 0 + 3600 + 3000);
}

// T2 joins on 6 October: the half-days before are not theirs (no row, no quantity, no 14-3 base,
// no entry), and their entry into training is 6 October, after an agreement decided on the 6th.
TEST_F(Reimbursement, JoiningMidWay) {
  std::string toml = convention_toml("[[funding]]\nref = \"F1\"\nfunder = \"Uniformation\"\ndecided = 2026-10-06\nhourly_rate = \"9.15\"\n",
                                     "of_notice_days = 15\npartial_percent = 50\n");
  toml = replaced(toml, "id = \"T2\"\nlast_name = \"Deux\"\nfirst_name = \"B\"\n", "id = \"T2\"\nlast_name = \"Deux\"\nfirst_name = \"B\"\njoins = 2026-10-06\n");
  import(toml);
  plan("PREMSS", "2026-09-30", "am", 60);
  plan("PREMSS", "2026-10-05", "am", 60);
  plan("PREMSS", "2026-10-06", "am", 60);
  plan("PREMSS", "2026-10-07", "am", 60);
  plan("PREMSS", "2026-10-08", "am", 60);
  cancel("PREMSS", "2026-10-05", "am", "of", "2026-10-01");  // 4 days' notice: 14-3
  cancel("PREMSS", "2026-10-07", "am", "of", "2026-10-01");
  all_present("PREMSS", "2026-09-30", "am");
  EXPECT_THROW(attend("PREMSS", "2026-09-30", "am", [](AttendOptions& o) { o.present = {"T01,T2,T10"}; }), InputError);
  attend("PREMSS", "2026-10-06", "am", [](AttendOptions& o) { o.present = {"T01,T10"}; o.absent = {"T2"}; });
  all_present("PREMSS", "2026-10-08", "am");
  EXPECT_EQ(count("attendance"), 2 + 3 + 3);

  const auto september = month("2026-09");
  for (const auto& x : september.rows) EXPECT_NE(x.trainee_id, "T2");
  const auto r = month("2026-10");
  const auto& t2 = row(r, "T2", "PREMSS");
  EXPECT_EQ(t2.delivered, 120);
  EXPECT_EQ(t2.absent_unjustified, 60);
  EXPECT_EQ(t2.not_delivered, 60);  // 7 October only
  EXPECT_EQ(t2.followed, 60);
  EXPECT_EQ(t2.covered, 60);        // entered on 6 October, the day of the decision
  EXPECT_EQ(row(r, "T01", "PREMSS").covered, 0);  // entered on 30 September
  EXPECT_EQ(row(r, "T01", "PREMSS").not_delivered, 120);
  // 14-3 base: v(60) = 3 000 per trainee enrolled that day: 2 on the 5th, 3 on the 7th.
  ASSERT_EQ(r.indemnities.size(), 2u);
  EXPECT_EQ(r.indemnities[0].base, 2 * 3000);
  EXPECT_EQ(r.indemnities[1].base, 3 * 3000);
  // Due to date: v(delivered) of T01 and T10 (3 half-days each) and T2 (2).
  EXPECT_EQ(line(r, "PREMSS").due_ht, 3000 * (3 + 3 + 2));
  for (const auto& f : r.funding) EXPECT_TRUE(f.covers);
}

// A half-day dated after today is not yet held: refused at entry, counted in no quantity and in
// no "to fix", but still scheduled (the refund leaves it paid).
TEST_F(Reimbursement, HalfDaysAheadOfTimeAreNotYetHeld) {
  import(convention_toml(kOpenFunding));
  plan("PREMSS", "2026-11-27", "am", 60);  // the test clock's day
  plan("PREMSS", "2026-11-30", "am", 60);
  plan("PREMSS", "2026-12-01", "am", 60);
  cancel("PREMSS", "2026-12-01", "am", "of", "2026-11-27");
  EXPECT_THROW(all_present("PREMSS", "2026-11-30", "am"), InputError);
  all_present("PREMSS", "2026-11-27", "am");
  EXPECT_THROW(correct("PREMSS", "2026-11-30", "am", "T01", [](AttendCorrectOptions& o) { o.minutes = "30"; }), InputError);
  invoice("F1", "PREMSS", "183");
  pay("F1", "183");
  Period p = Period::of_month("2026-11");
  p.today = "2026-11-27";
  const auto r = compute_reimbursement(*ledger, load_convention(*ledger, ""), p);
  const auto& t = row(r, "T01", "PREMSS");
  EXPECT_EQ(t.delivered, 60);
  EXPECT_EQ(t.unrecorded, 0);
  EXPECT_EQ(t.not_delivered, 0);
  EXPECT_TRUE(r.to_fix.empty());
  // Paid 183 €, scheduled 2 h per trainee worth 3 × 60 € = 180 €: 3 € to refund.
  EXPECT_EQ(line(r, "PREMSS").refund_due, 300);
  EXPECT_EQ(line(r, "PREMSS").due_ht, 3 * 3000);
  // Seen on 1 December, 30 November is held and unrecorded, 1 December cancelled by the OF.
  p.today = "2026-12-01";
  const auto later = compute_reimbursement(*ledger, load_convention(*ledger, ""), p);
  EXPECT_EQ(row(later, "T01", "PREMSS").unrecorded, 60);
  EXPECT_EQ(later.to_fix.size(), 3u);
}

// A cancellation is notified before the half-day or on its day, never after it.
TEST_F(Reimbursement, CancellationAfterTheFactIsRefused) {
  import(convention_toml(kOpenFunding));
  plan("PREMSS", "2026-10-05", "am", 60);
  EXPECT_THROW(cancel("PREMSS", "2026-10-05", "am", "of", "2026-10-06"), InputError);
  EXPECT_EQ(count("cancellation"), 0);
  cancel("PREMSS", "2026-10-05", "am", "of", "2026-10-05");
  EXPECT_EQ(count("cancellation"), 1);
}

TEST_F(Reimbursement, ReconcileRoundsOnceOverTheWholePeriod) {
  import(convention_toml(kOpenFunding));
  plan("PASS", "2026-09-30", "am", 7);
  plan("PASS", "2026-10-01", "am", 7);
  all_present("PASS", "2026-09-30", "am", "lms");
  all_present("PASS", "2026-10-01", "am", "lms");
  // v(7) = 122000 × 7 / 2400 = 355.83 -> 356 per month; v(14) = 711.67 -> 712 to date.
  EXPECT_EQ(row(month("2026-09"), "T01", "PASS").due_ht, 356);
  EXPECT_EQ(row(month("2026-10"), "T01", "PASS").due_ht, 356);
  const auto all = as_of("2026-10-31");
  EXPECT_EQ(row(all, "T01", "PASS").due_ht, 712);
  EXPECT_EQ(row(all, "T01", "PASS").delivered, 14);
  EXPECT_EQ(row(as_of("2026-09-30"), "T01", "PASS").delivered, 7);
}

}  // namespace
}  // namespace ledger::testing
