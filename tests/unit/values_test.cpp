#include <gtest/gtest.h>

#include <algorithm>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "domain/values.hpp"
#include "fixture.hpp"

namespace ledger {
namespace {

using testing::replaced;
using testing::template_toml;

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

// TOML floats are read from their text in the file: a third decimal is refused at any magnitude,
// and the value is quoted as written, never as the double's digits.
std::vector<InputProblem> toml_problems(const std::string& toml) {
  try {
    read_convention_toml(toml, "c.toml");
  } catch (const InputError& e) {
    return e.problems();
  }
  return {};
}

TEST(TomlFloat, ReadFromItsText) {
  const auto spec = read_convention_toml(replaced(replaced(template_toml(), "price_ht = \"1830.00\"", "price_ht = 1_830.5"),
                                                  "weekly_hours = 35", "weekly_hours = 17.25"),
                                         "c.toml");
  EXPECT_EQ(spec.modules[1].price_ht_cents, 183050);
  EXPECT_EQ(spec.trainees[0].weekly_minutes, 17 * 60 + 15);
}

TEST(TomlFloat, AThirdDecimalIsOneErrorQuotedAsWritten) {
  const auto price = toml_problems(replaced(template_toml(), "price_ht = \"1830.00\"", "price_ht = 1830.001"));
  ASSERT_EQ(price.size(), 1u);
  EXPECT_EQ(price[0].field, "module[2].price_ht");
  EXPECT_EQ(price[0].value, "1830.001");
  const auto hours = toml_problems(replaced(template_toml(), "hours = 61", "hours = 130.509"));
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(hours[0].value, "130.509");
  EXPECT_EQ(toml_problems(replaced(template_toml(), "hourly_rate = \"9.15\"", "hourly_rate = 9.15e0"))[0].value, "9.15e0");
}

TEST(TomlFloat, APercentAbove100NamesItsKeyAndLine) {
  const auto toml = replaced(template_toml(), "partial_percent = 50", "partial_percent = 150.5");
  const auto problems = toml_problems(toml);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].field, "clauses.partial_percent");
  EXPECT_EQ(problems[0].value, "150.5");
  const auto line = std::count(toml.begin(), toml.begin() + static_cast<long>(toml.find("partial_percent = 150.5")), '\n') + 1;
  EXPECT_EQ(problems[0].where, "c.toml:" + std::to_string(line));
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

TEST(Dates, DayAndMonthMayHaveOneDigit) {
  EXPECT_EQ(format_date(parse_date("5/10/2026")), "2026-10-05");
  EXPECT_EQ(format_date(parse_date("05/1/2026")), "2026-01-05");
  EXPECT_EQ(format_date(parse_date(" 1/2/2027 ")), "2027-02-01");
  EXPECT_THROW(parse_date("123/1/2026"), std::invalid_argument);
  EXPECT_THROW(parse_date("1/2/26"), std::invalid_argument);
  EXPECT_THROW(parse_date("31/2/2027"), std::invalid_argument);
  EXPECT_THROW(parse_date("//2027"), std::invalid_argument);
}

TEST(Slot, IsAmOrPm) {
  EXPECT_EQ(parse_slot("am"), Slot::am);
  EXPECT_EQ(parse_slot("PM"), Slot::pm);
  EXPECT_THROW(parse_slot("noon"), std::invalid_argument);
}

TEST(Codes, TrimmedAndWithoutRegardToCase) {
  EXPECT_EQ(parse_slot(" Am "), Slot::am);
  EXPECT_EQ(parse_absence("Justified "), "justified");
  EXPECT_EQ(parse_absence(""), "");
  EXPECT_THROW(parse_absence("excused"), std::invalid_argument);
  EXPECT_EQ(parse_mode("ELearning"), "elearning");
  EXPECT_THROW(parse_mode("remote"), std::invalid_argument);
  EXPECT_TRUE(parse_bool(" Oui"));
  EXPECT_TRUE(same_code("REC ", "rec"));
  EXPECT_FALSE(same_code("RE C", "rec"));
  EXPECT_FALSE(same_code("", "rec"));
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

namespace ledger {
namespace {

// Calendar months as Art. 15 counts them: the same day number, or that month's last day.
TEST(Dates, AddMonthsKeepsTheDayOrTakesTheMonthsLast) {
  EXPECT_EQ(add_months("2026-11-17", 1), "2026-12-17");
  EXPECT_EQ(add_months("2026-12-31", 1), "2027-01-31");
  EXPECT_EQ(add_months("2027-01-31", 1), "2027-02-28");
  EXPECT_EQ(add_months("2028-01-31", 1), "2028-02-29");
  EXPECT_EQ(add_months("2026-01-05", 12), "2027-01-05");
  EXPECT_EQ(add_months("2024-02-29", 12), "2025-02-28");
}

// `convention.nature`: today's schemes, each in its years (loi du 5 septembre 2018, loi n° 2025-989
// du 24 octobre 2025); an old periode_pro convention is still read.
TEST(TomlNature, EachSchemeInItsYears) {
  auto read = [](const std::string& nature, const std::string& starts) {
    std::string toml = replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"" + nature + "\"");
    toml = replaced(toml, "starts = 2026-09-01", "starts = " + starts);
    return read_convention_toml(toml, "c.toml");
  };
  auto refusal = [&](const std::string& nature, const std::string& starts) -> std::string {
    try {
      read(nature, starts);
    } catch (const InputError& e) {
      for (const auto& p : e.problems())
        if (p.field == "convention.nature") return p.why;
    }
    return "";
  };
  EXPECT_EQ(read("periode_pro", "2018-12-31").nature, "periode_pro");
  EXPECT_EQ(read("pro_a", "2019-01-01").nature, "pro_a");
  EXPECT_EQ(read("pro_a", "2025-12-31").nature, "pro_a");
  EXPECT_EQ(read("periode_reconversion", "2026-01-01").nature, "periode_reconversion");
  EXPECT_EQ(read("plan", "2026-09-01").nature, "plan");
  EXPECT_EQ(read("contrat_pro", "2018-03-01").nature, "contrat_pro");
  EXPECT_NE(refusal("periode_pro", "2019-01-01").find("Pro-A"), std::string::npos);
  EXPECT_NE(refusal("periode_pro", "2026-09-01").find("période de reconversion"), std::string::npos);
  EXPECT_NE(refusal("pro_a", "2026-01-01").find("période de reconversion"), std::string::npos);
  EXPECT_NE(refusal("pro_a", "2018-12-31").find("periode_pro"), std::string::npos);
  EXPECT_NE(refusal("periode_reconversion", "2025-12-31").find("pro_a"), std::string::npos);
  EXPECT_NE(refusal("alternance", "2026-09-01"), "");
}

}  // namespace
}  // namespace ledger
