// `ledger convention show --tables`: Art. 7 and Art. 9 filled in from the recorded convention.
#include "cli/paper.hpp"
#include "paper/tables.hpp"
#include "report/xlsx.hpp"

namespace ledger {

int run_convention_tables(Ledger& ledger, std::ostream& out, const ConventionTablesOptions& opts) {
  if (!opts.section.empty()) paper::require_known_section(opts.section);
  const paper::ConventionTables tables = paper::compute_tables(ledger, opts.ref);
  switch (opts.format) {
    case Format::table: paper::render_tables_text(tables, opts.section, out); break;
    case Format::json: paper::render_tables_json(tables, out); break;
    // A CSV file holds one table: the section asked for, Art. 7's by default.
    case Format::csv:
      render_csv(paper::table_section(tables, opts.section.empty() ? "art7" : opts.section), out, opts.output.dialect);
      break;
    // A workbook holds them all, a sheet each, or the section asked for.
    case Format::xlsx: {
      std::vector<Sheet> sheets;
      for (const auto& name : paper::table_sections())
        if (opts.section.empty() || opts.section == name) sheets.push_back({name, paper::table_section(tables, name)});
      write_xlsx(sheets, opts.output);
      break;
    }
  }
  return 0;
}

}  // namespace ledger
