#include <gtest/gtest.h>

#include "domain/values.hpp"

namespace ledger {
namespace {

TEST(Money, AcceptsDotCommaAndWhole) {
  EXPECT_EQ(parse_money("1200"), 120000);
  EXPECT_EQ(parse_money("1200.5"), 120050);
  EXPECT_EQ(parse_money("1200,50"), 120050);
  EXPECT_EQ(parse_money(" 1 234,56 "), 123456);
  EXPECT_EQ(parse_money("1\xC2\xA0" "234,56"), 123456);
  EXPECT_EQ(parse_money("0.07"), 7);
}

TEST(Money, RefusesThreeDecimalsNegativesAndText) {
  EXPECT_THROW(parse_money("12.345"), std::invalid_argument);
  EXPECT_THROW(parse_money("-3"), std::invalid_argument);
  EXPECT_THROW(parse_money("12a"), std::invalid_argument);
  EXPECT_THROW(parse_money(""), std::invalid_argument);
  EXPECT_THROW(parse_money("1,2,3"), std::invalid_argument);
  EXPECT_THROW(parse_money("5."), std::invalid_argument);
}

TEST(Hours, AreWholeMinutes) {
  EXPECT_EQ(parse_hours("3.25"), 195);
  EXPECT_EQ(parse_hours("61"), 3660);
  EXPECT_EQ(parse_hours("5,5"), 330);
  EXPECT_THROW(parse_hours("1.01"), std::invalid_argument);
  EXPECT_THROW(parse_hours("1.255"), std::invalid_argument);
}

TEST(TomlFloat, AtMostTwoDecimals) {
  EXPECT_EQ(hundredths_from_double(9.15), 915);
  EXPECT_EQ(hundredths_from_double(5.5), 550);
  EXPECT_EQ(hundredths_from_double(1220.0), 122000);
  EXPECT_THROW(hundredths_from_double(9.155), std::invalid_argument);
  EXPECT_THROW(hundredths_from_double(-1.0), std::invalid_argument);
}

TEST(Dates, RefuseImpossibleDays) {
  EXPECT_EQ(format_date(parse_date("2026-11-27")), "2026-11-27");
  EXPECT_EQ(format_date(parse_date("27/11/2026")), "2026-11-27");
  EXPECT_EQ(format_date(parse_date("2028-02-29")), "2028-02-29");
  EXPECT_THROW(parse_date("2027-02-30"), std::invalid_argument);
  EXPECT_THROW(parse_date("2027-02-29"), std::invalid_argument);
  EXPECT_THROW(parse_date("2027-13-01"), std::invalid_argument);
  EXPECT_THROW(parse_date("2027-1-01"), std::invalid_argument);
  EXPECT_THROW(parse_date("tomorrow"), std::invalid_argument);
}

TEST(Slot, IsAmOrPm) {
  EXPECT_EQ(parse_slot("am"), Slot::am);
  EXPECT_EQ(parse_slot("PM"), Slot::pm);
  EXPECT_THROW(parse_slot("noon"), std::invalid_argument);
}

TEST(Siret, LuhnAndLaPoste) {
  EXPECT_EQ(parse_siret("782 501 000 00015"), "78250100000015");
  EXPECT_THROW(parse_siret("78250100000016"), std::invalid_argument);
  EXPECT_THROW(parse_siret("7825010000001"), std::invalid_argument);
  // La Poste: digit sum a multiple of 5, although the Luhn check fails.
  EXPECT_EQ(parse_siret("35600000000048"), "35600000000048");
  EXPECT_EQ(parse_siret("35600000049837"), "35600000049837");
  EXPECT_THROW(parse_siret("35600000000049"), std::invalid_argument);
  EXPECT_THROW(parse_siret("35700000049804"), std::invalid_argument);
}

TEST(Nda, ElevenDigits) {
  EXPECT_EQ(parse_nda("11 75 12345 67"), "11751234567");
  EXPECT_THROW(parse_nda("1175123456"), std::invalid_argument);
  EXPECT_THROW(parse_nda("1175123456A"), std::invalid_argument);
}

TEST(Rounding, HalfUp) {
  EXPECT_EQ(round_half_up_div(5, 2), 3);
  EXPECT_EQ(round_half_up_div(4, 2), 2);
  EXPECT_EQ(round_half_up_div(7, 3), 2);
  EXPECT_EQ(round_half_up_div(122000 * 210, 2400), 10675);
}

TEST(Format, ForPeople) {
  EXPECT_EQ(format_euros(123456), "1 234,56 €");
  EXPECT_EQ(format_euros(5), "0,05 €");
  EXPECT_EQ(format_euros(-100000050), "-1 000 000,50 €");
  EXPECT_EQ(format_hours(210), "3 h 30");
  EXPECT_EQ(format_hours(2400), "40 h");
  EXPECT_EQ(format_hours(5), "0 h 05");
  EXPECT_EQ(format_hundredths_fr(550), "5,5");
}

TEST(Booleans, FrenchAndEnglish) {
  EXPECT_TRUE(parse_bool("oui"));
  EXPECT_TRUE(parse_bool("Yes"));
  EXPECT_TRUE(parse_bool("1"));
  EXPECT_FALSE(parse_bool("non"));
  EXPECT_FALSE(parse_bool("false"));
  EXPECT_THROW(parse_bool("maybe"), std::invalid_argument);
}

}  // namespace
}  // namespace ledger
