#include "store/ledger.hpp"
#include "app/text.hpp"

#include <SQLiteCpp/Backup.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <optional>
#include <thread>

#include "app/error.hpp"
#include "store/errors.hpp"
#include "app/resources.hpp"
#include "store/postgres.hpp"
#include "store/sqlite.hpp"

namespace ledger {

namespace {

// schema/NNN_*.sql; PostgreSQL's overrides of some of them are in schema/pg/ (store/postgres.hpp).
std::vector<Resource> migrations() {
  std::vector<Resource> out;
  for (const auto& r : all_resources())
    if (r.path.starts_with("schema/") && r.path.ends_with(".sql") && r.path.find('/', 7) == std::string_view::npos)
      out.push_back(r);
  std::sort(out.begin(), out.end(), [](const Resource& a, const Resource& b) { return a.path < b.path; });
  return out;
}

std::string query_path(std::string_view name) {
  if (name.starts_with("reports/")) return std::string(name) + ".sql";
  return "queries/" + std::string(name) + ".sql";
}

// Busy timeout plus a bounded retry for BEGIN IMMEDIATE, so concurrent writers wait their turn
// instead of seeing "database is locked".
constexpr auto kBusyTimeout = std::chrono::milliseconds(10000);
constexpr int kBeginAttempts = 30;
// After this long waiting for another writer, a command says it is waiting.
constexpr auto kSayWaitingAfter = std::chrono::seconds(1);

// SQLite's busy handler, with its default timeout's steps, that also says once per command that
// it is waiting, and stops waiting on SIGINT or SIGTERM.
int wait_for_writer(void* impl_ptr, int count) {
  auto& impl = *static_cast<Ledger::Impl*>(impl_ptr);
  if (store_detail::caught_signal() != 0) return 0;
  const auto now = std::chrono::steady_clock::now();
  if (count == 0) impl.wait_started = now;
  const auto waited = now - impl.wait_started;
  if (waited >= kBusyTimeout) return 0;
  if (waited >= kSayWaitingAfter && !impl.wait_said && impl.on_wait) {
    impl.wait_said = true;
    impl.on_wait();
  }
  static constexpr int kDelaysMs[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
  std::this_thread::sleep_for(std::chrono::milliseconds(kDelaysMs[std::min<std::size_t>(count, std::size(kDelaysMs) - 1)]));
  return 1;
}

// SIGINT and SIGTERM during a write (WriteTransaction, migrate): the signal is noted, the
// statement running is interrupted, and the write ends at its next step with Interrupted, rolled
// back. A signal ignored when the command started (a background job's SIGINT) stays ignored.
volatile std::sig_atomic_t g_caught_signal = 0;
sqlite3* volatile g_writing = nullptr;
struct sigaction g_previous[2];
constexpr int kWriteSignals[2] = {SIGINT, SIGTERM};

extern "C" void on_write_signal(int signal) {
  g_caught_signal = signal;
  if (g_writing != nullptr) sqlite3_interrupt(g_writing);
}

void begin_interruptible(sqlite3* db) {
  g_caught_signal = 0;
  g_writing = db;
  struct sigaction action {};
  action.sa_handler = on_write_signal;
  sigemptyset(&action.sa_mask);
  for (int i = 0; i < 2; ++i) {
    ::sigaction(kWriteSignals[i], nullptr, &g_previous[i]);
    if (g_previous[i].sa_handler != SIG_IGN) ::sigaction(kWriteSignals[i], &action, nullptr);
  }
}

void end_interruptible() {
  for (int i = 0; i < 2; ++i) ::sigaction(kWriteSignals[i], &g_previous[i], nullptr);
  g_writing = nullptr;
}

void throw_if_interrupted() {
  if (g_caught_signal != 0) store_detail::throw_interrupted();
}

// A file name as an SQLite URI, opened immutable: read as it stands, without locks or side files.
std::string immutable_uri(const std::string& path) {
  std::string uri = "file:";
  for (const char c : std::filesystem::absolute(path).string()) {
    if (c == '?' || c == '#' || c == '%') uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    else uri += c;
  }
  return uri + "?immutable=1";
}

// A write the file system refused (a full disk, a file size limit, a read-only file), said
// plainly; nothing for any other failure.
void throw_if_storage_refused(int code, int os_error, const std::string& path) {
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
    throw StorageFull(path + ": " + tr("db.disk_full"));
  if ((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_PERM || os_error == EACCES || os_error == EROFS ||
      os_error == EPERM)
    throw ReadOnly(path + ": " + tr("db.read_only"));
}

// A write that failed, said plainly. The transaction is rolled back: nothing stays.
[[noreturn]] void throw_write_refused(SQLite::Database& db, const std::string& path, const std::string& detail) {
  throw_if_storage_refused(db.getExtendedErrorCode(), sqlite3_system_errno(db.getHandle()), path);
  const auto message = tr("db.write_refused", fmt::arg("path", path), fmt::arg("detail", detail), fmt::arg("reason", db.getErrorMsg()));
  const int code = db.getErrorCode() & 0xff;
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw Busy(message);
  throw StoreError(message);
}

}  // namespace

namespace store_detail {
int caught_signal() { return g_caught_signal; }

void throw_interrupted() {
  const int signal = g_caught_signal;
  throw Interrupted(signal, tr("db.interrupted", fmt::arg("signal", signal == SIGINT ? "SIGINT" : "SIGTERM")));
}
}  // namespace store_detail

namespace {
// A connection is used by one thread at a time, and nothing reads SQLite's memory statistics:
// neither needs a mutex taken for every row of a bulk import.
int connection_flags(int flags) {
  static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  (void)configured;
  return flags | SQLite::OPEN_NOMUTEX;
}
}  // namespace

Ledger::Impl::Impl(const std::string& name, int flags) : db(std::in_place, name, connection_flags(flags)) {}

Ledger::Impl::Impl(std::unique_ptr<store_detail::PgConnection> connection) : pg(std::move(connection)) {}

Ledger::Impl::~Impl() {
  // The statements go before their connection.
  pools.clear();
}

const Ledger::Impl::SessionRights& Ledger::Impl::session_rights() {
  if (!rights) {
    auto q = prepare_sql(std::string(resource("queries/pg/session_rights.sql")));
    q->step();
    rights = SessionRights{std::string(q->bytes(0)), q->i64(1) == 0};
  }
  return *rights;
}

std::string Ledger::Impl::sql(std::string_view resource_path) const {
  return pg ? store_detail::pg_sql(resource_path) : std::string(resource(resource_path));
}

std::unique_ptr<store_detail::Prepared> Ledger::Impl::prepare_sql(const std::string& text) {
  if (pg) return pg->prepare(text);
  return std::make_unique<store_detail::SqlitePrepared>(*db, text);
}

void Ledger::Impl::exec_sql(const std::string& text) {
  if (pg) return pg->exec(text);
  try {
    db->exec(text);
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
}

Ledger::Impl& backend(Ledger& ledger) { return *ledger.impl_; }

Ledger::Ledger(std::string path, int flags, const std::string& name)
    : path_(std::move(path)), impl_(std::make_unique<Impl>(name, flags)) {
  configure();
}

Ledger::Ledger(std::string name, std::unique_ptr<store_detail::PgConnection> connection)
    : path_(std::move(name)), impl_(std::make_unique<Impl>(std::move(connection))) {}

bool Ledger::on_postgres() const { return impl_->pg != nullptr; }

bool Ledger::is_server(const std::string& path) { return store_detail::is_postgres_name(path); }

Ledger::~Ledger() = default;

// What every connection needs; nothing here writes to the file (open() checks what the file is
// before connection_file.sql turns it to WAL, which rewrites its header).
void Ledger::configure() {
  auto& db_ = *impl_->db;
  sqlite3_busy_handler(db_.getHandle(), wait_for_writer, impl_.get());
  db_.exec(std::string(resource("queries/connection_open.sql")));
}

void Ledger::on_wait(std::function<void()> notice) { impl_->on_wait = std::move(notice); }

// What every ledger is, on either backend: a ledger's schema (or nothing yet, for `create`), at
// the version this binary knows.
void Ledger::check_schema(Open how) {
  auto kind = query("database_kind");
  kind.next();
  const bool foreign = kind.i64("objects") > 0 && kind.i64("ledger") == 0;
  kind.reset();
  if (foreign) throw DatabaseError(path_ + ": " + (on_postgres() ? tr("db.pg_foreign") : tr("db.foreign")));
  const int version = schema_version();
  if (version > latest_schema_version())
    throw DatabaseError(path_ + ": " + tr("db.newer", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
  if (how == Open::existing && version == 0)
    throw DatabaseError(path_ + ": " + tr("db.not_a_ledger"));
  if (how == Open::existing && version < latest_schema_version())
    throw DatabaseError(path_ + ": " + tr("db.older", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
}

std::unique_ptr<Ledger> Ledger::open(const std::string& path, Open how) {
  namespace fs = std::filesystem;
  if (store_detail::is_postgres_name(path)) {
    std::unique_ptr<Ledger> ledger(new Ledger(path, std::make_unique<store_detail::PgConnection>(path)));
    ledger->check_schema(how);
    return ledger;
  }
  const bool exists = fs::exists(path);
  if (!exists && how == Open::existing)
    throw DatabaseError(path + ": " + tr("db.missing"));
  if (exists && fs::is_directory(path)) throw DatabaseError(path + ": " + tr("db.directory"));
  if (!exists) {
    // Personal data: the file is created readable by its owner only.
    const int fd = ::open(path.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600);
    if (fd < 0) throw DatabaseError(path + ": " + tr("db.cannot_create", fmt::arg("reason", std::strerror(errno))));
    ::close(fd);
  }
  // A user who may not write the file reads it without creating -wal and -shm files of their own,
  // which its owner could not use afterwards: as it stands on disk (immutable) when no writer has
  // a WAL open, else through the owner's -wal and -shm, read-only.
  const bool read_only = how == Open::existing && ::access(path.c_str(), W_OK) != 0;
  const bool immutable = read_only && !fs::exists(path + "-wal");
  std::unique_ptr<Ledger> ledger;
  try {
    if (immutable)
      ledger.reset(new Ledger(path, SQLite::OPEN_READONLY | SQLite::OPEN_URI, immutable_uri(path)));
    else
      ledger.reset(new Ledger(path, read_only ? SQLite::OPEN_READONLY : SQLite::OPEN_READWRITE, path));
    ledger->check_schema(how);
    if (!read_only) ledger->impl_->db->exec(std::string(resource("queries/connection_file.sql")));
    // `init` on a ledger others may read takes it back to its owner only, side files included.
    struct stat st {};
    if (how == Open::create && exists && ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
      for (const char* suffix : {"", "-wal", "-shm"})
        if (fs::exists(path + suffix)) ::chmod((path + suffix).c_str(), 0600);
      ledger->made_private_ = ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
    }
  } catch (const SQLite::Exception& e) {
    // A ledger that could not be set up is not left behind as an empty file.
    if (!exists) {
      ledger.reset();
      std::error_code ignored;
      for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix, ignored);
    }
    throw_if_storage_refused(e.getExtendedErrorCode(), 0, path);
    throw DatabaseError(fmt::format("{}: {}", path, e.what()));
  } catch (const ReadOnly&) {
    // A first read of a WAL ledger in a directory where its -shm cannot be made, said plainly.
    throw ReadOnly(path + ": " + tr("db.read_only"));
  }
  return ledger;
}

std::unique_ptr<Ledger> Ledger::in_memory() {
  std::unique_ptr<Ledger> ledger(new Ledger(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, ":memory:"));
  ledger->migrate();
  return ledger;
}

Query Ledger::query(std::string_view name) {
  auto it = impl_->pools.find(name);
  if (it == impl_->pools.end()) it = impl_->pools.emplace(std::string(name), store_detail::Pool{}).first;
  for (auto& p : it->second)
    if (!p->lent) {
      p->lent = true;
      return Query(*p);
    }
  auto& p = *it->second.emplace_back(impl_->prepare_sql(impl_->sql(query_path(name))));
  p.lent = true;
  return Query(p);
}

int Ledger::schema_version() {
  auto q = query("schema_version");
  q.next();
  return static_cast<int>(q.i64(0));
}

int Ledger::latest_schema_version() { return static_cast<int>(migrations().size()); }

namespace {
std::string version_set_sql(const std::string& template_sql, int version) {
  return store_detail::filled(template_sql, {{"version", std::to_string(version)}});
}
}  // namespace

int Ledger::migrate() {
  const int version = schema_version();
  if (version > latest_schema_version())
    throw DatabaseError(path_ + ": " + tr("db.newer", fmt::arg("version", version), fmt::arg("latest", latest_schema_version())));
  const auto steps = migrations();
  // A statement left mid-read would keep its table locked against a migration that rebuilds it.
  if (version < static_cast<int>(steps.size()))
    for (auto& [name, pool] : impl_->pools)
      std::erase_if(pool, [](const auto& p) { return !p->lent; });
  if (impl_->pg) return migrate_postgres(version);
  auto& db_ = *impl_->db;
  int applied = 0;
  for (int v = version; v < static_cast<int>(steps.size()); ++v) {
    begin_interruptible(db_.getHandle());
    try {
      SQLite::Transaction txn(db_, SQLite::TransactionBehavior::IMMEDIATE);
      db_.exec(std::string(steps[v].bytes));
      db_.exec(version_set_sql(std::string(resource("queries/schema_version_set.sql")), v + 1));
      throw_if_interrupted();
      txn.commit();
      end_interruptible();
    } catch (const SQLite::Exception& e) {
      // The transaction is rolled back by now: the error is the exception's.
      end_interruptible();
      throw_if_interrupted();
      throw_if_storage_refused(e.getExtendedErrorCode(), sqlite3_system_errno(db_.getHandle()), path_);
      throw DatabaseError(path_ + ": " + tr("db.migration_failed", fmt::arg("step", steps[v].path), fmt::arg("reason", e.what())));
    }
    ++applied;
  }
  return applied;
}

// Each step in one transaction, behind queries/pg/migration_begin.sql's lock, so that two `init`
// at once apply each step once; the version is read again under the lock.
int Ledger::migrate_postgres(int version) {
  const auto steps = migrations();
  auto& pg = *impl_->pg;
  int applied = 0;
  // The first transaction brings the functions up to date even when no step is missing.
  for (int v = version; v < static_cast<int>(steps.size()) || v == version; ++v) {
    begin_interruptible(nullptr);
    try {
      pg.exec(store_detail::pg_sql("queries/migration_begin.sql"));
      const int now = schema_version();
      if (now <= v && v < static_cast<int>(steps.size())) {
        pg.exec(store_detail::pg_sql(steps[v].path, true));
        pg.exec(version_set_sql(store_detail::pg_sql("queries/schema_version_set.sql"), v + 1));
        ++applied;
      }
      // Who may see and write what, for the tables as they now are.
      if (v + 1 >= static_cast<int>(steps.size())) pg.exec(std::string(resource("queries/pg/access_setup.sql")));
      throw_if_interrupted();
      pg.exec(store_detail::pg_sql("queries/transaction_commit.sql"));
      end_interruptible();
    } catch (const StoreError& e) {
      pg.try_exec(store_detail::pg_sql("queries/transaction_rollback.sql"));
      end_interruptible();
      throw_if_interrupted();
      const std::string step = v < static_cast<int>(steps.size()) ? std::string(steps[v].path) : "queries/pg/migration_begin.sql";
      throw DatabaseError(path_ + ": " + tr("db.migration_failed", fmt::arg("step", step), fmt::arg("reason", e.what())));
    }
  }
  return applied;
}

std::optional<std::string> Ledger::meta(const std::string& key) {
  auto q = query("meta_get");
  q.bind(1, key);
  if (!q.next()) return std::nullopt;
  return q.text(0);
}

ChainReport backup_and_verify(Ledger& ledger, const std::string& file) {
  if (ledger.on_postgres()) throw DatabaseError(ledger.path() + ": " + tr("backup.pg"));
  try {
    SQLite::Database copy(file, SQLite::OPEN_READWRITE);
    SQLite::Backup backup(copy, *backend(ledger).db);
    backup.executeStep();  // all pages at once, from one consistent snapshot
    copy.exec(std::string(resource("queries/backup_self_contained.sql")));
  } catch (const SQLite::Exception& e) {
    ::unlink(file.c_str());
    throw DatabaseError(file + ": " + tr("backup.failed", fmt::arg("reason", e.what())));
  }
  try {
    Ledger::Impl copy(file, SQLite::OPEN_READONLY);
    return store_detail::verify_chain_of(copy);
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
}

ReadSnapshot::ReadSnapshot(Ledger& ledger) : ledger_(ledger) {
  auto& impl = backend(ledger_);
  if (impl.pg) {
    impl.pg->exec(store_detail::pg_sql("queries/transaction_read.sql"));
    return;
  }
  try {
    impl.db->exec("BEGIN DEFERRED");
  } catch (const SQLite::Exception& e) {
    store_detail::rethrow(e);
  }
}

ReadSnapshot::~ReadSnapshot() {
  auto& impl = backend(ledger_);
  if (impl.pg) impl.pg->try_exec(store_detail::pg_sql("queries/transaction_rollback.sql"));
  else impl.db->tryExec("ROLLBACK");
}

struct WriteTransaction::Table {
  std::string name;
  std::vector<std::string> columns;  // after `id`, before `hash`, in declared order
  std::unique_ptr<store_detail::Prepared> insert;
  std::string copy_sql;  // queries/pg/chain_copy_rows.sql filled in, on the first batch
  std::optional<bool> rows_filtered;  // row-level security applies to this writer (PostgreSQL)
};

namespace {
void read_head(store_detail::Prepared& q, ChainHead& head) {
  q.step();
  head.seq = q.i64(0);
  const auto hash = q.bytes(1);
  std::memcpy(head.hash.data(), hash.data(), std::min(hash.size(), head.hash.size()));
}
}  // namespace

WriteTransaction::WriteTransaction(Ledger& ledger, const Clock& clock)
    : ledger_(ledger), recorded_at_(clock.timestamp()), recorded_by_(current_user()), today_(clock.paris_date()) {
  auto& impl = *ledger_.impl_;
  if (impl.pg) {
    // Writers wait in turn on the chain head's row (queries/pg/chain_head_lock.sql): ids stay
    // gapless and each write sees every write committed before it. The server's session user
    // records the entries: the name the server authenticated, not one the client claims.
    begin_interruptible(nullptr);
    try {
      impl.pg->exec(store_detail::pg_sql("queries/transaction_write.sql"));
      open_ = true;
      const auto& rights = impl.session_rights();
      recorded_by_ = rights.user;
      if (rights.head_hidden) {
        auto lock = impl.prepare_sql(std::string(resource("queries/pg/chain_lock_hidden.sql")));
        lock->step();
        head_.seq = lock->i64(0);
        server_link_ = impl.prepare_sql(std::string(resource("queries/pg/chain_link_hidden.sql")));
      } else {
        read_head(*impl.prepare_sql(store_detail::pg_sql("queries/chain_head_lock.sql")), head_);
      }
    } catch (const StoreError&) {
      if (open_) impl.pg->try_exec(store_detail::pg_sql("queries/transaction_rollback.sql"));
      open_ = false;
      end_interruptible();
      throw;
    }
    return;
  }
  auto& db = *impl.db;
  begin_interruptible(db.getHandle());
  for (int attempt = 1;; ++attempt) {
    const int rc = db.tryExec("BEGIN IMMEDIATE");
    if (rc == SQLITE_OK) break;
    if (g_caught_signal != 0) {
      end_interruptible();
      store_detail::throw_interrupted();
    }
    if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || attempt == kBeginAttempts) {
      end_interruptible();
      throw_write_refused(db, ledger_.path_, tr("db.cannot_start"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50 * attempt));
  }
  open_ = true;
  try {
    store_detail::SqlitePrepared q(db, std::string(resource("queries/chain_head_get.sql")));
    read_head(q, head_);
  } catch (const StoreError&) {
    // No destructor runs for an object whose constructor throws.
    db.tryExec("ROLLBACK");
    end_interruptible();
    throw;
  }
}

WriteTransaction::~WriteTransaction() {
  if (!open_) return;
  auto& impl = *ledger_.impl_;
  if (impl.pg) {
    impl.pg->drop_held();
    impl.pg->try_exec(store_detail::pg_sql("queries/transaction_rollback.sql"));
  } else {
    impl.db->tryExec("ROLLBACK");
  }
  end_interruptible();
}

// Rows of one table held by Appender::append_new, sent by one COPY FROM STDIN
// (queries/pg/chain_copy_rows.sql): on PostgreSQL a statement a row waits a round trip a row, most
// of a bulk import's time, and COPY parses and inserts rows faster than a multi-row INSERT.
struct WriteTransaction::Batch {
  static constexpr std::size_t kSendAt = 64 * 1024;  // bytes held before they go to the server
  Table* table = nullptr;
  std::string rows;  // COPY's text format: tab between columns, newline after each row
};

bool WriteTransaction::batches_new_rows() const { return ledger_.impl_->pg && !server_link_; }

bool WriteTransaction::copies_rows(Table& t) {
  if (!batches_new_rows()) return false;
  if (!t.rows_filtered) {
    auto q = ledger_.impl_->prepare_sql(std::string(resource("queries/pg/row_security_active.sql")));
    q->bind_text(1, t.name);
    q->step();
    t.rows_filtered = q->i64(0) != 0;
  }
  return !*t.rows_filtered;
}

WriteTransaction::Table& WriteTransaction::table(std::string_view name) {
  for (auto& t : tables_)
    if (t->name == name) return *t;
  auto t = std::make_unique<Table>();
  t->name = std::string(name);
  // The columns come from the table itself so the encoding follows its declared order.
  auto info = ledger_.query("chain_table_columns");
  info.bind(":table", t->name);
  while (info.next()) t->columns.push_back(info.text(0));
  info.reset();
  if (t->columns.size() < 2 || t->columns.front() != "id" || t->columns.back() != "hash")
    throw std::logic_error(fmt::format("append to {}: not a chained table (id first, hash last)", name));
  t->columns.erase(t->columns.begin());
  t->columns.pop_back();
  std::string placeholders = "?";
  for (std::size_t i = 0; i < t->columns.size() + 1; ++i) placeholders += ", ?";
  t->insert = ledger_.impl_->prepare_sql(
      store_detail::filled(ledger_.impl_->sql("queries/chain_insert.sql"), {{"table", name}, {"placeholders", placeholders}}));
  tables_.push_back(std::move(t));
  return *tables_.back();
}

namespace {
std::size_t column_position(const WriteTransaction::Table& t, std::string_view column) {
  const auto it = std::find(t.columns.begin(), t.columns.end(), column);
  if (it == t.columns.end()) throw std::logic_error(fmt::format("append to {}: no column {}", t.name, column));
  return static_cast<std::size_t>(it - t.columns.begin());
}

void check_all_given(const WriteTransaction::Table& t, const std::vector<const Value*>& ordered) {
  for (std::size_t i = 0; i < ordered.size(); ++i)
    if (ordered[i] == nullptr) throw std::logic_error(fmt::format("append to {}: column {} not given", t.name, t.columns[i]));
}
}  // namespace

std::int64_t WriteTransaction::append(std::string_view table_name, const std::vector<Field>& fields) {
  Table& t = table(table_name);
  ordered_.assign(t.columns.size(), nullptr);
  for (const auto& f : fields) {
    const std::size_t i = column_position(t, f.column);
    if (ordered_[i] != nullptr) throw std::logic_error(fmt::format("append to {}: column {} given twice", t.name, f.column));
    ordered_[i] = &f.value;
  }
  check_all_given(t, ordered_);
  return append_ordered(t, ordered_);
}

Appender WriteTransaction::appender(std::string_view table_name, const std::vector<std::string_view>& columns) {
  Table& t = table(table_name);
  std::vector<int> position;
  const Value named;  // marks the columns named, for the same checks as append's
  std::vector<const Value*> seen(t.columns.size(), nullptr);
  for (const auto column : columns) {
    const std::size_t i = column_position(t, column);
    if (seen[i] != nullptr) throw std::logic_error(fmt::format("append to {}: column {} given twice", t.name, column));
    seen[i] = &named;
    position.push_back(static_cast<int>(i));
  }
  check_all_given(t, seen);
  return Appender(*this, t, std::move(position));
}

std::int64_t Appender::append(const std::vector<Value>& values) { return append_as(values, false); }

std::int64_t Appender::append_new(const std::vector<Value>& values) { return append_as(values, true); }

std::int64_t Appender::append_as(const std::vector<Value>& values, bool known_new) {
  if (values.size() != position_.size())
    throw std::logic_error(fmt::format("append to {}: {} values for {} columns", table_.name, values.size(), position_.size()));
  for (std::size_t i = 0; i < values.size(); ++i) ordered_[position_[i]] = &values[i];
  return txn_.append_ordered(table_, ordered_, known_new);
}

namespace {
// A value in COPY's text format: backslash, tab, newline and carriage return escaped.
void copy_text(std::string& out, std::string_view text) {
  std::size_t from = 0;
  for (std::size_t at; (at = text.find_first_of("\\\t\n\r", from)) != std::string_view::npos; from = at + 1) {
    out.append(text.substr(from, at - from));
    out += '\\';
    out += text[at] == '\t' ? 't' : text[at] == '\n' ? 'n' : text[at] == '\r' ? 'r' : '\\';
  }
  out.append(text.substr(from));
}

void copy_integer(std::string& out, std::int64_t n) {
  char text[24];
  out.append(text, static_cast<std::size_t>(std::to_chars(text, text + sizeof text, n).ptr - text));
}

// Runs `send`, a clash found by the server becoming a failed write: the caller said these rows
// were new, so a clash now is no row's refusal to report, but a write that cannot be done.
template <typename Send>
void send_new_rows(Send send) {
  try {
    send();
  } catch (const ConstraintViolation& e) {
    throw StoreError(e.what());
  } catch (const DuplicateEntry& e) {
    throw StoreError(e.what());
  }
}
}  // namespace

void WriteTransaction::hold(Table& t, std::int64_t id, const std::vector<const Value*>& ordered, const Digest& digest) {
  auto& pg = *ledger_.impl_->pg;
  if (!batch_) batch_ = std::make_unique<Batch>();
  Batch& b = *batch_;
  if (b.table != &t) {
    // A batch of another table goes first; this one is sent before the next statement.
    pg.send_held();
    if (t.copy_sql.empty()) {
      std::string columns = "id";
      for (const auto& c : t.columns) columns += ", " + c;
      t.copy_sql = store_detail::filled(std::string(resource("queries/pg/chain_copy_rows.sql")),
                                        {{"table", t.name}, {"columns", columns + ", hash"}});
    }
    b.table = &t;
    pg.hold([this] { send_batch(); });
  }
  std::string& out = b.rows;
  copy_integer(out, id);
  for (const Value* v : ordered) {
    out += '\t';
    if (const auto* n = std::get_if<std::int64_t>(v))
      copy_integer(out, *n);
    else if (const auto* text = std::get_if<std::string>(v))
      copy_text(out, *text);
    else
      out += "\\N";
  }
  // bytea's hex input, its backslash escaped for COPY.
  static constexpr char kHex[] = "0123456789abcdef";
  char hash[4 + 2 * std::tuple_size_v<Digest> + 1] = {'\t', '\\', '\\', 'x'};
  for (std::size_t i = 0; i < digest.size(); ++i) {
    hash[4 + 2 * i] = kHex[digest[i] >> 4];
    hash[5 + 2 * i] = kHex[digest[i] & 0x0f];
  }
  hash[sizeof hash - 1] = '\n';
  out.append(hash, sizeof hash);
  if (out.size() >= Batch::kSendAt) {
    send_new_rows([&] {
      if (!pg.copying()) pg.copy_begin(t.copy_sql);
      pg.copy_rows(out);
    });
    out.clear();
  }
}

void WriteTransaction::send_batch() {
  Batch& b = *batch_;
  auto& pg = *ledger_.impl_->pg;
  const Table& t = *b.table;
  b.table = nullptr;
  send_new_rows([&] {
    if (!pg.copying()) pg.copy_begin(t.copy_sql);
    if (!b.rows.empty()) pg.copy_rows(b.rows);
    b.rows.clear();
    pg.copy_end();
  });
}

namespace {
// The hash of entry `id` as the server linked it (queries/pg/chain_link_hidden.sql).
Digest server_linked(store_detail::Prepared& link, std::int64_t id, const std::string& encoded) {
  link.reset();
  link.bind_i64(link.parameter_index(":id"), id);
  link.bind_blob_ref(link.parameter_index(":encoded"), encoded.data(), encoded.size());
  link.step();
  Digest digest{};
  const auto hash = link.bytes(0);
  std::memcpy(digest.data(), hash.data(), std::min(hash.size(), digest.size()));
  return digest;
}
}  // namespace

std::int64_t WriteTransaction::append_ordered(Table& t, const std::vector<const Value*>& ordered, bool known_new) {
  throw_if_interrupted();
  auto& stmt = *t.insert;
  const std::int64_t id = head_.seq + 1;
  encode_row(encoded_, t.name, id, ordered);
  const Digest digest = server_link_ ? server_linked(*server_link_, id, encoded_) : sha_.link(head_.hash, encoded_);
  ++appended_;
  if (known_new && copies_rows(t)) {
    hold(t, id, ordered, digest);
    head_ = ChainHead{id, digest};
    return id;
  }
  stmt.reset();
  stmt.bind_i64(1, id);
  int i = 2;
  for (const Value* v : ordered) {
    if (const auto* n = std::get_if<std::int64_t>(v))
      stmt.bind_i64(i, *n);
    else if (const auto* s = std::get_if<std::string>(v))
      stmt.bind_text_ref(i, *s);
    else
      stmt.bind_null(i);
    ++i;
  }
  stmt.bind_blob_ref(i, digest.data(), digest.size());
  try {
    stmt.exec();
  } catch (const DuplicateEntry&) {
    throw;  // the caller's to report
  } catch (const ConstraintViolation&) {
    throw;
  } catch (const StoreError&) {
    throw_if_interrupted();
    if (!ledger_.impl_->db) throw;
    throw_write_refused(*ledger_.impl_->db, ledger_.path_, tr("db.cannot_append", fmt::arg("table", t.name)));
  }
  // PostgreSQL's insert skips a row whose unique key is taken (queries/pg/chain_insert.sql), so
  // that the transaction goes on as SQLite's does after a refused row.
  if (stmt.changes() == 0) throw DuplicateEntry("database: " + tr("db.duplicate", fmt::arg("table", t.name)));
  stmt.clear_bindings();
  head_ = ChainHead{id, digest};
  return id;
}

void WriteTransaction::set_meta(const std::string& key, const std::string& value) {
  auto q = ledger_.query("meta_set");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}

void WriteTransaction::commit() {
  auto& impl = *ledger_.impl_;
  try {
    // The server moved a hidden head itself, entry by entry.
    if (!server_link_) {
      auto q = impl.prepare_sql(impl.sql("queries/chain_head_set.sql"));
      q->bind_i64(q->parameter_index(":seq"), head_.seq);
      q->bind_blob_ref(q->parameter_index(":hash"), head_.hash.data(), head_.hash.size());
      q->exec();
    }
    throw_if_interrupted();
    if (impl.pg) impl.pg->exec(store_detail::pg_sql("queries/transaction_commit.sql"));
  } catch (const StoreError&) {
    throw_if_interrupted();
    if (impl.pg) throw;
    throw_write_refused(*impl.db, ledger_.path_, tr("db.cannot_commit"));
  }
  if (impl.db && impl.db->tryExec("COMMIT") != SQLITE_OK) {
    throw_if_interrupted();
    throw_write_refused(*impl.db, ledger_.path_, tr("db.cannot_commit"));
  }
  // Done: a signal from now on finds the write recorded, and the command says so.
  open_ = false;
  end_interruptible();
  // After a bulk load PostgreSQL plans with the statistics of the tables as they were, until
  // autovacuum comes by: a report run just after an import of 100,000 entries took 40 s instead
  // of 0.5 s. Its manual ("Populating a Database": run ANALYZE afterwards) is followed here, for
  // the tables appended to and for those with rows but no statistics at all (half-days planned a
  // moment before: the report then took 300 ms instead of 90). Of an appended table only the
  // indexed columns, which the join plans turn on: a third of the time of the whole table (60 ms
  // of 170 at 100,000 entries); such an ANALYZE leaves autovacuum's count of changes as it was,
  // so autovacuum still analyzes the whole table later. A user who does not own the tables gets
  // a warning, which the connection ignores; the write is done, so nothing here may fail it.
  if (impl.pg && appended_ >= kAnalyzeAfter) {
    std::string list;
    auto add = [&list](const std::string& item) { list += (list.empty() ? "" : ", ") + item; };
    try {
      for (const auto& t : tables_) {
        auto q = impl.prepare_sql(std::string(resource("queries/pg/indexed_columns.sql")));
        q->bind_text(1, t->name);
        std::string columns;
        while (q->step()) columns += (columns.empty() ? "" : ", ") + std::string(q->bytes(0));
        add(columns.empty() ? t->name : t->name + " (" + columns + ")");
      }
      auto unanalyzed = impl.prepare_sql(std::string(resource("queries/pg/tables_unanalyzed.sql")));
      while (unanalyzed->step()) {
        const std::string name(unanalyzed->bytes(0));
        if (std::none_of(tables_.begin(), tables_.end(), [&](const auto& t) { return t->name == name; })) add(name);
      }
    } catch (const StoreError&) {
      // What was listed before the failure, then.
    }
    if (!list.empty())
      impl.pg->try_exec(store_detail::filled(std::string(resource("queries/pg/analyze_tables.sql")), {{"tables", list}}));
  }
}

}  // namespace ledger
