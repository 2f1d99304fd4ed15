// The PostgreSQL backend, for src/store/ only. libpq is loaded when a PostgreSQL ledger is opened,
// not linked: an SQLite ledger's commands do not pay for loading it and the libraries it needs
// (README, "A shared ledger on PostgreSQL").
//
// The SQL is the SQLite files' own, made PostgreSQL's mechanically when a statement is prepared:
// a file `pg/NAME.sql` beside `NAME.sql` replaces it where the dialect must differ, the rules of
// schema/pg/dialect.txt rewrite the rest (types, the append-only triggers), and the parameters
// `?N`, `?` and `:name` become `$N`.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/backend.hpp"

typedef struct pg_conn PGconn;

namespace ledger::store_detail {

// Whether a --db value names a PostgreSQL server (a libpq URI `postgresql://…` or `postgres://…`,
// or `postgres:` and a key=value string) rather than a file.
bool is_postgres_name(const std::string& name);

// The text of an embedded SQL file as PostgreSQL runs it: its pg/ override if there is one, else
// the file rewritten by the dialect rules (those of scope `schema` too when `schema` is true).
std::string pg_sql(std::string_view resource_path, bool schema = false);

// `sql` with SQLite's parameters (?N, ?, :name) numbered $N as libpq wants them; `names` gets each
// named parameter's number, `count` (if given) the highest number. Strings, quoted names, comments,
// dollar-quoted bodies and `::` casts are left alone.
std::string pg_placeholders(std::string_view sql, std::vector<std::pair<std::string, int>>& names, int* count = nullptr);

class PgConnection {
 public:
  // `name` as given to --db; throws DatabaseError when the server cannot be reached.
  explicit PgConnection(const std::string& name);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // A prepared statement from PostgreSQL SQL with SQLite's parameters.
  std::unique_ptr<Prepared> prepare(const std::string& sql);
  // Runs statements without parameters, several at once.
  void exec(const std::string& script);
  // exec(), returning false instead of throwing (ROLLBACK in a destructor).
  bool try_exec(const std::string& script) noexcept;

  // COPY … FROM STDIN (the chain writer's batches, store/ledger.cpp): `copy_begin` starts it,
  // `copy_rows` sends rows in COPY's text format, `copy_end` ends it and throws what the server
  // refused. No other statement can run meanwhile: the rows' holder ends it in the function it
  // holds (hold), which prepare() and every statement run first.
  void copy_begin(const std::string& statement);
  void copy_rows(const std::string& rows);
  void copy_end();
  bool copying() const { return copying_; }

  // Rows held to be sent together: `send` runs before the next statement, whatever it is, so
  // every statement sees them.
  void hold(std::function<void()> send) { held_ = std::move(send); }
  void send_held() {
    if (!held_) return;
    const auto send = std::move(held_);
    held_ = nullptr;
    send();
  }
  // A rollback: the rows held are forgotten, never sent, and a COPY under way is abandoned.
  void drop_held() noexcept;

  PGconn* raw() const { return conn_; }

 private:
  PGconn* conn_ = nullptr;
  int statements_ = 0;  // names the prepared statements
  bool copying_ = false;  // a COPY FROM STDIN under way
  std::function<void()> held_;
};

}  // namespace ledger::store_detail
