// `ledger grant --role coordinator|finance|auditor --user NAME --org SIRET [--convention REF]`:
// a user of the server given the conventions of an organisation, enforced by the server itself.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "app/command.hpp"
#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/access.hpp"
#include "cli/context.hpp"
#include "domain/convention.hpp"
#include "domain/values.hpp"

namespace ledger {

AccessGrant checked_grant(Ledger& ledger, const AccessOptions& opts) {
  if (!ledger.on_postgres()) throw InputError::flag("--db", ledger.path(), tr("access.sqlite"));
  AccessGrant grant{trim(opts.user), trim(opts.role), trim(opts.org), std::nullopt};
  if (grant.role != "coordinator" && grant.role != "finance" && grant.role != "auditor")
    throw InputError::flag("--role", opts.role, tr("access.role"));
  if (grant.org.size() != 14 || grant.org.find_first_not_of("0123456789") != std::string::npos)
    throw InputError::flag("--org", opts.org, tr("access.siret"));
  if (!database_user_exists(ledger, grant.user))
    throw InputError::flag("--user", opts.user, tr("access.no_such_user", fmt::arg("user", grant.user)));
  if (!trim(opts.convention).empty()) {
    const ConventionState st = load_convention(ledger, trim(opts.convention));
    const auto parties = convention_parties(ledger, st.convention.id);
    const bool party = std::any_of(parties.begin(), parties.end(), [&](const Party& p) {
      return p.siret == grant.org && (grant.role != "finance" || p.party == "beneficiary");
    });
    if (!party)
      throw InputError::flag("--org", opts.org,
                             grant.role == "finance" ? tr("access.not_beneficiary", fmt::arg("convention", st.convention.ref))
                                                     : tr("access.not_party", fmt::arg("convention", st.convention.ref)));
    grant.convention_ref = st.convention.ref;
  }
  return grant;
}

void print_grants(std::ostream& out, const std::vector<AccessGrant>& grants, const std::string& user) {
  if (grants.empty()) {
    out << tr("access.none", fmt::arg("user", user)) << '\n';
    return;
  }
  for (const auto& g : grants) {
    const std::string role = g.role == "coordinator" ? tr("access.role_coordinator")
                             : g.role == "finance"   ? tr("access.role_finance")
                                                     : tr("access.role_auditor");
    if (g.convention_ref)
      out << tr("access.in_force_one", fmt::arg("user", g.user), fmt::arg("role", role), fmt::arg("org", g.org),
                fmt::arg("convention", *g.convention_ref));
    else
      out << tr("access.in_force_all", fmt::arg("user", g.user), fmt::arg("role", role), fmt::arg("org", g.org));
    out << '\n';
  }
}

int record_access_change(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts,
                         const std::string& action) {
  const AccessGrant grant = checked_grant(ledger, opts);
  WriteTransaction txn(ledger, clock);
  const auto before = access_in_force(ledger, grant.user);
  const bool in_force = std::find(before.begin(), before.end(), grant) != before.end();
  if (action == "grant" && in_force) throw InputError::flag("--user", opts.user, tr("access.already"));
  if (action == "revoke" && !in_force) throw InputError::flag("--user", opts.user, tr("access.not_granted"));
  append_access(ledger, txn, action, grant);
  txn.commit();
  print_grants(out, access_in_force(ledger, grant.user), grant.user);
  return kOk;
}

void add_access_options(CLI::App& cmd, AccessOptions& opts) {
  cmd.add_option("--role", opts.role, tr("help.opt.access_role"))->required();
  cmd.add_option("--user", opts.user, tr("help.opt.access_user"))->required();
  cmd.add_option("--org", opts.org, tr("help.opt.access_org"))->required();
  cmd.add_option("--convention", opts.convention, tr("help.opt.access_convention"));
}

int run_grant(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts) {
  return record_access_change(ledger, clock, out, opts, "grant");
}

namespace {
void setup_grant(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AccessOptions>();
  auto* cmd = app.add_subcommand("grant", tr("help.cmd.grant"));
  add_access_options(*cmd, *opts);
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_grant(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool grant_registered = register_command(99, setup_grant);
}  // namespace

}  // namespace ledger
