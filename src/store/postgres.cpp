#include "store/postgres.hpp"

#include <dlfcn.h>
#include <libpq-fe.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <mutex>
#include <optional>
#include <regex>
#include <stdexcept>

#include "app/error.hpp"
#include "app/resources.hpp"
#include "app/text.hpp"
#include "store/errors.hpp"
#include "store/sqlite.hpp"

namespace ledger::store_detail {

namespace {

#define LEDGER_PQ_FUNCTIONS(X)                                                                                 \
  X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQexec) X(PQprepare) X(PQdescribePrepared)         \
  X(PQexecPrepared) X(PQresultStatus) X(PQresultErrorField) X(PQclear) X(PQntuples) X(PQnfields) X(PQfname)    \
  X(PQftype) X(PQgetvalue) X(PQgetlength) X(PQgetisnull) X(PQcmdTuples) X(PQsetNoticeProcessor)                \
  X(PQtransactionStatus) X(PQputCopyData) X(PQputCopyEnd) X(PQgetResult)

struct Pq {
#define LEDGER_PQ_POINTER(name) decltype(&::name) name = nullptr;
  LEDGER_PQ_FUNCTIONS(LEDGER_PQ_POINTER)
#undef LEDGER_PQ_POINTER
};

// libpq's functions, loaded on the first PostgreSQL ledger opened; throws DatabaseError without it.
const Pq& pq() {
  static const std::pair<Pq, std::string> loaded = [] {
    std::pair<Pq, std::string> l;
    // Lazily bound: libpq's tree of libraries (Kerberos, LDAP, GnuTLS…) has thousands of symbols a
    // command never calls, and binding them all at once cost 3 ms a command.
    void* handle = dlopen("libpq.so.5", RTLD_LAZY | RTLD_LOCAL);
    if (handle == nullptr) {
      l.second = tr("db.pg_library_missing", fmt::arg("reason", dlerror()));
      return l;
    }
#define LEDGER_PQ_LOAD(name)                                                          \
  l.first.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));          \
  if (l.first.name == nullptr && l.second.empty()) l.second = tr("db.pg_library_missing", fmt::arg("reason", #name));
    LEDGER_PQ_FUNCTIONS(LEDGER_PQ_LOAD)
#undef LEDGER_PQ_LOAD
    return l;
  }();
  if (!loaded.second.empty()) throw DatabaseError(loaded.second);
  return loaded.first;
}

// Type oids of pg_type.dat that the getters tell apart.
constexpr Oid kBool = 16, kBytea = 17, kInt8 = 20, kInt2 = 21, kInt4 = 23, kText = 25, kNumeric = 1700;

bool has_resource(std::string_view path) {
  const auto all = all_resources();
  return std::any_of(all.begin(), all.end(), [&](const Resource& r) { return r.path == path; });
}

struct Rule {
  bool schema_only;
  std::regex pattern;
  std::string replacement;
  std::string needle;  // the literal every match starts with (after a leading \b); empty: none known
};

// The literal a pattern's every match starts with: its leading characters up to the first regex
// operator (a leading \b is zero-width; an escaped punctuation mark is itself). A character made
// optional or repeated by what follows is left out.
std::string leading_literal(const std::string& pattern) {
  std::string out;
  std::size_t i = pattern.starts_with("\\b") ? 2 : 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size() && std::ispunct(static_cast<unsigned char>(pattern[i + 1]))) {
      out += pattern[i + 1];
      i += 2;
    } else if (std::strchr("\\^$.|?*+()[]{}", c) == nullptr) {
      out += c;
      ++i;
    } else {
      if ((c == '?' || c == '*' || c == '{') && !out.empty()) out.pop_back();
      break;
    }
  }
  return out;
}

// regex_replace, with the regex tried only where the rule's literal occurs: libstdc++'s regex
// costs about a microsecond a character (\b looks the word class up at every one), and running
// each rule over every statement's text took a fifth of a report's client time. Every match
// starts with the literal, so trying the positions where it occurs, left to right, finds the
// same matches as the scan.
std::string apply_rule(const Rule& rule, const std::string& text) {
  if (rule.needle.empty()) return std::regex_replace(text, rule.pattern, rule.replacement);
  std::string out;
  std::size_t copied = 0, at = text.find(rule.needle);
  if (at == std::string::npos) return text;
  std::smatch m;
  while (at != std::string::npos) {
    auto flags = std::regex_constants::match_continuous;
    if (at > 0) flags |= std::regex_constants::match_prev_avail;
    if (std::regex_search(text.begin() + static_cast<std::ptrdiff_t>(at), text.end(), m, rule.pattern, flags)) {
      out.append(text, copied, at - copied);
      out += m.format(rule.replacement);
      copied = at + static_cast<std::size_t>(m.length(0));
      at = text.find(rule.needle, std::max(copied, at + 1));
    } else {
      at = text.find(rule.needle, at + 1);
    }
  }
  out.append(text, copied, std::string::npos);
  return out;
}

// schema/pg/dialect.txt: `all|schema <TAB> ECMAScript pattern <TAB> replacement`, `\n` a newline.
const std::vector<Rule>& dialect_rules() {
  static const std::vector<Rule> rules = [] {
    std::vector<Rule> out;
    const std::string_view text = resource("schema/pg/dialect.txt");
    std::size_t at = 0;
    while (at < text.size()) {
      auto end = text.find('\n', at);
      if (end == std::string_view::npos) end = text.size();
      const std::string line(text.substr(at, end - at));
      at = end + 1;
      if (line.empty() || line[0] == '#') continue;
      const auto tab1 = line.find('\t');
      const auto tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string::npos || tab2 == std::string::npos)
        throw std::logic_error("schema/pg/dialect.txt: not scope<TAB>pattern<TAB>replacement: " + line);
      std::string replacement = line.substr(tab2 + 1);
      for (std::size_t n; (n = replacement.find("\\n")) != std::string::npos;) replacement.replace(n, 2, "\n");
      const std::string pattern = line.substr(tab1 + 1, tab2 - tab1 - 1);
      out.push_back({line.substr(0, tab1) == "schema", std::regex(pattern), replacement, leading_literal(pattern)});
    }
    return out;
  }();
  return rules;
}

// libpq's messages on one line, as every error of the ledger is (`FILE:LINE: field: value: why`).
std::string one_line(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  for (std::size_t at; (at = text.find_first_of("\n\t")) != std::string::npos;) {
    const auto end = text.find_first_not_of("\n\t ", at);
    text.replace(at, end == std::string::npos ? text.size() - at : end - at, " ");
  }
  return text;
}

// The server ended the connection: class 08, 57P01-57P03 (shut down, crashed, starting), or
// libpq found the socket closed (CONNECTION_BAD), which is what a server stopped mid-statement
// mostly gives, with no SQLSTATE.
bool connection_lost(const std::string& code, PGconn* conn) {
  return code.starts_with("08") || code == "57P01" || code == "57P02" || code == "57P03" ||
         pq().PQstatus(conn) == CONNECTION_BAD;
}

// SQLSTATE classes and codes (PostgreSQL's Appendix A) as store errors. A connection lost rolls
// the transaction back on the server, unless it was lost during COMMIT (`committing`): then the
// client cannot know whether the write was recorded.
[[noreturn]] void throw_result(const PGresult* result, PGconn* conn, bool committing = false) {
  const char* state = result != nullptr ? pq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const char* primary = result != nullptr ? pq().PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  const std::string message = "database: " + one_line(primary != nullptr ? primary : pq().PQerrorMessage(conn));
  const std::string code = state != nullptr ? state : "";
  if (code == "57014" && caught_signal() != 0) throw_interrupted();
  if (connection_lost(code, conn)) throw StoreError("database: " + (committing ? tr("db.pg_lost_commit") : tr("db.pg_lost")));
  if (code == "23505") throw DuplicateEntry(message);
  if (code.starts_with("23")) throw ConstraintViolation(message);
  if (code == "40001" || code == "40P01" || code == "55P03") throw Busy(message);
  if (code.starts_with("53")) throw StorageFull(message);
  if (code == "42501") throw ReadOnly("database: " + tr("db.pg_not_permitted", fmt::arg("reason", one_line(primary != nullptr ? primary : ""))));
  if (code == "25006") throw ReadOnly(message);
  throw StoreError(message);
}

struct ResultCloser {
  void operator()(PGresult* r) const { pq().PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultCloser>;

std::string sqlstate(const PGresult* r) {
  const char* state = r != nullptr ? pq().PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  return state != nullptr ? state : "";
}

// A parameter whose type the server cannot infer (indeterminate_datatype, ambiguous_parameter).
bool indeterminate(const PGresult* r) {
  const std::string state = sqlstate(r);
  return state == "42P18" || state == "42P08";
}

Result checked(PGresult* r, PGconn* conn, bool committing = false) {
  Result result(r);
  const auto status = pq().PQresultStatus(r);
  if (r == nullptr || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) throw_result(r, conn, committing);
  return result;
}

// PQprepare, without spoiling the transaction in progress when the server refuses the statement (a
// failed statement aborts the whole transaction): inside one, the attempt runs in a savepoint.
Result prepare(PGconn* conn, const std::string& name, const std::string& sql, int count, const Oid* types) {
  const bool in_transaction = pq().PQtransactionStatus(conn) == PQTRANS_INTRANS;
  if (in_transaction) checked(pq().PQexec(conn, "SAVEPOINT ledger_prepare"), conn);
  Result prepared(pq().PQprepare(conn, name.c_str(), sql.c_str(), count, types));
  if (in_transaction) {
    const bool failed = pq().PQresultStatus(prepared.get()) != PGRES_COMMAND_OK;
    checked(pq().PQexec(conn, failed ? "ROLLBACK TO SAVEPOINT ledger_prepare" : "RELEASE SAVEPOINT ledger_prepare"), conn);
  }
  return prepared;
}

// The parameter ($N, 0 first) that an error's message names.
std::optional<std::size_t> parameter_named(const PGresult* r) {
  const char* primary = pq().PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY);
  const char* dollar = primary != nullptr ? std::strrchr(primary, '$') : nullptr;
  std::size_t n = 0;
  if (dollar == nullptr || std::from_chars(dollar + 1, dollar + std::strlen(dollar), n).ec != std::errc() || n == 0) return std::nullopt;
  return n - 1;
}

int hex_digit(char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; }

struct PgPrepared final : Prepared {
  PgPrepared(PgConnection& owner, std::string name, const std::string& sql)
      : owner_(owner), conn_(owner.raw()), name_(std::move(name)) {
    sql_ = sql;
    int count = 0;
    numbered_ = pg_placeholders(sql, names_, &count);
    parameters_ = static_cast<std::size_t>(count);
    // The server infers each parameter's type from the statement; where it cannot (`?2 IS NULL
    // OR …`), the statement is prepared when it first runs, with the types of the values bound.
    Result prepared = prepare(conn_, name_, numbered_, 0, nullptr);
    if (indeterminate(prepared.get())) return;
    checked(prepared.release(), conn_);
    describe();
    typed_ = false;
  }

  void bind_i64(int index, std::int64_t v) override {
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    set(index, std::string(buf, end), 0);
    typed_oids_[static_cast<std::size_t>(index - 1)] = kInt8;
  }
  void bind_text(int index, const std::string& v) override { set(index, v, 0); }
  void bind_text_ref(int index, const std::string& v) override { set(index, v, 0); }
  void bind_blob_ref(int index, const void* bytes, std::size_t size) override {
    set(index, std::string(static_cast<const char*>(bytes), size), 1);
  }
  void bind_null(int index) override {
    slot(index);
    nulls_[static_cast<std::size_t>(index - 1)] = true;
  }
  int parameter_index(const char* name) const override {
    for (const auto& [n, i] : names_)
      if (n == name) return i;
    return 0;
  }

  bool step() override {
    if (!ran_) run();
    ++row_;
    return row_ < pq().PQntuples(result_.get());
  }
  void exec() override { run(); }
  std::int64_t changes() const override {
    std::int64_t n = 0;
    const char* v = pq().PQcmdTuples(result_.get());
    std::from_chars(v, v + std::strlen(v), n);
    return n;
  }
  void reset() noexcept override {
    result_.reset();
    ran_ = false;
    row_ = -1;
  }
  void clear_bindings() noexcept override {
    values_.clear();
    nulls_.clear();
    formats_.clear();
    typed_oids_.clear();
  }

  std::int64_t i64(int column) const override {
    if (is_null(column)) return 0;
    const char* v = pq().PQgetvalue(result_.get(), row_, column);
    if (types_[static_cast<std::size_t>(column)] == kBool) return v[0] == 't' ? 1 : 0;
    std::int64_t out = 0;
    std::from_chars(v, v + std::strlen(v), out);
    return out;
  }
  std::string_view bytes(int column) const override {
    if (is_null(column)) return {};
    const char* v = pq().PQgetvalue(result_.get(), row_, column);
    const auto length = static_cast<std::size_t>(pq().PQgetlength(result_.get(), row_, column));
    // A truth value reads as SQLite's, 1 or 0.
    if (types_[static_cast<std::size_t>(column)] == kBool) return v[0] == 't' ? "1" : "0";
    if (types_[static_cast<std::size_t>(column)] != kBytea) return {v, length};
    // bytea in text form: \x and two hex digits a byte.
    auto& out = blobs_[static_cast<std::size_t>(column)];
    out.clear();
    for (std::size_t i = 2; i + 1 < length; i += 2) out += static_cast<char>(hex_digit(v[i]) * 16 + hex_digit(v[i + 1]));
    return out;
  }
  bool is_null(int column) const override { return pq().PQgetisnull(result_.get(), row_, column) != 0; }
  bool is_integer(int column) const override {
    const Oid t = types_[static_cast<std::size_t>(column)];
    return !is_null(column) && (t == kInt8 || t == kInt4 || t == kInt2 || t == kBool || t == kNumeric);
  }
  bool is_blob(int column) const override {
    return !is_null(column) && types_[static_cast<std::size_t>(column)] == kBytea;
  }

 private:
  void slot(int index) {
    const auto i = static_cast<std::size_t>(index);
    if (values_.size() < i) {
      values_.resize(i);
      nulls_.resize(i, true);
      formats_.resize(i, 0);
      typed_oids_.resize(i, kText);
    }
  }
  void set(int index, std::string value, int format) {
    slot(index);
    const auto i = static_cast<std::size_t>(index - 1);
    typed_oids_[i] = kText;
    values_[i] = std::move(value);
    nulls_[i] = false;
    formats_[i] = format;
  }
  // Prepares the statement for the types of the values bound, once for each set of types. A NULL
  // says nothing of its type: left to the server, and where the server cannot tell (`$2 IS NULL OR
  // e.id = $2`: the type is taken from the first use), that one parameter is tried as text, then
  // as an integer if text has no operator there.
  void prepare_typed() {
    std::vector<Oid> types(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) types[i] = nulls_[i] ? 0 : formats_[i] == 1 ? kBytea : typed_oids_[i];
    if (!run_name_.empty() && types == prepared_types_) return;
    const std::vector<Oid> bound = types;
    const std::string name = name_ + "_" + std::to_string(++versions_);
    Result prepared;
    std::optional<std::size_t> guessed;  // the NULL parameter whose type was guessed last
    for (std::size_t attempt = 0; attempt <= 2 * types.size(); ++attempt) {
      prepared = prepare(conn_, name, numbered_, static_cast<int>(types.size()), types.data());
      const std::string state = sqlstate(prepared.get());
      if (indeterminate(prepared.get())) {
        const auto n = parameter_named(prepared.get());
        if (!n || *n >= types.size() || types[*n] != 0) break;
        types[*n] = kText;
        guessed = n;
      } else if ((state == "42883" || state == "42804") && guessed && types[*guessed] == kText) {
        types[*guessed] = kInt8;
      } else {
        break;
      }
    }
    checked(prepared.release(), conn_);
    run_name_ = name;
    prepared_types_ = bound;
    columns.clear();
    types_.clear();
    describe();
  }

  void describe() {
    const std::string& name = run_name_.empty() ? name_ : run_name_;
    const Result described = checked(pq().PQdescribePrepared(conn_, name.c_str()), conn_);
    const int n = pq().PQnfields(described.get());
    for (int i = 0; i < n; ++i) {
      columns.emplace_back(pq().PQfname(described.get(), i));
      types_.push_back(pq().PQftype(described.get(), i));
    }
    blobs_.assign(static_cast<std::size_t>(n), std::string());
  }

  void run() {
    owner_.send_held();
    reset();
    if (values_.size() < parameters_) slot(static_cast<int>(parameters_));
    if (typed_) prepare_typed();
    const std::string& name = run_name_.empty() ? name_ : run_name_;
    std::vector<const char*> pointers(values_.size());
    std::vector<int> lengths(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      pointers[i] = nulls_[i] ? nullptr : values_[i].data();
      lengths[i] = static_cast<int>(values_[i].size());
    }
    result_ = checked(pq().PQexecPrepared(conn_, name.c_str(), static_cast<int>(values_.size()), pointers.data(),
                                          lengths.data(), formats_.data(), 0),
                      conn_);
    ran_ = true;
  }

  PgConnection& owner_;
  PGconn* conn_;
  std::string name_;
  std::string numbered_;  // the SQL with $N parameters
  std::size_t parameters_ = 0;  // unbound ones are NULL, as SQLite's
  bool typed_ = true;     // prepared on first run, for the types bound (prepare_typed)
  std::string run_name_;  // the typed statement's name
  std::vector<Oid> prepared_types_;
  std::vector<Oid> typed_oids_;  // the type of each value bound: int8 or text
  int versions_ = 0;
  std::vector<std::pair<std::string, int>> names_;
  std::vector<Oid> types_;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<int> formats_;
  Result result_;
  bool ran_ = false;
  int row_ = -1;
  mutable std::vector<std::string> blobs_;
};

// The server's notices (a CREATE … IF NOT EXISTS that found the object) are not the user's business.
void ignore_notice(void*, const char*) {}

}  // namespace

bool is_postgres_name(const std::string& name) {
  return name.starts_with("postgresql://") || name.starts_with("postgres://") || name.starts_with("postgres:");
}

std::string pg_sql(std::string_view resource_path, bool schema) {
  const auto slash = resource_path.find('/');
  const std::string override_path = std::string(resource_path.substr(0, slash)) + "/pg" + std::string(resource_path.substr(slash));
  if (has_resource(override_path)) return std::string(resource(override_path));
  std::string sql(resource(resource_path));
  for (const auto& rule : dialect_rules())
    if (schema || !rule.schema_only) sql = apply_rule(rule, sql);
  return sql;
}

std::string pg_placeholders(std::string_view sql, std::vector<std::pair<std::string, int>>& names, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int highest = 0;
  auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (std::size_t i = 0; i < sql.size();) {
    const char c = sql[i];
    auto copy_until = [&](std::string_view end) {
      const auto stop = sql.find(end, i + 1);
      const auto to = stop == std::string_view::npos ? sql.size() : stop + end.size();
      out.append(sql.substr(i, to - i));
      i = to;
    };
    if (c == '\'') {
      copy_until("'");
    } else if (c == '"') {
      copy_until("\"");
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_until("*/");
    } else if (c == '$' && i + 1 < sql.size() && sql[i + 1] == '$') {
      const auto stop = sql.find("$$", i + 2);
      const auto to = stop == std::string_view::npos ? sql.size() : stop + 2;
      out.append(sql.substr(i, to - i));
      i = to;
    } else if (c == '?') {
      std::size_t j = i + 1;
      while (j < sql.size() && std::isdigit(static_cast<unsigned char>(sql[j]))) ++j;
      int n = highest + 1;
      if (j > i + 1) std::from_chars(sql.data() + i + 1, sql.data() + j, n);
      highest = std::max(highest, n);
      out += '$' + std::to_string(n);
      i = j;
    } else if (c == ':' && i + 1 < sql.size() && sql[i + 1] == ':') {
      out += "::";
      i += 2;
    } else if (c == ':' && i + 1 < sql.size() && (std::isalpha(static_cast<unsigned char>(sql[i + 1])) || sql[i + 1] == '_') &&
               (i == 0 || !is_word(sql[i - 1]))) {
      std::size_t j = i + 1;
      while (j < sql.size() && is_word(sql[j])) ++j;
      const std::string name(sql.substr(i, j - i));
      const auto known = std::find_if(names.begin(), names.end(), [&](const auto& p) { return p.first == name; });
      int n = 0;
      if (known != names.end()) {
        n = known->second;
      } else {
        n = ++highest;
        names.emplace_back(name, n);
      }
      out += '$' + std::to_string(n);
      i = j;
    } else {
      out += c;
      ++i;
    }
  }
  if (count != nullptr) *count = highest;
  return out;
}

PgConnection::PgConnection(const std::string& name) {
  const std::string conninfo = name.starts_with("postgres:") && !name.starts_with("postgres://") ? name.substr(9) : name;
  conn_ = pq().PQconnectdb(conninfo.c_str());
  if (conn_ == nullptr || pq().PQstatus(conn_) != CONNECTION_OK) {
    const std::string reason = one_line(conn_ != nullptr ? pq().PQerrorMessage(conn_) : "out of memory");
    if (conn_ != nullptr) pq().PQfinish(conn_);
    conn_ = nullptr;
    throw DatabaseError(name + ": " + tr("db.pg_unreachable", fmt::arg("reason", reason)));
  }
  pq().PQsetNoticeProcessor(conn_, ignore_notice, nullptr);
  try {
    exec(std::string(resource("queries/pg/session_open.sql")));
  } catch (...) {
    pq().PQfinish(conn_);
    conn_ = nullptr;
    throw;
  }
}

PgConnection::~PgConnection() {
  if (conn_ != nullptr) pq().PQfinish(conn_);
}

std::unique_ptr<Prepared> PgConnection::prepare(const std::string& sql) {
  // A statement prepared during a COPY would end it ("COPY terminated by new PQexec").
  send_held();
  return std::make_unique<PgPrepared>(*this, "ledger_" + std::to_string(++statements_), sql);
}

void PgConnection::copy_begin(const std::string& statement) {
  Result started(pq().PQexec(conn_, statement.c_str()));
  if (pq().PQresultStatus(started.get()) != PGRES_COPY_IN) throw_result(started.get(), conn_);
  copying_ = true;
}

void PgConnection::copy_rows(const std::string& rows) {
  // Blocking connection: 1 is sent, -1 a connection lost; the server's refusal of a row comes at
  // the end (copy_end).
  if (pq().PQputCopyData(conn_, rows.data(), static_cast<int>(rows.size())) != 1) {
    copying_ = false;
    throw_result(nullptr, conn_);
  }
}

void PgConnection::copy_end() {
  copying_ = false;
  if (pq().PQputCopyEnd(conn_, nullptr) != 1) throw_result(nullptr, conn_);
  Result ended(pq().PQgetResult(conn_));
  // The remaining results up to the null one, as libpq requires before the next command.
  while (PGresult* more = pq().PQgetResult(conn_)) pq().PQclear(more);
  checked(ended.release(), conn_);
}

void PgConnection::drop_held() noexcept {
  held_ = nullptr;
  if (!copying_) return;
  copying_ = false;
  // The COPY fails on the server and takes the transaction with it: the rollback that follows.
  if (pq().PQputCopyEnd(conn_, "rolled back") == 1)
    while (PGresult* r = pq().PQgetResult(conn_)) pq().PQclear(r);
}

void PgConnection::exec(const std::string& script) {
  send_held();
  // A connection lost during COMMIT leaves the write's outcome unknown, and is said so.
  static const std::string commit = pg_sql("queries/transaction_commit.sql");
  checked(pq().PQexec(conn_, script.c_str()), conn_, script == commit);
}

bool PgConnection::try_exec(const std::string& script) noexcept {
  try {
    exec(script);
    return true;
  } catch (...) {
    return false;
  }
}

}  // namespace ledger::store_detail
