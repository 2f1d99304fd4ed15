// The ledger database: opening (pragmas, migrations), embedded queries, and the one way to write:
// an IMMEDIATE transaction that appends chained rows.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.hpp"
#include "store/chain.hpp"

namespace ledger {

class Ledger {
 public:
  // `existing` refuses a missing file (run `ledger init`); `create` makes it, mode 0600.
  enum class Open { existing, create };

  static std::unique_ptr<Ledger> open(const std::string& path, Open how);
  // A private, fully migrated ledger for tests.
  static std::unique_ptr<Ledger> in_memory();

  SQLite::Database& db() { return db_; }
  const std::string& path() const { return path_; }

  // The embedded statement `queries/NAME.sql` (or `reports/NAME.sql` when NAME starts with
  // "reports/"), prepared once, reset and with its bindings cleared.
  SQLite::Statement& query(std::string_view name);

  int schema_version();
  static int latest_schema_version();
  // Applies the migrations this file lacks; returns how many.
  int migrate();

  std::optional<std::string> meta(const std::string& key);

 private:
  Ledger(std::string path, int flags);
  void configure();

  std::string path_;
  SQLite::Database db_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> statements_;
  friend class WriteTransaction;
};

// One write: BEGIN IMMEDIATE (waiting out other writers), appends, COMMIT. Rolled back unless
// committed, so an error anywhere leaves nothing behind.
class WriteTransaction {
 public:
  WriteTransaction(Ledger& ledger, const Clock& clock);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Appends one row to a chained table; `values` are its columns after `id`, without `hash`,
  // in declared order. Returns the row's id.
  std::int64_t append(std::string_view table, const std::vector<Value>& values);
  void set_meta(const std::string& key, const std::string& value);
  void commit();

  const std::string& recorded_at() const { return recorded_at_; }
  const std::string& recorded_by() const { return recorded_by_; }

 private:
  SQLite::Statement& insert_statement(std::string_view table);

  Ledger& ledger_;
  bool open_ = false;
  ChainHead head_;
  Sha256 sha_;
  std::string recorded_at_;
  std::string recorded_by_;
  std::map<std::string, std::unique_ptr<SQLite::Statement>, std::less<>> inserts_;
  std::string encoded_;  // reused by every append
};

// Helpers to build row values.
inline Value opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
inline Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }

}  // namespace ledger
