// Reading and writing through the embedded queries (queries/NAME.sql, reports/NAME.sql) without
// the database library: the only place for SQL stays the .sql files.
//
//   Query q = ledger.query("attendance_session");
//   q.bind(1, module_id).bind(2, date);
//   while (q.next()) use(q.i64("minutes"), q.opt_text("trainer"));
//
// A Query is a handle on a prepared statement lent by the ledger's pool for its name; the handle
// gives it back, reset and unbound, when it goes out of scope. A statement still lent is never
// handed out twice: a nested use of one query gets a second statement and the outer loop goes on.
// A Query must not outlive its Ledger.
// Getters by column name look the name up among the statement's columns without allocating; NULL
// reads as 0, "" or false, or nullopt from the opt_ getters. Errors are store errors
// (store/errors.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/chain.hpp"

namespace ledger {

namespace store_detail {
struct Prepared;  // one prepared statement of the backend, with its column names
}

class Query {
 public:
  explicit Query(store_detail::Prepared& prepared) : p_(&prepared) {}
  Query(Query&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  Query& operator=(Query&&) = delete;
  Query(const Query&) = delete;
  ~Query();

  // Parameters by position (1 first) or by name (":convention"). Text is copied.
  Query& bind(int index, std::int64_t v);
  Query& bind(int index, const std::string& v);
  Query& bind(int index, const char* v) { return bind(index, std::string(v)); }
  Query& bind(int index, const Value& v);
  // Bytes as a blob, not copied: they must stay until the statement has run.
  Query& bind_blob(int index, const std::string& bytes);
  Query& bind(const char* name, std::int64_t v) { return bind(parameter(name), v); }
  Query& bind(const char* name, const std::string& v) { return bind(parameter(name), v); }
  Query& bind(const char* name, const char* v) { return bind(parameter(name), v); }
  Query& bind(const char* name, const Value& v) { return bind(parameter(name), v); }
  // Whether the statement has the named parameter (a report's query may not use every one).
  bool has_parameter(const char* name) const;

  // The next row: false when there is none.
  bool next();
  // Runs a statement that returns no rows.
  void exec();
  // Ends the read before the handle's end (a read in progress would hold back a write that
  // follows); the bindings stay, next() starts over.
  void reset();

  std::int64_t i64(std::string_view column) const { return i64(index(column)); }
  std::string text(std::string_view column) const { return text(index(column)); }
  std::optional<std::int64_t> opt_i64(std::string_view column) const { return opt_i64(index(column)); }
  std::optional<std::string> opt_text(std::string_view column) const { return opt_text(index(column)); }
  bool flag(std::string_view column) const { return i64(column) != 0; }
  bool is_null(std::string_view column) const { return is_null(index(column)); }
  bool is_integer(std::string_view column) const { return is_integer(index(column)); }

  // By position (0 first), for generic queries.
  std::int64_t i64(int column) const;
  std::string text(int column) const;
  std::optional<std::int64_t> opt_i64(int column) const;
  std::optional<std::string> opt_text(int column) const;
  bool is_null(int column) const;
  bool is_integer(int column) const;
  int column_count() const;

 private:
  int index(std::string_view column) const;  // throws std::logic_error for an unknown column
  int parameter(const char* name) const;     // likewise for an unknown parameter

  store_detail::Prepared* p_;
};

}  // namespace ledger
