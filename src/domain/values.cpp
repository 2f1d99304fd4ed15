#include "domain/values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include "app/text.hpp"
#include <charconv>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace ledger {

namespace {

[[noreturn]] void refuse(const std::string& why) { throw std::invalid_argument(why); }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Removes ASCII spaces and the UTF-8 no-break spaces spreadsheets put between digit groups.
std::string strip_group_spaces(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') continue;
    if (text.substr(i, 2) == "\xC2\xA0") { ++i; continue; }
    if (text.substr(i, 3) == "\xE2\x80\xAF") { i += 2; continue; }
    out += text[i];
  }
  return out;
}

std::int64_t parse_whole(std::string_view digits) {
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) refuse(tr("value.too_large"));
  return value;
}

}  // namespace

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

std::int64_t parse_hundredths(std::string_view text) {
  const std::string s = strip_group_spaces(trim(text));
  if (s.empty()) refuse(tr("value.number_required"));
  if (s[0] == '-') refuse(tr("value.negative"));
  const auto sep = s.find_first_of(".,");
  const std::string_view whole = std::string_view(s).substr(0, sep);
  const std::string_view frac = sep == std::string::npos ? std::string_view() : std::string_view(s).substr(sep + 1);
  if (whole.empty() && frac.empty()) refuse(tr("value.not_a_number"));
  for (char c : whole)
    if (!is_digit(c)) refuse(tr("value.not_a_number"));
  for (char c : frac)
    if (!is_digit(c)) refuse(tr("value.not_a_number"));
  if (frac.size() > 2) refuse(tr("value.decimals"));
  if (sep != std::string::npos && frac.empty()) refuse(tr("value.not_a_number"));
  const std::int64_t units = whole.empty() ? 0 : parse_whole(whole);
  std::int64_t hundredths = 0;
  if (!frac.empty()) hundredths = parse_whole(frac) * (frac.size() == 1 ? 10 : 1);
  if (units > std::numeric_limits<std::int64_t>::max() / 1000) refuse(tr("value.too_large"));
  return units * 100 + hundredths;
}

Cents parse_money(std::string_view text) { return parse_hundredths(text); }

BasisPoints parse_percent(std::string_view text) {
  std::string s = trim(text);
  if (!s.empty() && s.back() == '%') s = trim(s.substr(0, s.size() - 1));
  const auto bp = parse_hundredths(s);
  if (bp > 10000) refuse(tr("value.above_100"));
  return bp;
}

Minutes parse_hours(std::string_view text) {
  const auto h100 = parse_hundredths(text);
  if ((h100 * 60) % 100 != 0) refuse(tr("value.not_whole_minutes"));
  return h100 * 60 / 100;
}

Minutes parse_minutes(std::string_view text) {
  const std::string s = trim(text);
  if (s.empty()) refuse(tr("value.minutes_required"));
  for (char c : s)
    if (!is_digit(c)) refuse(tr("value.minutes_syntax"));
  return parse_whole(s);
}

date::year_month_day parse_date(std::string_view text) {
  const std::string s = trim(text);
  int y = 0, m = 0, d = 0;
  auto digits = [&](std::size_t pos, std::size_t n) {
    for (std::size_t i = pos; i < pos + n; ++i)
      if (!is_digit(s[i])) refuse(tr("value.date_syntax"));
    return static_cast<int>(parse_whole(std::string_view(s).substr(pos, n)));
  };
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  } else if (const auto a = s.find('/'), b = s.find('/', a + 1);
             a != std::string::npos && b != std::string::npos && (a == 1 || a == 2) && (b - a == 2 || b - a == 3) &&
             s.size() == b + 5) {
    // d/m/yyyy as spreadsheets write it, one or two digits for the day and the month.
    d = digits(0, a), m = digits(a + 1, b - a - 1), y = digits(b + 1, 4);
  } else {
    refuse(tr("value.date_syntax"));
  }
  const date::year_month_day day{date::year{y}, date::month{static_cast<unsigned>(m)}, date::day{static_cast<unsigned>(d)}};
  if (!day.ok()) refuse(tr("value.no_such_date"));
  return day;
}

std::string format_date(date::year_month_day day) { return date::format("%F", date::sys_days{day}); }

std::string parse_time_of_day(std::string_view text) {
  const std::string s = trim(text);
  if (s.size() != 5 || s[2] != ':' || !is_digit(s[0]) || !is_digit(s[1]) || !is_digit(s[3]) || !is_digit(s[4]))
    refuse(tr("value.time_syntax"));
  if (parse_whole(s.substr(0, 2)) > 23 || parse_whole(s.substr(3, 2)) > 59) refuse(tr("value.no_such_time"));
  return s;
}

std::int64_t days_between(const std::string& from, const std::string& to) {
  return (date::sys_days{parse_date(to)} - date::sys_days{parse_date(from)}).count();
}

std::string add_months(std::string_view iso, int months) {
  const auto day = parse_date(iso);
  const date::year_month target = date::year_month{day.year(), day.month()} + date::months{months};
  const auto last = date::year_month_day_last{target.year(), date::month_day_last{target.month()}}.day();
  return format_date(target.year() / target.month() / std::min(day.day(), last));
}

Minutes minutes_of_day(std::string_view hh_mm) {
  return parse_whole(hh_mm.substr(0, 2)) * 60 + parse_whole(hh_mm.substr(3, 2));
}

namespace {
// std::tolower of the "C" locale (the ledger sets no other), inline: a bulk file compares each
// line's trainee code with the convention's, and the libc call was a sixth of the import's CPU.
char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

bool same_code(std::string_view given, std::string_view code) {
  const auto first = given.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return code.empty();
  given = given.substr(first, given.find_last_not_of(" \t\r\n") - first + 1);
  return given.size() == code.size() && std::equal(given.begin(), given.end(), code.begin(), [](char a, char b) {
           return ascii_lower(a) == ascii_lower(b);
         });
}

std::string code_key(std::string_view text) {
  std::string s = trim(text);
  for (auto& c : s) c = ascii_lower(c);
  return s;
}

Slot parse_slot(std::string_view text) {
  if (same_code(text, "am")) return Slot::am;
  if (same_code(text, "pm")) return Slot::pm;
  refuse(tr("value.slot"));
}

std::string parse_absence(std::string_view text) {
  for (const char* code : {"", "justified", "unjustified"})
    if (same_code(text, code)) return code;
  refuse(tr("attend.absence_values"));
}

std::string parse_mode(std::string_view text) {
  for (const char* code : {"onsite", "elearning"})
    if (same_code(text, code)) return code;
  refuse(tr("session.mode_values"));
}

std::string_view slot_name(Slot slot) { return slot == Slot::am ? "am" : "pm"; }

bool parse_bool(std::string_view text) {
  const std::string s = code_key(text);
  if (s == "yes" || s == "true" || s == "1" || s == "oui" || s == "y" || s == "o") return true;
  if (s == "no" || s == "false" || s == "0" || s == "non" || s == "n") return false;
  refuse(tr("value.bool"));
}

namespace {
std::string only_digits(std::string_view text, std::size_t count, const char* what) {
  std::string digits;
  for (char c : text) {
    if (c == ' ' || c == '.' || c == '-') continue;
    if (!is_digit(c)) refuse(tr("value.only_digits", fmt::arg("what", what)));
    digits += c;
  }
  if (digits.size() != count) refuse(tr("value.digit_count", fmt::arg("what", what), fmt::arg("count", count), fmt::arg("given", digits.size())));
  return digits;
}
}  // namespace

std::string parse_siret(std::string_view text) {
  const std::string digits = only_digits(text, 14, "SIRET");
  int luhn = 0, plain = 0;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    int d = digits[i] - '0';
    plain += d;
    // From the right, every second digit is doubled: with 14 digits, those at even indexes.
    if (i % 2 == 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    luhn += d;
  }
  // La Poste's establishments (SIREN 356000000) are numbered with a digit sum that is a multiple
  // of 5 instead of the Luhn key; its head office's number passes both.
  if (luhn % 10 == 0) return digits;
  if (digits.starts_with("356000000")) {
    if (plain % 5 != 0) refuse(tr("value.siret_la_poste"));
    return digits;
  }
  refuse(tr("value.siret_luhn"));
}

std::string parse_nda(std::string_view text) { return only_digits(text, 11, "numéro de déclaration d'activité (NDA)"); }

std::string parse_email(std::string_view text) {
  std::string email = trim(text);
  const auto at = email.find('@');
  if (at == std::string::npos || at == 0 || email.find('@', at + 1) != std::string::npos ||
      email.find_first_of(" \t") != std::string::npos)
    refuse(tr("value.email"));
  const auto dot = email.find('.', at + 1);
  if (dot == std::string::npos || dot == at + 1 || dot + 1 == email.size()) refuse(tr("value.email"));
  return email;
}

std::int64_t round_half_up_div(std::int64_t numerator, std::int64_t denominator) {
  if (denominator <= 0) throw std::logic_error("round_half_up_div: denominator must be positive");
  if (numerator < 0) return -round_half_up_div(-numerator, denominator);
  return (numerator * 2 + denominator) / (denominator * 2);
}

namespace {
std::string group_thousands(std::int64_t units) {
  std::string digits = std::to_string(units);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
    out += digits[i];
  }
  return out;
}
}  // namespace

std::string format_euros(Cents cents) {
  const char* sign = cents < 0 ? "-" : "";
  const std::int64_t abs = cents < 0 ? -cents : cents;
  return fmt::format("{}{},{:02} €", sign, group_thousands(abs / 100), abs % 100);
}

std::string format_hours(Minutes minutes) {
  const char* sign = minutes < 0 ? "-" : "";
  const std::int64_t abs = minutes < 0 ? -minutes : minutes;
  if (abs % 60 == 0) return fmt::format("{}{} h", sign, abs / 60);
  return fmt::format("{}{} h {:02}", sign, abs / 60, abs % 60);
}

std::string slot_label(std::string_view slot) {
  if (slot == "am") return tr("slot.am");
  if (slot == "pm") return tr("slot.pm");
  return std::string(slot);
}

std::string french_date(std::string_view iso) {
  static const std::string months[] = {tr("date.month.1"), tr("date.month.2"),  tr("date.month.3"),  tr("date.month.4"),
                                       tr("date.month.5"), tr("date.month.6"),  tr("date.month.7"),  tr("date.month.8"),
                                       tr("date.month.9"), tr("date.month.10"), tr("date.month.11"), tr("date.month.12")};
  date::year_month_day day;
  try {
    day = parse_date(iso);
  } catch (const std::invalid_argument&) {
    return std::string(iso);
  }
  const unsigned d = unsigned(day.day());
  return tr("date.long", fmt::arg("day", d == 1 ? tr("date.first_day") : std::to_string(d)),
            fmt::arg("month", months[unsigned(day.month()) - 1]), fmt::arg("year", int(day.year())));

}

std::string format_percent(std::int64_t basis_points) { return format_hundredths_fr(basis_points) + " %"; }

std::string format_hundredths_fr(std::int64_t value) {
  if (value % 100 == 0) return std::to_string(value / 100);
  if (value % 10 == 0) return fmt::format("{},{}", value / 100, (value % 100) / 10);
  return fmt::format("{},{:02}", value / 100, value % 100);
}

std::string format_hundredths(std::int64_t value) {
  const char* sign = value < 0 ? "-" : "";
  const std::int64_t abs = value < 0 ? -value : value;
  return fmt::format("{}{}.{:02}", sign, abs / 100, abs % 100);
}

}  // namespace ledger
