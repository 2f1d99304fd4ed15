#include "store/ledger.hpp"
#include "app/text.hpp"

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>

#include "app/error.hpp"
#include "store/resources.hpp"

namespace ledger {

namespace {

std::vector<Resource> migrations() {
  std::vector<Resource> out;
  for (const auto& r : all_resources())
    if (r.path.starts_with("schema/") && r.path.ends_with(".sql")) out.push_back(r);
  std::sort(out.begin(), out.end(), [](const Resource& a, const Resource& b) { return a.path < b.path; });
  return out;
}

std::string query_text(std::string_view name) {
  if (name.starts_with("reports/")) return std::string(resource(std::string(name) + ".sql"));
  return std::string(resource("queries/" + std::string(name) + ".sql"));
}

// Busy timeout plus a bounded retry for BEGIN IMMEDIATE, so concurrent writers wait their turn
// instead of seeing "database is locked".
constexpr int kBusyTimeoutMs = 10000;
constexpr int kBeginAttempts = 30;

// A write the file system refused (a full disk, a file size limit, a read-only file), said
// plainly; nullopt for any other failure.
std::optional<DatabaseError> storage_refused(int code, int os_error, const std::string& path) {
  // SQLite reports a write refused with EFBIG (file size limit) as a plain I/O error, and the
  // errno it keeps may be a later call's: look at the limit and the free space themselves.
  const bool write_error = code == SQLITE_IOERR_WRITE || code == SQLITE_IOERR_FSYNC || code == SQLITE_IOERR_TRUNCATE ||
                           code == SQLITE_IOERR_SHMSIZE;
  rlimit fsize{};
  struct statvfs fs {};
  const bool limited = ::getrlimit(RLIMIT_FSIZE, &fsize) == 0 && fsize.rlim_cur != RLIM_INFINITY;
  const auto dir = std::filesystem::absolute(path).parent_path();
  const bool no_room = ::statvfs(dir.c_str(), &fs) == 0 && fs.f_bavail * fs.f_frsize < (1u << 20);
  if ((code & 0xff) == SQLITE_FULL || os_error == ENOSPC || os_error == EFBIG || os_error == EDQUOT ||
      (write_error && (limited || no_room)))
    return DatabaseError(path + ": " + tr("db.disk_full"));
  if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_PERM || os_error == EACCES || os_error == EROFS ||
      os_error == EPERM)
    return DatabaseError(path + ": " + tr("db.read_only"));
  return std::nullopt;
}

// A write that failed, said plainly. The transaction is rolled back: nothing stays.
DatabaseError write_refused(SQLite::Database& db, const std::string& path, const std::string& detail) {
  if (auto refused = storage_refused(db.getExtendedErrorCode(), sqlite3_system_errno(db.getHandle()), path)) return *refused;
  return DatabaseError(tr("db.write_refused", fmt::arg("path", path), fmt::arg("detail", detail), fmt::arg("reason", db.getErrorMsg())));
}

}  // namespace

namespace {
// A connection is used by one thread at a time, and nothing reads SQLite's memory statistics:
// neither needs a mutex taken for every row of a bulk import.
int connection_flags(int flags) {
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  return flags | SQLite::OPEN_NOMUTEX;
}
}  // namespace

Ledger::Ledger(std::string path, int flags) : path_(std::move(path)), db_(path_, connection_flags(flags)) { configure(); }

void Ledger::configure() {
  db_.setBusyTimeout(kBusyTimeoutMs);
  db_.exec("PRAGMA foreign_keys = ON");
  if (path_ != ":memory:") {
    db_.exec("PRAGMA journal_mode = WAL");
    // FULL: a commit reported done survives a power cut, as a ledger of signatures must.
    db_.exec("PRAGMA synchronous = FULL");
  }
}

std::unique_ptr<Ledger> Ledger::open(const std::string& path, Open how) {
  namespace fs = std::filesystem;
  const bool exists = fs::exists(path);
  if (!exists && how == Open::existing)
    throw DatabaseError(path + ": " + tr("db.missing"));
  if (!exists) {
    // Personal data: the file is created readable by its owner only.
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600);
    if (fd < 0) throw DatabaseError(path + ": " + tr("db.cannot_create", fmt::arg("reason", std::strerror(errno))));
    ::close(fd);
  }
  std::unique_ptr<Ledger> ledger;
  try {
    ledger.reset(new Ledger(path, SQLite::OPEN_READWRITE));
    const int version = ledger->schema_version();
    if (version > latest_schema_version())
      throw DatabaseError(path + ": " + tr("db.newer", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
    if (how == Open::existing && version == 0)
      throw DatabaseError(path + ": " + tr("db.not_a_ledger"));
    if (how == Open::existing && version < latest_schema_version())
      throw DatabaseError(path + ": " + tr("db.older", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
  } catch (const SQLite::Exception& e) {
    // A ledger that could not be set up is not left behind as an empty file.
    if (!exists) {
      ledger.reset();
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
    }
    if (auto refused = storage_refused(e.getExtendedErrorCode(), 0, path)) throw *refused;
    throw DatabaseError(fmt::format("{}: {}", path, e.what()));
  }
  return ledger;
}

std::unique_ptr<Ledger> Ledger::in_memory() {
  std::unique_ptr<Ledger> ledger(new Ledger(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE));
  ledger->migrate();
  return ledger;
}

SQLite::Statement& Ledger::query(std::string_view name) {
  auto it = statements_.find(name);
  if (it == statements_.end())
    it = statements_.emplace(std::string(name), std::make_unique<SQLite::Statement>(db_, query_text(name))).first;
  it->second->reset();
  it->second->clearBindings();
  return *it->second;
}

int Ledger::schema_version() { return db_.execAndGet("PRAGMA user_version").getInt(); }

int Ledger::latest_schema_version() { return static_cast<int>(migrations().size()); }

int Ledger::migrate() {
  const int version = schema_version();
  if (version > latest_schema_version())
    throw DatabaseError(path_ + ": " + tr("db.newer", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
  const auto steps = migrations();
  // A statement left mid-read would keep its table locked against a migration that rebuilds it.
  if (version < static_cast<int>(steps.size())) statements_.clear();
  int applied = 0;
  for (int v = version; v < static_cast<int>(steps.size()); ++v) {
    try {
      SQLite::Transaction txn(db_, SQLite::TransactionBehavior::IMMEDIATE);
      db_.exec(std::string(steps[v].bytes));
      db_.exec(fmt::format("PRAGMA user_version = {}", v + 1));
      txn.commit();
    } catch (const SQLite::Exception& e) {
      // The transaction is rolled back by now: the error is the exception's.
      if (auto refused = storage_refused(e.getExtendedErrorCode(), sqlite3_system_errno(db_.getHandle()), path_)) throw *refused;
      throw DatabaseError(path_ + ": " + tr("db.migration_failed", fmt::arg("step", steps[v].path), fmt::arg("reason", e.what())));
    }
    ++applied;
  }
  return applied;
}

std::optional<std::string> Ledger::meta(const std::string& key) {
  auto& q = query("meta_get");
  q.bind(1, key);
  if (!q.executeStep()) return std::nullopt;
  return q.getColumn(0).getString();
}

WriteTransaction::WriteTransaction(Ledger& ledger, const Clock& clock)
    : ledger_(ledger), recorded_at_(clock.timestamp()), recorded_by_(current_user()) {
  for (int attempt = 1;; ++attempt) {
    const int rc = ledger_.db_.tryExec("BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) break;
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt == kBeginAttempts)
      throw write_refused(ledger_.db_, ledger_.path_, tr("db.cannot_start"));
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
  }
  open_ = true;
  auto& q = ledger_.query("chain_head_get");
  q.executeStep();
  head_.seq = q.getColumn(0).getInt64();
  std::memcpy(head_.hash.data(), q.getColumn(1).getBlob(), head_.hash.size());
  q.reset();
}

WriteTransaction::~WriteTransaction() {
  if (open_) ledger_.db_.tryExec("ROLLBACK");
}

SQLite::Statement& WriteTransaction::insert_statement(std::string_view table) {
  auto it = inserts_.find(table);
  if (it != inserts_.end()) return *it->second;
  // The column count comes from the table itself so the encoding follows its declared order.
  int columns = 0;
  {
    SQLite::Statement info(ledger_.db_, fmt::format("PRAGMA table_info({})", table));
    while (info.executeStep()) ++columns;
  }
  std::string placeholders;
  for (int i = 0; i < columns; ++i) placeholders += i == 0 ? "?" : ", ?";
  std::string sql(resource("queries/chain_insert.sql"));
  sql.replace(sql.find("{table}"), 7, table);
  sql.replace(sql.find("{placeholders}"), 14, placeholders);
  return *inserts_.emplace(std::string(table), std::make_unique<SQLite::Statement>(ledger_.db_, sql)).first->second;
}

std::int64_t WriteTransaction::append(std::string_view table, const std::vector<Value>& values) {
  auto& stmt = insert_statement(table);
  if (static_cast<std::size_t>(stmt.getBindParameterCount()) != values.size() + 2)
    throw std::logic_error(fmt::format("append to {}: {} values for {} columns", table, values.size(),
                                       stmt.getBindParameterCount() - 2));
  const std::int64_t id = head_.seq + 1;
  encode_row(encoded_, table, id, values);
  const Digest digest = sha_.link(head_.hash, encoded_);
  stmt.reset();
  stmt.bind(1, id);
  int i = 2;
  for (const auto& v : values) {
    if (const auto* n = std::get_if<std::int64_t>(&v))
      stmt.bind(i, *n);
    else if (const auto* s = std::get_if<std::string>(&v))
      stmt.bindNoCopy(i, *s);
    else
      stmt.bind(i);
    ++i;
  }
  stmt.bindNoCopy(i, digest.data(), static_cast<int>(digest.size()));
  try {
    stmt.exec();
  } catch (const SQLite::Exception& e) {
    if ((e.getErrorCode() & 0xff) == SQLITE_CONSTRAINT) throw;  // the caller's to report
    throw write_refused(ledger_.db_, ledger_.path_, tr("db.cannot_append", fmt::arg("table", table)));
  }
  stmt.clearBindings();
  head_ = ChainHead{id, digest};
  return id;
}

void WriteTransaction::set_meta(const std::string& key, const std::string& value) {
  auto& q = ledger_.query("meta_set");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

void WriteTransaction::commit() {
  auto& q = ledger_.query("chain_head_set");
  q.bind(":seq", head_.seq);
  q.bindNoCopy(":hash", head_.hash.data(), static_cast<int>(head_.hash.size()));
  try {
    q.exec();
  } catch (const SQLite::Exception&) {
    throw write_refused(ledger_.db_, ledger_.path_, tr("db.cannot_commit"));
  }
  q.reset();
  if (ledger_.db_.tryExec("COMMIT") != SQLITE_OK) throw write_refused(ledger_.db_, ledger_.path_, tr("db.cannot_commit"));
  open_ = false;
}

}  // namespace ledger
