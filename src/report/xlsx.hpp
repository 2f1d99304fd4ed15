// Datasets as an xlsx workbook, one sheet each, cell types from the column kinds so that a
// spreadsheet keeps identifiers as text and reads figures as numbers:
//   text → a string cell (a SIRET, an NDA starting with 0, an id: never a number, never a formula);
//   cents → euros (cents / 100) formatted `# ##0,00 €`; minutes → hours (minutes / 60), two decimals;
//   basis points → a percentage; integer → a number; boolean → TRUE/FALSE (VRAI/FAUX in a French
//   spreadsheet); date → a date cell shown dd/mm/yyyy (text when the value is not an ISO date).
// Header row bold and frozen, columns as wide as their contents (up to 50). The workbook's creation
// time is given, and libxlsxwriter dates the zip entries 1980-01-01: the same data give the same bytes.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "report/dataset.hpp"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace ledger {

// A workbook written a row at a time (libxlsxwriter's constant-memory mode), so that a bundle's
// million entries never sit in memory. Errors name `flag` and its `value` (--out and what was given);
// without libxlsxwriter the constructor says which Debian package to install.
class XlsxWriter {
 public:
  XlsxWriter(const std::string& file, std::chrono::sys_seconds created, std::string flag, std::string value);
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;
  ~XlsxWriter();  // without close(): nothing is written

  // Starts a sheet (at most 31 characters, none of []:*?/\, Excel's rule) and writes its header row.
  void sheet(const std::string& name, std::vector<Column> columns);
  void row(const std::vector<Datum>& values);
  // Writes the file; throws InputError naming the flag when it cannot.
  void close();

 private:
  void finish_sheet();

  std::string flag_, value_;
  lxw_workbook* workbook_ = nullptr;
  lxw_worksheet* sheet_ = nullptr;
  std::vector<Column> columns_;
  std::vector<double> widths_;
  std::uint32_t next_row_ = 0;
  struct Formats {
    lxw_format* header;
    lxw_format* euros;
    lxw_format* hours;
    lxw_format* percent;
    lxw_format* date;
  } formats_{};
};

struct Sheet {
  std::string name;
  Dataset data;
};

// A workbook of these sheets, in output.file, created at output.created.
void write_xlsx(const std::vector<Sheet>& sheets, const Output& output);

}  // namespace ledger
