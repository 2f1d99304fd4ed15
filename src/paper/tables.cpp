#include "paper/tables.hpp"
#include "app/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <ostream>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "paper/text.hpp"
#include "report/table.hpp"

namespace ledger::paper {

namespace {

TraineeShare trainee_share(const Query& q, const Art7& art7) {
  TraineeShare t;
  t.code = q.text("code");
  t.last_name = q.text("last_name");
  t.first_name = q.text("first_name");
  t.contract_start = q.opt_text("contract_start");
  t.contract_end = q.opt_text("contract_end");
  t.left_on = q.opt_text("left_on");
  t.weekly_minutes = q.i64("weekly_minutes");
  if (t.contract_start && t.contract_end) {
    t.contract_days = days_between(*t.contract_start, *t.contract_end) + 1;
    t.working_minutes = working_minutes(t.weekly_minutes, *t.contract_days);
    t.share_bp = training_share_bp(art7.parcours_minutes, t.weekly_minutes, *t.contract_days);
  }
  if (!art7.contrat_pro) t.status = ShareStatus::not_applicable;
  else if (!t.contract_days) t.status = ShareStatus::unknown;
  else if (share_above(art7.parcours_minutes, t.weekly_minutes, *t.contract_days, art7.max_share_bp)) t.status = ShareStatus::above;
  else t.status = ShareStatus::within;
  return t;
}

std::string status_name(ShareStatus s) {
  switch (s) {
    case ShareStatus::within: return "within";
    case ShareStatus::above: return "above";
    case ShareStatus::unknown: return "unknown";
    case ShareStatus::not_applicable: return "not_applicable";
  }
  return "";
}

std::string status_label(ShareStatus s, BasisPoints max_bp, const std::string& nature) {
  switch (s) {
    case ShareStatus::within: return tr("tables.share_within");
    case ShareStatus::above: return tr("tables.share_above", fmt::arg("max", format_percent(max_bp)));
    case ShareStatus::unknown: return tr("tables.share_unknown");
    case ShareStatus::not_applicable: return tr("law.share_not_applicable", fmt::arg("scheme", scheme_name(nature)));
  }
  return "";
}

Datum opt_text(const std::optional<std::string>& v) { return v ? Datum(*v) : Datum(); }
Datum opt_int(const std::optional<std::int64_t>& v) { return v ? Datum(*v) : Datum(); }

std::string days_fr(const std::optional<std::int64_t>& x100) { return x100 ? format_hundredths_fr(*x100) : "—"; }
std::string hours_fr(const std::optional<Minutes>& m) { return m ? format_hours(*m) : "—"; }

std::string dates_fr(const Art9Module& m) {
  if (!m.first_date) return tr("dates.to_plan");
  if (*m.first_date == *m.last_date) return tr("dates.on_day", fmt::arg("date", short_french_date(*m.first_date)));
  return tr("dates.from_to", fmt::arg("from", short_french_date(*m.first_date)), fmt::arg("to", short_french_date(*m.last_date)));
}

}  // namespace

Cents ttc(Cents ht, BasisPoints vat_bp) { return ht + round_half_up_div(ht * vat_bp, 10000); }

Minutes working_minutes(Minutes weekly, std::int64_t contract_days) { return round_half_up_div(weekly * contract_days, 7); }

BasisPoints training_share_bp(Minutes parcours, Minutes weekly, std::int64_t contract_days) {
  return round_half_up_div(parcours * 7 * 10000, weekly * contract_days);
}

bool share_above(Minutes parcours, Minutes weekly, std::int64_t contract_days, BasisPoints max_bp) {
  // parcours / (weekly × days / 7) > max / 10000, cross-multiplied to stay exact.
  return parcours * 7 * 10000 > max_bp * weekly * contract_days;
}

bool share_below(Minutes parcours, Minutes weekly, std::int64_t contract_days, BasisPoints min_bp) {
  return parcours * 7 * 10000 < min_bp * weekly * contract_days;
}

ConventionTables compute_tables(Ledger& ledger, const std::string& ref) {
  const ConventionState st = load_convention(ledger, ref);
  ConventionTables t;
  t.ref = st.convention.ref;
  t.label = convention_label(st.convention);
  t.version = st.convention.version;
  t.title = st.convention.title;
  t.option = st.convention.option;
  t.nature = st.convention.nature;
  // Art. 9-1 prices the parcours for the trainees of Art. 5 as recorded: a departure does not
  // change the agreed price (what it changes is settled under Art. 12 and 13).
  t.trainees = std::int64_t(st.trainees.size());
  Art7& a7 = t.art7;
  Art9& a9 = t.art9;
  a7.max_share_bp = st.convention.max_training_share_bp;
  a7.contrat_pro = st.convention.nature == "contrat_pro";

  std::map<std::string, std::size_t> body7_at, body9_at;
  {
    auto q = ledger.query("tables_orgs");
    q.bind(1, st.convention.id);
    while (q.next()) {
      const std::string key = q.text("key"), name = q.text("name");
      const bool internal = q.flag("internal");
      if (!internal) {
        body7_at[key] = a7.bodies.size();
        a7.bodies.push_back({key, name, 0, 0});
      }
      body9_at[key] = a9.bodies.size();
      a9.bodies.push_back({key, name, internal, 0, t.trainees, 0, 0, q.i64("vat_rate_bp")});
    }
  }
  {
    auto q = ledger.query("tables_modules");
    q.bind(1, st.convention.id);
    while (q.next()) {
      Art7Module m;
      m.code = q.text("code");
      m.label = q.text("label");
      m.org_key = q.text("org_key");
      m.org_name = q.text("org_name");
      m.days_x100 = q.opt_i64("days_x100");
      m.minutes = q.i64("minutes");
      m.training = q.opt_i64("training_minutes");
      m.support = q.opt_i64("support_minutes");
      m.evaluation = q.opt_i64("evaluation_minutes");
      m.elearning = q.flag("elearning");

      a7.totals.days_x100 += m.days_x100.value_or(0);
      a7.totals.minutes += m.minutes;
      a7.totals.training += m.training.value_or(0);
      a7.totals.support += m.support.value_or(0);
      a7.totals.evaluation += m.evaluation.value_or(0);
      a7.parcours_minutes += m.minutes;
      if (q.flag("org_internal")) {
        a7.internal_minutes += m.minutes;
        a7.internal_days_x100 += m.days_x100.value_or(0);
      } else {
        auto& body = a7.bodies[body7_at.at(m.org_key)];
        body.minutes += m.minutes;
        body.days_x100 += m.days_x100.value_or(0);
      }

      Art9Module p;
      p.code = m.code;
      p.label = m.label;
      p.org_key = m.org_key;
      p.org_name = m.org_name;
      p.place = q.opt_text("place");
      p.first_date = q.opt_text("first_date");
      p.last_date = q.opt_text("last_date");
      p.price_ht = q.i64("price_ht_cents");
      p.vat_bp = q.i64("vat_rate_bp");
      p.price_ttc = ttc(p.price_ht, p.vat_bp);
      a9.parcours_ht += p.price_ht;
      a9.parcours_ttc += p.price_ttc;
      a9.bodies[body9_at.at(m.org_key)].unit_ht += p.price_ht;

      a7.modules.push_back(std::move(m));
      a9.modules.push_back(std::move(p));
    }
  }
  for (auto& b : a9.bodies) {
    b.total_ht = b.unit_ht * b.trainees;
    b.total_ttc = ttc(b.total_ht, b.vat_bp);
    a9.grand_total_ttc += b.total_ttc;
  }
  {
    auto q = ledger.query("tables_trainees");
    q.bind(1, st.convention.id);
    while (q.next()) a7.trainees.push_back(trainee_share(q, a7));
  }
  return t;
}

const std::vector<std::string>& table_sections() {
  static const std::vector<std::string> names{"art7", "art7-bodies", "art7-trainees", "art9", "art9-bodies"};
  return names;
}

void require_known_section(const std::string& section) {
  const auto& names = table_sections();
  if (std::find(names.begin(), names.end(), section) != names.end()) return;
  std::string known;
  for (const auto& s : names) known += (known.empty() ? "" : ", ") + s;
  throw InputError::flag("--section", section, tr("convention.unknown_section", fmt::arg("known", known)));
}

Dataset table_section(const ConventionTables& t, const std::string& section) {
  const Art7& a7 = t.art7;
  const Art9& a9 = t.art9;
  Dataset d;
  using K = ColumnKind;
  if (section == "art7") {
    d.columns = {{"line", ""}, {"module", ""}, {"label", ""}, {"org", ""}, {"org_name", ""}, {"days_x100", "", K::integer}, {"minutes", "", K::minutes},
                 {"training_minutes", "", K::minutes}, {"support_minutes", "", K::minutes}, {"evaluation_minutes", "", K::minutes},
                 {"elearning", "", K::boolean}};
    for (const auto& m : a7.modules)
      d.add({"module", m.code, m.label, m.org_key, m.org_name, opt_int(m.days_x100), m.minutes, opt_int(m.training),
             opt_int(m.support), opt_int(m.evaluation), m.elearning});
    d.add({"total", Datum(), Datum(), Datum(), Datum(), a7.totals.days_x100, a7.totals.minutes, a7.totals.training,
           a7.totals.support, a7.totals.evaluation, Datum()});
  } else if (section == "art7-bodies") {
    d.columns = {{"line", ""}, {"org", ""}, {"org_name", ""}, {"days_x100", "", K::integer}, {"minutes", "", K::minutes}};
    for (const auto& b : a7.bodies) d.add({"org", b.key, b.name, b.days_x100, b.minutes});
    d.add({"internal", Datum(), Datum(), a7.internal_days_x100, a7.internal_minutes});
    d.add({"parcours", Datum(), Datum(), a7.totals.days_x100, a7.parcours_minutes});
  } else if (section == "art7-trainees") {
    d.columns = {{"trainee_id", ""},
                 {"last_name", ""},
                 {"first_name", ""},
                 {"contract_start", ""},
                 {"contract_end", ""},
                 {"left_on", ""},
                 {"contract_days", "", K::integer},
                 {"weekly_minutes", "", K::minutes},
                 {"working_minutes", "", K::minutes},
                 {"parcours_minutes", "", K::minutes},
                 {"share_bp", "", K::basis_points},
                 {"max_share_bp", "", K::basis_points},
                 {"status", ""}};
    for (const auto& s : a7.trainees)
      d.add({s.code, s.last_name, s.first_name, opt_text(s.contract_start), opt_text(s.contract_end), opt_text(s.left_on),
             opt_int(s.contract_days), s.weekly_minutes, opt_int(s.working_minutes), a7.parcours_minutes, opt_int(s.share_bp),
             a7.max_share_bp, status_name(s.status)});
  } else if (section == "art9") {
    d.columns = {{"line", ""},       {"module", ""},    {"label", ""},     {"org", ""},         {"org_name", ""},
                 {"place", ""},      {"first_date", ""}, {"last_date", ""}, {"price_ht_cents", "", K::cents}, {"vat_bp", "", K::basis_points},
                 {"price_ttc_cents", "", K::cents}};
    for (const auto& m : a9.modules)
      d.add({"module", m.code, m.label, m.org_key, m.org_name, opt_text(m.place), opt_text(m.first_date), opt_text(m.last_date),
             m.price_ht, m.vat_bp, m.price_ttc});
    d.add({"total", Datum(), Datum(), Datum(), Datum(), Datum(), Datum(), Datum(), a9.parcours_ht, Datum(), a9.parcours_ttc});
  } else if (section == "art9-bodies") {
    d.columns = {{"line", ""},
                 {"org", ""},
                 {"org_name", ""},
                 {"internal", "", K::boolean},
                 {"unit_ht_cents", "", K::cents},
                 {"trainees", "", K::integer},
                 {"total_ht_cents", "", K::cents},
                 {"vat_bp", "", K::basis_points},
                 {"total_ttc_cents", "", K::cents}};
    Cents total_ht = 0;
    for (const auto& b : a9.bodies) {
      d.add({"org", b.key, b.name, b.internal, b.unit_ht, b.trainees, b.total_ht, b.vat_bp, b.total_ttc});
      total_ht += b.total_ht;
    }
    d.add({"total", Datum(), Datum(), Datum(), Datum(), Datum(), total_ht, Datum(), a9.grand_total_ttc});
  } else {
    require_known_section(section);
  }
  return d;
}

void render_tables_json(const ConventionTables& t, std::ostream& out) {
  nlohmann::ordered_json j;
  j["convention"] = t.ref;
  j["version"] = t.version;
  j["option"] = t.option;
  j["nature"] = t.nature;
  j["trainees"] = t.trainees;
  j["max_training_share_bp"] = t.art7.max_share_bp;
  for (const auto& s : table_sections()) {
    std::string key = s;
    std::replace(key.begin(), key.end(), '-', '_');
    j[key] = to_json(table_section(t, s));
  }
  j["grand_total_ttc_cents"] = t.art9.grand_total_ttc;
  out << j.dump(2) << '\n';
}

namespace {

void print_art7(const ConventionTables& t, std::ostream& out) {
  const Art7& a7 = t.art7;
  out << tr("tables.art7_title") << '\n';
  TextTable modules({tr("tables.col.module"), tr("tables.col.org"), tr("tables.col.days") + ">", tr("tables.col.hours") + ">",
                     tr("tables.col.training") + ">", tr("tables.col.support") + ">", tr("tables.col.evaluation") + ">",
                     tr("tables.col.elearning")});
  for (const auto& m : a7.modules)
    modules.add({m.label, m.org_name, days_fr(m.days_x100), format_hours(m.minutes), hours_fr(m.training), hours_fr(m.support),
                 hours_fr(m.evaluation), m.elearning ? tr("common.yes") : tr("common.no")});
  modules.add_rule();
  modules.add({tr("tables.total_durations"), "", format_hundredths_fr(a7.totals.days_x100), format_hours(a7.totals.minutes),
               format_hours(a7.totals.training), format_hours(a7.totals.support), format_hours(a7.totals.evaluation), ""});
  modules.print(out, "  ");

  out << "\n";
  TextTable bodies({"", tr("tables.col.body_hours") + ">"});
  for (const auto& b : a7.bodies) bodies.add({tr("tables.body_line", fmt::arg("name", b.name)), format_hours(b.minutes)});
  bodies.add({tr("tables.internal_line"), format_hours(a7.internal_minutes)});
  bodies.add_rule();
  bodies.add({tr("tables.parcours_line"), format_hours(a7.parcours_minutes)});
  bodies.print(out, "  ");

  out << "\n  " << tr("tables.share_rule", fmt::arg("max", format_percent(a7.max_share_bp))) << "\n  " << tr("tables.share_formula")
      << '\n';
  TextTable shares({tr("tables.col.trainee"), tr("col.last_name"), tr("col.first_name"), tr("tables.col.contract"),
                    tr("tables.col.days") + ">", tr("tables.col.weekly") + ">", tr("tables.col.contract_time") + ">",
                    tr("tables.col.parcours") + ">", tr("tables.col.share") + ">", tr("tables.col.status")});
  for (const auto& s : a7.trainees) {
    std::string contract = s.contract_start && s.contract_end ? *s.contract_start + " → " + *s.contract_end : "—";
    std::string status = status_label(s.status, a7.max_share_bp, t.nature);
    if (s.left_on) status += " " + tr("tables.left_on", fmt::arg("date", *s.left_on));
    shares.add({s.code, s.last_name, s.first_name, contract, s.contract_days ? std::to_string(*s.contract_days) : "—",
                format_hours(s.weekly_minutes), hours_fr(s.working_minutes), format_hours(a7.parcours_minutes),
                s.share_bp ? format_percent(*s.share_bp) : "—", status});
  }
  if (shares.empty()) out << "  " << tr("tables.no_trainee") << '\n';
  else shares.print(out, "  ");
}

void print_art9(const ConventionTables& t, std::ostream& out) {
  const Art9& a9 = t.art9;
  out << tr("tables.art9_title") << '\n';
  TextTable modules({tr("tables.col.module"), tr("tables.col.org"), tr("tables.col.place"), tr("tables.col.dates"),
                     tr("tables.col.price_ht") + ">", tr("tables.col.ttc") + ">"});
  for (const auto& m : a9.modules)
    modules.add({m.label, m.org_name, m.place.value_or("—"), dates_fr(m), format_euros(m.price_ht), format_euros(m.price_ttc)});
  modules.add_rule();
  modules.add({tr("tables.total_cost"), "", "", tr("tables.per_trainee"), format_euros(a9.parcours_ht), format_euros(a9.parcours_ttc)});
  modules.print(out, "  ");

  out << "\n  " << tr("tables.art9_1") << '\n';
  int n = 0;
  for (const auto& b : a9.bodies)
    out << "  "
        << trn("tables.art9_1_line", b.trainees, fmt::arg("n", ++n), fmt::arg("name", b.name), fmt::arg("unit", format_euros(b.unit_ht)),
               fmt::arg("total_ht", format_euros(b.total_ht)), fmt::arg("total_ttc", format_euros(b.total_ttc)))
        << '\n';
  out << "  " << tr("tables.grand_total", fmt::arg("total", format_euros(a9.grand_total_ttc))) << '\n';
}

}  // namespace

void render_tables_text(const ConventionTables& t, const std::string& section, std::ostream& out) {
  const bool art7 = section.empty() || section.starts_with("art7"), art9 = section.empty() || section.starts_with("art9");
  out << tr("tables.heading", fmt::arg("ref", t.label), fmt::arg("title", t.title), fmt::arg("option", option_label(t.option))) << "\n\n";
  if (art7) print_art7(t, out);
  if (art7 && art9) out << "\n";
  if (art9) print_art9(t, out);
}

}  // namespace ledger::paper
