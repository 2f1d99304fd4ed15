// The clock every command reads "now" from; LEDGER_NOW fixes it for tests.
#pragma once

#include <chrono>
#include <string>

#include <date/date.h>

namespace ledger {

class Clock {
 public:
  explicit Clock(std::chrono::sys_seconds now) : now_(now) {}
  // LEDGER_NOW (`2026-11-27T10:00:00Z` or `2026-11-27`) when set, else the system clock.
  static Clock from_environment();

  std::chrono::sys_seconds now() const { return now_; }
  // The date in Europe/Paris (CET, CEST under the EU rule), the day the ledger's users live in:
  // what "today" means for attendance ahead of time, half-days not yet held, checks and documents.
  date::year_month_day today() const;
  std::string paris_date() const;  // today(), `2026-11-27`
  // UTC, ISO 8601, to the second: `2026-11-27T10:00:00Z`.
  std::string timestamp() const;

 private:
  std::chrono::sys_seconds now_;
};

// Who records: LEDGER_USER when set (tests), else the login name of the effective user.
std::string current_user();

}  // namespace ledger
