#include "app/command.hpp"
#include "app/text.hpp"

#include "app/error.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace ledger {

namespace {
std::vector<std::pair<int, SetupFn>>& registry() {
  static std::vector<std::pair<int, SetupFn>> commands;
  return commands;
}
}  // namespace

bool register_command(int order, SetupFn setup) {
  registry().emplace_back(order, setup);
  return true;
}

void setup_all_commands(CLI::App& app, Context& ctx) {
  auto commands = registry();
  std::stable_sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, setup] : commands) setup(app, ctx);
}

std::string Context::db_path() const {
  if (!db_flag.empty()) return db_flag;
  if (const char* env = std::getenv("LEDGER_DB"); env != nullptr && *env != '\0') return env;
  return "ledger.db";
}

CLI::App& command_group(CLI::App& app, const std::string& name, const std::string& description) {
  for (auto* sub : app.get_subcommands([&](CLI::App* a) { return a->get_name() == name; })) return *sub;
  auto* group = app.add_subcommand(name, description);
  return *group;
}

void add_convention_option(CLI::App& cmd, Context& ctx) {
  cmd.add_option("--convention", ctx.convention, tr("help.opt.convention"));
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
