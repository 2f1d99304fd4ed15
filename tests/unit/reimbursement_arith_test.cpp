// DESIGN section 5's rules one by one, to the cent.
#include <gtest/gtest.h>

#include "report/reimbursement_arith.hpp"

namespace ledger {
namespace {

TEST(ReimbursementArith, ValueOfMinutesRoundsHalfUp) {
  // PREM'SS: 61 h = 3660 min at 1 830,00 €: 50 cents a minute exactly.
  EXPECT_EQ(value_of_minutes(183000, 3660, 210), 10500);
  EXPECT_EQ(value_of_minutes(183000, 3660, 3660), 183000);
  // PASS: 40 h = 2400 min at 1 220,00 €: 3 h 30 = 122000 × 210 / 2400 = 10675.
  EXPECT_EQ(value_of_minutes(122000, 2400, 210), 10675);
  // 1 830,50 € over 3660 min: 210 min = 10502.87 -> 10503; 810 min = 40511.07 -> 40511.
  EXPECT_EQ(value_of_minutes(183050, 3660, 210), 10503);
  EXPECT_EQ(value_of_minutes(183050, 3660, 810), 40511);
  // An exact half goes up: 1 cent over 2 minutes, 1 minute = 0.5 -> 1.
  EXPECT_EQ(value_of_minutes(1, 2, 1), 1);
  EXPECT_EQ(value_of_minutes(183000, 3660, 0), 0);
}

TEST(ReimbursementArith, VatAndThePaidHtPart) {
  EXPECT_EQ(with_vat(100000, 2000), 120000);
  EXPECT_EQ(with_vat(100000, 0), 100000);      // exempt (art. 261-4-4° a CGI): HT = TTC
  EXPECT_EQ(with_vat(549150, 2000), 658980);
  EXPECT_EQ(with_vat(333, 550), 351);          // 333 × 5,5 % = 18.315 -> 18
  // 3 001,00 € paid on a 5 491,50 € HT / 6 589,80 € TTC invoice: 250083.33 -> 250083.
  EXPECT_EQ(paid_ht(300100, 549150, 658980), 250083);
  EXPECT_EQ(paid_ht(120000, 100000, 120000), 100000);
  EXPECT_EQ(paid_ht(5000, 5000, 5000), 5000);  // no VAT: all of it
  EXPECT_EQ(paid_ht(1, 0, 0), 0);
}

TEST(ReimbursementArith, PercentClauses) {
  EXPECT_EQ(percent_of(5000, 31509), 15755);  // 15754.5 -> 15755
  EXPECT_EQ(percent_of(3000, 915000), 274500);
  EXPECT_EQ(percent_of(0, 915000), 0);
}

TEST(ReimbursementArith, ClaimIsTheLowerOfRateAndValue) {
  // 9,15 €/h for 7 h: 64,05 €, below the value of 7 h of PREM'SS (210 €).
  EXPECT_EQ(opca_claim(915, 420, 183000, 3660), 6405);
  // 4 h 30 at 9,15 €: 4117.5 -> 4118.
  EXPECT_EQ(opca_claim(915, 270, 183050, 3660), 4118);
  // A rate above the price per hour: the value caps it (30 €/h module, 40 €/h rate).
  EXPECT_EQ(opca_claim(4000, 60, 183000, 3660), 3000);
  EXPECT_EQ(opca_claim(915, 0, 183000, 3660), 0);
}

TEST(ReimbursementArith, EuroCapKeepsTheCrossingClaimInPart) {
  EXPECT_EQ(apply_euro_cap({6405, 4118, 3203}, std::nullopt), (std::vector<Cents>{6405, 4118, 3203}));
  EXPECT_EQ(apply_euro_cap({6405, 4118, 3203}, 10000), (std::vector<Cents>{6405, 3595, 0}));
  EXPECT_EQ(apply_euro_cap({6405, 4118, 3203}, 6405), (std::vector<Cents>{6405, 0, 0}));
  EXPECT_EQ(apply_euro_cap({6405, 4118}, 0), (std::vector<Cents>{0, 0}));
  EXPECT_EQ(apply_euro_cap({6405, 4118}, 100000), (std::vector<Cents>{6405, 4118}));
}

TEST(ReimbursementArith, RefundDueNeverNegative) {
  EXPECT_EQ(refund_due(250083, 0, 132036), 118047);
  EXPECT_EQ(refund_due(250083, 118047, 132036), 0);
  EXPECT_EQ(refund_due(100000, 0, 183000), 0);
  EXPECT_EQ(refund_due(100000, 50000, 20000), 30000);
}

// Art. 15: E = the earlier of `ends` and the notification plus one month (same day number, or
// that month's last day).
TEST(ReimbursementArith, DenunciationEndsAMonthAfterItsNotice) {
  EXPECT_EQ(denunciation_end("2027-06-30", "2026-11-17"), "2026-12-17");
  EXPECT_EQ(denunciation_end("2027-06-30", "2026-12-15"), "2027-01-15");  // across the year
  EXPECT_EQ(denunciation_end("2027-06-30", "2027-01-31"), "2027-02-28");  // no 31 February
  EXPECT_EQ(denunciation_end("2028-06-30", "2028-01-30"), "2028-02-29");  // a leap year
  EXPECT_EQ(denunciation_end("2027-06-30", "2026-10-31"), "2026-11-30");
  // A notice running past the convention's end: it ends on `ends`.
  EXPECT_EQ(denunciation_end("2027-06-30", "2027-06-10"), "2027-06-30");
  EXPECT_EQ(denunciation_end("2027-06-30", "2027-05-30"), "2027-06-30");
  EXPECT_EQ(denunciation_end("2027-06-30", "2027-05-29"), "2027-06-29");
}

}  // namespace
}  // namespace ledger
