#include "store/query.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/errors.hpp"
#include "store/sqlite.hpp"

namespace ledger {

namespace store_detail {

Prepared::Prepared(SQLite::Database& db, const std::string& sql) : stmt(db, sql) {
  const int n = stmt.getColumnCount();
  columns.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) columns.emplace_back(stmt.getColumnName(i));
}

void rethrow(const SQLite::Exception& e) {
  const std::string message = std::string("database: ") + e.what();
  switch (e.getExtendedErrorCode()) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      throw DuplicateEntry(message);
    default:
      break;
  }
  switch (e.getErrorCode() & 0xff) {
    case SQLITE_CONSTRAINT: throw ConstraintViolation(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED: throw Busy(message);
    case SQLITE_FULL: throw StorageFull(message);
    case SQLITE_READONLY:
    case SQLITE_PERM: throw ReadOnly(message);
    case SQLITE_INTERRUPT:
      if (caught_signal() != 0) throw_interrupted();
      throw StoreError(message);
    default: throw StoreError(message);
  }
}

}  // namespace store_detail

Query::~Query() {
  if (p_ == nullptr) return;
  p_->stmt.tryReset();
  p_->stmt.clearBindings();
  p_->lent = false;
}

Query& Query::bind(int index, std::int64_t v) {
  try {
    p_->stmt.bind(index, v);
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
  return *this;
}

Query& Query::bind(int index, const std::string& v) {
  try {
    p_->stmt.bind(index, v);
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
  return *this;
}

Query& Query::bind(int index, const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return bind(index, *n);
  if (const auto* s = std::get_if<std::string>(&v)) return bind(index, *s);
  try {
    p_->stmt.bind(index);
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
  return *this;
}

bool Query::has_parameter(const char* name) const { return p_->stmt.getIndex(name) != 0; }

int Query::parameter(const char* name) const {
  const int i = p_->stmt.getIndex(name);
  if (i == 0) throw std::logic_error(fmt::format("query {}: no parameter {}", p_->stmt.getQuery(), name));
  return i;
}

bool Query::next() {
  try {
    return p_->stmt.executeStep();
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
}

void Query::exec() {
  try {
    p_->stmt.exec();
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
}

void Query::reset() { p_->stmt.tryReset(); }

int Query::index(std::string_view column) const {
  const auto& names = p_->columns;
  const auto it = std::find(names.begin(), names.end(), column);
  if (it == names.end()) throw std::logic_error(fmt::format("query {}: no column {}", p_->stmt.getQuery(), column));
  return static_cast<int>(it - names.begin());
}

std::int64_t Query::i64(int column) const { return p_->stmt.getColumn(column).getInt64(); }

std::string Query::text(int column) const { return p_->stmt.getColumn(column).getString(); }

std::optional<std::int64_t> Query::opt_i64(int column) const {
  if (is_null(column)) return std::nullopt;
  return i64(column);
}

std::optional<std::string> Query::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

bool Query::is_null(int column) const { return p_->stmt.isColumnNull(column); }

bool Query::is_integer(int column) const { return p_->stmt.getColumn(column).isInteger(); }

int Query::column_count() const { return static_cast<int>(p_->columns.size()); }

}  // namespace ledger
