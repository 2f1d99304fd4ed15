// `ledger revoke --role … --user NAME --org SIRET [--convention REF]`: a grant withdrawn (a new
// row: the grant stays on record); the user's privileges follow at once.
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/access.hpp"
#include "cli/context.hpp"

namespace ledger {

int run_revoke(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts) {
  return record_access_change(ledger, clock, out, opts, "revoke");
}

namespace {
void setup_revoke(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AccessOptions>();
  auto* cmd = app.add_subcommand("revoke", tr("help.cmd.revoke"));
  add_access_options(*cmd, *opts);
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_revoke(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool revoke_registered = register_command(100, setup_revoke);
}  // namespace

}  // namespace ledger
