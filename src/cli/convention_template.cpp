// `ledger convention template`: a commented convention file to fill in.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "app/resources.hpp"

namespace ledger {

int run_convention_template(std::ostream& out) {
  out << resource("data/convention-template.toml");
  return 0;
}

namespace {
void setup_convention_template(CLI::App& app, Context& ctx) {
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("template", tr("help.cmd.convention_template"));
  cmd->callback([&ctx] { ctx.exit_code = run_convention_template(*ctx.out); });
}
const bool convention_template_registered = register_command(20, setup_convention_template);
}  // namespace

}  // namespace ledger
