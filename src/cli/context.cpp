#include "cli/context.hpp"

#include <map>
#include <ostream>

#include "app/error.hpp"
#include "app/text.hpp"
#include "io/csv.hpp"

namespace ledger {

std::unique_ptr<Ledger> open_ledger(const Context& ctx, Ledger::Open how) {
  auto ledger = Ledger::open(ctx.db_path(), how);
  if (std::ostream* err = ctx.err) ledger->on_wait([err] { *err << tr("db.waiting") << std::endl; });
  return ledger;
}

void add_format_option(CLI::App& cmd, Format& format, Output& output) {
  const std::map<std::string, Format> names{
      {"table", Format::table}, {"csv", Format::csv}, {"json", Format::json}, {"xlsx", Format::xlsx}};
  cmd.add_option("--format", format, tr("help.opt.format.output_format"))
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))  // its English "value in {…}"
      ->type_name("table|csv|json|xlsx")
      ->default_str("table");
  const std::map<std::string, io::Dialect> dialects{{"rfc4180", io::Dialect::rfc4180}, {"excel-fr", io::Dialect::excel_fr}};
  cmd.add_option("--dialect", output.dialect, tr("help.opt.dialect.report"))
      ->transform(CLI::CheckedTransformer(dialects, CLI::ignore_case).description(""))
      ->type_name("rfc4180|excel-fr")
      ->default_str("rfc4180");
  cmd.add_option("--out", output.file, tr("help.opt.out.xlsx"));
  // A single dataset's sheet is named after its command: `session list`, `check`.
  const std::string sheet = cmd.get_parent() != nullptr && cmd.get_parent()->get_parent() != nullptr
                                ? cmd.get_parent()->get_name() + " " + cmd.get_name()
                                : cmd.get_name();
  // Checked once the command line is read, before the command opens the ledger.
  cmd.parse_complete_callback([&cmd, &format, &output, sheet] {
    if (format == Format::xlsx && output.file.empty())
      throw InputError::flag("--out", "", tr("format.xlsx_needs_out"));
    if (format != Format::xlsx && !output.file.empty())
      throw InputError::flag("--out", output.file, tr("format.out_only_xlsx"));
    if (cmd.count("--dialect") > 0 && format != Format::csv)
      throw InputError::flag("--dialect", output.dialect == io::Dialect::excel_fr ? "excel-fr" : "rfc4180", tr("format.dialect_only_csv"));
    output.sheet = sheet;
    output.created = Clock::from_environment().now();
  });
}

}  // namespace ledger
