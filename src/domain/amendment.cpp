// Amendments (avenants): a new version of an imported convention, compared with the latest one.
#include <fmt/format.h>

#include <set>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/convention.hpp"
#include "domain/convention_rows.hpp"
#include "domain/foad.hpp"
#include "store/ledger.hpp"

namespace ledger {

namespace {

// Values as a convention file writes them: amounts with two decimals, hours, days and percents
// without trailing zeros, dates ISO, absent as empty.
std::string amount_text(Cents c) { return format_hundredths(c); }
std::string decimal_text(std::int64_t hundredths) {
  std::string s = format_hundredths(hundredths);
  if (s.ends_with(".00")) s.resize(s.size() - 3);
  return s;
}
std::string hours_text(Minutes m) { return decimal_text(m * 100 / 60); }
template <typename T, typename Fn>
std::string opt_text(const std::optional<T>& v, Fn fn) {
  return v ? fn(*v) : std::string();
}
std::string opt_text(const std::optional<std::string>& v) { return v.value_or(""); }
std::string bool_text(bool b) { return b ? "true" : "false"; }
std::string list_text(const std::vector<std::string>& items) { return fmt::format("{}", fmt::join(items, ", ")); }
std::string activities_text(const std::vector<ActivitySpec>& activities) {
  std::vector<std::string> items;
  for (const auto& a : activities) items.push_back(fmt::format("{} ({}, {} min)", a.code, a.kind, a.minutes));
  return list_text(items);
}

std::vector<std::string> split_list(const std::optional<std::string>& joined) {
  std::vector<std::string> out;
  if (!joined) return out;
  std::size_t from = 0;
  while (from <= joined->size()) {
    const auto at = joined->find(", ", from);
    out.push_back(joined->substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) break;
    from = at + 2;
  }
  return out;
}

// Where the file has `path` (`module[2].hours`): the key's line, else its table's, else the
// file's first line (a table left out).
std::string file_line(const ConventionSpec& file, const std::string& file_name, std::string path) {
  while (true) {
    if (const auto it = file.lines.find(path); it != file.lines.end()) return fmt::format("{}:{}", file_name, it->second);
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) return file_name + ":1";
    path.resize(dot);
  }
}

// Compares the file with the recorded convention, item by item, collecting what is refused.
class Comparison {
 public:
  Comparison(const ConventionSpec& file, const std::string& file_name) : file_(file), file_name_(file_name) {}

  // `path`: where the file has it (`module[2].hours`); `field`: how it is named (`module[M].hours`).
  void fixed(const std::string& path, const std::string& field, const std::string& old_value, const std::string& new_value) {
    if (old_value != new_value)
      problems_.add({where(path), field, new_value, tr("amend.fixed", fmt::arg("old", old_value.empty() ? tr("amend.empty") : old_value))});
  }
  void may_change(const std::string& field, const std::string& old_value, const std::string& new_value) {
    if (old_value != new_value) changes_.push_back({field, old_value, new_value});
  }
  void added(const std::string& field, const std::string& what) { changes_.push_back({field, "", what}); }
  void refuse(const std::string& path, const std::string& field, const std::string& value, const std::string& why) {
    problems_.add({where(path), field, value, why});
  }

  std::vector<AmendmentChange> result() {
    problems_.throw_if_any();
    return std::move(changes_);
  }

 private:
  std::string where(const std::string& path) const { return file_line(file_, file_name_, path); }

  const ConventionSpec& file_;
  const std::string& file_name_;
  ProblemList problems_;
  std::vector<AmendmentChange> changes_;
};

template <typename Item, typename Key>
const Item* find_item(const std::vector<Item>& items, const std::string& code, Key key) {
  for (const auto& i : items)
    if (same_code(code, key(i))) return &i;
  return nullptr;
}

void compare_party(Comparison& cmp, const std::string& path, const std::string& field, const PartySpec& r, const PartySpec& f) {
  cmp.fixed(path + ".name", field + ".name", r.name, f.name);
  cmp.fixed(path + ".siret", field + ".siret", r.siret, f.siret);
  cmp.fixed(path + ".address", field + ".address", opt_text(r.address), opt_text(f.address));
  cmp.fixed(path + ".representative", field + ".representative", opt_text(r.representative), opt_text(f.representative));
  cmp.fixed(path + ".title", field + ".title", opt_text(r.title), opt_text(f.title));
  cmp.fixed(path + ".icom", field + ".icom", opt_text(r.icom), opt_text(f.icom));
}

void compare_clauses(Comparison& cmp, const Clauses& r, const Clauses& f) {
  auto days = [](std::int64_t d) { return std::to_string(d); };
  cmp.may_change("clauses.beneficiary_notice_days", opt_text(r.beneficiary_notice_days, days), opt_text(f.beneficiary_notice_days, days));
  cmp.may_change("clauses.beneficiary_percent", opt_text(r.beneficiary_percent_bp, decimal_text), opt_text(f.beneficiary_percent_bp, decimal_text));
  cmp.may_change("clauses.beneficiary_amount", opt_text(r.beneficiary_amount_cents, amount_text), opt_text(f.beneficiary_amount_cents, amount_text));
  cmp.may_change("clauses.of_notice_days", opt_text(r.of_notice_days, days), opt_text(f.of_notice_days, days));
  cmp.may_change("clauses.of_percent", opt_text(r.of_percent_bp, decimal_text), opt_text(f.of_percent_bp, decimal_text));
  cmp.may_change("clauses.of_amount", opt_text(r.of_amount_cents, amount_text), opt_text(f.of_amount_cents, amount_text));
  cmp.may_change("clauses.partial_percent", opt_text(r.partial_percent_bp, decimal_text), opt_text(f.partial_percent_bp, decimal_text));
  cmp.may_change("clauses.partial_amount", opt_text(r.partial_amount_cents, amount_text), opt_text(f.partial_amount_cents, amount_text));
}

// Each recorded item must be in the file (by its code); `same` compares one pair.
template <typename Item, typename Key, typename Same>
void compare_items(Comparison& cmp, const char* table, const std::vector<Item>& recorded, const std::vector<Item>& file, Key key, Same same) {
  for (const auto& r : recorded)
    if (find_item(file, key(r), key) == nullptr)
      cmp.refuse(table, fmt::format("{}[{}]", table, key(r)), key(r), tr("amend.left_out"));
  for (std::size_t i = 0; i < file.size(); ++i)
    same(fmt::format("{}[{}]", table, i + 1), fmt::format("{}[{}]", table, key(file[i])), find_item(recorded, key(file[i]), key), file[i]);
}

}  // namespace

std::string version_note(std::int64_t version, const std::string& amended_on) {
  return tr("amend.version_note", fmt::arg("version", version), fmt::arg("number", version - 1), fmt::arg("date", french_date(amended_on)));
}

std::string convention_label(const ConventionRow& c) {
  if (!c.amended_on) return c.ref;
  return tr("amend.label", fmt::arg("ref", c.ref), fmt::arg("version", c.version), fmt::arg("number", c.version - 1),
            fmt::arg("date", french_date(*c.amended_on)));
}

std::vector<AmendmentChange> amendment_changes(const ConventionSpec& r, const ConventionSpec& f, const std::string& file_name) {
  Comparison cmp(f, file_name);
  cmp.fixed("convention.ref", "convention.ref", r.ref, f.ref);
  cmp.fixed("convention.title", "convention.title", r.title, f.title);
  cmp.fixed("convention.option", "convention.option", r.option, f.option);
  cmp.fixed("convention.nature", "convention.nature", r.nature, f.nature);
  cmp.fixed("convention.starts", "convention.starts", r.starts, f.starts);
  cmp.may_change("convention.ends", r.ends, f.ends);
  cmp.fixed("convention.max_training_share", "convention.max_training_share", decimal_text(r.max_training_share_bp), decimal_text(f.max_training_share_bp));
  cmp.fixed("convention.signed_place", "convention.signed_place", opt_text(r.signed_place), opt_text(f.signed_place));
  cmp.fixed("convention.signed_on", "convention.signed_on", opt_text(r.signed_on), opt_text(f.signed_on));
  compare_party(cmp, "beneficiary", "beneficiary", r.beneficiary, f.beneficiary);

  compare_items(cmp, "training_org", r.orgs, f.orgs, [](const OrgSpec& o) { return o.key; },
                [&](const std::string& path, const std::string& field, const OrgSpec* old, const OrgSpec& o) {
                  if (old == nullptr) return cmp.refuse(path + ".key", field, o.key, tr("amend.org_added"));
                  compare_party(cmp, path, field, old->party, o.party);
                  cmp.fixed(path + ".nda", field + ".nda", opt_text(old->nda), opt_text(o.nda));
                  cmp.fixed(path + ".vat_rate", field + ".vat_rate", decimal_text(old->vat_rate_bp), decimal_text(o.vat_rate_bp));
                  cmp.fixed(path + ".consolidates_grades", field + ".consolidates_grades", bool_text(old->consolidates_grades), bool_text(o.consolidates_grades));
                  cmp.fixed(path + ".internal", field + ".internal", bool_text(old->internal), bool_text(o.internal));
                });

  compare_items(cmp, "module", r.modules, f.modules, [](const ModuleSpec& m) { return m.code; },
                [&](const std::string& path, const std::string& field, const ModuleSpec* old, const ModuleSpec& m) {
                  if (old == nullptr) return cmp.added(field, m.label);
                  cmp.fixed(path + ".label", field + ".label", old->label, m.label);
                  cmp.fixed(path + ".org", field + ".org", old->org, m.org);
                  cmp.fixed(path + ".elearning", field + ".elearning", bool_text(old->elearning), bool_text(m.elearning));
                  cmp.fixed(path + ".place", field + ".place", opt_text(old->place), opt_text(m.place));
                  // Art. 7 and Art. 9: the hours and the price are the terms an avenant changes.
                  cmp.may_change(field + ".hours", hours_text(old->minutes), hours_text(m.minutes));
                  cmp.may_change(field + ".training_hours", opt_text(old->training_minutes, hours_text), opt_text(m.training_minutes, hours_text));
                  cmp.may_change(field + ".support_hours", opt_text(old->support_minutes, hours_text), opt_text(m.support_minutes, hours_text));
                  cmp.may_change(field + ".evaluation_hours", opt_text(old->evaluation_minutes, hours_text), opt_text(m.evaluation_minutes, hours_text));
                  cmp.may_change(field + ".days", opt_text(old->days_x100, decimal_text), opt_text(m.days_x100, decimal_text));
                  cmp.may_change(field + ".price_ht", amount_text(old->price_ht_cents), amount_text(m.price_ht_cents));
                  // The activities and their estimated time (D. 6313-3-1) stay those recorded.
                  cmp.fixed(path + ".activity", field + ".activity", activities_text(old->activities), activities_text(m.activities));
                });

  compare_items(cmp, "trainee", r.trainees, f.trainees, [](const TraineeSpec& t) { return t.code; },
                [&](const std::string& path, const std::string& field, const TraineeSpec* old, const TraineeSpec& t) {
                  if (old == nullptr) return cmp.added(field, t.last_name + " " + t.first_name);
                  cmp.fixed(path + ".last_name", field + ".last_name", old->last_name, t.last_name);
                  cmp.fixed(path + ".first_name", field + ".first_name", old->first_name, t.first_name);
                  cmp.fixed(path + ".birth_date", field + ".birth_date", opt_text(old->birth_date), opt_text(t.birth_date));
                  cmp.fixed(path + ".function", field + ".function", opt_text(old->function), opt_text(t.function));
                  cmp.fixed(path + ".contract_start", field + ".contract_start", opt_text(old->contract_start), opt_text(t.contract_start));
                  cmp.fixed(path + ".contract_end", field + ".contract_end", opt_text(old->contract_end), opt_text(t.contract_end));
                  cmp.fixed(path + ".joins", field + ".joins", opt_text(old->joins), opt_text(t.joins));
                  cmp.fixed(path + ".email", field + ".email", opt_text(old->email), opt_text(t.email));
                  cmp.fixed(path + ".weekly_hours", field + ".weekly_hours", hours_text(old->weekly_minutes), hours_text(t.weekly_minutes));
                });

  compare_items(cmp, "funding", r.fundings, f.fundings, [](const FundingSpec& g) { return g.ref; },
                [&](const std::string& path, const std::string& field, const FundingSpec* old, const FundingSpec& g) {
                  if (old == nullptr) return cmp.added(field, g.funder);
                  cmp.fixed(path + ".funder", field + ".funder", old->funder, g.funder);
                  // The decision as it stands: imported, or recorded since by `funding decide`.
                  cmp.fixed(path + ".decided", field + ".decided", opt_text(old->decided), opt_text(g.decided));
                  cmp.fixed(path + ".hourly_rate", field + ".hourly_rate", amount_text(old->hourly_rate_cents), amount_text(g.hourly_rate_cents));
                  cmp.fixed(path + ".cap_hours", field + ".cap_hours", opt_text(old->cap_minutes, hours_text), opt_text(g.cap_minutes, hours_text));
                  cmp.fixed(path + ".cap_amount", field + ".cap_amount", opt_text(old->cap_cents, amount_text), opt_text(g.cap_cents, amount_text));
                  cmp.fixed(path + ".modules", field + ".modules", list_text(old->modules), list_text(g.modules));
                  cmp.fixed(path + ".trainees", field + ".trainees", list_text(old->trainees), list_text(g.trainees));
                  cmp.fixed(path + ".basis", field + ".basis", old->basis, g.basis);
                  cmp.fixed(path + ".subrogation", field + ".subrogation", bool_text(old->subrogation), bool_text(g.subrogation));
                });

  compare_clauses(cmp, r.clauses, f.clauses);
  return cmp.result();
}

ConventionSpec recorded_spec(Ledger& ledger, const ConventionState& st) {
  ConventionSpec spec;
  const auto& c = st.convention;
  spec.ref = c.ref, spec.title = c.title, spec.option = c.option, spec.nature = c.nature;
  spec.starts = c.starts, spec.ends = c.ends, spec.max_training_share_bp = c.max_training_share_bp, spec.clauses = c.clauses;
  {
    auto q = ledger.query("convention_get");
    q.bind(1, c.ref);
    q.next();
    spec.signed_place = q.opt_text("signed_place");
    spec.signed_on = q.opt_text("signed_on");
  }
  auto party = [](Query& q) {
    return PartySpec{q.text("name"), q.text("siret"), q.opt_text("address"), q.opt_text("representative"), q.opt_text("title"), q.opt_text("icom")};
  };
  {
    auto q = ledger.query("convention_beneficiary");
    q.bind(1, c.id);
    if (q.next()) spec.beneficiary = party(q);
  }
  {
    auto q = ledger.query("convention_orgs");
    q.bind(1, c.id);
    while (q.next())
      spec.orgs.push_back({q.text("key"), party(q), q.opt_text("nda"), q.i64("vat_rate_bp"), q.flag("consolidates_grades"), q.flag("internal")});
  }
  {
    auto q = ledger.query("convention_modules_full");
    q.bind(":convention", c.id);
    q.bind(":version", c.version);
    while (q.next())
      spec.modules.push_back({q.text("code"), q.text("label"), q.text("org_key"), q.i64("minutes"), q.opt_i64("training_minutes"),
                              q.opt_i64("support_minutes"), q.opt_i64("evaluation_minutes"), q.opt_i64("days_x100"), q.flag("elearning"),
                              q.opt_text("place"), q.i64("price_ht_cents"), {}});
    for (auto& m : spec.modules)
      for (const auto& a : module_activities(ledger, st.module(m.code)->id)) m.activities.push_back({a.code, a.label, a.kind, a.minutes});
  }
  {
    auto q = ledger.query("convention_trainees");
    q.bind(":convention", c.id);
    q.bind(":before", Value());
    while (q.next())
      spec.trainees.push_back({q.text("code"), q.text("last_name"), q.text("first_name"), q.opt_text("birth_date"), q.opt_text("function"),
                               q.opt_text("contract_start"), q.opt_text("contract_end"), q.opt_text("joins"), q.opt_text("email"),
                               q.i64("weekly_minutes")});
  }
  {
    auto q = ledger.query("convention_fundings");
    q.bind(":convention", c.id);
    q.bind(":before", Value());
    while (q.next())
      spec.fundings.push_back({q.text("ref"), q.text("funder"), q.opt_text("decided_on"), q.i64("hourly_rate_cents"), q.opt_i64("cap_minutes"),
                               q.opt_i64("cap_cents"), split_list(q.opt_text("modules")), split_list(q.opt_text("trainees")), q.text("basis"),
                               q.flag("subrogation")});
  }
  return spec;
}

namespace {

// What the ledger holds that the new version may not contradict.
void refuse_contradictions(Ledger& ledger, const ConventionState& st, const ConventionSpec& file, const std::string& file_name) {
  auto where = [&](const std::string& path) { return file_line(file, file_name, path); };
  const auto& ref = st.convention.ref;
  if (st.renounced)
    throw InputError({where("convention.ref"), "convention.ref", ref, tr("amend.renounced", fmt::arg("date", french_date(st.renounced->notified)))});
  if (st.denounced)
    throw InputError({where("convention.ref"), "convention.ref", ref,
                      tr("amend.denounced", fmt::arg("date", french_date(st.denounced->notified)), fmt::arg("ends", french_date(st.denounced->ends_on)))});
  ProblemList problems;
  {
    auto q = ledger.query("amend_last_planned");
    q.bind(":convention", st.convention.id);
    if (q.next() && q.text("date") > file.ends)
      problems.add({where("convention.ends"), "convention.ends", file.ends,
                    tr("amend.ends_before_planned", fmt::arg("date", french_date(q.text("date"))), fmt::arg("module", q.text("module")))});
  }
  {
    auto q = ledger.query("check_planned_minutes");
    q.bind(":convention", st.convention.id);
    while (q.next())
      for (std::size_t i = 0; i < file.modules.size(); ++i)
        if (same_code(q.text("module"), file.modules[i].code) && file.modules[i].minutes < q.i64("planned"))
          problems.add({where(fmt::format("module[{}].hours", i + 1)), fmt::format("module[{}].hours", file.modules[i].code),
                        hours_text(file.modules[i].minutes), tr("amend.hours_below_planned", fmt::arg("planned", format_hours(q.i64("planned"))))});
  }
  problems.throw_if_any();
}

}  // namespace

std::int64_t record_amendment(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const ConventionSpec& file,
                              const std::string& file_name, const std::string& reason) {
  refuse_contradictions(ledger, st, file, file_name);
  const ConventionSpec recorded = recorded_spec(ledger, st);
  const auto changes = amendment_changes(recorded, file, file_name);
  if (changes.empty())
    throw InputError({file_line(file, file_name, "convention.ref"), "convention.ref", st.convention.ref, tr("amend.nothing", fmt::arg("version", st.convention.version))});

  const std::int64_t version = st.convention.version + 1;
  const auto& c = file.clauses;
  const std::int64_t amendment_id = txn.append(
      "convention_amendment",
      {{"convention_id", st.convention.id}, {"version", version}, {"reason", reason}, {"ends", file.ends},
       {"beneficiary_notice_days", opt(c.beneficiary_notice_days)}, {"beneficiary_percent_bp", opt(c.beneficiary_percent_bp)},
       {"beneficiary_amount_cents", opt(c.beneficiary_amount_cents)}, {"of_notice_days", opt(c.of_notice_days)},
       {"of_percent_bp", opt(c.of_percent_bp)}, {"of_amount_cents", opt(c.of_amount_cents)},
       {"partial_percent_bp", opt(c.partial_percent_bp)}, {"partial_amount_cents", opt(c.partial_amount_cents)},
       {"source", file.source}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});

  std::map<std::string, std::int64_t> module_ids, trainee_ids;
  std::set<std::string> new_items;  // codes of the modules and trainees this version adds
  for (const auto& m : file.modules) {
    const ModuleRow* old = st.module(m.code);
    if (old == nullptr) {
      module_ids[m.code] = append_module(txn, st.convention.id, st.org(m.org)->id, m);
      append_activities(txn, module_ids.at(m.code), m);
      new_items.insert("module:" + m.code);
      continue;
    }
    module_ids[m.code] = old->id;
    const ModuleSpec& was = *find_item(recorded.modules, m.code, [](const ModuleSpec& x) { return x.code; });
    if (was.minutes != m.minutes || was.training_minutes != m.training_minutes || was.support_minutes != m.support_minutes ||
        was.evaluation_minutes != m.evaluation_minutes || was.days_x100 != m.days_x100 || was.price_ht_cents != m.price_ht_cents)
      txn.append("module_amendment",
                 {{"amendment_id", amendment_id}, {"module_id", old->id}, {"minutes", m.minutes},
                  {"training_minutes", opt(m.training_minutes)}, {"support_minutes", opt(m.support_minutes)},
                  {"evaluation_minutes", opt(m.evaluation_minutes)}, {"days_x100", opt(m.days_x100)}, {"price_ht_cents", m.price_ht_cents}});
  }
  for (const auto& t : file.trainees) {
    if (const TraineeRow* old = st.trainee(t.code)) {
      trainee_ids[t.code] = old->id;
      continue;
    }
    trainee_ids[t.code] = append_trainee(txn, st.convention.id, t);
    new_items.insert("trainee:" + t.code);
  }
  for (const auto& t : file.trainees)
    if (t.joins && new_items.contains("trainee:" + t.code)) record_joins(txn, trainee_ids.at(t.code), *t.joins);
  for (const auto& t : file.trainees)
    if (t.email && new_items.contains("trainee:" + t.code)) record_email(txn, trainee_ids.at(t.code), *t.email);
  // An agreement's scope takes the pairs of a module or trainee added (every module or trainee
  // of it when it names none, as `trainee add` does); a new agreement takes its whole scope.
  for (const auto& f : file.fundings) {
    const auto old = find_funding(ledger, st.convention.id, f.ref);
    const bool fresh = !old.has_value();
    const std::int64_t funding_id = fresh ? append_funding(txn, st.convention.id, f) : old->id;
    append_scope(txn, file, f, funding_id, module_ids, trainee_ids, [&](const std::string& m, const std::string& t) {
      return fresh || new_items.contains("module:" + m) || new_items.contains("trainee:" + t);
    });
  }
  for (const auto& ch : changes)
    txn.append("amendment_change", {{"amendment_id", amendment_id}, {"field", ch.field}, {"old_value", ch.old_value}, {"new_value", ch.new_value}});
  return version;
}

}  // namespace ledger
