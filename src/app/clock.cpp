#include "app/clock.hpp"
#include "app/text.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace ledger {

Clock Clock::from_environment() {
  const char* fixed = std::getenv("LEDGER_NOW");
  if (fixed == nullptr || *fixed == '\0')
    return Clock(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
  std::istringstream in(fixed);
  std::chrono::sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail()) {
    std::istringstream day_in(fixed);
    date::sys_days day;
    day_in >> date::parse("%F", day);
    if (day_in.fail()) throw std::runtime_error(std::string("LEDGER_NOW: ") + fixed + ": " + tr("errors.ledger_now"));
    t = day;
  }
  return Clock(t);
}

date::year_month_day Clock::today() const { return date::year_month_day{date::floor<date::days>(now_)}; }

std::string Clock::paris_date() const {
  using namespace std::chrono;
  // EU summer time (Directive 2000/84/EC): from the last Sunday of March to the last Sunday of
  // October, both at 01:00 UTC; UTC+2 then, UTC+1 otherwise.
  const date::year y = date::year_month_day{date::floor<date::days>(now_)}.year();
  auto last_sunday_1h = [y](date::month m) {
    return sys_seconds{date::sys_days{y / m / date::Sunday[date::last]}} + hours{1};
  };
  const bool summer = now_ >= last_sunday_1h(date::March) && now_ < last_sunday_1h(date::October);
  return date::format("%F", date::floor<date::days>(now_ + hours{summer ? 2 : 1}));
}

std::string Clock::timestamp() const { return date::format("%FT%TZ", now_); }

std::string current_user() {
  if (const char* user = std::getenv("LEDGER_USER"); user != nullptr && *user != '\0') return user;
  if (const passwd* pw = getpwuid(geteuid()); pw != nullptr && pw->pw_name != nullptr) return pw->pw_name;
  if (const char* user = std::getenv("USER"); user != nullptr) return user;
  return "unknown";
}

}  // namespace ledger
