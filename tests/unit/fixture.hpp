// Shared by the unit tests: an in-memory ledger holding a small convention, and a fixed clock.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>

#include "app/clock.hpp"
#include "cli/spine.hpp"
#include "domain/convention.hpp"
#include "store/ledger.hpp"
#include "app/resources.hpp"
#include "store/sqlite.hpp"  // tests read and tamper with the file directly

namespace ledger::testing {

inline Clock test_clock(const char* iso = "2026-11-27T10:00:00Z") {
  std::istringstream in(iso);
  std::chrono::sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  return Clock(t);
}

// The unit tests' convention, optionally with text replaced: tests/unit/files/two-modules.toml, the
// template as it was when their figures were computed by hand (the seed's PASS 40 h and PREM'SS
// 61 h; 101 h is below the 150 h of L6325-13, which the training-share tests rely on), frozen so
// that the user's template can follow the law without moving them.
inline std::string template_toml() {
  std::ifstream in(std::string(LEDGER_SOURCE_DIR) + "/tests/unit/files/two-modules.toml", std::ios::binary);
  if (!in) throw std::runtime_error("fixture: tests/unit/files/two-modules.toml not found");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  if (at == std::string::npos) throw std::logic_error("fixture: text not found: " + from);
  return text.replace(at, from.size(), to);
}

struct LedgerFixture : ::testing::Test {
  std::unique_ptr<Ledger> ledger = Ledger::in_memory();
  Clock clock = test_clock();
  std::ostringstream out, err;

  void import(const std::string& toml, const std::string& name = "convention.toml") {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(toml, name));
    txn.commit();
  }

  void plan(const std::string& module, const std::string& date, const std::string& slot, int minutes) {
    SessionPlanOptions o;
    o.module = module, o.date = date, o.slot = slot, o.minutes = std::to_string(minutes);
    run_session_plan(*ledger, clock, out, o);
  }

  std::int64_t count(const std::string& table) {
    return sqlite_database(*ledger).execAndGet("SELECT count(*) FROM " + table).getInt64();
  }
};

}  // namespace ledger::testing
