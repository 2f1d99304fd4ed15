// Recording a convention and loading what a command needs of it.
#include <fmt/format.h>

#include <algorithm>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger {

namespace {
std::vector<Value> party_values(const PartySpec& p) {
  return {p.name, p.siret, opt(p.address), opt(p.representative), opt(p.title), opt(p.icom)};
}

Value joined_or_null(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::optional<std::string> text_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getString();
}
std::optional<std::int64_t> int_or_null(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
}  // namespace

std::int64_t record_convention(Ledger& ledger, WriteTransaction& txn, const ConventionSpec& spec) {
  {
    auto& q = ledger.query("convention_by_ref");
    q.bind(1, spec.ref);
    if (q.executeStep())
      throw InputError({"", "convention.ref", spec.ref, tr("convention.ref_taken")});
  }
  const auto& c = spec.clauses;
  const std::int64_t convention_id = txn.append(
      "convention",
      {spec.ref, spec.title, spec.option, spec.nature, spec.starts, spec.ends, spec.max_training_share_bp,
       opt(spec.signed_place), opt(spec.signed_on), opt(c.beneficiary_notice_days), opt(c.beneficiary_percent_bp),
       opt(c.beneficiary_amount_cents), opt(c.of_notice_days), opt(c.of_percent_bp), opt(c.of_amount_cents),
       opt(c.partial_percent_bp), opt(c.partial_amount_cents), spec.source, txn.recorded_at(), txn.recorded_by()});

  auto beneficiary = party_values(spec.beneficiary);
  beneficiary.insert(beneficiary.begin(), convention_id);
  txn.append("beneficiary", beneficiary);

  std::map<std::string, std::int64_t> org_ids, module_ids, trainee_ids;
  for (const auto& o : spec.orgs) {
    std::vector<Value> v{convention_id, o.key, o.party.name, o.party.siret, opt(o.nda), opt(o.party.address),
                         opt(o.party.representative), opt(o.party.title), opt(o.party.icom), o.vat_rate_bp,
                         flag(o.consolidates_grades), flag(o.internal)};
    org_ids[o.key] = txn.append("training_org", v);
  }
  for (const auto& m : spec.modules)
    module_ids[m.code] = txn.append(
        "module", {convention_id, m.code, m.label, org_ids.at(m.org), m.minutes, opt(m.training_minutes),
                   opt(m.support_minutes), opt(m.evaluation_minutes), opt(m.days_x100), flag(m.elearning),
                   opt(m.place), m.price_ht_cents});
  for (const auto& t : spec.trainees)
    trainee_ids[t.code] = txn.append(
        "trainee", {convention_id, t.code, t.last_name, t.first_name, opt(t.birth_date), opt(t.function),
                    opt(t.contract_start), opt(t.contract_end), t.weekly_minutes, txn.recorded_at(), txn.recorded_by()});
  for (const auto& f : spec.fundings) {
    const std::int64_t funding_id = txn.append(
        "funding", {convention_id, f.ref, f.funder, opt(f.decided), f.hourly_rate_cents, opt(f.cap_minutes),
                    opt(f.cap_cents), f.basis, flag(f.subrogation), joined_or_null(f.modules), joined_or_null(f.trainees)});
    // Scope rows in module code and trainee id order, so the chain does not depend on map order.
    std::vector<std::string> modules = f.modules, trainees = f.trainees;
    if (modules.empty())
      for (const auto& m : spec.modules) modules.push_back(m.code);
    if (trainees.empty())
      for (const auto& t : spec.trainees) trainees.push_back(t.code);
    std::sort(modules.begin(), modules.end());
    std::sort(trainees.begin(), trainees.end());
    for (const auto& m : modules)
      for (const auto& t : trainees) txn.append("funding_scope", {funding_id, module_ids.at(m), trainee_ids.at(t)});
  }
  return convention_id;
}

std::vector<std::string> convention_refs(Ledger& ledger) {
  std::vector<std::string> refs;
  auto& q = ledger.query("convention_list");
  while (q.executeStep()) refs.push_back(q.getColumn("ref").getString());
  return refs;
}

std::vector<std::int64_t> convention_chain_ids(Ledger& ledger, std::int64_t convention_id) {
  std::vector<std::int64_t> ids;
  auto& q = ledger.query("convention_chain_ids");
  q.bind(":convention", convention_id);
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  return ids;
}

ConventionState load_convention(Ledger& ledger, const std::string& ref) {
  ConventionState state;
  std::string wanted = ref;
  if (wanted.empty()) {
    const auto refs = convention_refs(ledger);
    if (refs.empty()) throw InputError::flag("--convention", "", tr("convention.none_in_ledger"));
    if (refs.size() > 1) {
      std::string list;
      for (const auto& r : refs) list += (list.empty() ? "" : ", ") + r;
      throw InputError::flag("--convention", "", tr("convention.several", fmt::arg("refs", list)));
    }
    wanted = refs.front();
  }
  {
    auto& q = ledger.query("convention_get");
    q.bind(1, wanted);
    if (!q.executeStep()) {
      std::string list;
      for (const auto& r : convention_refs(ledger)) list += (list.empty() ? "" : ", ") + r;
      throw InputError::flag("--convention", wanted, list.empty() ? tr("convention.no_such_none") : tr("convention.no_such", fmt::arg("refs", list)));
    }
    auto& c = state.convention;
    c.id = q.getColumn("id").getInt64();
    c.ref = q.getColumn("ref").getString();
    c.title = q.getColumn("title").getString();
    c.option = q.getColumn("option").getString();
    c.nature = q.getColumn("nature").getString();
    c.starts = q.getColumn("starts").getString();
    c.ends = q.getColumn("ends").getString();
    c.max_training_share_bp = q.getColumn("max_training_share_bp").getInt64();
    auto& cl = c.clauses;
    cl.beneficiary_notice_days = int_or_null(q.getColumn("beneficiary_notice_days"));
    cl.beneficiary_percent_bp = int_or_null(q.getColumn("beneficiary_percent_bp"));
    cl.beneficiary_amount_cents = int_or_null(q.getColumn("beneficiary_amount_cents"));
    cl.of_notice_days = int_or_null(q.getColumn("of_notice_days"));
    cl.of_percent_bp = int_or_null(q.getColumn("of_percent_bp"));
    cl.of_amount_cents = int_or_null(q.getColumn("of_amount_cents"));
    cl.partial_percent_bp = int_or_null(q.getColumn("partial_percent_bp"));
    cl.partial_amount_cents = int_or_null(q.getColumn("partial_amount_cents"));
  }
  {
    auto& q = ledger.query("convention_orgs");
    q.bind(1, state.convention.id);
    while (q.executeStep())
      state.orgs.push_back({q.getColumn("id").getInt64(), q.getColumn("key").getString(), q.getColumn("name").getString(),
                            text_or_null(q.getColumn("nda")).value_or(""), q.getColumn("vat_rate_bp").getInt64()});
  }
  {
    auto& q = ledger.query("convention_modules");
    q.bind(1, state.convention.id);
    while (q.executeStep()) {
      ModuleRow m;
      m.id = q.getColumn("id").getInt64();
      m.code = q.getColumn("code").getString();
      m.label = q.getColumn("label").getString();
      m.org_id = q.getColumn("org_id").getInt64();
      m.org_key = q.getColumn("org_key").getString();
      m.org_name = q.getColumn("org_name").getString();
      m.minutes = q.getColumn("minutes").getInt64();
      m.elearning = q.getColumn("elearning").getInt() != 0;
      m.price_ht_cents = q.getColumn("price_ht_cents").getInt64();
      m.place = text_or_null(q.getColumn("place")).value_or("");
      state.modules.push_back(std::move(m));
    }
  }
  {
    auto& q = ledger.query("convention_trainees");
    q.bind(1, state.convention.id);
    while (q.executeStep())
      state.trainees.push_back({q.getColumn("id").getInt64(), q.getColumn("code").getString(),
                                q.getColumn("last_name").getString(), q.getColumn("first_name").getString(),
                                text_or_null(q.getColumn("function")).value_or(""), text_or_null(q.getColumn("left_on"))});
  }
  return state;
}

const ModuleRow* ConventionState::module(std::string_view code) const {
  for (const auto& m : modules)
    if (m.code == code) return &m;
  return nullptr;
}

const TraineeRow* ConventionState::trainee(std::string_view code) const {
  for (const auto& t : trainees)
    if (t.code == code) return &t;
  return nullptr;
}

const OrgRow* ConventionState::org(std::string_view key) const {
  for (const auto& o : orgs)
    if (o.key == key) return &o;
  return nullptr;
}

namespace {
template <typename Rows, typename Key>
std::string known_list(const Rows& rows, Key key) {
  std::string list;
  for (const auto& r : rows) list += (list.empty() ? "" : ", ") + key(r);
  return list;
}
}  // namespace

const ModuleRow& ConventionState::module_or_flag(std::string_view code, const char* flag) const {
  if (const auto* m = module(code)) return *m;
  throw InputError::flag(flag, std::string(code),
                         tr("convention.no_such_module_known", fmt::arg("ref", convention.ref), fmt::arg("known", known_list(modules, [](const auto& m) { return m.code; }))));
}

const TraineeRow& ConventionState::trainee_or_flag(std::string_view code, const char* flag) const {
  if (const auto* t = trainee(code)) return *t;
  throw InputError::flag(flag, std::string(code), tr("convention.no_such_trainee", fmt::arg("ref", convention.ref)));
}

}  // namespace ledger
