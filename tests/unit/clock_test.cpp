// The clock's date in Europe/Paris: attendance ahead of time, half-days not yet held, checks and
// documents are judged on the day the users live in, not on the UTC date.
#include "fixture.hpp"

namespace ledger::testing {
namespace {

TEST(ParisDate, WinterIsUtcPlusOne) {
  EXPECT_EQ(test_clock("2026-11-27T22:59:59Z").paris_date(), "2026-11-27");
  EXPECT_EQ(test_clock("2026-11-27T23:00:00Z").paris_date(), "2026-11-28");
  EXPECT_EQ(test_clock("2026-12-31T23:30:00Z").paris_date(), "2027-01-01");
}

TEST(ParisDate, SummerIsUtcPlusTwoFromTheLastSundaysOfMarchToOctober) {
  EXPECT_EQ(test_clock("2026-07-14T21:59:59Z").paris_date(), "2026-07-14");
  EXPECT_EQ(test_clock("2026-07-14T22:00:00Z").paris_date(), "2026-07-15");
  // 2026: summer time from 29 March 01:00 UTC to 25 October 01:00 UTC.
  EXPECT_EQ(test_clock("2026-03-28T23:00:00Z").paris_date(), "2026-03-29");  // still UTC+1
  EXPECT_EQ(test_clock("2026-03-29T22:00:00Z").paris_date(), "2026-03-30");  // UTC+2
  EXPECT_EQ(test_clock("2026-10-24T22:00:00Z").paris_date(), "2026-10-25");  // UTC+2
  EXPECT_EQ(test_clock("2026-10-25T22:00:00Z").paris_date(), "2026-10-25");  // back to UTC+1
}

TEST(ParisDate, TodayIsTheParisDate) {
  EXPECT_EQ(test_clock("2026-12-31T23:30:00Z").today(), date::year{2027} / 1 / 1);
  EXPECT_EQ(test_clock("2026-07-14T21:59:59Z").today(), date::year{2026} / 7 / 14);
}

}  // namespace
}  // namespace ledger::testing
