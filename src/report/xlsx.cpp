#include "report/xlsx.hpp"

// libxlsxwriter is loaded when a workbook is asked for, not linked: Debian ships it shared only,
// with libminizip, libz and a shared libcrypto, whose loading would add 1 ms to every command's start
// (README, "Spreadsheets"). Its header gives the types; the functions come from dlsym.
#include <dlfcn.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <filesystem>
#include <optional>

#include "app/error.hpp"
#include "app/text.hpp"

namespace ledger {

namespace {

#define LEDGER_XLSX_FUNCTIONS(X)                                                                                         \
  X(workbook_new_opt) X(workbook_set_properties) X(workbook_add_format) X(workbook_add_worksheet) X(workbook_close)     \
  X(format_set_bold) X(format_set_num_format) X(worksheet_write_string) X(worksheet_write_number)                       \
  X(worksheet_write_boolean) X(worksheet_write_datetime) X(worksheet_set_column) X(worksheet_freeze_panes) X(lxw_strerror) X(lxw_workbook_free)

struct Lxw {
#define LEDGER_XLSX_POINTER(name) decltype(&::name) name = nullptr;
  LEDGER_XLSX_FUNCTIONS(LEDGER_XLSX_POINTER)
#undef LEDGER_XLSX_POINTER
};

// The library's functions, or why they cannot be had (loaded once, on first use).
struct Library {
  Lxw functions;
  std::string missing;
};

const Library& library() {
  static const Library loaded = [] {
    Library l;
    void* handle = dlopen("libxlsxwriter.so.4", RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      l.missing = tr("xlsx.library_missing", fmt::arg("reason", dlerror()));
      return l;
    }
#define LEDGER_XLSX_LOAD(name)                                                            \
  l.functions.name = reinterpret_cast<decltype(&::name)>(dlsym(handle, #name));          \
  if (l.functions.name == nullptr && l.missing.empty()) l.missing = tr("xlsx.function_missing", fmt::arg("function", #name));
    LEDGER_XLSX_FUNCTIONS(LEDGER_XLSX_LOAD)
#undef LEDGER_XLSX_LOAD
    return l;
  }();
  return loaded;
}

// Once an XlsxWriter exists, the library is there.
const Lxw& lxw() { return library().functions; }

// A text's width in characters (UTF-8 continuation bytes do not count).
double characters(const std::string& text) {
  return static_cast<double>(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// An ISO date YYYY-MM-DD, or nothing when the text is not one (it is then written as text).
std::optional<lxw_datetime> iso_date(const std::string& text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (const std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  return lxw_datetime{std::stoi(text.substr(0, 4)), std::stoi(text.substr(5, 2)), std::stoi(text.substr(8, 2)), 0, 0, 0};
}

// libxlsxwriter only finds out at close that the file cannot be created, and then prints its own
// English line on stderr: the place is checked first so the user reads one message of ours.
void refuse_unwritable(const std::string& file, const std::string& flag, const std::string& value) {
  namespace fs = std::filesystem;
  const fs::path path(file);
  const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw InputError::flag(flag, value, tr("xlsx.no_folder", fmt::arg("folder", folder.string())));
  if (fs::is_directory(path, ec)) throw InputError::flag(flag, value, tr("xlsx.is_folder"));
  if (::access(folder.c_str(), W_OK) != 0 || (fs::exists(path, ec) && ::access(path.c_str(), W_OK) != 0))
    throw InputError::flag(flag, value, tr("xlsx.not_writable"));
}

}  // namespace

XlsxWriter::XlsxWriter(const std::string& file, std::chrono::sys_seconds created, std::string flag, std::string value)
    : flag_(std::move(flag)), value_(std::move(value)) {
  if (!library().missing.empty()) throw InputError::flag(flag_, value_, library().missing);
  refuse_unwritable(file, flag_, value_);
  const Lxw& x = lxw();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  workbook_ = x.workbook_new_opt(file.c_str(), &options);
  if (workbook_ == nullptr) throw InputError::flag(flag_, value_, tr("xlsx.cannot_create"));
  lxw_doc_properties properties{};
  properties.created = static_cast<time_t>(created.time_since_epoch().count());
  x.workbook_set_properties(workbook_, &properties);
  formats_ = {x.workbook_add_format(workbook_), x.workbook_add_format(workbook_), x.workbook_add_format(workbook_),
              x.workbook_add_format(workbook_), x.workbook_add_format(workbook_)};
  x.format_set_bold(formats_.header);
  // Number formats are stored in Excel's neutral notation; a French spreadsheet shows 1 234,56 €.
  x.format_set_num_format(formats_.euros, "#,##0.00 \"€\"");
  x.format_set_num_format(formats_.hours, "0.00");
  x.format_set_num_format(formats_.percent, "0.00%");
  x.format_set_num_format(formats_.date, "dd/mm/yyyy");
}

XlsxWriter::~XlsxWriter() {
  if (workbook_ != nullptr) lxw().lxw_workbook_free(workbook_);
}

void XlsxWriter::sheet(const std::string& name, std::vector<Column> columns) {
  const Lxw& x = lxw();
  finish_sheet();
  sheet_ = x.workbook_add_worksheet(workbook_, name.c_str());
  if (sheet_ == nullptr) throw InputError::flag(flag_, value_, tr("xlsx.cannot_add_sheet", fmt::arg("sheet", name)));
  columns_ = std::move(columns);
  widths_.clear();
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    x.worksheet_write_string(sheet_, 0, static_cast<lxw_col_t>(c), columns_[c].name.c_str(), formats_.header);
    widths_.push_back(characters(columns_[c].name));
  }
  x.worksheet_freeze_panes(sheet_, 1, 0);
  next_row_ = 1;
}

void XlsxWriter::row(const std::vector<Datum>& values) {
  const Lxw& x = lxw();
  const lxw_row_t r = next_row_++;
  for (std::size_t i = 0; i < values.size() && i < columns_.size(); ++i) {
    const Datum& value = values[i];
    const ColumnKind kind = columns_[i].kind;
    const auto c = static_cast<lxw_col_t>(i);
    widths_[i] = std::max(widths_[i], characters(human(value, kind)));
    if (std::holds_alternative<std::monostate>(value)) continue;
    if (const auto* s = std::get_if<std::string>(&value)) {
      auto date = kind == ColumnKind::date ? iso_date(*s) : std::nullopt;
      if (date) x.worksheet_write_datetime(sheet_, r, c, &*date, formats_.date);
      else x.worksheet_write_string(sheet_, r, c, s->c_str(), nullptr);
      continue;
    }
    if (const auto* b = std::get_if<bool>(&value)) {
      x.worksheet_write_boolean(sheet_, r, c, *b ? 1 : 0, nullptr);
      continue;
    }
    const auto n = static_cast<double>(std::get<std::int64_t>(value));
    switch (kind) {
      case ColumnKind::cents: x.worksheet_write_number(sheet_, r, c, n / 100, formats_.euros); break;
      case ColumnKind::minutes: x.worksheet_write_number(sheet_, r, c, n / 60, formats_.hours); break;
      case ColumnKind::basis_points: x.worksheet_write_number(sheet_, r, c, n / 10000, formats_.percent); break;
      case ColumnKind::boolean: x.worksheet_write_boolean(sheet_, r, c, n != 0 ? 1 : 0, nullptr); break;
      default: x.worksheet_write_number(sheet_, r, c, n, nullptr); break;
    }
  }
}

// Column widths are known once the rows are written; libxlsxwriter places them before the rows.
void XlsxWriter::finish_sheet() {
  if (sheet_ == nullptr) return;
  for (std::size_t c = 0; c < columns_.size(); ++c)
    lxw().worksheet_set_column(sheet_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), std::clamp(widths_[c] + 2, 8.0, 50.0),
                               nullptr);
}

void XlsxWriter::close() {
  finish_sheet();
  const lxw_error error = lxw().workbook_close(workbook_);
  workbook_ = nullptr;  // freed by workbook_close, even when it fails
  if (error != LXW_NO_ERROR)
    throw InputError::flag(flag_, value_, tr("xlsx.cannot_write", fmt::arg("reason", lxw().lxw_strerror(error))));
}

void write_xlsx(const std::vector<Sheet>& sheets, const Output& output) {
  XlsxWriter workbook(output.file, output.created, "--out", output.file);
  for (const auto& s : sheets) {
    workbook.sheet(s.name, s.data.columns);
    for (const auto& row : s.data.rows) workbook.row(row);
  }
  workbook.close();
}

}  // namespace ledger
