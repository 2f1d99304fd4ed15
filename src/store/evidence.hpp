// The bytes of evidence files (schema/009_evidence.sql), written and read in chunks through
// SQLite's incremental blob I/O, so that a 50 MiB scan is never held whole in memory.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "store/chain.hpp"
#include "store/ledger.hpp"

namespace ledger {

// Fills up to `capacity` bytes of `buffer`; returns how many, 0 at the end.
using ReadChunk = std::function<std::size_t(char* buffer, std::size_t capacity)>;
using WriteChunk = std::function<void(std::string_view bytes)>;

bool evidence_file_held(Ledger& ledger, std::int64_t convention_id, const std::string& sha256);

// Stores `size` bytes pulled from `read` under (convention, sha256), inside the open transaction
// `txn`; returns the SHA-256 of the bytes actually stored (the caller compares it with `sha256`,
// and throws to roll back when the file changed meanwhile). A read that ends early or goes past
// `size` gives a digest of what was read, which will not match.
Digest store_evidence_file(Ledger& ledger, WriteTransaction& txn, std::int64_t convention_id, const std::string& sha256,
                           std::int64_t size, const ReadChunk& read);

// Streams the stored bytes to `write`; returns their SHA-256 as recomputed while reading.
// Throws StoreError when the convention holds no such file.
Digest read_evidence_file(Ledger& ledger, std::int64_t convention_id, const std::string& sha256, const WriteChunk& write);

struct EvidenceFilesReport {
  std::int64_t files = 0;
  std::string problem;  // the first file whose bytes no longer match its name, empty when none
};

// Rehashes every stored file (`verify`).
EvidenceFilesReport verify_evidence_files(Ledger& ledger);

}  // namespace ledger
