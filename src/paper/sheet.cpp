#include "paper/sheet.hpp"

#include "app/text.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "app/error.hpp"
#include "domain/sessions.hpp"
#include "domain/signatures.hpp"
#include "paper/text.hpp"
#include "app/resources.hpp"

namespace ledger::paper {

namespace {

struct Planned {
  Sheet sheet;
  std::optional<std::string> cancelled_by;
};

// Every trainee of the convention follows every module (Art. 5); one who left on or before the
// date is withdrawn from that half-day (DESIGN §5), one who joins after it is not enrolled yet:
// neither is listed.
std::vector<SheetTrainee> roster(const ConventionState& st, const std::string& date) {
  std::vector<SheetTrainee> out;
  for (const auto& t : st.trainees)
    if (t.enrolled_on(date)) out.push_back({t.code, t.last_name, t.first_name, t.function, {}, {}});
  return out;
}

// An e-learning half-day has no signatures: each trainee's trace stands in their row.
void fill_traces(Ledger& ledger, std::int64_t module_id, std::int64_t session_id, std::vector<SheetTrainee>& trainees) {
  auto q = ledger.query("foad_trace");
  q.bind(":module", module_id).bind(":session", session_id);
  while (q.next())
    for (auto& t : trainees)
      if (t.code == q.text("trainee")) {
        t.proof = q.opt_text("proof").value_or("");
        t.activities = q.opt_text("activities").value_or("");
      }
}

std::vector<Planned> planned(Ledger& ledger, const ConventionState& st, const std::string& from, const std::string& to,
                             const std::optional<std::string>& module, const std::optional<std::string>& slot) {
  auto q = ledger.query("sheet_sessions");
  q.bind(":convention", st.convention.id);
  q.bind(":from", from);
  q.bind(":to", to);
  if (module) q.bind(":module", *module);
  if (slot) q.bind(":slot", *slot);
  std::vector<Planned> out;
  while (q.next()) {
    Planned p;
    Sheet& s = p.sheet;
    s.convention_ref = st.convention.ref;
    s.convention_label = convention_label(st.convention);
    s.convention_title = st.convention.title;
    s.option = st.convention.option;
    s.scheme = scheme_name(st.convention.nature);
    s.org_name = q.text("org_name");
    s.org_siret = q.text("org_siret");
    s.org_nda = q.opt_text("org_nda").value_or("");
    s.beneficiary_name = q.text("beneficiary_name");
    s.org_internal = q.flag("org_internal");
    s.module_code = q.text("module");
    s.module_label = q.text("module_label");
    s.date = q.text("date");
    s.slot = q.text("slot");
    s.mode = q.text("mode");
    s.minutes = q.i64("minutes");
    s.start_time = q.opt_text("start_time");
    s.end_time = q.opt_text("end_time");
    s.trainer = q.opt_text("trainer");
    s.place = q.opt_text("place");
    s.id = sheet_id(st.convention.ref, s.module_code, s.date, s.slot);
    s.trainees = roster(st, s.date);
    // An e-learning half-day is proven by its traces (D. 6313-3-1), an on-site one by signatures.
    if (s.mode == "elearning") fill_traces(ledger, st.module(s.module_code)->id, q.i64("session_id"), s.trainees);
    for (auto& g : standing_signatures(ledger, q.i64("session_id"))) {
      SheetSignature signature{std::move(g.svg), g.signed_at};
      if (g.trainee) s.signatures[*g.trainee] = std::move(signature);
      else s.trainer_signature = std::move(signature);
    }
    p.cancelled_by = q.opt_text("cancelled_by");
    out.push_back(std::move(p));
  }
  return out;
}

// What is not recorded is left as a dotted line to fill in by hand.
std::string or_blank(const std::optional<std::string>& text) {
  return text && !text->empty() ? escape_html(*text) : "<span class=\"blank\"></span>";
}

// A signature given in a browser, in its box with its time; an empty box otherwise.
std::string signature_box(const std::optional<SheetSignature>& signature) {
  if (!signature) return "";
  const std::string& at = signature->signed_at;  // 2026-10-05T08:00:00Z
  return fmt::format("<div class=\"signed\">{}<small>{} {} UTC</small></div>", signature->svg, escape_html(short_french_date(at.substr(0, 10))),
                     escape_html(at.substr(11, 8)));
}

std::string render_page(const Sheet& s, const std::vector<SheetPage>& pages, std::size_t k) {
  const SheetPage& page = pages[k];
  const bool last = k + 1 == pages.size();
  const std::string page_label = fmt::format("page {} / {}", k + 1, pages.size());
  const bool elearning = s.mode == "elearning";
  std::string rows;
  const std::string_view row_template = resource(elearning ? "reports/sheet-row-elearning.html" : "reports/sheet-row.html");
  auto or_dash = [](const std::string& text) { return text.empty() ? std::string("—") : escape_html(text); };
  for (std::size_t i = page.first; i < page.first + page.count; ++i) {
    const auto& t = s.trainees[i];
    rows += fill_template(row_template, {{"n", std::to_string(i + 1)},
                                         {"last_name", escape_html(t.last_name)},
                                         {"first_name", escape_html(t.first_name)},
                                         {"function", escape_html(t.function)},
                                         {"signature", signature_box(s.signatures.contains(t.code) ? std::optional(s.signatures.at(t.code)) : std::nullopt)},
                                         {"proof", or_dash(t.proof)},
                                         {"activities", or_dash(t.activities)}});
  }
  std::string times = "<span class=\"blank\"></span>";
  if (s.start_time && s.end_time) times = escape_html(*s.start_time + " – " + *s.end_time);
  std::string notes;
  if (s.trainees.empty()) notes += "  <p class=\"note\">Aucun stagiaire inscrit à cette date.</p>\n";
  const std::string count = std::to_string(s.trainees.size());
  // The trainer certifies every row of the sheet, on its last page only (Art. 9-2); an e-learning
  // half-day is proven by the traces instead (D. 6313-3-1).
  const std::string closing =
      last && elearning ? fill_template(resource("reports/sheet-trace.html"), {{"trainee_count", count}})
      : last ? fill_template(resource("reports/sheet-trainer.html"),
                           {{"trainee_count", count},
                            {"trainer", or_blank(s.trainer)},
                            {"trainer_signature", signature_box(s.trainer_signature)},
                            {"signed_where", pages.size() == 1 ? "ci-dessus" : fmt::format("sur les {} pages de cette feuille", pages.size())}})
           : fill_template(resource("reports/sheet-continued.html"),
                           {{"from", std::to_string(page.first + 1)},
                            {"to", std::to_string(page.first + page.count)},
                            {"trainee_count", count},
                            {"next_page", fmt::format("page {} / {}", k + 2, pages.size())},
                            {"signed_there", elearning ? "" : ", où le formateur signe"}});
  return fill_template(
      resource("reports/sheet-page.html"),
      {{"id", escape_html(s.id)},
       {"page", page_label},
       {"convention_title", escape_html(s.convention_title)},
       {"option", escape_html(option_label(s.option))},
       {"scheme", escape_html(s.scheme)},
       {"convention_ref", escape_html(s.convention_label)},
       {"beneficiary_name", or_blank(s.beneficiary_name)},
       {"org_name", escape_html(s.org_name)},
       {"org_siret", or_blank(s.org_siret)},
       {"org_id_label", s.org_internal ? "Service interne" : "N° déclaration d'activité"},
       {"org_id", s.org_internal ? escape_html("service de formation interne de l'organisme bénéficiaire (Art. 3)") : or_blank(s.org_nda)},
       {"module", escape_html(s.module_label == s.module_code ? s.module_code : s.module_label + " (" + s.module_code + ")")},
       {"date", escape_html(long_french_date(s.date))},
       {"slot", s.slot == "am" ? "Matin" : "Après-midi"},
       {"times", times},
       {"duration", escape_html(format_hours(s.minutes))},
       {"place", or_blank(s.place)},
       {"mode", s.mode == "elearning" ? "E-learning (à distance)" : "Présentiel"},
       {"trainer", or_blank(s.trainer)},
       {"notes", notes},
       {"head", std::string(resource(elearning ? "reports/sheet-head-elearning.html" : "reports/sheet-head.html"))},
       {"rows", rows},
       {"closing", closing}});
}

}  // namespace

Sheet load_sheet(Ledger& ledger, const ConventionState& st, const ModuleRow& module, const std::string& date,
                 const std::string& slot) {
  auto found = planned(ledger, st, date, date, module.code, slot);
  if (found.empty())
    throw InputError::flag("--date", date, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(date)),
                                              fmt::arg("slot", slot_label(slot))));
  if (found.front().cancelled_by)
    throw InputError::flag("--date", date,
                           tr("sheet.cancelled", fmt::arg("module", module.code), fmt::arg("date", french_date(date)),
                              fmt::arg("slot", slot_label(slot)),
                              fmt::arg("by", *found.front().cancelled_by == "of" ? tr("sheet.by_of") : tr("sheet.by_beneficiary"))));
  return std::move(found.front().sheet);
}

std::vector<Sheet> load_week(Ledger& ledger, const ConventionState& st, const std::string& day) {
  const date::sys_days d{parse_date(day)};
  const date::sys_days monday = d - (date::weekday{d} - date::Monday);
  const std::string from = format_date(date::year_month_day{monday}), to = format_date(date::year_month_day{monday + date::days{6}});
  std::vector<Sheet> out;
  for (auto& p : planned(ledger, st, from, to, std::nullopt, std::nullopt))
    if (!p.cancelled_by) out.push_back(std::move(p.sheet));
  if (out.empty())
    throw InputError::flag("--week", day, tr("sheet.week_empty", fmt::arg("ref", st.convention.ref), fmt::arg("from", french_date(from)),
                                             fmt::arg("to", french_date(to))));
  return out;
}

std::vector<SheetPage> paginate(std::size_t trainees) {
  if (trainees <= kRowsBesideTrainer) return {{0, trainees}};
  const std::size_t pages = 1 + (trainees - kRowsBesideTrainer + kRowsPerPage - 1) / kRowsPerPage;
  // The last page takes its even share, as much as fits beside the trainer's box; the pages
  // before it share the rest evenly, the first ones one row more.
  const std::size_t last = std::min(kRowsBesideTrainer, (trainees + pages - 1) / pages);
  const std::size_t rest = trainees - last, before = pages - 1;
  std::vector<SheetPage> out;
  std::size_t first = 0;
  for (std::size_t k = 0; k < before; ++k) {
    const std::size_t count = rest / before + (k < rest % before ? 1 : 0);
    out.push_back({first, count});
    first += count;
  }
  out.push_back({first, last});
  return out;
}

std::string render_sheets(const std::vector<Sheet>& sheets) {
  std::string pages;
  for (const auto& s : sheets) {
    const auto layout = paginate(s.trainees.size());
    for (std::size_t k = 0; k < layout.size(); ++k) pages += render_page(s, layout, k);
  }
  std::string title = "Feuille d'émargement";
  if (sheets.size() == 1) title += " " + sheets.front().id;
  else if (!sheets.empty()) title += "s " + sheets.front().date + " – " + sheets.back().date;
  return fill_template(resource("reports/sheet.html"), {{"title", escape_html(title)}, {"pages", pages}});
}

}  // namespace ledger::paper
