// CSV as spreadsheets write it, and as auditors' spreadsheets read it.
//
// Reading: a header line names the columns (any order); the separator is `,` or `;`, whichever the
// header uses; a UTF-8 byte-order mark is skipped; CRLF or LF; RFC 4180 quoting ("" inside quotes,
// separators inside quoted fields; a line break there is read, then refused as a control character).
// Every record must be valid UTF-8 and no cell may hold a control character (text_refusal). The file is
// streamed, never loaded whole.
//
// Writing: `rfc4180` is commas and CRLF; `excel-fr` is semicolons, decimal commas and a BOM, as a
// French spreadsheet expects. In both, a text cell that starts with = + - @, a tab or a carriage
// return is defused with a leading apostrophe so that a spreadsheet shows it instead of running it.
#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ledger::io {

class CsvReader {
 public:
  // `name` is how errors name the file. Reads and checks the header.
  CsvReader(std::istream& in, std::string name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  char separator() const { return separator_; }

  // Refuses unknown columns and missing required ones, naming each (exit 2 through InputError).
  void expect_columns(const std::set<std::string>& allowed, const std::set<std::string>& required) const;
  // The index of a column, or nullopt when the file does not have it.
  std::optional<std::size_t> column(std::string_view name) const;

  // Reads the next record into `fields` (one entry per header column; missing trailing cells are
  // empty); false at the end. Throws InputError for a malformed record (bad UTF-8, stray quote,
  // too many cells).
  bool next(std::vector<std::string>& fields);
  // The physical line where the last record read starts (the header is line 1).
  std::size_t line() const { return record_line_; }
  std::uint64_t bytes_read() const { return bytes_; }

 private:
  bool read_physical_line(std::string& line);
  void split(const std::string& record, std::vector<std::string>& fields, bool header);

  std::istream& in_;
  std::string name_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t, std::less<>> index_;
  char separator_ = ',';
  std::size_t physical_line_ = 0;
  std::size_t record_line_ = 0;
  std::uint64_t bytes_ = 0;
  std::string buffer_;
  std::string record_;
};

bool valid_utf8(std::string_view text);

// Text from a file or a flag is refused when it holds a control character (C0 but tab: NUL, line
// breaks, escapes that would reach a terminal or a spreadsheet) or more characters than a
// spreadsheet cell holds (32,767). Returns why, or nothing when the text is acceptable.
inline constexpr std::size_t kMaxTextCharacters = 32767;
std::optional<std::string> text_refusal(std::string_view text);
// The text with its control characters written as \xNN, so that an error message can quote it.
std::string shown(std::string_view text);

enum class Dialect { rfc4180, excel_fr };

// One cell: text (defused when needed) or a number printed in the dialect's decimal style.
struct Cell {
  enum class Kind { text, integer, hundredths } kind = Kind::text;
  std::string text;
  std::int64_t number = 0;

  Cell(std::string t) : text(std::move(t)) {}  // NOLINT: text is the common case
  Cell(const char* t) : text(t) {}             // NOLINT
  static Cell integer(std::int64_t n) { Cell c(""); c.kind = Kind::integer; c.number = n; return c; }
  // Cents, or hours in hundredths: printed with two decimals.
  static Cell hundredths(std::int64_t n) { Cell c(""); c.kind = Kind::hundredths; c.number = n; return c; }
};

class CsvWriter {
 public:
  // Writes the BOM at once for excel-fr.
  CsvWriter(std::ostream& out, Dialect dialect);
  void row(const std::vector<Cell>& cells);

  static std::string defuse(std::string_view text);

 private:
  std::ostream& out_;
  Dialect dialect_;
  char separator_;
};

Dialect parse_dialect(std::string_view name);

}  // namespace ledger::io
