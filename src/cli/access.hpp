// `ledger grant` and `ledger revoke`: who may see and write which conventions of a shared
// PostgreSQL ledger (store/access.hpp), callable in-process.
#pragma once

#include <iosfwd>
#include <string>

#include <CLI/CLI.hpp>

#include "app/clock.hpp"
#include "store/access.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct AccessOptions {
  std::string role, user, org, convention;
};

// The grant the options name, checked against the ledger: a known role, a login of the server, a
// SIRET, and, with --convention, a convention where that organisation is a party (the
// beneficiary, for a finance officer). Throws InputError otherwise.
AccessGrant checked_grant(Ledger& ledger, const AccessOptions& opts);
// One line per grant in force of the user.
void print_grants(std::ostream& out, const std::vector<AccessGrant>& grants, const std::string& user);

// The options both commands take, on `cmd`.
void add_access_options(CLI::App& cmd, AccessOptions& opts);
// `action` ("grant" or "revoke") recorded, refused when it would change nothing.
int record_access_change(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts,
                         const std::string& action);

int run_grant(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts);
int run_revoke(Ledger& ledger, const Clock& clock, std::ostream& out, const AccessOptions& opts);

}  // namespace ledger
