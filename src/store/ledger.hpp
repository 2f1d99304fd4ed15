// The ledger database: opening (pragmas, migrations), embedded queries, and the one way to write:
// an IMMEDIATE transaction that appends chained rows.
//
// This header and store/query.hpp, store/errors.hpp and store/chain.hpp are all the other layers
// see of the database: no library type appears in them (the SQLite backend's insides are in
// store/sqlite.hpp, for src/store/ alone).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.hpp"
#include "store/chain.hpp"
#include "store/query.hpp"

namespace ledger {

namespace store_detail {
class PgConnection;
struct Prepared;
}

class Ledger {
 public:
  // `existing` refuses a missing file (run `ledger init`) and a file that is not a ledger; a file
  // the user may not write is opened read-only, creating no side file (-wal, -shm) that would
  // later block its owner. `create` makes the file, mode 0600, or brings an existing ledger back
  // to 0600; it refuses a database of another program, leaving it untouched.
  enum class Open { existing, create };

  // `path` is a file, or a PostgreSQL server: a libpq URI (postgresql://…) or `postgres:` and a
  // libpq key=value string (README, "A shared ledger on PostgreSQL").
  static std::unique_ptr<Ledger> open(const std::string& path, Open how);
  // Whether open() takes `path` for a PostgreSQL server rather than a file.
  static bool is_server(const std::string& path);
  // A private, fully migrated ledger for tests.
  static std::unique_ptr<Ledger> in_memory();
  ~Ledger();

  const std::string& path() const { return path_; }
  bool on_postgres() const;

  // The embedded statement `queries/NAME.sql` (or `reports/NAME.sql` when NAME starts with
  // "reports/"), prepared once per nested use and lent unbound (store/query.hpp).
  Query query(std::string_view name);

  int schema_version();
  static int latest_schema_version();
  // Applies the migrations this file lacks; returns how many.
  int migrate();

  std::optional<std::string> meta(const std::string& key);

  // Called once, when a write has waited a second for another writer to finish.
  void on_wait(std::function<void()> notice);
  // Whether open(create) took the file back to mode 0600 (it was readable by others).
  bool made_private() const { return made_private_; }

  struct Impl;  // the backend's connection and statements (store/sqlite.hpp)

 private:
  Ledger(std::string path, int flags, const std::string& name);
  Ledger(std::string name, std::unique_ptr<store_detail::PgConnection> connection);
  void configure();
  void check_schema(Open how);
  int migrate_postgres(int version);

  std::string path_;
  bool made_private_ = false;
  std::unique_ptr<Impl> impl_;
  friend class WriteTransaction;
  friend Impl& backend(Ledger& ledger);
};

// A consistent copy of the whole ledger into `file` (which exists, empty), made self-contained
// (no side files), then its chain verified from the copy itself. Throws DatabaseError when the
// copy could not be made.
ChainReport backup_and_verify(Ledger& ledger, const std::string& file);

// Copies the ledger `from`, verified by the caller, into `to`, a ledger with an empty chain
// (another backend's, typically): every row under its id, with its hash, which each link made
// anew must reproduce; the evidence files and the meta values too; in one transaction of `to`.
// Returns `to`'s chain verified. Throws DatabaseError when `to` holds entries or a link differs.
ChainReport copy_ledger(Ledger& from, Ledger& to, const Clock& clock);

// One read transaction: every read until it ends sees the same ledger, even while others write.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(Ledger& ledger);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  Ledger& ledger_;
};

// One column's value of a row to append.
struct Field {
  std::string_view column;
  Value value;
};

class Appender;

// One write: BEGIN IMMEDIATE (waiting out other writers), appends, COMMIT. Rolled back unless
// committed, so an error anywhere leaves nothing behind. A SIGINT or SIGTERM until COMMIT stops it
// (Interrupted, store/errors.hpp); one that comes after a COMMIT done lets the command finish.
class WriteTransaction {
 public:
  WriteTransaction(Ledger& ledger, const Clock& clock);
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  // Appends one row to a chained table: every column after `id` and before `hash` named exactly
  // once, in any order (else std::logic_error naming the table and the column); stored and hashed
  // in the table's declared order. Returns the row's id. A repeated unique key throws
  // DuplicateEntry, another constraint ConstraintViolation.
  std::int64_t append(std::string_view table, const std::vector<Field>& fields);
  // The same for many rows of one table: the names are checked once, here.
  Appender appender(std::string_view table, const std::vector<std::string_view>& columns);
  void set_meta(const std::string& key, const std::string& value);
  void commit();

  // The chain's last link, this write's appends included.
  const ChainHead& head() const { return head_; }
  const std::string& recorded_at() const { return recorded_at_; }
  const std::string& recorded_by() const { return recorded_by_; }
  // The clock's date in Europe/Paris: no attendance is recorded for a half-day after it.
  const std::string& today() const { return today_; }

  // Whether Appender::append_new holds rows to send many at a time (PostgreSQL, where each
  // statement is a round trip to the server, when this writer links the chain itself).
  bool batches_new_rows() const;

  struct Table;  // a chained table's columns and insert statement
  struct Batch;  // rows held by append_new

 private:
  friend class Appender;
  Table& table(std::string_view name);
  std::int64_t append_ordered(Table& table, const std::vector<const Value*>& ordered, bool known_new = false);
  // Whether append_new's rows go by COPY: batches_new_rows(), and no row-level security on `table`
  // for this writer (COPY FROM refuses it).
  bool copies_rows(Table& table);
  void hold(Table& table, std::int64_t id, const std::vector<const Value*>& ordered, const Digest& digest);
  void send_batch();

  Ledger& ledger_;
  bool open_ = false;
  ChainHead head_;
  Sha256 sha_;
  std::string recorded_at_;
  std::string recorded_by_;
  std::string today_;
  std::vector<std::unique_ptr<Table>> tables_;
  std::string encoded_;  // reused by every append
  std::vector<const Value*> ordered_;  // likewise
  // PostgreSQL, a user of `ledger grant`: the head's hash is hidden, the server links each entry.
  std::unique_ptr<store_detail::Prepared> server_link_;
  std::unique_ptr<Batch> batch_;
  std::int64_t appended_ = 0;  // rows, the refused ones included
  static constexpr std::int64_t kAnalyzeAfter = 10000;  // rows appended by one write: a bulk load
};

// Appends rows whose values come in the order of the column names given to
// WriteTransaction::appender (the bulk import's path: no lookup or allocation per row).
class Appender {
 public:
  std::int64_t append(const std::vector<Value>& values);
  // The same for a row the caller knows to take no unique key (it has looked, under the chain's
  // lock): where batches_new_rows(), the row is sent later with others, and a clash found then
  // fails the whole write.
  std::int64_t append_new(const std::vector<Value>& values);

 private:
  friend class WriteTransaction;
  std::int64_t append_as(const std::vector<Value>& values, bool known_new);
  Appender(WriteTransaction& txn, WriteTransaction::Table& table, std::vector<int> position)
      : txn_(txn), table_(table), position_(std::move(position)), ordered_(position_.size()) {}
  WriteTransaction& txn_;
  WriteTransaction::Table& table_;
  std::vector<int> position_;  // for each value given, its place among the table's columns
  std::vector<const Value*> ordered_;
};

// Helpers to build row values.
inline Value opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(); }
inline Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(); }
inline Value flag(bool b) { return std::int64_t{b ? 1 : 0}; }

}  // namespace ledger
