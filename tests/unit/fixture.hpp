// Shared by the unit tests: a ledger of the pass's backend (backend.hpp) holding a small convention,
// and a fixed clock.
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
#include "backend.hpp"
#include "store/sqlite.hpp"  // the tests' own SQL (backend()), and SQLite files to tamper with

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
  // On the PostgreSQL pass, where the ledger lives; declared first, so dropped after it closes.
  std::unique_ptr<PgTestDatabase> database = on_postgres_pass() ? std::make_unique<PgTestDatabase>() : nullptr;
  std::unique_ptr<Ledger> ledger = database ? database->fresh() : Ledger::in_memory();
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

  // Starts again from an empty ledger; the one before is closed first, so that its database can go.
  void renew_ledger() {
    ledger.reset();
    ledger = database ? database->fresh() : Ledger::in_memory();
  }

  // The tests' own reads and writes of the ledger, in SQL that both backends take. The first
  // column of the first row:
  std::int64_t sql_i64(const std::string& sql) { return first_row(sql)->i64(0); }
  std::string sql_text(const std::string& sql) { return std::string(first_row(sql)->bytes(0)); }
  // Every row, its columns joined by ':' and the rows by ',', blobs in lowercase hex.
  std::string sql_rows(const std::string& sql) {
    auto rows = backend(*ledger).prepare_sql(sql);
    std::string joined;
    for (bool first = true; rows->step(); first = false) {
      if (!first) joined += ',';
      for (int c = 0; c < static_cast<int>(rows->columns.size()); ++c) {
        if (c > 0) joined += ':';
        const auto bytes = rows->bytes(c);
        if (!rows->is_blob(c)) {
          joined += bytes;
          continue;
        }
        static constexpr char kHex[] = "0123456789abcdef";
        for (const unsigned char b : bytes) joined += kHex[b >> 4], joined += kHex[b & 15];
      }
    }
    return joined;
  }
  void sql_exec(const std::string& sql) { backend(*ledger).exec_sql(sql); }

  std::int64_t count(const std::string& table) { return sql_i64("SELECT count(*) FROM " + table); }

 private:
  std::unique_ptr<store_detail::Prepared> first_row(const std::string& sql) {
    auto row = backend(*ledger).prepare_sql(sql);
    if (!row->step()) throw std::logic_error("fixture: no row: " + sql);
    return row;
  }
};

}  // namespace ledger::testing
