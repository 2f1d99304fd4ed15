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

  // Runs `sql` with `values.size()` parameters ($1…), each text (format 0) or binary (1), NULL
  // where the pointer is null; prepared once under `name` when a name is given.
  void run_params(const std::string& name, const std::string& sql, const std::vector<const char*>& values,
                  const std::vector<int>& lengths, const std::vector<int>& formats);

  // Rows held to be sent together (the chain writer's batches, store/ledger.cpp): `send` runs
  // before the next statement, whatever it is, so every statement sees them.
  void hold(std::function<void()> send) { held_ = std::move(send); }
  void send_held() {
    if (!held_) return;
    const auto send = std::move(held_);
    held_ = nullptr;
    send();
  }
  // A rollback: the rows held are forgotten, never sent.
  void drop_held() noexcept { held_ = nullptr; }

  PGconn* raw() const { return conn_; }

 private:
  PGconn* conn_ = nullptr;
  int statements_ = 0;  // names the prepared statements
  std::vector<std::string> prepared_names_;  // run_params'
  std::function<void()> held_;
};

}  // namespace ledger::store_detail
