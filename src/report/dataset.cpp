#include "report/dataset.hpp"

#include "app/text.hpp"
#include "domain/values.hpp"
#include "report/table.hpp"
#include "report/xlsx.hpp"

namespace ledger {

std::string human(const Datum& value, ColumnKind kind) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* b = std::get_if<bool>(&value)) return *b ? tr("common.yes") : tr("common.no");
  const std::int64_t n = std::get<std::int64_t>(value);
  switch (kind) {
    case ColumnKind::minutes: return format_hours(n);
    case ColumnKind::cents: return format_euros(n);
    case ColumnKind::basis_points: return format_percent(n);
    case ColumnKind::boolean: return n != 0 ? tr("common.yes") : tr("common.no");
    default: return std::to_string(n);
  }
}

std::string code_label(const CodeLabels& labels, const std::string& code) {
  for (const auto& [c, label] : labels)
    if (c == code) return label;
  return code;
}

std::string human(const Datum& value, const Column& column) {
  if (const auto* s = std::get_if<std::string>(&value)) return code_label(column.labels, *s);
  return human(value, column.kind);
}

void render_table(const Dataset& data, std::ostream& out, const std::string& indent) {
  std::vector<std::string> headers;
  for (const auto& c : data.columns) {
    std::string h = c.header.empty() ? c.name : c.header;
    if (c.kind == ColumnKind::integer || c.kind == ColumnKind::minutes || c.kind == ColumnKind::cents ||
        c.kind == ColumnKind::basis_points)
      h += ">";
    headers.push_back(std::move(h));
  }
  TextTable table(std::move(headers));
  table.set_key_columns(data.key_columns);
  for (const auto& row : data.rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < data.columns.size(); ++i) cells.push_back(human(row[i], data.columns[i]));
    table.add(std::move(cells));
  }
  table.print(out, indent);
}

namespace {

// How excel-fr writes a column: its figures in euros or hours, renamed after their new unit.
enum class Unit { as_is, euros, hours };

Unit excel_fr_unit(const Column& c) {
  if (c.kind == ColumnKind::cents && c.name.ends_with("_cents")) return Unit::euros;
  if (c.kind == ColumnKind::minutes && c.name.ends_with("_min")) return Unit::hours;
  return Unit::as_is;
}

}  // namespace

void render_csv(const Dataset& data, std::ostream& out, io::Dialect dialect) {
  io::CsvWriter csv(out, dialect);
  std::vector<Unit> units;
  std::vector<io::Cell> header;
  for (const auto& c : data.columns) {
    const Unit unit = dialect == io::Dialect::excel_fr ? excel_fr_unit(c) : Unit::as_is;
    units.push_back(unit);
    if (unit == Unit::euros) header.emplace_back(c.name.substr(0, c.name.size() - 6) + "_eur");
    else if (unit == Unit::hours) header.emplace_back(c.name.substr(0, c.name.size() - 4) + "_h");
    else header.emplace_back(c.name);
  }
  csv.row(header);
  for (const auto& row : data.rows) {
    std::vector<io::Cell> cells;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const auto& v = row[i];
      // Booleans are `true`/`false` in CSV as in JSON, whether stored as bool or as 0/1.
      if (std::holds_alternative<std::monostate>(v)) cells.emplace_back("");
      else if (const auto* s = std::get_if<std::string>(&v)) cells.emplace_back(*s);
      else if (const auto* b = std::get_if<bool>(&v)) cells.emplace_back(*b ? "true" : "false");
      else if (data.columns[i].kind == ColumnKind::boolean) cells.emplace_back(std::get<std::int64_t>(v) != 0 ? "true" : "false");
      else if (units[i] == Unit::euros) cells.push_back(io::Cell::hundredths(std::get<std::int64_t>(v)));
      else if (units[i] == Unit::hours) cells.push_back(io::Cell::hundredths(round_half_up_div(std::get<std::int64_t>(v) * 100, 60)));
      else cells.push_back(io::Cell::integer(std::get<std::int64_t>(v)));
    }

    csv.row(cells);
  }
}

nlohmann::ordered_json to_json(const Dataset& data) {
  auto rows = nlohmann::ordered_json::array();
  for (const auto& row : data.rows) {
    nlohmann::ordered_json obj = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < data.columns.size(); ++i) {
      const auto& v = row[i];
      auto& slot = obj[data.columns[i].name];
      if (std::holds_alternative<std::monostate>(v)) slot = nullptr;
      else if (const auto* s = std::get_if<std::string>(&v)) slot = *s;
      else if (const auto* b = std::get_if<bool>(&v)) slot = *b;
      else if (data.columns[i].kind == ColumnKind::boolean) slot = std::get<std::int64_t>(v) != 0;
      else slot = std::get<std::int64_t>(v);
    }
    rows.push_back(std::move(obj));
  }
  return rows;
}

void render(const Dataset& data, Format format, std::ostream& out, const Output& output) {
  switch (format) {
    case Format::table: render_table(data, out); break;
    case Format::csv: render_csv(data, out, output.dialect); break;
    case Format::json: out << to_json(data).dump(2) << '\n'; break;
    case Format::xlsx: write_xlsx({{output.sheet, data}}, output); break;
  }
}

}  // namespace ledger
