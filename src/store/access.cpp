#include "store/access.hpp"

#include "store/query.hpp"

namespace ledger {

bool database_user_exists(Ledger& ledger, const std::string& user) {
  auto q = ledger.query("access_user_exists");
  q.bind(":user", user);
  return q.next() && q.flag("known");
}

std::vector<AccessGrant> access_in_force(Ledger& ledger, const std::optional<std::string>& user) {
  auto q = ledger.query("access_in_force");
  q.bind(":user", user ? Value(*user) : Value());
  std::vector<AccessGrant> out;
  while (q.next()) out.push_back({q.text("user_name"), q.text("role"), q.text("org"), q.opt_text("convention_ref")});
  return out;
}

void append_access(Ledger& ledger, WriteTransaction& txn, const std::string& action, const AccessGrant& grant) {
  ledger.query("access_lock").exec();
  auto append = ledger.query("access_append");
  append.bind(":action", action).bind(":role", grant.role).bind(":user", grant.user).bind(":org", grant.org);
  append.bind(":convention", grant.convention_ref ? Value(*grant.convention_ref) : Value());
  append.bind(":recorded_at", txn.recorded_at());
  append.exec();
  auto sync = ledger.query("access_sync");
  sync.bind(":user", grant.user);
  sync.exec();
}

std::vector<Party> convention_parties(Ledger& ledger, std::int64_t convention_id) {
  auto q = ledger.query("access_parties");
  q.bind(":convention", convention_id);
  std::vector<Party> out;
  while (q.next()) out.push_back({q.text("siret"), q.text("party")});
  return out;
}

}  // namespace ledger
