// The tamper-evidence chain.
//
// Every row of a chained table (schema/001_initial.sql lists them in `chained_table`) is one link.
// Its `id` is its position in the ledger-wide chain (1, 2, 3, … with no gap, across tables) and
//
//   hash(id) = SHA-256( hash(id - 1) || encode(row) ),   hash(0) = 32 zero bytes
//
// encode(row) is the table's name, a newline, then each column in the table's declared order
// (the `id` first, the `hash` column left out), each as:
//   NULL     -> "n"
//   integer  -> "i" decimal-digits ";"          e.g. i-42;
//   text     -> "t" byte-length ":" bytes       e.g. t5:Alice
//   blob     -> "b" byte-length ":" bytes
// so that no two different rows encode alike. The head (last id and hash) is kept in
// `chain_head` and printed by `ledger verify` and in the auditor bundle's manifest.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ledger {

class Ledger;

using Digest = std::array<unsigned char, 32>;
using Value = std::variant<std::monostate, std::int64_t, std::string>;

std::string hex(const Digest& digest);

// Reuses one OpenSSL context: the bulk import hashes a million rows.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  Digest link(const Digest& previous, std::string_view encoded);
  Digest of(std::string_view bytes);
  // Streaming: add() bytes as they come, finish() returns their digest and starts afresh.
  void add(std::string_view bytes);
  Digest finish();

 private:
  void start();
  struct Impl;
  Impl* impl_;
};

void encode_value(std::string& out, const Value& value);
// `values` are the row's columns after `id`, without `hash`.
std::string encode_row(std::string_view table, std::int64_t id, const std::vector<Value>& values);
// The same into `out` (cleared first), so that a bulk import reuses one buffer.
void encode_row(std::string& out, std::string_view table, std::int64_t id, const std::vector<Value>& values);
// The same from values kept elsewhere (the chain writer's, in declared order).
void encode_row(std::string& out, std::string_view table, std::int64_t id, const std::vector<const Value*>& values);

struct ChainHead {
  std::int64_t seq = 0;
  Digest hash{};
};

struct ChainReport {
  bool ok = true;
  std::int64_t entries = 0;
  ChainHead head;
  std::string problem;  // the first bad link, named
  // A user of `ledger grant` on PostgreSQL checks the links of the entries they may read, through
  // the server (queries/pg/access_setup.sql); `head` is then their last entry, not the ledger's.
  bool own_entries_only = false;
};

// Recomputes every link from the rows themselves.
ChainReport verify_chain(Ledger& ledger);

// Checks the links of the entries given, of the entry after each and of the last entry, against
// the stored hash of the entry before: work in proportion to the entries given, not to the ledger
// (`export proofs` checks one convention's entries this way). An entry edited without its hash
// fails its own link; one whose hash was recomputed fails the next entry's link. As with
// verify_chain, rewriting every later entry and the head is revealed only by a head kept outside
// the ledger (the bundle's MANIFEST.sha256); verify_chain also finds an id used twice across
// tables. `entries` counts the links checked; `head` is the recorded head, checked.
ChainReport verify_entries(Ledger& ledger, const std::vector<std::int64_t>& ids);

}  // namespace ledger
