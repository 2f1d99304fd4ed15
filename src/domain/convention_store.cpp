// Recording a convention and loading what a command needs of it.
#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/convention.hpp"
#include "domain/convention_rows.hpp"
#include "store/ledger.hpp"

namespace ledger {

namespace {
std::vector<Field> party_fields(const PartySpec& p) {
  return {{"name", p.name},        {"siret", p.siret}, {"address", opt(p.address)}, {"representative", opt(p.representative)},
          {"title", opt(p.title)}, {"icom", opt(p.icom)}};
}

Value joined_or_null(const std::vector<std::string>& items) {
  if (items.empty()) return {};
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}
}  // namespace

void record_joins(WriteTransaction& txn, std::int64_t trainee_id, const std::string& joins) {
  txn.append("trainee_join", {{"trainee_id", trainee_id}, {"joins", joins}, {"recorded_at", txn.recorded_at()},
                              {"recorded_by", txn.recorded_by()}});
}

void record_email(WriteTransaction& txn, std::int64_t trainee_id, const std::string& email) {
  txn.append("trainee_email", {{"trainee_id", trainee_id}, {"email", email}, {"recorded_at", txn.recorded_at()},
                               {"recorded_by", txn.recorded_by()}});
}

std::int64_t record_convention(Ledger& ledger, WriteTransaction& txn, const ConventionSpec& spec) {
  {
    auto q = ledger.query("convention_by_ref");
    q.bind(1, spec.ref);
    if (q.next())
      throw InputError({"", "convention.ref", spec.ref, tr("convention.ref_taken")});
  }
  const auto& c = spec.clauses;
  const std::int64_t convention_id = txn.append(
      "convention",
      {{"ref", spec.ref}, {"title", spec.title}, {"option", spec.option}, {"nature", spec.nature}, {"starts", spec.starts},
       {"ends", spec.ends}, {"max_training_share_bp", spec.max_training_share_bp}, {"signed_place", opt(spec.signed_place)},
       {"signed_on", opt(spec.signed_on)}, {"beneficiary_notice_days", opt(c.beneficiary_notice_days)},
       {"beneficiary_percent_bp", opt(c.beneficiary_percent_bp)}, {"beneficiary_amount_cents", opt(c.beneficiary_amount_cents)},
       {"of_notice_days", opt(c.of_notice_days)}, {"of_percent_bp", opt(c.of_percent_bp)},
       {"of_amount_cents", opt(c.of_amount_cents)}, {"partial_percent_bp", opt(c.partial_percent_bp)},
       {"partial_amount_cents", opt(c.partial_amount_cents)}, {"source", spec.source},
       {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});

  auto beneficiary = party_fields(spec.beneficiary);
  beneficiary.push_back({"convention_id", convention_id});
  txn.append("beneficiary", beneficiary);

  std::map<std::string, std::int64_t> org_ids, module_ids, trainee_ids;
  for (const auto& o : spec.orgs) {
    auto v = party_fields(o.party);
    v.insert(v.end(), {{"convention_id", convention_id}, {"key", o.key}, {"nda", opt(o.nda)}, {"vat_rate_bp", o.vat_rate_bp},
                       {"consolidates_grades", flag(o.consolidates_grades)}, {"internal", flag(o.internal)}});
    org_ids[o.key] = txn.append("training_org", v);
  }
  for (const auto& m : spec.modules) module_ids[m.code] = append_module(txn, convention_id, org_ids.at(m.org), m);
  for (const auto& m : spec.modules) append_activities(txn, module_ids.at(m.code), m);
  for (const auto& t : spec.trainees) trainee_ids[t.code] = append_trainee(txn, convention_id, t);
  for (const auto& t : spec.trainees)
    if (t.joins) record_joins(txn, trainee_ids.at(t.code), *t.joins);
  for (const auto& t : spec.trainees)
    if (t.email) record_email(txn, trainee_ids.at(t.code), *t.email);
  for (const auto& f : spec.fundings)
    append_scope(txn, spec, f, append_funding(txn, convention_id, f), module_ids, trainee_ids, [](const std::string&, const std::string&) { return true; });
  return convention_id;
}

std::int64_t append_module(WriteTransaction& txn, std::int64_t convention_id, std::int64_t org_id, const ModuleSpec& m) {
  return txn.append("module", {{"convention_id", convention_id}, {"code", m.code}, {"label", m.label}, {"org_id", org_id},
                               {"minutes", m.minutes}, {"training_minutes", opt(m.training_minutes)},
                               {"support_minutes", opt(m.support_minutes)}, {"evaluation_minutes", opt(m.evaluation_minutes)},
                               {"days_x100", opt(m.days_x100)}, {"elearning", flag(m.elearning)}, {"place", opt(m.place)},
                               {"price_ht_cents", m.price_ht_cents}});
}

void append_activities(WriteTransaction& txn, std::int64_t module_id, const ModuleSpec& m) {
  for (const auto& a : m.activities)
    txn.append("module_activity", {{"module_id", module_id}, {"code", a.code}, {"label", a.label}, {"minutes", a.minutes}, {"kind", a.kind}});
}

std::int64_t append_trainee(WriteTransaction& txn, std::int64_t convention_id, const TraineeSpec& t) {
  return txn.append("trainee", {{"convention_id", convention_id}, {"code", t.code}, {"last_name", t.last_name},
                                {"first_name", t.first_name}, {"birth_date", opt(t.birth_date)}, {"function", opt(t.function)},
                                {"contract_start", opt(t.contract_start)}, {"contract_end", opt(t.contract_end)},
                                {"weekly_minutes", t.weekly_minutes}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}

std::int64_t append_funding(WriteTransaction& txn, std::int64_t convention_id, const FundingSpec& f) {
  return txn.append("funding", {{"convention_id", convention_id}, {"ref", f.ref}, {"funder", f.funder}, {"decided", opt(f.decided)},
                                {"hourly_rate_cents", f.hourly_rate_cents}, {"cap_minutes", opt(f.cap_minutes)},
                                {"cap_cents", opt(f.cap_cents)}, {"basis", f.basis}, {"subrogation", flag(f.subrogation)},
                                {"modules", joined_or_null(f.modules)}, {"trainees", joined_or_null(f.trainees)}});
}

void append_scope(WriteTransaction& txn, const ConventionSpec& spec, const FundingSpec& f, std::int64_t funding_id,
                  const std::map<std::string, std::int64_t>& module_ids, const std::map<std::string, std::int64_t>& trainee_ids,
                  const std::function<bool(const std::string&, const std::string&)>& wanted) {
  // Scope rows in module code and trainee id order, so the chain does not depend on map order.
  std::vector<std::string> modules = f.modules, trainees = f.trainees;
  if (modules.empty())
    for (const auto& m : spec.modules) modules.push_back(m.code);
  if (trainees.empty())
    for (const auto& t : spec.trainees) trainees.push_back(t.code);
  std::sort(modules.begin(), modules.end());
  std::sort(trainees.begin(), trainees.end());
  for (const auto& m : modules)
    for (const auto& t : trainees)
      if (wanted(m, t))
        txn.append("funding_scope", {{"funding_id", funding_id}, {"module_id", module_ids.at(m)}, {"trainee_id", trainee_ids.at(t)}});
}

std::vector<std::string> convention_refs(Ledger& ledger) {
  std::vector<std::string> refs;
  auto q = ledger.query("convention_list");
  while (q.next()) refs.push_back(q.text("ref"));
  return refs;
}

std::vector<std::int64_t> convention_chain_ids(Ledger& ledger, std::int64_t convention_id) {
  std::vector<std::int64_t> ids;
  auto q = ledger.query("convention_chain_ids");
  q.bind(":convention", convention_id);
  while (q.next()) ids.push_back(q.i64(0));
  return ids;
}

std::string first_session_date(Ledger& ledger, const ConventionRow& convention) {
  auto q = ledger.query("convention_first_session");
  q.bind(1, convention.id);
  q.next();
  return q.is_null(0) ? convention.starts : q.text(0);
}

std::optional<Renouncement> find_renouncement(Ledger& ledger, std::int64_t convention_id) {
  auto q = ledger.query("convention_cancel_get");
  q.bind(1, convention_id);
  if (!q.next()) return std::nullopt;
  return Renouncement{q.text("by_party"), q.opt_text("org_key"), q.text("notified"), q.text("reason")};
}

std::optional<Denunciation> find_denunciation(Ledger& ledger, std::int64_t convention_id) {
  auto q = ledger.query("convention_denounce_get");
  q.bind(1, convention_id);
  if (!q.next()) return std::nullopt;
  return Denunciation{q.text("by_party"), q.opt_i64("org_id"), q.opt_text("org_key"), q.text("notified"), q.text("ends_on"), q.text("reason")};
}

std::optional<std::string> denounced_refusal(const ConventionState& st, const ModuleRow& module, const std::string& date) {
  if (!st.denounced || !st.denounced->covers(module, date)) return std::nullopt;
  return tr("law.after_denunciation", fmt::arg("notified", french_date(st.denounced->notified)),
            fmt::arg("ends", french_date(st.denounced->ends_on)));
}

std::optional<FundingRow> find_funding(Ledger& ledger, std::int64_t convention_id, const std::string& ref) {
  auto q = ledger.query("funding_get");
  q.bind(1, convention_id);
  q.bind(2, ref);
  if (!q.next()) return std::nullopt;
  return FundingRow{q.i64("id"), q.text("funder"), q.opt_text("decided_on")};
}

Clauses clauses_of(const Query& q) {
  Clauses cl;
  cl.beneficiary_notice_days = q.opt_i64("beneficiary_notice_days");
  cl.beneficiary_percent_bp = q.opt_i64("beneficiary_percent_bp");
  cl.beneficiary_amount_cents = q.opt_i64("beneficiary_amount_cents");
  cl.of_notice_days = q.opt_i64("of_notice_days");
  cl.of_percent_bp = q.opt_i64("of_percent_bp");
  cl.of_amount_cents = q.opt_i64("of_amount_cents");
  cl.partial_percent_bp = q.opt_i64("partial_percent_bp");
  cl.partial_amount_cents = q.opt_i64("partial_amount_cents");
  return cl;
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
    auto q = ledger.query("convention_get");
    q.bind(1, wanted);
    if (!q.next()) {
      std::string list;
      for (const auto& r : convention_refs(ledger)) list += (list.empty() ? "" : ", ") + r;
      throw InputError::flag("--convention", wanted, list.empty() ? tr("convention.no_such_none") : tr("convention.no_such", fmt::arg("refs", list)));
    }
    auto& c = state.convention;
    c.id = q.i64("id");
    c.ref = q.text("ref");
    c.title = q.text("title");
    c.option = q.text("option");
    c.nature = q.text("nature");
    c.starts = q.text("starts");
    c.ends = q.text("ends");
    c.max_training_share_bp = q.i64("max_training_share_bp");
    c.clauses = clauses_of(q);
    c.version = q.i64("version");
    c.amended_on = q.opt_text("amended_on");
  }
  {
    auto q = ledger.query("convention_orgs");
    q.bind(1, state.convention.id);
    while (q.next())
      state.orgs.push_back({q.i64("id"), q.text("key"), q.text("name"),
                            q.opt_text("nda").value_or(""), q.i64("vat_rate_bp")});
  }
  {
    auto q = ledger.query("convention_modules");
    q.bind(1, state.convention.id);
    while (q.next()) {
      ModuleRow m;
      m.id = q.i64("id");
      m.code = q.text("code");
      m.label = q.text("label");
      m.org_id = q.i64("org_id");
      m.org_key = q.text("org_key");
      m.org_name = q.text("org_name");
      m.minutes = q.i64("minutes");
      m.elearning = q.flag("elearning");
      m.price_ht_cents = q.i64("price_ht_cents");
      m.place = q.opt_text("place").value_or("");
      state.modules.push_back(std::move(m));
    }
  }
  {
    auto q = ledger.query("convention_trainees");
    q.bind(":convention", state.convention.id);
    q.bind(":before", Value());
    while (q.next())
      state.trainees.push_back({q.i64("id"), q.text("code"),
                                q.text("last_name"), q.text("first_name"),
                                q.opt_text("function").value_or(""), q.opt_text("left_on"), q.opt_text("joins"), q.opt_text("email")});
  }
  state.renounced = find_renouncement(ledger, state.convention.id);
  state.denounced = find_denunciation(ledger, state.convention.id);
  return state;
}

const ModuleRow* ConventionState::module(std::string_view code) const {
  for (const auto& m : modules)
    if (same_code(code, m.code)) return &m;
  return nullptr;
}

const TraineeRow* ConventionState::trainee(std::string_view code) const {
  for (const auto& t : trainees)
    if (same_code(code, t.code)) return &t;
  return nullptr;
}

const OrgRow* ConventionState::org(std::string_view key) const {
  for (const auto& o : orgs)
    if (same_code(key, o.key)) return &o;
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
