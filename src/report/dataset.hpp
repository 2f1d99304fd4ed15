// A command's output as data: named, typed columns and rows. One renderer per format prints it:
// a table for people (`3 h 30`, `1 234,56 €`), CSV and JSON for machines (ISO dates, integers
// for minutes and cents, the column names as they are), xlsx for spreadsheets (report/xlsx.hpp).
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include "app/command.hpp"
#include "io/csv.hpp"
#include "store/query.hpp"

namespace ledger {

// `date`: an ISO date as text (YYYY-MM-DD), a date cell in a workbook.
enum class ColumnKind { text, integer, minutes, cents, basis_points, boolean, date };

struct Column {
  std::string name;    // machine name: CSV header, JSON key
  std::string header;  // for people (table); empty: the name
  ColumnKind kind = ColumnKind::text;
  // A text column of codes (`error`, `elearning`): what the table prints for each; CSV and JSON
  // keep the code.
  std::vector<std::pair<std::string, std::string>> labels = {};
};
using CodeLabels = std::vector<std::pair<std::string, std::string>>;
// The label of `code` in `labels`; the code itself when it has none.
std::string code_label(const CodeLabels& labels, const std::string& code);

using Datum = std::variant<std::monostate, std::int64_t, std::string, bool>;

struct Dataset {
  std::vector<Column> columns;
  std::vector<std::vector<Datum>> rows;
  // The leading columns that say what a row is, repeated when a table is cut to fit a terminal.
  std::size_t key_columns = 1;

  void add(std::vector<Datum> row) { rows.push_back(std::move(row)); }
};

// A text column of a query row, empty (no value) when NULL.
inline Datum text_or_null(const Query& q, std::string_view column) {
  return q.is_null(column) ? Datum() : Datum(q.text(column));
}

// One value as a person reads it in a table.
std::string human(const Datum& value, ColumnKind kind);
std::string human(const Datum& value, const Column& column);

void render_table(const Dataset& data, std::ostream& out, const std::string& indent = "");
// excel-fr also writes each `*_cents` column in euros as `*_eur` and each `*_min` column in hours as
// `*_h`, two decimals, so that a French spreadsheet reads numbers it can add.
void render_csv(const Dataset& data, std::ostream& out, io::Dialect dialect = io::Dialect::rfc4180);
// Rows as a JSON array of objects.
nlohmann::ordered_json to_json(const Dataset& data);
// xlsx writes output.file (one sheet, output.sheet) and nothing to `out`.
void render(const Dataset& data, Format format, std::ostream& out, const Output& output = {});

}  // namespace ledger
