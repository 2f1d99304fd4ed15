// The backend the unit tests run on: SQLite (an in-memory ledger per test), or, when
// LEDGER_UNIT_BACKEND=postgres (CTest's unit_pg.*), a database of its own per test on the cluster of
// tests/pg/cluster.sh (LEDGER_PG_HOST, LEDGER_PG_USER, PGPASSFILE), copied from a template migrated
// once, and dropped after.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/resources.hpp"
#include "store/chain.hpp"
#include "store/ledger.hpp"
#include "store/postgres.hpp"

namespace ledger::testing {

inline bool on_postgres_pass() {
  const char* backend = std::getenv("LEDGER_UNIT_BACKEND");
  return backend != nullptr && std::string_view(backend) == "postgres";
}

// The tests SQLite's by nature, skipped on the PostgreSQL pass (tests/unit/main.cpp): a suite
// ("Suite.*") or one test ("Suite.Test"), and why.
inline const std::vector<std::pair<std::string_view, std::string_view>>& sqlite_only_tests() {
  static const std::vector<std::pair<std::string_view, std::string_view>> tests = {
      {"ChainTamper.*", "tampers with the ledger file through sqlite3, and `ledger backup` is SQLite's online backup"},
      {"Migration.*", "brings ledger files made by older schemas (built with sqlite3) to the latest one"},
      {"PgDialect.*", "the SQLite files' translation itself, no server: nothing more to see on PostgreSQL"},
      {"PgPlaceholders.*", "the parameters' renumbering for libpq, no server: nothing more to see on PostgreSQL"},
  };
  return tests;
}

// Why `test` ("Suite.Test") is SQLite's, or nullptr.
inline const char* sqlite_only_reason(std::string_view test) {
  for (const auto& [pattern, why] : sqlite_only_tests()) {
    const bool suite = pattern.ends_with(".*");
    if (suite ? test.starts_with(pattern.substr(0, pattern.size() - 1)) : test == pattern) return why.data();
  }
  return nullptr;
}

// A database of the test cluster as --db takes it, connecting as the cluster's login `tester`
// (tests/pg/cluster.sh), which creates, owns and migrates the test databases: recorded_by, the
// server's session user, is then the tests' LEDGER_USER on both backends.
inline std::string pg_url(const std::string& database) {
  return "postgresql:///" + database + "?host=" + std::getenv("LEDGER_PG_HOST") + "&user=tester";
}

// One test's PostgreSQL database, dropped with this object (after the ledgers opened on it).
class PgTestDatabase {
 public:
  PgTestDatabase() : admin_(pg_url("postgres")) {}
  ~PgTestDatabase() { drop(); }
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  // A fresh, fully migrated ledger, dropping the one made before (closed by then).
  std::unique_ptr<Ledger> fresh() {
    drop();
    name_ = "unit_" + std::to_string(::getpid()) + "_" + std::to_string(++made_);
    if (template_.empty()) template_ = make_template();
    admin_.exec("CREATE DATABASE " + name_ + " TEMPLATE " + template_);
    return Ledger::open(pg_url(name_), Ledger::Open::existing);
  }

 private:
  void drop() {
    if (!name_.empty()) admin_.try_exec("DROP DATABASE IF EXISTS " + name_);
    name_.clear();
  }

  // Migrating takes most of a test's time on PostgreSQL: it is done once, in a template named
  // after the schema's files, so that a cluster kept across schema changes gets a new one. The
  // advisory lock lets one test process make it while the others wait.
  std::string make_template() {
    Sha256 sha;
    for (const auto& r : all_resources())
      if (r.path.starts_with("schema/") || r.path == "queries/pg/migration_begin.sql") sha.add(r.path), sha.add(r.bytes);
    const std::string name = "unit_template_" + hex(sha.finish()).substr(0, 12);
    admin_.exec("SELECT pg_advisory_lock(20261127)");
    auto exists = admin_.prepare("SELECT count(*) FROM pg_database WHERE datname = ?");
    exists->bind_text(1, name);
    exists->step();
    if (exists->i64(0) == 0) {
      // Built under another name and renamed, so that a run stopped halfway leaves no template.
      const std::string building = name + "_building";
      admin_.exec("DROP DATABASE IF EXISTS " + building);
      admin_.exec("CREATE DATABASE " + building);
      Ledger::open(pg_url(building), Ledger::Open::create)->migrate();
      admin_.exec("ALTER DATABASE " + building + " RENAME TO " + name);
    }
    exists.reset();
    admin_.exec("SELECT pg_advisory_unlock(20261127)");
    return name;
  }

  store_detail::PgConnection admin_;
  std::string template_;
  std::string name_;
  int made_ = 0;
};

}  // namespace ledger::testing
