#include "store/query.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/errors.hpp"
#include "store/sqlite.hpp"

namespace ledger {

namespace store_detail {

std::string filled(std::string sql, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
  for (const auto& [name, value] : values) {
    const std::string placeholder = "{" + std::string(name) + "}";
    std::size_t at = sql.find(placeholder);
    if (at == std::string::npos) throw std::logic_error("SQL template without " + placeholder + ": " + sql);
    for (; at != std::string::npos; at = sql.find(placeholder, at + value.size())) sql.replace(at, placeholder.size(), value);
  }
  return sql;
}

namespace {
// Runs a SQLiteCpp call, its exception turned into a store error.
template <typename F>
auto sqlite_call(F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const SQLite::Exception& e) {
    rethrow(e);
  }
}
}  // namespace

SqlitePrepared::SqlitePrepared(SQLite::Database& database, const std::string& sql)
    : db(database), stmt(sqlite_call([&] { return SQLite::Statement(database, sql); })) {
  sql_ = sql;
  const int n = stmt.getColumnCount();
  columns.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) columns.emplace_back(stmt.getColumnName(i));
}

void SqlitePrepared::bind_i64(int index, std::int64_t v) { sqlite_call([&] { stmt.bind(index, v); }); }
void SqlitePrepared::bind_text(int index, const std::string& v) { sqlite_call([&] { stmt.bind(index, v); }); }
void SqlitePrepared::bind_text_ref(int index, const std::string& v) { sqlite_call([&] { stmt.bindNoCopy(index, v); }); }
void SqlitePrepared::bind_blob_ref(int index, const void* bytes, std::size_t size) {
  sqlite_call([&] { stmt.bindNoCopy(index, bytes, static_cast<int>(size)); });
}
void SqlitePrepared::bind_null(int index) { sqlite_call([&] { stmt.bind(index); }); }
int SqlitePrepared::parameter_index(const char* name) const { return stmt.getIndex(name); }
bool SqlitePrepared::step() { return sqlite_call([&] { return stmt.executeStep(); }); }
void SqlitePrepared::exec() { sqlite_call([&] { stmt.exec(); }); }
std::int64_t SqlitePrepared::changes() const { return db.getChanges(); }
// sqlite3_reset returns the previous step's error: after a refused row (a duplicate the caller
// reports and goes on from), the statement is still good for the next row.
void SqlitePrepared::reset() noexcept { static_cast<void>(stmt.tryReset()); }
void SqlitePrepared::clear_bindings() noexcept { stmt.clearBindings(); }
std::int64_t SqlitePrepared::i64(int column) const { return stmt.getColumn(column).getInt64(); }
std::string_view SqlitePrepared::bytes(int column) const {
  const auto col = stmt.getColumn(column);
  return {static_cast<const char*>(col.getBlob()), static_cast<std::size_t>(col.getBytes())};
}
bool SqlitePrepared::is_null(int column) const { return stmt.isColumnNull(column); }
bool SqlitePrepared::is_integer(int column) const { return stmt.getColumn(column).isInteger(); }
bool SqlitePrepared::is_blob(int column) const { return stmt.getColumn(column).isBlob(); }

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
  p_->reset();
  p_->clear_bindings();
  p_->lent = false;
}

Query& Query::bind(int index, std::int64_t v) {
  p_->bind_i64(index, v);
  return *this;
}

Query& Query::bind(int index, const std::string& v) {
  p_->bind_text(index, v);
  return *this;
}

Query& Query::bind_blob(int index, const std::string& bytes) {
  p_->bind_blob_ref(index, bytes.data(), bytes.size());
  return *this;
}

Query& Query::bind(int index, const Value& v) {
  if (const auto* n = std::get_if<std::int64_t>(&v)) return bind(index, *n);
  if (const auto* s = std::get_if<std::string>(&v)) return bind(index, *s);
  p_->bind_null(index);
  return *this;
}

bool Query::has_parameter(const char* name) const { return p_->parameter_index(name) != 0; }

int Query::parameter(const char* name) const {
  const int i = p_->parameter_index(name);
  if (i == 0) throw std::logic_error(fmt::format("query {}: no parameter {}", p_->sql(), name));
  return i;
}

bool Query::next() { return p_->step(); }

void Query::exec() { p_->exec(); }

void Query::reset() { p_->reset(); }

int Query::index(std::string_view column) const {
  const auto& names = p_->columns;
  const auto it = std::find(names.begin(), names.end(), column);
  if (it == names.end()) throw std::logic_error(fmt::format("query {}: no column {}", p_->sql(), column));
  return static_cast<int>(it - names.begin());
}

std::int64_t Query::i64(int column) const { return p_->i64(column); }

std::string Query::text(int column) const { return std::string(p_->bytes(column)); }

std::optional<std::int64_t> Query::opt_i64(int column) const {
  if (is_null(column)) return std::nullopt;
  return i64(column);
}

std::optional<std::string> Query::opt_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

bool Query::is_null(int column) const { return p_->is_null(column); }

bool Query::is_integer(int column) const { return p_->is_integer(column); }

int Query::column_count() const { return static_cast<int>(p_->columns.size()); }

}  // namespace ledger
