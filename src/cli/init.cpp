// `ledger init`: create or migrate the database; idempotent.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"

namespace ledger {


int run_init(Ledger& ledger, std::ostream& out, const InitOptions&) {
  const int applied = ledger.migrate();
  if (applied == 0)
    out << tr("init.up_to_date", fmt::arg("path", ledger.path())) << '\n';
  else
    out << tr("init.ready", fmt::arg("path", ledger.path())) << '\n';
  if (ledger.made_private()) out << tr("init.made_private") << '\n';

  return 0;
}

namespace {
void setup_init(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitOptions>();
  auto* cmd = app.add_subcommand("init", tr("help.cmd.init"));
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx, Ledger::Open::create);
    ctx.exit_code = run_init(*ledger, *ctx.out, *opts);
  });
}
const bool init_registered = register_command(10, setup_init);
}  // namespace

}  // namespace ledger
