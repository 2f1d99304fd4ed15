#include "app/clock.hpp"
#include "app/text.hpp"
#include "app/error.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>

namespace ledger {

Clock Clock::from_environment() {
  const char* fixed = std::getenv("LEDGER_NOW");
  if (fixed == nullptr || *fixed == '\0')
    return Clock(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  // The whole value, nothing left over: `2026-11-27T10:00:00Z` or `2026-11-27`.
  const auto whole = [](std::istringstream& s) { return !s.fail() && s.peek() == std::char_traits<char>::eof(); };
  std::istringstream in(fixed);
  std::chrono::sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  if (!whole(in)) {
    std::istringstream day_in(fixed);
    date::sys_days day;
    day_in >> date::parse("%F", day);
    if (!whole(day_in)) throw InputError::flag("LEDGER_NOW", fixed, tr("errors.ledger_now"));
    t = day;
  }
  return Clock(t);
}

date::year_month_day Clock::today() const {
  using namespace std::chrono;
  // EU summer time (Directive 2000/84/EC): from the last Sunday of March to the last Sunday of
  // October, both at 01:00 UTC; UTC+2 then, UTC+1 otherwise.
  const date::year y = date::year_month_day{date::floor<date::days>(now_)}.year();
  auto last_sunday_1h = [y](date::month m) {
    return sys_seconds{date::sys_days{y / m / date::Sunday[date::last]}} + hours{1};
  };
  const bool summer = now_ >= last_sunday_1h(date::March) && now_ < last_sunday_1h(date::October);
  return date::year_month_day{date::floor<date::days>(now_ + hours{summer ? 2 : 1})};
}

std::string Clock::paris_date() const { return date::format("%F", date::sys_days{today()}); }

std::string Clock::timestamp() const { return date::format("%FT%TZ", now_); }

std::string current_user() {
  if (const char* user = std::getenv("LEDGER_USER"); user != nullptr && *user != '\0') return user;
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user != nullptr) return user;
  return "unknown";
}

}  // namespace ledger
