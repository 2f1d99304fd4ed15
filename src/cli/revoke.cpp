// `ledger revoke --role … --user NAME --org SIRET [--convention REF]`: a grant withdrawn (a new
// row: the grant stays on record); the user's privileges follow at once.
#include <algorithm>
#include <ostream>

#include "app/command.hpp"
#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/access.hpp"
#include "cli/context.hpp"

namespace ledger {

int run_revoke(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts) {
  const AccessGrant grant = checked_grant(ledger, opts);
  WriteTransaction txn(ledger, clock);
  const auto before = access_in_force(ledger, grant.user);
  if (std::find(before.begin(), before.end(), grant) == before.end())
    throw InputError::flag("--user", opts.user, tr("access.not_granted"));
  append_access(ledger, txn, "revoke", grant);
  txn.commit();
  print_grants(out, access_in_force(ledger, grant.user), grant.user);
  return kOk;
}

namespace {
void setup_revoke(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AccessOptions>();
  auto* cmd = app.add_subcommand("revoke", tr("help.cmd.revoke"));
  cmd->add_option("--role", opts->role, tr("help.opt.access_role"))->required();
  cmd->add_option("--user", opts->user, tr("help.opt.access_user"))->required();
  cmd->add_option("--org", opts->org, tr("help.opt.access_org"))->required();
  cmd->add_option("--convention", opts->convention, tr("help.opt.access_convention"));
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_revoke(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool revoke_registered = register_command(100, setup_revoke);
}  // namespace

}  // namespace ledger
