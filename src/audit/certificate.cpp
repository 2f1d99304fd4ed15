#include "audit/certificate.hpp"

#include <fmt/format.h>

#include <map>

#include "app/error.hpp"
#include "domain/values.hpp"
#include "paper/text.hpp"
#include "app/resources.hpp"

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
  return fmt::format("du {} au {}", paper::short_french_date(*first), paper::short_french_date(*last));
}

// The model's "pour une durée de … suivies": on-site hours are proven by the sheets (Art. 9-2),
// FOAD hours by the activities done at a distance and their estimated time (D6313-3-1), not by sheets.
std::string justification_fr(const CertificatePage& p) {
  constexpr const char* sheets = "justifiées par les feuilles d'émargement";
  constexpr const char* activities =
      "justifiées par les activités réalisées à distance et leur durée estimée (art. D. 6313-3-1 du code du travail)";
  const Minutes onsite = p.followed - p.followed_elearning;
  if (p.followed_elearning == 0) return sheets;
  if (onsite == 0) return fmt::format("à distance (FOAD), {}", activities);
  return fmt::format("dont {} en présentiel, {}, et {} à distance (FOAD), {}", format_hours(onsite), sheets,
                     format_hours(p.followed_elearning), activities);
}

// Under way: the period covered is the half-days held so far, not the training's whole span.
std::string period_of(const CertificatePage& p) {
  return p.under_way() ? period_fr(p.held_first, p.held_last) : period_fr(p.first_date, p.last_date);
}
std::string period_lead(const CertificatePage& p) {
  return p.under_way() ? "qui est en cours ; ce certificat couvre la période" : "qui s'est déroulée";
}
std::string so_far(const CertificatePage& p) { return p.under_way() ? " à ce jour" : ""; }
// The modules with half-days still planned: `PREM'SS : 7 h`.
std::string planned_modules(const CertificatePage& p) {
  std::string out;
  for (const auto& m : p.modules)
    if (m.planned > 0) out += (out.empty() ? "" : ", ") + (m.label.empty() ? m.code : m.label) + " : " + format_hours(m.planned);
  return out;
}

constexpr const char* kOrigin =
    "Modèle du ministère du Travail, en usage auprès des OPCO depuis 2020 pour le contrôle de service fait "
    "(art. R. 6332-26 du code du travail)";

}  // namespace

Certificate load_certificate(Ledger& ledger, const Clock& clock, const ConventionState& st, const TraineeRow& trainee) {
  Certificate c;
  c.convention_ref = st.convention.ref;
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
    std::string why = fmt::format("{} {} n'a suivi aucune heure de formation justifiée dans la convention {}", c.first_name,
                                  c.last_name, c.convention_ref);
    if (trainee.left_on) why += fmt::format(" (sorti(e) de la formation le {})", paper::short_french_date(*trainee.left_on));
    why += " : pas de certificat de réalisation";
    if (unproven > 0)
      why += fmt::format(" ; {} de présence sans preuve complète (signature ou justificatif manquant) sont à compléter d'abord",
                         format_hours(unproven));
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
                                              {"mode", m.elearning ? "e-learning" : "présentiel"},
                                              {"period", escape_html(period_fr(m.first_date, m.last_date))},
                                              {"contractual", escape_html(format_hours(m.contractual))},
                                              {"followed", escape_html(format_hours(m.followed))}});
    const std::string nda =
        p.internal ? "service de formation interne de l'organisme bénéficiaire (Art. 3)"
                   : "N° de déclaration d'activité " + escape_html(p.org_nda) +
                         " (cet enregistrement ne vaut pas agrément de l'État)";
    const std::string unproven =
        p.unproven == 0 ? ""
                        : "<p class=\"note\">" +
                              escape_html(fmt::format("{} de présence enregistrée sans preuve complète (signature ou "
                                                      "justificatif manquant) ne sont pas comptées.",
                                                      format_hours(p.unproven))) +
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
        page_tmpl, {{"origin", escape_html(kOrigin)},
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
                    {"convention", escape_html(c.convention_ref)},
                    {"issued_on", escape_html(paper::short_french_date(c.issued_on))}});
  }
  return paper::fill_template(resource("reports/certificate.html"),
                              {{"title", escape_html("Certificat de réalisation — " + c.first_name + " " + c.last_name)},
                               {"pages", pages}});
}

void render_certificate_text(const Certificate& c, std::ostream& out) {
  bool first = true;
  for (const auto& p : c.pages) {
    if (!first) out << "\f\n";  // a page break for printers
    first = false;
    out << "CERTIFICAT DE RÉALISATION\n" << kOrigin << "\n\n";
    if (p.under_way())
      out << fmt::format("FORMATION EN COURS au {} : ce certificat couvre les demi-journées tenues {}.\n"
                         "{} de formation restent planifiées jusqu'au {} ({}) : un certificat final sera établi à "
                         "l'issue de la formation.\n\n",
                         paper::short_french_date(c.issued_on), period_of(p), format_hours(p.planned),
                         paper::short_french_date(*p.planned_last), planned_modules(p));
    out << fmt::format("Je soussigné(e) {}, {}, représentant légal du dispensateur de l'action concourant au "
                       "développement des compétences {},\n",
                       p.org_representative.empty() ? "…" : p.org_representative,
                       p.org_title.empty() ? "…" : p.org_title, p.org_name);
    out << "atteste que :\n\n";
    out << fmt::format("  {} {} (stagiaire {})\n", c.first_name, c.last_name, c.trainee_code);
    out << fmt::format("  salarié(e) de l'entreprise {} (SIRET {})\n\n", c.employer_name, c.employer_siret);
    out << fmt::format("a suivi l'action : {}, option {} ({})\n", c.title, c.option, c.scheme);
    out << "Nature de l'action concourant au développement des compétences (article L. 6313-1 du code du travail) :\n"
           "  [X] action de formation   [ ] bilan de compétences   [ ] action de VAE   [ ] action de formation par apprentissage\n";
    out << fmt::format("{} {} pour une durée de {} suivies{}, {}.\n\n", period_lead(p), period_of(p),
                       format_hours(p.followed), so_far(p), justification_fr(p));
    for (const auto& m : p.modules)
      out << fmt::format("  {:<24} {:<28} contractuelles {:>8}   suivies {:>8}\n", m.label.empty() ? m.code : m.label,
                         period_fr(m.first_date, m.last_date), format_hours(m.contractual), format_hours(m.followed));
    if (p.unproven > 0)
      out << fmt::format("\n{} de présence enregistrée sans preuve complète ne sont pas comptées.\n", format_hours(p.unproven));
    out << "\nSans préjudice des délais imposés par les règles fiscales, comptables ou commerciales, je m'engage à "
           "conserver l'ensemble des pièces justificatives qui ont permis d'établir le présent certificat pendant une "
           "durée de 3 ans à compter de la fin de l'année du dernier paiement. En cas de cofinancement des fonds "
           "européens, la durée de conservation est étendue conformément aux obligations conventionnelles spécifiques.\n\n";
    out << "Fait à : ____________________   le : ____________\n";
    out << "Cachet et signature du responsable du dispensateur de formation\n\n";
    out << fmt::format("{}, SIRET {}, {}\n", p.org_name, p.org_siret,
                       p.internal ? "service de formation interne (Art. 3)" : "N° de déclaration d'activité " + p.org_nda);
    out << fmt::format("Convention {} — établi le {}\n", c.convention_ref, paper::short_french_date(c.issued_on));
  }
}

}  // namespace ledger::audit
