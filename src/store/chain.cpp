#include "store/chain.hpp"
#include "app/text.hpp"

// OpenSSL's SHA-256 functions rather than its EVP interface: EVP loads the provider machinery on
// first use, about 5 ms and 150 page faults per command (a quarter of the 20 ms budget of
// `ledger attend`, issue 5), for the same implementation of the same function. They are
// deprecated in OpenSSL 3 in favour of EVP, and present in the 3.0 series Debian 12 ships.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>

#include <fmt/format.h>

#include <cstring>
#include <charconv>
#include <algorithm>
#include <memory>
#include <optional>
#include <queue>
#include <stdexcept>

#include "app/error.hpp"
#include "app/resources.hpp"
#include "store/sqlite.hpp"

namespace ledger {

std::string hex(const Digest& digest) {
  std::string out;
  out.reserve(64);
  for (unsigned char b : digest) out += fmt::format("{:02x}", b);
  return out;
}

struct Sha256::Impl {
  SHA256_CTX ctx;
};

Sha256::Sha256() : impl_(new Impl) { start(); }

Sha256::~Sha256() { delete impl_; }

void Sha256::start() {
  if (SHA256_Init(&impl_->ctx) != 1) throw std::runtime_error("OpenSSL: SHA-256 failed");
}

void Sha256::add(std::string_view bytes) {
  if (SHA256_Update(&impl_->ctx, bytes.data(), bytes.size()) != 1) throw std::runtime_error("OpenSSL: SHA-256 failed");
}

Digest Sha256::finish() {
  Digest out{};
  if (SHA256_Final(out.data(), &impl_->ctx) != 1) throw std::runtime_error("OpenSSL: SHA-256 failed");
  start();
  return out;
}

Digest Sha256::link(const Digest& previous, std::string_view encoded) {
  add(std::string_view(reinterpret_cast<const char*>(previous.data()), previous.size()));
  add(encoded);
  return finish();
}

Digest Sha256::of(std::string_view bytes) {
  add(bytes);
  return finish();
}

namespace {
// std::to_chars rather than fmt: the bulk import encodes a dozen numbers per row.
void append_decimal(std::string& out, std::int64_t n) {
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
  out.append(buf, end);
}
}  // namespace

void encode_value(std::string& out, const Value& value) {
  if (std::holds_alternative<std::monostate>(value)) {
    out += 'n';
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    out += 'i';
    append_decimal(out, *i);
    out += ';';
  } else {
    const auto& s = std::get<std::string>(value);
    out += 't';
    append_decimal(out, static_cast<std::int64_t>(s.size()));
    out += ':';
    out += s;
  }
}

namespace {
void encode_head(std::string& out, std::string_view table, std::int64_t id) {
  out.clear();
  out += table;
  out += '\n';
  encode_value(out, id);
}
}  // namespace

void encode_row(std::string& out, std::string_view table, std::int64_t id, const std::vector<Value>& values) {
  encode_head(out, table, id);
  for (const auto& v : values) encode_value(out, v);
}

void encode_row(std::string& out, std::string_view table, std::int64_t id, const std::vector<const Value*>& values) {
  encode_head(out, table, id);
  for (const Value* v : values) encode_value(out, *v);
}

std::string encode_row(std::string_view table, std::int64_t id, const std::vector<Value>& values) {
  std::string out;
  out.reserve(256);
  encode_row(out, table, id, values);
  return out;
}

namespace {

using store_detail::Prepared;

// Encodes a row as read back from the database, column by column (the `hash` column is last).
std::string encode_stored(std::string_view table, const Prepared& row, int hash_column) {
  std::string out;
  out += table;
  out += '\n';
  for (int c = 0; c < hash_column; ++c) {
    if (row.is_null(c)) {
      out += 'n';
    } else if (row.is_integer(c)) {
      fmt::format_to(std::back_inserter(out), "i{};", row.i64(c));
    } else {
      const char tag = row.is_blob(c) ? 'b' : 't';
      const auto bytes = row.bytes(c);
      fmt::format_to(std::back_inserter(out), "{}{}:", tag, bytes.size());
      out.append(bytes);
    }
  }
  return out;
}

struct Cursor {
  std::string table;
  std::unique_ptr<Prepared> stmt;
  int hash_column = 0;
  bool has_row = false;
  std::int64_t id() const { return stmt->i64(0); }
};

std::vector<std::string> column_strings(Ledger::Impl& db, std::string_view query) {
  auto q = db.prepare_sql(db.sql(query));
  std::vector<std::string> out;
  while (q->step()) out.emplace_back(q->bytes(0));
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// What every verification reads first: the chained tables are all listed, and the recorded head.
struct RecordedHead {
  std::int64_t seq = 0;
  Digest hash{};
  bool hash_ok = false;
};

std::optional<RecordedHead> read_head(Ledger::Impl& db, ChainReport& report) {
  // A table dropped from the list would escape verification: every table with a hash column is
  // a link of the chain.
  if (const auto unlisted = column_strings(db, "queries/chain_unlisted_tables.sql"); !unlisted.empty()) {
    report.ok = false;
    report.problem = tr("chain.unlisted", fmt::arg("tables", joined(unlisted)));
    return std::nullopt;
  }
  auto head = db.prepare_sql(db.sql("queries/chain_head_get.sql"));
  if (!head->step()) {
    report.ok = false;
    report.problem = tr("chain.head_removed");
    return std::nullopt;
  }
  RecordedHead recorded;
  recorded.seq = head->i64(0);
  const auto hash = head->bytes(1);
  recorded.hash_ok = hash.size() == 32;
  if (recorded.hash_ok) std::memcpy(recorded.hash.data(), hash.data(), 32);
  return recorded;
}

// One statement per chained table, made from a template naming `{table}`.
std::vector<Cursor> table_cursors(Ledger::Impl& db, std::string_view row_query) {
  std::vector<Cursor> cursors;
  const std::string row_template = db.sql(row_query);
  for (const auto& table : column_strings(db, "queries/chain_tables.sql")) {
    Cursor c;
    c.table = table;
    c.stmt = db.prepare_sql(store_detail::filled(row_template, {{"table", c.table}}));
    c.hash_column = static_cast<int>(c.stmt->columns.size()) - 1;
    if (c.hash_column < 0 || c.stmt->columns.back() != "hash")
      throw std::logic_error("chained table without a final hash column: " + c.table);
    cursors.push_back(std::move(c));
  }
  return cursors;
}

std::string changed_entry(std::string_view table, std::int64_t id) {
  return tr("chain.changed", fmt::arg("table", table), fmt::arg("id", id));
}

std::string head_mismatch(std::int64_t last) {
  return tr("chain.head_mismatch", fmt::arg("id", last));
}

// The rows are sound; missing triggers mean someone opened the door to edits.
void check_triggers(Ledger::Impl& db, ChainReport& report) {
  if (const auto open = column_strings(db, "queries/chain_missing_triggers.sql"); !open.empty()) {
    report.ok = false;
    report.problem = tr("chain.triggers_removed", fmt::arg("triggers", joined(open)));
  }
}

bool same_hash(const Prepared& row, int column, const Digest& digest) {
  const auto stored = row.bytes(column);
  return stored.size() == 32 && std::memcmp(stored.data(), digest.data(), 32) == 0;
}

// Calls `visit` with each row of the chained tables in id order (the chain's), until it returns false.
template <typename Visit>
void in_chain_order(std::vector<Cursor>& cursors, Visit visit) {
  for (auto& c : cursors) c.has_row = c.stmt->step();
  auto later = [&](std::size_t a, std::size_t b) { return cursors[a].id() > cursors[b].id(); };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> next(later);
  for (std::size_t i = 0; i < cursors.size(); ++i)
    if (cursors[i].has_row) next.push(i);
  while (!next.empty()) {
    const std::size_t i = next.top();
    next.pop();
    if (!visit(cursors[i])) return;
    if (cursors[i].stmt->step()) next.push(i);
  }
}

}  // namespace

ChainReport store_detail::verify_chain_of(Ledger::Impl& db) {
  ChainReport report;
  const auto recorded = read_head(db, report);
  if (!recorded) return report;
  const std::int64_t recorded_seq = recorded->seq;

  std::vector<Cursor> cursors = table_cursors(db, "queries/chain_rows.sql");
  Sha256 sha;
  Digest previous{};
  std::int64_t expected = 1;
  in_chain_order(cursors, [&](Cursor& c) {
    const std::int64_t id = c.id();
    if (id != expected) {
      report.ok = false;
      report.problem = id < expected ? tr("chain.repeated", fmt::arg("table", c.table), fmt::arg("id", id))
                                     : tr("chain.gap", fmt::arg("id", expected), fmt::arg("table", c.table), fmt::arg("next", id));
      return false;
    }
    // A row past the recorded head was added outside the ledger, which always moves the head.
    if (id > recorded_seq) {
      report.ok = false;
      report.problem = tr("chain.after_head", fmt::arg("table", c.table), fmt::arg("id", id), fmt::arg("head", recorded_seq));
      return false;
    }
    const Digest computed = sha.link(previous, encode_stored(c.table, *c.stmt, c.hash_column));
    if (!same_hash(*c.stmt, c.hash_column, computed)) {
      report.ok = false;
      report.problem = changed_entry(c.table, id);
      return false;
    }
    previous = computed;
    ++expected;
    ++report.entries;
    return true;
  });
  if (!report.ok) return report;
  report.head = ChainHead{report.entries, previous};
  if (report.entries < recorded_seq) {
    report.ok = false;
    report.problem = report.entries + 1 == recorded_seq
                         ? tr("chain.last_missing", fmt::arg("id", recorded_seq))
                         : tr("chain.tail_missing", fmt::arg("from", report.entries + 1), fmt::arg("to", recorded_seq));
    return report;
  }
  if (!recorded->hash_ok || recorded->hash != previous) {
    report.ok = false;
    report.problem = head_mismatch(report.entries);
    return report;
  }
  check_triggers(db, report);
  return report;
}

namespace {

ChainReport verify_entries_of(Ledger::Impl& db, const std::vector<std::int64_t>& ids) {
  ChainReport report;
  const auto recorded = read_head(db, report);
  if (!recorded) return report;
  std::vector<Cursor> tables = table_cursors(db, "queries/chain_row.sql");
  // Consecutive entries are mostly in one table: look there first.
  std::size_t hint = 0;
  auto find = [&](std::int64_t id) -> Cursor* {
    for (std::size_t k = 0; k < tables.size(); ++k) {
      const std::size_t i = (hint + k) % tables.size();
      Cursor& c = tables[i];
      c.stmt->reset();
      c.stmt->bind_i64(1, id);
      if (c.stmt->step()) {
        hint = i;
        return &c;
      }
    }
    return nullptr;
  };
  auto stored_hash = [](Cursor& c, Digest& out) {
    const auto hash = c.stmt->bytes(c.hash_column);
    if (hash.size() != 32) return false;
    std::memcpy(out.data(), hash.data(), 32);
    return true;
  };
  // Each entry given, the entry after it (a hash recomputed after an edit breaks that link) and
  // the last entry (which the recorded head names).
  std::vector<std::int64_t> todo;
  todo.reserve(2 * ids.size() + 1);
  for (const auto id : ids) {
    todo.push_back(id);
    if (id < recorded->seq) todo.push_back(id + 1);
  }
  if (recorded->seq > 0) todo.push_back(recorded->seq);
  std::sort(todo.begin(), todo.end());
  todo.erase(std::unique(todo.begin(), todo.end()), todo.end());

  Sha256 sha;
  Digest previous{}, stored{};
  std::int64_t previous_id = 0;  // the entry whose stored hash is in `previous`
  for (const auto id : todo) {
    if (id < 1 || id > recorded->seq) {
      report.ok = false;
      report.problem = tr("chain.past_head", fmt::arg("id", id), fmt::arg("head", recorded->seq));
      return report;
    }
    if (id > 1 && previous_id != id - 1) {
      Cursor* before = find(id - 1);
      if (before == nullptr) {
        report.ok = false;
        report.problem = tr("chain.missing", fmt::arg("id", id - 1));
        return report;
      }
      if (!stored_hash(*before, previous)) {
        report.ok = false;
        report.problem = tr("chain.no_hash", fmt::arg("table", before->table), fmt::arg("id", id - 1));
        return report;
      }
    }
    Cursor* c = find(id);
    if (c == nullptr) {
      report.ok = false;
      report.problem = tr("chain.missing", fmt::arg("id", id));
      return report;
    }
    const Digest computed = sha.link(id == 1 ? Digest{} : previous, encode_stored(c->table, *c->stmt, c->hash_column));
    if (!stored_hash(*c, stored) || stored != computed) {
      report.ok = false;
      report.problem = changed_entry(c->table, id);
      return report;
    }
    previous = stored;
    previous_id = id;
    ++report.entries;
  }
  if (recorded->seq > 0 && (!recorded->hash_ok || recorded->hash != previous)) {
    report.ok = false;
    report.problem = head_mismatch(recorded->seq);
    return report;
  }
  report.head = ChainHead{recorded->seq, recorded->hash};
  check_triggers(db, report);
  return report;
}

}  // namespace

namespace {
Value stored_value(const Prepared& row, int column) {
  if (row.is_null(column)) return Value();
  if (row.is_integer(column)) return row.i64(column);
  return std::string(row.bytes(column));
}
}  // namespace

ChainReport copy_ledger(Ledger& from, Ledger& to, const Clock& clock) {
  ReadSnapshot snapshot(from);
  std::vector<Cursor> cursors = table_cursors(backend(from), "queries/chain_rows.sql");
  WriteTransaction txn(to, clock);
  if (txn.head().seq != 0) throw DatabaseError(to.path() + ": " + tr("copy.not_empty"));
  std::vector<Field> fields;
  in_chain_order(cursors, [&](Cursor& c) {
    // Each row under its own id, by column name; the link it makes must be the one stored.
    fields.clear();
    for (int column = 1; column < c.hash_column; ++column)
      fields.push_back(Field{c.stmt->columns[static_cast<std::size_t>(column)], stored_value(*c.stmt, column)});
    const auto id = txn.append(c.table, fields);
    const auto hash = c.stmt->bytes(c.hash_column);
    if (id != c.id() || hash.size() != 32 || std::memcmp(hash.data(), txn.head().hash.data(), 32) != 0)
      throw DatabaseError(to.path() + ": " + tr("copy.link_differs", fmt::arg("table", c.table), fmt::arg("id", c.id())));
    // A convention's evidence files (not links themselves) come before the entries naming them.
    if (c.table == "convention") {
      auto files = from.query("copy_evidence_files");
      files.bind(1, id);
      while (files.next()) {
        const std::string content = files.text("content");
        auto insert = to.query("copy_evidence_file_insert");
        insert.bind(1, id).bind(2, files.text("sha256")).bind(3, files.i64("size")).bind_blob(4, content);
        insert.exec();
      }
    }
    return true;
  });
  auto meta = from.query("copy_meta");
  while (meta.next()) txn.set_meta(meta.text("key"), meta.text("value"));
  meta.reset();
  txn.commit();
  return verify_chain(to);
}

namespace {

// A user of `ledger grant` never reads a hash of another convention's entry (one between two
// hashes they know could be brute-forced): the server checks each of their entries' links against
// the entry before it and answers with the first that fails (queries/pg/chain_links_check.sql).
// Every entry they may read when `ids` is empty, else those ids.
ChainReport verify_own_entries(Ledger::Impl& db, const std::vector<std::int64_t>& ids) {
  constexpr std::size_t kBatch = 2000;
  ChainReport report;
  report.own_entries_only = true;
  if (const auto unlisted = column_strings(db, "queries/chain_unlisted_tables.sql"); !unlisted.empty()) {
    report.ok = false;
    report.problem = tr("chain.unlisted", fmt::arg("tables", joined(unlisted)));
    return report;
  }
  std::vector<std::int64_t> wanted = ids;
  std::sort(wanted.begin(), wanted.end());
  auto check = db.prepare_sql(std::string(resource("queries/pg/chain_links_check.sql")));
  std::vector<std::pair<std::int64_t, std::string>> batch;  // id, table
  std::string id_list, encodings;
  auto flush = [&] {
    if (batch.empty()) return true;
    check->reset();
    check->bind_text(check->parameter_index(":ids"), id_list);
    check->bind_text(check->parameter_index(":encodings"), encodings);
    check->step();
    if (!check->is_null(0)) {
      const std::int64_t failed = check->i64(0);
      const auto it = std::find_if(batch.begin(), batch.end(), [&](const auto& e) { return e.first == failed; });
      report.ok = false;
      report.problem = changed_entry(it != batch.end() ? it->second : std::string(), failed);
      return false;
    }
    batch.clear();
    id_list.clear();
    encodings.clear();
    return true;
  };
  std::vector<Cursor> cursors = table_cursors(db, "queries/chain_rows.sql");
  in_chain_order(cursors, [&](Cursor& c) {
    const std::int64_t id = c.id();
    if (!wanted.empty() && !std::binary_search(wanted.begin(), wanted.end(), id)) return true;
    const std::string encoded = encode_stored(c.table, *c.stmt, c.hash_column);
    if (!id_list.empty()) {
      id_list += ',';
      encodings += ',';
    }
    fmt::format_to(std::back_inserter(id_list), "{}", id);
    for (const unsigned char byte : encoded) fmt::format_to(std::back_inserter(encodings), "{:02x}", byte);
    batch.emplace_back(id, c.table);
    ++report.entries;
    const auto hash = c.stmt->bytes(c.hash_column);
    report.head.seq = id;
    std::memcpy(report.head.hash.data(), hash.data(), std::min<std::size_t>(hash.size(), 32));
    return batch.size() < kBatch || flush();
  });
  if (report.ok) flush();
  return report;
}

}  // namespace

ChainReport verify_chain(Ledger& ledger) {
  auto& db = backend(ledger);
  if (db.pg && db.session_rights().head_hidden) return verify_own_entries(db, {});
  return store_detail::verify_chain_of(db);
}

ChainReport verify_entries(Ledger& ledger, const std::vector<std::int64_t>& ids) {
  auto& db = backend(ledger);
  if (db.pg && db.session_rights().head_hidden) return verify_own_entries(db, ids);
  return verify_entries_of(db, ids);
}

}  // namespace ledger
