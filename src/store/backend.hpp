// What the store needs of a database, for src/store/ only: a prepared statement, the same for
// SQLite (store/sqlite.hpp) and PostgreSQL (store/postgres.hpp). Every method throws store errors
// (store/errors.hpp), never a library's own exceptions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ledger::store_detail {

struct Prepared {
  virtual ~Prepared() = default;

  // Parameters by position, 1 first. The _ref forms keep a pointer to the bytes, which must
  // stay until the statement has run (the chain writer's rows: no copy per column).
  virtual void bind_i64(int index, std::int64_t v) = 0;
  virtual void bind_text(int index, const std::string& v) = 0;
  virtual void bind_text_ref(int index, const std::string& v) = 0;
  virtual void bind_blob_ref(int index, const void* bytes, std::size_t size) = 0;
  virtual void bind_null(int index) = 0;
  // The position of a named parameter (":convention"), 0 when the statement has none.
  virtual int parameter_index(const char* name) const = 0;

  // The next row: false when there is none. exec() runs a statement that returns no rows.
  virtual bool step() = 0;
  virtual void exec() = 0;
  // The rows the last exec() wrote.
  virtual std::int64_t changes() const = 0;
  // Back to before the first step, bindings kept; never throws.
  virtual void reset() noexcept = 0;
  virtual void clear_bindings() noexcept = 0;

  // Columns of the current row, 0 first. bytes() is a text's or a blob's bytes, valid until the
  // next step.
  virtual std::int64_t i64(int column) const = 0;
  virtual std::string_view bytes(int column) const = 0;
  virtual bool is_null(int column) const = 0;
  virtual bool is_integer(int column) const = 0;
  virtual bool is_blob(int column) const = 0;

  const std::string& sql() const { return sql_; }

  std::vector<std::string> columns;  // the result's column names, for the getters by name
  bool lent = false;                 // Ledger::query's pool

 protected:
  std::string sql_;
};

// A template's SQL (queries/chain_insert.sql…) with every `{name}` replaced by its value, comments
// included; std::logic_error when the template lacks one of them.
std::string filled(std::string sql, std::initializer_list<std::pair<std::string_view, std::string_view>> values);

}  // namespace ledger::store_detail
