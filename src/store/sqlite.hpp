// The SQLite backend's insides, for src/store/ only (and the unit tests that tamper with a ledger
// file, which SQLite's by nature): every other layer sees store/ledger.hpp and store/query.hpp.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "store/ledger.hpp"

namespace ledger {

namespace store_detail {

struct Prepared {
  Prepared(SQLite::Database& db, const std::string& sql);
  SQLite::Statement stmt;
  std::vector<std::string> columns;  // the result's column names, for the getters by name
  bool lent = false;
};

// The statements of one query name: one per nested use.
using Pool = std::vector<std::unique_ptr<Prepared>>;

// Maps the library's exception to a store error (store/errors.hpp).
[[noreturn]] void rethrow(const SQLite::Exception& e);

// verify_chain (store/chain.hpp) of a database file that is not opened as a ledger (a backup).
ChainReport verify_chain_of(SQLite::Database& db);

// The SIGINT or SIGTERM received during the write in progress, or 0 (ledger.cpp).
int caught_signal();
// Thrown once a write stopped on such a signal: store/errors.hpp's Interrupted.
[[noreturn]] void throw_interrupted();

}  // namespace store_detail

struct Ledger::Impl {
  Impl(const std::string& name, int flags);
  SQLite::Database db;
  std::map<std::string, store_detail::Pool, std::less<>> pools;
  std::function<void()> on_wait;  // Ledger::on_wait
  bool wait_said = false;
  std::chrono::steady_clock::time_point wait_started;
};

Ledger::Impl& backend(Ledger& ledger);
// The connection itself: for the store, and for tests that tamper with a ledger.
inline SQLite::Database& sqlite_database(Ledger& ledger) { return backend(ledger).db; }

}  // namespace ledger
