// Who may see and write what in a shared PostgreSQL ledger (queries/pg/access_setup.sql): grants
// and revocations appended to `ledger_access`, each followed by the user's table privileges.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/ledger.hpp"

namespace ledger {

struct AccessGrant {
  std::string user, role, org;                // role: coordinator, finance, auditor; org: a SIRET
  std::optional<std::string> convention_ref;  // none: every convention of the organisation
  bool operator==(const AccessGrant&) const = default;
};

bool database_user_exists(Ledger& ledger, const std::string& user);
// The grants in force, of one user or of everyone.
std::vector<AccessGrant> access_in_force(Ledger& ledger, const std::optional<std::string>& user);
// Appends `action` ("grant" or "revoke") and brings the user's privileges in line, in `txn`.
void append_access(Ledger& ledger, WriteTransaction& txn, const std::string& action, const AccessGrant& grant);

struct Party {
  std::string siret, party;  // party: beneficiary or training_org
};
std::vector<Party> convention_parties(Ledger& ledger, std::int64_t convention_id);

}  // namespace ledger
