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


}  // namespace ledger
