#include "audit/holidays.hpp"

namespace ledger::audit {

date::year_month_day easter_sunday(date::year year) {
  const int y = static_cast<int>(year);
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return year / date::month(static_cast<unsigned>(month)) / date::day(static_cast<unsigned>(day));
}

std::optional<std::string> french_public_holiday(date::year_month_day day) {
  using namespace date::literals;
  const auto md = day.month() / day.day();
  if (md == jan / 1) return "Jour de l'an";
  if (md == may / 1) return "Fête du Travail";
  if (md == may / 8) return "Victoire 1945";
  if (md == jul / 14) return "Fête nationale";
  if (md == aug / 15) return "Assomption";
  if (md == nov / 1) return "Toussaint";
  if (md == nov / 11) return "Armistice 1918";
  if (md == dec / 25) return "Noël";
  const date::sys_days easter{easter_sunday(day.year())};
  const date::sys_days d{day};
  if (d == easter + date::days{1}) return "Lundi de Pâques";
  if (d == easter + date::days{39}) return "Ascension";
  if (d == easter + date::days{50}) return "Lundi de Pentecôte";
  return std::nullopt;
}

}  // namespace ledger::audit
