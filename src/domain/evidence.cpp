#include "domain/evidence.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "app/error.hpp"
#include "store/evidence.hpp"

namespace ledger {

namespace {

constexpr std::size_t kHeadBytes = 1 << 16;
constexpr std::size_t kChunkBytes = 1 << 16;
constexpr std::string_view kZipHeader("PK\x03\x04", 4);
// A zip local header is 30 bytes, then the entry's name.
constexpr std::size_t kZipNameOffset = 30;

bool starts(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Separators of a CSV line, quoted cells left out.
std::size_t count_outside_quotes(std::string_view line, char separator) {
  std::size_t n = 0;
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == separator && !quoted) ++n;
  }
  return n;
}

std::string_view line_at(std::string_view text, std::size_t& from) {
  const std::size_t end = text.find('\n', from);
  std::string_view line = text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
  from = end == std::string_view::npos ? text.size() : end + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

[[noreturn]] void refuse(const std::string& where, const std::string& field, const std::string& value, const std::string& why) {
  if (where.empty()) throw InputError::flag(field, value, why);
  throw InputError({where, field, value, why});
}

}  // namespace

void TypeDetector::add(std::string_view bytes) {
  if (head_.size() < kHeadBytes) head_.append(bytes.substr(0, kHeadBytes - head_.size()));
  size_ += static_cast<std::int64_t>(bytes.size());
  if (text_) text(bytes);
  if (!xl_entry_ && (head_.size() < kZipHeader.size() || starts(head_, kZipHeader))) zip(bytes);
}

void TypeDetector::text(std::string_view bytes) {
  for (const char ch : bytes) {
    const auto c = static_cast<unsigned char>(ch);
    if (continuation_ > 0) {
      if ((c & 0xC0) != 0x80) {
        text_ = false;
        return;
      }
      --continuation_;
    } else if (c < 0x80) {
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
        text_ = false;
        return;
      }
    } else if (c >= 0xC2 && c <= 0xDF) {
      continuation_ = 1;
    } else if ((c & 0xF0) == 0xE0) {
      continuation_ = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      continuation_ = 3;
    } else {
      text_ = false;
      return;
    }
    if (!blank(ch)) last_ = ch;
  }
}

void TypeDetector::zip(std::string_view bytes) {
  std::string window = zip_tail_;
  window.append(bytes);
  for (std::size_t at = window.find(kZipHeader); at != std::string::npos; at = window.find(kZipHeader, at + 1)) {
    if (at + kZipNameOffset + 3 > window.size()) break;
    if (window.compare(at + kZipNameOffset, 3, "xl/") == 0) {
      xl_entry_ = true;
      return;
    }
  }
  // Keep enough for a header and the start of its name cut between two chunks.
  const std::size_t keep = std::min(window.size(), kZipNameOffset + 3);
  zip_tail_ = window.substr(window.size() - keep);
}

std::optional<std::string> TypeDetector::finish() const {
  if (size_ == 0) return std::nullopt;
  const std::string_view head(head_);
  if (starts(head, "%PDF-")) return "pdf";
  if (starts(head, std::string_view("\x89PNG\r\n\x1a\n", 8))) return "png";
  if (starts(head, "\xFF\xD8\xFF")) return "jpeg";
  if (starts(head, std::string_view("II*\0", 4)) || starts(head, std::string_view("MM\0*", 4))) return "tiff";
  if (starts(head, kZipHeader)) return xl_entry_ ? std::optional<std::string>("xlsx") : std::nullopt;
  if (!text_ || continuation_ != 0) return std::nullopt;
  std::string_view body = head;
  if (starts(body, "\xEF\xBB\xBF")) body.remove_prefix(3);
  const std::size_t first = body.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (body[first] == '{' || body[first] == '[') && (last_ == '}' || last_ == ']'))
    return "json";
  std::size_t at = 0;
  const std::string_view line1 = line_at(body, at);
  if (line1.find('\t') != std::string_view::npos) return "tsv";
  const bool one_line = at >= body.size();
  const std::string_view line2 = line_at(body, at);
  for (const char separator : {',', ';'}) {
    const std::size_t n = count_outside_quotes(line1, separator);
    if (n > 0 && (one_line || count_outside_quotes(line2, separator) == n)) return "csv";
  }
  return "txt";
}

std::string evidence_extension(const std::string& type) { return type == "jpeg" ? "jpg" : type == "tiff" ? "tif" : type; }

std::string default_evidence_kind(const std::string& type, bool half_day) {
  if (type == "pdf" || type == "png" || type == "jpeg" || type == "tiff") return half_day ? "sheet" : "attestation";
  return "lms";
}

std::string format_byte_count(std::int64_t bytes) {
  const std::string digits = std::to_string(bytes);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u202F";
    out += digits[i];
  }
  return out;
}

std::string evidence_reference(const std::string& sha256, const std::string& type) {
  return "evidence/" + sha256 + "." + evidence_extension(type);
}

EvidenceFile examine_evidence_file(const std::string& path, const std::string& where, const std::string& field) {
  namespace fs = std::filesystem;
  EvidenceFile f;
  f.path = path;
  f.name = fs::path(path).filename().string();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) refuse(where, field, path, tr("evidence.not_a_file"));
  std::ifstream in(path, std::ios::binary);
  if (!in) refuse(where, field, path, tr("io.unreadable_because", fmt::arg("reason", std::strerror(errno))));
  const auto announced = static_cast<std::int64_t>(fs::file_size(path, ec));
  if (!ec && announced > kEvidenceMaxBytes)
    refuse(where, field, path, tr("evidence.too_large", fmt::arg("max", kEvidenceMaxBytes >> 20)));
  Sha256 sha;
  TypeDetector detector;
  std::string chunk(kChunkBytes, '\0');
  while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0) {
    const std::string_view bytes(chunk.data(), static_cast<std::size_t>(in.gcount()));
    f.size += static_cast<std::int64_t>(bytes.size());
    if (f.size > kEvidenceMaxBytes) refuse(where, field, path, tr("evidence.too_large", fmt::arg("max", kEvidenceMaxBytes >> 20)));
    sha.add(bytes);
    detector.add(bytes);
  }
  if (in.bad()) refuse(where, field, path, tr("io.unreadable_because", fmt::arg("reason", std::strerror(errno))));
  if (f.size == 0) refuse(where, field, path, tr("evidence.empty"));
  const auto type = detector.finish();
  if (!type) refuse(where, field, path, tr("evidence.unknown_type"));
  f.type = *type;
  f.sha256 = hex(sha.finish());
  return f;
}

namespace {
std::int64_t append_evidence_row(WriteTransaction& txn, std::int64_t convention, const EvidenceTarget& target, const EvidenceFile& file,
                                 const std::string& kind, const std::optional<std::string>& note) {
  return txn.append("evidence", {{"convention_id", convention}, {"module_id", target.module->id}, {"session_id", opt(target.session_id)},
                                 {"trainee_id", opt(target.trainee_id)}, {"kind", kind}, {"type", file.type}, {"size", file.size},
                                 {"sha256", file.sha256}, {"name", file.name}, {"note", opt(note)},
                                 {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}
}  // namespace

std::int64_t attach_evidence_bytes(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const EvidenceTarget& target,
                                   std::string_view bytes, const std::string& type, const std::string& name, const std::string& kind) {
  Sha256 sha;
  EvidenceFile file;
  file.name = name;
  file.type = type;
  file.size = std::ssize(bytes);
  file.sha256 = hex(sha.of(bytes));
  if (!evidence_file_held(ledger, st.convention.id, file.sha256)) {
    std::size_t at = 0;
    store_evidence_file(ledger, txn, st.convention.id, file.sha256, file.size, [&](char* buffer, std::size_t capacity) {
      const std::size_t n = std::min(capacity, bytes.size() - at);
      std::memcpy(buffer, bytes.data() + at, n);
      at += n;
      return n;
    });
  }
  return append_evidence_row(txn, st.convention.id, target, file, kind, std::nullopt);
}

Attached attach_evidence(Ledger& ledger, WriteTransaction& txn, AttendanceBook& book, const ConventionState& st,
                         const EvidenceTarget& target, const EvidenceFile& file, const std::string& kind,
                         const std::optional<std::string>& note, const std::string& where, const std::string& field) {
  const std::int64_t convention = st.convention.id;
  const Value session = opt(target.session_id), trainee = opt(target.trainee_id);
  {
    auto same = ledger.query("evidence_same_target");
    same.bind(":convention", convention).bind(":sha256", file.sha256).bind(":module", target.module->id);
    same.bind(":session", session).bind(":trainee", trainee);
    if (same.next()) refuse(where, field, file.path, tr("evidence.already_attached", fmt::arg("id", same.i64("id"))));
  }
  Attached a;
  a.stored = !evidence_file_held(ledger, convention, file.sha256);
  if (a.stored) {
    std::ifstream in(file.path, std::ios::binary);
    const Digest stored = store_evidence_file(ledger, txn, convention, file.sha256, file.size, [&](char* buffer, std::size_t capacity) {
      in.read(buffer, static_cast<std::streamsize>(capacity));
      return static_cast<std::size_t>(in.gcount());
    });
    // Read a second time to store it: it must still be the file that was hashed and recognised.
    if (in.bad() || hex(stored) != file.sha256) refuse(where, field, file.path, tr("evidence.changed"));
  }
  a.id = append_evidence_row(txn, convention, target, file, kind, note);

  std::vector<EntryValues> entries;
  {
    auto q = ledger.query("evidence_entries_to_complete");
    q.bind(":module", target.module->id).bind(":session", session).bind(":trainee", trainee);
    while (q.next()) {
      EntryValues e;
      e.session_id = q.i64("session_id");
      e.trainee_id = q.i64("trainee_id");
      e.minutes = q.i64("minutes");
      e.absence = q.text("absence");
      e.trainee_signed = q.flag("trainee_signed");
      e.trainer_signed = q.flag("trainer_signed");
      e.sheet = q.text("sheet");
      e.supersedes = q.i64("id");
      entries.push_back(std::move(e));
    }
  }
  for (auto& e : entries) {
    e.proof = evidence_reference(file.sha256, file.type);
    e.reason = tr("evidence.proof_reason", fmt::arg("id", a.id));
    book.append_correction(e);
  }
  a.completed = std::ssize(entries);
  return a;
}

}  // namespace ledger
