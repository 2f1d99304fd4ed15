#include "audit/certificate.hpp"

#include <fmt/format.h>

#include <map>

#include "app/error.hpp"
#include "domain/values.hpp"
#include "paper/text.hpp"
#include "app/resources.hpp"
#include "app/text.hpp"

namespace ledger::audit {

namespace {

std::string text(Query& q, const char* column) { return q.text(column); }

void widen(std::optional<std::string>& first, std::optional<std::string>& last, const std::optional<std::string>& from,
           const std::optional<std::string>& to) {
  if (from && (!first || *from < *first)) first = from;
  if (to && (!last || *to > *last)) last = to;
}

std::string period_fr(const std::optional<std::string>& first, const std::optional<std::string>& last) {
  if (!first) return "—";
  return tr("certificate.from_to", fmt::arg("from", paper::short_french_date(*first)), fmt::arg("to", paper::short_french_date(*last)));
}

// The model's "pour une durée de … suivies": on-site hours are proven by the sheets (Art. 9-2),
// FOAD hours by the activities done at a distance and their estimated time (D6313-3-1), not by sheets.
std::string justification_fr(const CertificatePage& p) {
  const std::string sheets = tr("certificate.by_sheets"), activities = tr("certificate.by_activities");
  const Minutes onsite = p.followed - p.followed_elearning;
  if (p.followed_elearning == 0) return sheets;
  if (onsite == 0) return tr("certificate.all_at_distance", fmt::arg("activities", activities));
  return tr("certificate.mixed", fmt::arg("onsite", format_hours(onsite)), fmt::arg("sheets", sheets),
            fmt::arg("distance", format_hours(p.followed_elearning)), fmt::arg("activities", activities));
}

// Under way: the period covered is the half-days held so far, not the training's whole span.
std::string period_of(const CertificatePage& p) {
  return p.under_way() ? period_fr(p.held_first, p.held_last) : period_fr(p.first_date, p.last_date);
}
std::string period_lead(const CertificatePage& p) {
  return p.under_way() ? tr("certificate.lead_under_way") : tr("certificate.lead_done");
}
std::string so_far(const CertificatePage& p) { return p.under_way() ? " " + tr("certificate.so_far") : ""; }
// The modules with half-days still planned: `PREM'SS : 7 h`.
std::string planned_modules(const CertificatePage& p) {
  std::string out;
  for (const auto& m : p.modules)
    if (m.planned > 0)
      out += (out.empty() ? "" : ", ") +
             tr("certificate.planned_module", fmt::arg("module", m.label.empty() ? m.code : m.label), fmt::arg("hours", format_hours(m.planned)));
  return out;
}


}  // namespace

Certificate load_certificate(Ledger& ledger, const Clock& clock, const ConventionState& st, const TraineeRow& trainee) {
  Certificate c;
  c.convention_ref = st.convention.ref;
  c.convention_label = convention_label(st.convention);
  c.title = st.convention.title;
  c.option = paper::option_label(st.convention.option);
  c.scheme = scheme_name(st.convention.nature);
  c.trainee_code = trainee.code;
  c.last_name = trainee.last_name;
  c.first_name = trainee.first_name;
  c.issued_on = format_date(clock.today());
  {
    auto q = ledger.query("convention_beneficiary");
    q.bind(1, st.convention.id);
    if (q.next()) {
      c.employer_name = text(q, "name");
      c.employer_siret = text(q, "siret");
      c.employer_address = text(q, "address");
    }
  }
  // Followed and unproven minutes over the whole convention, as every report computes them.
  std::map<std::string, std::pair<Minutes, Minutes>> minutes;
  {
    auto q = ledger.query("reports/quantities");
    q.bind(":convention", st.convention.id);
    q.bind(":from", "0001-01-01");
    q.bind(":to", "9999-12-31");
    q.bind(":today", clock.paris_date());
    while (q.next())
      if (q.text("trainee_id") == trainee.code)
        minutes[q.text("module")] = {q.i64("followed_min"),
                                                      q.i64("unproven_min")};
  }
  std::map<std::string, std::pair<std::string, std::string>> dates;
  {
    auto q = ledger.query("certificate_dates");
    q.bind(":convention", st.convention.id);
    q.bind(":trainee", trainee.id);
    while (q.next()) dates[text(q, "module")] = {text(q, "first_date"), text(q, "last_date")};
  }
  std::map<std::string, CertificateModule> schedule;  // held and still planned half-days per module
  {
    auto q = ledger.query("certificate_schedule");
    q.bind(":convention", st.convention.id);
    q.bind(":trainee", trainee.id);
    q.bind(":today", c.issued_on);
    while (q.next()) {
      CertificateModule& m = schedule[text(q, "module")];
      m.held_first = q.opt_text("held_first");
      m.held_last = q.opt_text("held_last");
      m.planned = q.i64("planned_min");
      m.planned_last = q.opt_text("planned_last");
    }
  }
  auto q = ledger.query("certificate_modules");
  q.bind(":convention", st.convention.id);
  std::int64_t org = -1;
  while (q.next()) {
    if (q.i64("org_id") != org) {
      org = q.i64("org_id");
      CertificatePage p;
      p.org_name = text(q, "org_name");
      p.org_siret = text(q, "org_siret");
      p.org_nda = text(q, "org_nda");
      p.org_address = text(q, "org_address");
      p.org_representative = text(q, "org_representative");
      p.org_title = text(q, "org_title");
      p.internal = q.flag("org_internal");
      c.pages.push_back(std::move(p));
    }
    CertificatePage& page = c.pages.back();
    CertificateModule m;
    m.code = text(q, "module");
    m.label = text(q, "label");
    m.contractual = q.i64("minutes");
    m.elearning = q.flag("elearning");
    if (const auto it = minutes.find(m.code); it != minutes.end()) std::tie(m.followed, m.unproven) = it->second;
    if (const auto it = dates.find(m.code); it != dates.end()) m.first_date = it->second.first, m.last_date = it->second.second;
    if (const auto it = schedule.find(m.code); it != schedule.end())
      m.held_first = it->second.held_first, m.held_last = it->second.held_last, m.planned = it->second.planned,
      m.planned_last = it->second.planned_last;
    page.followed += m.followed;
    page.unproven += m.unproven;
    page.planned += m.planned;
    if (m.elearning) page.followed_elearning += m.followed;
    widen(page.first_date, page.last_date, m.first_date, m.last_date);
    widen(page.held_first, page.held_last, m.held_first, m.held_last);
    if (m.planned_last && (!page.planned_last || *m.planned_last > *page.planned_last)) page.planned_last = m.planned_last;
    page.modules.push_back(std::move(m));
  }
  // A body certifies only hours followed in its modules: none, no page; none at all, no certificate.
  Minutes unproven = 0;
  for (const auto& p : c.pages) unproven += p.unproven;
  std::erase_if(c.pages, [](const CertificatePage& p) { return p.followed == 0; });
  if (c.pages.empty()) {
    const std::string name = c.first_name + " " + c.last_name;
    std::string why = trainee.left_on ? tr("certificate.none_left", fmt::arg("name", name), fmt::arg("ref", c.convention_ref),
                                           fmt::arg("date", paper::short_french_date(*trainee.left_on)))
                                      : tr("certificate.none", fmt::arg("name", name), fmt::arg("ref", c.convention_ref));
    why += "\u202f: " + tr("certificate.none_end");
    if (unproven > 0) why += "\u202f; " + tr("certificate.none_unproven", fmt::arg("hours", format_hours(unproven)));
    throw InputError::flag("--trainee", trainee.code, why);
  }
  return c;
}

std::string render_certificate_html(const Certificate& c) {
  using paper::escape_html;
  const std::string_view page_tmpl = resource("reports/certificate-page.html");
  const std::string_view row_tmpl = resource("reports/certificate-row.html");
  auto blank = [](const std::string& v) {
    return v.empty() ? std::string("<span class=\"blank\"></span>") : escape_html(v);
  };
  std::string pages;
  for (const auto& p : c.pages) {
    std::string rows;
    for (const auto& m : p.modules)
      rows += paper::fill_template(row_tmpl, {{"module", escape_html(m.label.empty() ? m.code : m.label)},
                                              {"mode", m.elearning ? tr("certificate.mode_elearning") : tr("certificate.mode_onsite")},
                                              {"period", escape_html(period_fr(m.first_date, m.last_date))},
                                              {"contractual", escape_html(format_hours(m.contractual))},
                                              {"followed", escape_html(format_hours(m.followed))}});
    const std::string nda =
        p.internal ? tr("certificate.internal") : tr("certificate.nda", fmt::arg("nda", escape_html(p.org_nda)));  // trusted text
    const std::string unproven =
        p.unproven == 0 ? ""
                        : "<p class=\"note\">" +
                              escape_html(tr("certificate.unproven", fmt::arg("hours", format_hours(p.unproven)))) +
                              "</p>";
    const std::string under_way =
        p.under_way() ? paper::fill_template(resource("reports/certificate-under-way.html"),
                                             {{"issued_on", escape_html(paper::short_french_date(c.issued_on))},
                                              {"period", escape_html(period_of(p))},
                                              {"planned", escape_html(format_hours(p.planned))},
                                              {"planned_last", escape_html(paper::short_french_date(*p.planned_last))},
                                              {"modules", escape_html(planned_modules(p))}})
                      : "";
    pages += paper::fill_template(
        page_tmpl, {{"origin", escape_html(tr("certificate.origin"))},
                    {"under_way", under_way},
                    {"representative", blank(p.org_representative)},
                    {"representative_title", blank(p.org_title)},
                    {"org", escape_html(p.org_name)},
                    {"org_siret", escape_html(p.org_siret)},
                    {"org_nda", nda},
                    {"org_address", escape_html(p.org_address)},
                    {"trainee", escape_html(c.first_name + " " + c.last_name)},
                    {"trainee_code", escape_html(c.trainee_code)},
                    {"employer", escape_html(c.employer_name)},
                    {"employer_siret", escape_html(c.employer_siret)},
                    {"action", escape_html(c.title)},
                    {"option", escape_html(c.option)},
                    {"scheme", escape_html(c.scheme)},
                    {"period_lead", escape_html(period_lead(p))},
                    {"period", escape_html(period_of(p))},
                    {"followed", escape_html(format_hours(p.followed))},
                    {"so_far", so_far(p)},
                    {"justified", escape_html(justification_fr(p))},
                    {"rows", rows},
                    {"unproven", unproven},
                    {"convention", escape_html(c.convention_label)},
                    {"issued_on", escape_html(paper::short_french_date(c.issued_on))}});
  }
  return paper::fill_template(resource("reports/certificate.html"),
                              {{"title", escape_html(tr("certificate.title", fmt::arg("name", c.first_name + " " + c.last_name)))},
                               {"pages", pages}});
}

void render_certificate_text(const Certificate& c, std::ostream& out) {
  bool first = true;
  for (const auto& p : c.pages) {
    if (!first) out << "\f\n";  // a page break for printers
    first = false;
    std::string rows;
    for (const auto& m : p.modules)
      rows += "  " + tr("certificate.text_row", fmt::arg("module", fmt::format("{:<24}", m.label.empty() ? m.code : m.label)),
                 fmt::arg("period", fmt::format("{:<28}", period_fr(m.first_date, m.last_date))),
                 fmt::arg("contractual", fmt::format("{:>8}", format_hours(m.contractual))),
                 fmt::arg("followed", fmt::format("{:>8}", format_hours(m.followed)))) +
              "\n";
    const std::string under_way =
        p.under_way() ? paper::fill_template(resource("reports/certificate-under-way.txt"),
                                             {{"issued_on", paper::short_french_date(c.issued_on)},
                                              {"period", period_of(p)},
                                              {"planned", format_hours(p.planned)},
                                              {"planned_last", paper::short_french_date(*p.planned_last)},
                                              {"modules", planned_modules(p)}})
                      : "";
    out << paper::fill_template(
        resource("reports/certificate.txt"),
        {{"origin", tr("certificate.origin")},
         {"under_way", under_way},
         {"representative", p.org_representative.empty() ? "…" : p.org_representative},
         {"representative_title", p.org_title.empty() ? "…" : p.org_title},
         {"org", p.org_name},
         {"org_siret", p.org_siret},
         {"org_nda", p.internal ? tr("certificate.internal_short") : tr("certificate.nda_short", fmt::arg("nda", p.org_nda))},
         {"trainee", c.first_name + " " + c.last_name},
         {"trainee_code", c.trainee_code},
         {"employer", c.employer_name},
         {"employer_siret", c.employer_siret},
         {"action", c.title},
         {"option", c.option},
         {"scheme", c.scheme},
         {"period_lead", period_lead(p)},
         {"period", period_of(p)},
         {"followed", format_hours(p.followed)},
         {"so_far", so_far(p)},
         {"justified", justification_fr(p)},
         {"rows", rows},
         {"unproven", p.unproven > 0 ? "\n" + tr("certificate.unproven_text", fmt::arg("hours", format_hours(p.unproven))) + "\n" : ""},
         {"convention", c.convention_label},
         {"issued_on", paper::short_french_date(c.issued_on)}});
  }
}

}  // namespace ledger::audit
