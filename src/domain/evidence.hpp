// Evidence files (signed sheets, attestations, LMS exports) held in the ledger: what a file is,
// recognised from its content, and attaching one to what it proves.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/attendance.hpp"
#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger {

// Larger files are refused: a scanned sheet or an LMS export is a few MiB; 50 MiB keeps a
// ledger of a whole convention's scans within what a mail or a USB key carries.
inline constexpr std::int64_t kEvidenceMaxBytes = std::int64_t{50} << 20;

// Recognises a file's type from its bytes, fed in order, never from its name: pdf, png, jpeg,
// tiff by their magic numbers; xlsx a zip with an `xl/` entry; otherwise, UTF-8 text without
// control characters other than tab, CR and LF (a BOM allowed): json when it starts with `{` or
// `[` and ends with `}` or `]`, tsv when its first line has a tab, csv when its first line has
// a `,` or `;` that its second line (if any) has as many times, else txt.
class TypeDetector {
 public:
  void add(std::string_view bytes);
  // The type, or nullopt when it is none of them (an empty file included).
  std::optional<std::string> finish() const;

 private:
  void text(std::string_view bytes);
  void zip(std::string_view bytes);

  std::string head_;  // the first bytes, for the magic numbers and the first two lines
  std::int64_t size_ = 0;
  // Text: still valid UTF-8 without control characters; bytes still owed by a sequence.
  bool text_ = true;
  int continuation_ = 0;
  char last_ = 0;  // the last byte that is not white space
  // Zip: the bytes after the last local header signature seen across chunks.
  std::string zip_tail_;
  bool xl_entry_ = false;
};

// The file name extension of a type, for the auditor bundle's `evidence/SHA256.EXT`.
std::string evidence_extension(const std::string& type);

// The kind of evidence a file is when none is given: a scan (pdf, png, jpeg, tiff) is the
// half-day's sheet, or an attestation for a whole module; a data file an LMS export.
std::string default_evidence_kind(const std::string& type, bool half_day);

// A file examined before it is attached: read once, as a stream, to hash it and detect its type.
struct EvidenceFile {
  std::string path, name;  // name: the file's base name
  std::int64_t size = 0;
  std::string sha256, type;
};

// Refuses (InputError on `field`, exit 2) an unreadable file, an empty one, one above
// kEvidenceMaxBytes, and one of no recognised type. `where` and `field` say how to name it in
// errors (`--` flag or `FILE:LINE` and column).
EvidenceFile examine_evidence_file(const std::string& path, const std::string& where, const std::string& field);

// What a file proves: a half-day (every trainee of it, or one), or a trainee's whole module.
struct EvidenceTarget {
  const ModuleRow* module = nullptr;
  std::optional<std::int64_t> session_id;
  std::optional<std::int64_t> trainee_id;
};

struct Attached {
  std::int64_t id = 0;         // the evidence row's, its number in the chain
  bool stored = false;         // false: the convention already held these bytes
  std::int64_t completed = 0;  // e-learning entries whose empty proof reference it filled
};

// Records the file (its bytes unless the convention holds them) and the evidence row, then, for
// e-learning half-days, a correction of each latest entry with attended minutes and an empty
// proof reference, pointing at the file. All in the caller's transaction, whose book records the
// corrections. `kind` and `note` are checked by the caller.
Attached attach_evidence(Ledger& ledger, WriteTransaction& txn, AttendanceBook& book, const ConventionState& st,
                         const EvidenceTarget& target, const EvidenceFile& file, const std::string& kind,
                         const std::optional<std::string>& note, const std::string& where, const std::string& field);

// Records `bytes` made by the ledger itself (a signature's strokes as SVG, schema/012) as an
// evidence file of `type`, stored unless the convention holds them; returns the evidence row's id.
std::int64_t attach_evidence_bytes(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const EvidenceTarget& target,
                                   std::string_view bytes, const std::string& type, const std::string& name, const std::string& kind);

// The proof reference an attachment writes: the file's place in the auditor bundle.
std::string evidence_reference(const std::string& sha256, const std::string& type);

// A size in bytes for people: digits grouped by three with narrow no-break spaces.
std::string format_byte_count(std::int64_t bytes);

}  // namespace ledger
