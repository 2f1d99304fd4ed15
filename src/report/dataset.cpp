#include "report/dataset.hpp"

#include "app/text.hpp"
#include "domain/values.hpp"
#include "report/table.hpp"

namespace ledger {

std::string human(const Datum& value, ColumnKind kind) {
  if (std::holds_alternative<std::monostate>(value)) return "";
  if (const auto* s = std::get_if<std::string>(&value)) return *s;
  if (const auto* b = std::get_if<bool>(&value)) return *b ? tr("common.yes") : tr("common.no");
  const std::int64_t n = std::get<std::int64_t>(value);
  switch (kind) {
    case ColumnKind::minutes: return format_hours(n);
    case ColumnKind::cents: return format_euros(n);
    case ColumnKind::basis_points: return format_hundredths_fr(n) + " %";
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
  for (const auto& row : data.rows) {
    std::vector<std::string> cells;
    for (std::size_t i = 0; i < data.columns.size(); ++i) cells.push_back(human(row[i], data.columns[i]));
    table.add(std::move(cells));
  }
  table.print(out, indent);
}

void render_csv(const Dataset& data, std::ostream& out, io::Dialect dialect) {
  io::CsvWriter csv(out, dialect);
  std::vector<io::Cell> header;
  for (const auto& c : data.columns) header.emplace_back(c.name);
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

void render(const Dataset& data, Format format, std::ostream& out) {
  switch (format) {
    case Format::table: render_table(data, out); break;
    case Format::csv: render_csv(data, out); break;
    case Format::json: out << to_json(data).dump(2) << '\n'; break;
  }
}

}  // namespace ledger
