// The backends' insides, for src/store/ only (and the unit tests that tamper with a ledger file,
// which SQLite's by nature): every other layer sees store/ledger.hpp and store/query.hpp.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/backend.hpp"
#include "store/ledger.hpp"

namespace ledger {

namespace store_detail {

class PgConnection;  // store/postgres.hpp

// One SQLite statement.
struct SqlitePrepared final : Prepared {
  SqlitePrepared(SQLite::Database& db, const std::string& sql);
  void bind_i64(int index, std::int64_t v) override;
  void bind_text(int index, const std::string& v) override;
  void bind_text_ref(int index, const std::string& v) override;
  void bind_blob_ref(int index, const void* bytes, std::size_t size) override;
  void bind_null(int index) override;
  int parameter_index(const char* name) const override;
  bool step() override;
  void exec() override;
  std::int64_t changes() const override;
  void reset() noexcept override;
  void clear_bindings() noexcept override;
  std::int64_t i64(int column) const override;
  std::string_view bytes(int column) const override;
  bool is_null(int column) const override;
  bool is_integer(int column) const override;
  bool is_blob(int column) const override;

  SQLite::Database& db;
  SQLite::Statement stmt;
};

// The statements of one query name: one per nested use.
using Pool = std::vector<std::unique_ptr<Prepared>>;

// Maps the library's exception to a store error (store/errors.hpp).
[[noreturn]] void rethrow(const SQLite::Exception& e);

// The SIGINT or SIGTERM received during the write in progress, or 0 (ledger.cpp).
int caught_signal();
// Thrown once a write stopped on such a signal: store/errors.hpp's Interrupted.
[[noreturn]] void throw_interrupted();

}  // namespace store_detail

// One connection: an SQLite file (`db`) or a PostgreSQL server (`pg`).
struct Ledger::Impl {
  Impl(const std::string& name, int flags);
  explicit Impl(std::unique_ptr<store_detail::PgConnection> connection);
  ~Impl();
  std::optional<SQLite::Database> db;
  std::unique_ptr<store_detail::PgConnection> pg;
  std::map<std::string, store_detail::Pool, std::less<>> pools;
  std::function<void()> on_wait;  // Ledger::on_wait
  // PostgreSQL: the session user, and whether the chain head is hidden from them (a user of
  // `ledger grant`, queries/pg/access_setup.sql); read on the first need.
  struct SessionRights {
    std::string user;
    bool head_hidden = false;
  };
  std::optional<SessionRights> rights;
  const SessionRights& session_rights();
  bool wait_said = false;
  std::chrono::steady_clock::time_point wait_started;

  // The text of an embedded SQL file as this backend runs it (store/postgres.hpp's pg_sql).
  std::string sql(std::string_view resource_path) const;
  std::unique_ptr<store_detail::Prepared> prepare_sql(const std::string& text);
  void exec_sql(const std::string& text);
};

Ledger::Impl& backend(Ledger& ledger);

namespace store_detail {
// verify_chain (store/chain.hpp) of a connection, also one not opened as a ledger (a backup).
ChainReport verify_chain_of(Ledger::Impl& db);
}  // namespace store_detail
// The connection itself: for the store, and for tests that tamper with a ledger file.
inline SQLite::Database& sqlite_database(Ledger& ledger) { return *backend(ledger).db; }

}  // namespace ledger
