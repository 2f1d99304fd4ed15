#include "store/evidence.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <memory>

#include "app/text.hpp"
#include "store/errors.hpp"
#include "store/sqlite.hpp"

namespace ledger {

namespace {

constexpr std::size_t kChunk = 1 << 16;

struct BlobCloser {
  void operator()(sqlite3_blob* b) const { sqlite3_blob_close(b); }
};
using Blob = std::unique_ptr<sqlite3_blob, BlobCloser>;

Blob open_blob(Ledger& ledger, std::int64_t rowid, bool write) {
  sqlite3* db = sqlite_database(ledger).getHandle();
  sqlite3_blob* blob = nullptr;
  if (sqlite3_blob_open(db, "main", "evidence_file", "content", rowid, write ? 1 : 0, &blob) != SQLITE_OK) {
    sqlite3_blob_close(blob);
    throw StoreError(ledger.path() + ": evidence_file: " + sqlite3_errmsg(db));
  }
  return Blob(blob);
}

std::optional<std::int64_t> file_rowid(Ledger& ledger, std::int64_t convention_id, const std::string& sha256) {
  auto q = ledger.query("evidence_file_rowid");
  q.bind(1, convention_id).bind(2, sha256);
  if (!q.next()) return std::nullopt;
  return q.i64(0);
}

// Reads the blob `rowid` chunk by chunk into `write`, hashing it.
Digest stream_blob(Ledger& ledger, std::int64_t rowid, const WriteChunk& write) {
  Blob blob = open_blob(ledger, rowid, false);
  const int size = sqlite3_blob_bytes(blob.get());
  std::string chunk(kChunk, '\0');
  Sha256 sha;
  for (int offset = 0; offset < size;) {
    const int n = std::min<int>(static_cast<int>(kChunk), size - offset);
    if (sqlite3_blob_read(blob.get(), chunk.data(), n, offset) != SQLITE_OK)
      throw StoreError(ledger.path() + ": evidence_file: " + sqlite3_errmsg(sqlite_database(ledger).getHandle()));
    const std::string_view bytes(chunk.data(), static_cast<std::size_t>(n));
    sha.add(bytes);
    if (write) write(bytes);
    offset += n;
  }
  return sha.finish();
}

// PostgreSQL has no incremental blob I/O: the bytes are read whole (store/postgres.hpp).
Digest stream_content(Ledger& ledger, std::int64_t convention_id, const std::string& sha256, const WriteChunk& write) {
  auto q = ledger.query("evidence_file_content");
  q.bind(1, convention_id).bind(2, sha256);
  if (!q.next()) throw StoreError(fmt::format("{}: evidence_file: {}", ledger.path(), sha256));
  const std::string bytes = q.text(0);
  Sha256 sha;
  sha.add(bytes);
  if (write) write(bytes);
  return sha.finish();
}

// PostgreSQL has no incremental blob I/O either way: the bytes go in whole, in one bytea parameter.
Digest store_whole_content(Ledger& ledger, std::int64_t convention_id, const std::string& sha256, std::int64_t size,
                           const ReadChunk& read) {
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(size));
  std::string chunk(kChunk, '\0');
  Sha256 sha;
  for (std::size_t n; (n = read(chunk.data(), chunk.size())) != 0;) {
    sha.add(std::string_view(chunk.data(), n));
    bytes.append(chunk.data(), n);
  }
  // More bytes than declared: the caller refuses the file, whose digest differs.
  if (std::ssize(bytes) != size) return sha.finish();
  auto insert = ledger.query("copy_evidence_file_insert");
  insert.bind(1, convention_id).bind(2, sha256).bind(3, size).bind_blob(4, bytes);
  insert.exec();
  return sha.finish();
}

}  // namespace

bool evidence_file_held(Ledger& ledger, std::int64_t convention_id, const std::string& sha256) {
  return file_rowid(ledger, convention_id, sha256).has_value();
}

Digest store_evidence_file(Ledger& ledger, WriteTransaction&, std::int64_t convention_id, const std::string& sha256,
                           std::int64_t size, const ReadChunk& read) {
  if (ledger.on_postgres()) return store_whole_content(ledger, convention_id, sha256, size, read);
  {
    auto insert = ledger.query("evidence_file_insert");
    insert.bind(1, convention_id).bind(2, sha256).bind(3, size).bind(4, size);
    insert.exec();
  }
  const auto rowid = file_rowid(ledger, convention_id, sha256);
  Blob blob = open_blob(ledger, *rowid, true);
  std::string chunk(kChunk, '\0');
  Sha256 sha;
  std::int64_t offset = 0;
  for (;;) {
    const std::size_t n = read(chunk.data(), chunk.size());
    if (n == 0) break;
    sha.add(std::string_view(chunk.data(), n));
    if (offset + static_cast<std::int64_t>(n) <= size &&
        sqlite3_blob_write(blob.get(), chunk.data(), static_cast<int>(n), static_cast<int>(offset)) != SQLITE_OK)
      throw StoreError(ledger.path() + ": evidence_file: " + sqlite3_errmsg(sqlite_database(ledger).getHandle()));
    offset += static_cast<std::int64_t>(n);
  }
  return sha.finish();
}

Digest read_evidence_file(Ledger& ledger, std::int64_t convention_id, const std::string& sha256, const WriteChunk& write) {
  if (ledger.on_postgres()) return stream_content(ledger, convention_id, sha256, write);
  const auto rowid = file_rowid(ledger, convention_id, sha256);
  if (!rowid) throw StoreError(fmt::format("{}: evidence_file: {}", ledger.path(), sha256));
  return stream_blob(ledger, *rowid, write);
}

EvidenceFilesReport verify_evidence_files(Ledger& ledger) {
  EvidenceFilesReport report;
  auto q = ledger.query("evidence_files_all");
  while (q.next()) {
    ++report.files;
    const std::string sha256 = q.text("sha256");
    if (const auto entry = q.opt_i64("wrong_size_entry")) {
      report.problem = tr("verify.evidence_size", fmt::arg("entry", *entry), fmt::arg("sha256", sha256));
      return report;
    }
    std::int64_t bytes = 0;
    const auto count = [&](std::string_view b) { bytes += std::ssize(b); };
    const Digest digest = ledger.on_postgres() ? stream_content(ledger, q.i64("convention_id"), sha256, count)
                                               : stream_blob(ledger, q.i64("file"), count);
    if (hex(digest) != sha256 || bytes != q.i64("size")) {
      report.problem = tr("verify.evidence_changed", fmt::arg("sha256", sha256));
      return report;
    }
  }
  return report;
}

}  // namespace ledger
