#include "audit/checks.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "audit/holidays.hpp"
#include "domain/values.hpp"
#include "paper/tables.hpp"
#include "report/reimbursement.hpp"

namespace ledger::audit {

namespace {

std::string text(Query& q, const char* column) { return q.text(column); }

// ---- Training-share rules of today's schemes ----
// contrat_pro: L. 6325-13 (training at least 15 % of the contract's working time and at least
// 150 h) and L. 6325-14 (at most 25 % unless a branch agreement allows more: the convention's
// `max_training_share`, 70 % in the seed after the branch protocol of 3 September 2010; the error
// above it is `training_share`). Pro-A (loi du 5 septembre 2018): at least 150 h. Période de
// reconversion (loi n° 2025-989 du 24 octobre 2025): 150 h to 450 h over at most twelve months,
// more needing a branch or company agreement. The training is every module's hours (teaching,
// accompaniment, evaluation): the parcours of Art. 7, which every trainee follows.
constexpr Minutes kSchemeMinimum = 150 * 60, kReconversionMaximum = 450 * 60;
constexpr BasisPoints kContratProMinimumShare = 1500, kContratProBranchShare = 2500;

// The contract's working time and the share computed, as each finding names them.
std::string contract_words(const paper::TraineeShare& t) {
  if (!t.working_minutes) return tr("law.check.contract_unknown");
  return tr("law.check.contract", fmt::arg("working", format_hours(*t.working_minutes)), fmt::arg("from", french_date(*t.contract_start)),
            fmt::arg("to", french_date(*t.contract_end)), fmt::arg("share", format_hundredths_fr(*t.share_bp)));
}

Finding scheme_finding(const ConventionState& st, const paper::TraineeShare& t, Severity severity, std::string rule, std::string message) {
  Finding f;
  f.severity = severity;
  f.rule = std::move(rule);
  f.convention = st.convention.ref;
  f.trainee = t.code;
  f.message = std::move(message);
  return f;
}

// `span`: the first and last half-days planned (check_training_span), when any.
std::vector<Finding> scheme_training_rules(const ConventionState& st, const paper::Art7& art7,
                                           const std::optional<std::pair<std::string, std::string>>& span) {
  std::vector<Finding> out;
  const std::string& nature = st.convention.nature;
  const Minutes parcours = art7.parcours_minutes;
  const std::string scheme = scheme_name(nature);
  const std::string article = nature == "contrat_pro" ? tr("law.article.contrat_pro_minimum")
                              : nature == "pro_a"     ? tr("law.article.pro_a")
                                                      : tr("law.article.periode_reconversion");
  for (const auto& t : art7.trainees) {
    const std::string contract = contract_words(t);
    if ((nature == "contrat_pro" || nature == "pro_a" || nature == "periode_reconversion") && parcours < kSchemeMinimum)
      out.push_back(scheme_finding(st, t, Severity::error, "training_minimum_hours",
                                   tr("law.check.minimum_hours", fmt::arg("scheme", scheme), fmt::arg("parcours", format_hours(parcours)),
                                      fmt::arg("contract", contract), fmt::arg("article", article))));
    if (nature == "contrat_pro" && t.contract_days) {
      if (paper::share_below(parcours, t.weekly_minutes, *t.contract_days, kContratProMinimumShare))
        out.push_back(scheme_finding(st, t, Severity::error, "training_minimum_share",
                                     tr("law.check.minimum_share", fmt::arg("parcours", format_hours(parcours)), fmt::arg("contract", contract))));
      else if (paper::share_above(parcours, t.weekly_minutes, *t.contract_days, kContratProBranchShare) &&
               !paper::share_above(parcours, t.weekly_minutes, *t.contract_days, art7.max_share_bp))
        out.push_back(scheme_finding(st, t, Severity::warning, "training_share_branch",
                                     tr("law.check.branch_share", fmt::arg("parcours", format_hours(parcours)), fmt::arg("contract", contract),
                                        fmt::arg("max", format_hundredths_fr(art7.max_share_bp)))));
    }
    if (nature == "periode_reconversion") {
      if (parcours > kReconversionMaximum)
        out.push_back(scheme_finding(st, t, Severity::warning, "training_maximum_hours",
                                     tr("law.check.reconversion_hours", fmt::arg("parcours", format_hours(parcours)), fmt::arg("contract", contract))));
      if (span && parse_date(span->second) >= parse_date(add_months(span->first, 12)))
        out.push_back(scheme_finding(st, t, Severity::warning, "training_duration",
                                     tr("law.check.reconversion_months", fmt::arg("first", french_date(span->first)),
                                        fmt::arg("last", french_date(span->second)), fmt::arg("contract", contract))));
    }
  }
  return out;
}

// Collects the findings of one convention; each rule is one method over its query.
class Checker {
 public:
  Checker(Ledger& ledger, const Clock& clock, const ConventionState& st) : ledger_(ledger), clock_(clock), st_(st) {}

  std::vector<Finding> run() {
    // A convention renounced as a whole (Art. 13) has no half-day held or still to plan: the
    // rules on its planning, calendar and missing proofs have nothing to say of it.
    const bool performed = !st_.renounced;
    outside_validity();
    trainer_conflict();
    funding_after_entry();
    if (performed) planned_minutes();
    training_share();
    if (performed) {
      calendar();
      unrecorded();
    }
    unproven();
    if (performed) payment_unproven();
    receipts_above_claims();
    empty_fields();
    evidence_missing();
    foad_trainees(foad_activities());
    return std::move(findings_);
  }

 private:
  Finding& add(Severity severity, std::string rule, std::string message) {
    Finding f;
    f.severity = severity;
    f.rule = std::move(rule);
    f.convention = st_.convention.ref;
    f.message = std::move(message);
    findings_.push_back(std::move(f));
    return findings_.back();
  }
  // The half-day a row of a check query names.
  Finding& add_at(Query& q, Severity severity, std::string rule, std::string message) {
    Finding& f = add(severity, std::move(rule), std::move(message));
    f.date = text(q, "date");
    f.slot = text(q, "slot");
    f.module = text(q, "module");
    f.trainer = text(q, "trainer");
    return f;
  }
  Query query(const char* name) {
    auto q = ledger_.query(name);
    q.bind(":convention", st_.convention.id);
    return q;
  }

  void outside_validity() {
    auto q = query("check_outside_validity");
    while (q.next())
      add_at(q, Severity::error, "outside_validity",
             tr("check.outside_validity", fmt::arg("starts", french_date(text(q, "starts"))), fmt::arg("ends", french_date(text(q, "ends")))));
  }

  void trainer_conflict() {
    auto q = query("check_trainer_conflict");
    while (q.next()) {
      const std::string other = text(q, "other_convention");
      add_at(q, Severity::error, "trainer_conflict",
             tr("check.trainer_conflict", fmt::arg("module", text(q, "module")), fmt::arg("place", text(q, "place")),
                fmt::arg("other", (other == st_.convention.ref ? "" : other + " ") + text(q, "other_module")),
                fmt::arg("other_place", text(q, "other_place"))));
    }
  }

  void funding_after_entry() {
    auto q = query("check_funding_after_entry");
    while (q.next()) {
      Finding& f = add(Severity::error, "funding_after_entry",
                       tr("check.funding_after_entry", fmt::arg("funding", text(q, "funding")), fmt::arg("decided", french_date(text(q, "decided"))),
                          fmt::arg("entered", french_date(text(q, "entered")))));
      f.trainee = text(q, "trainee");
      f.date = text(q, "entered");
    }
  }

  void planned_minutes() {
    auto q = query("check_planned_minutes");
    while (q.next()) {
      const Minutes contractual = q.i64("contractual"), planned = q.i64("planned");
      if (planned == contractual) continue;
      const bool above = planned > contractual;
      Finding& f = add(above ? Severity::error : Severity::warning, above ? "planned_above_contract" : "planned_below_contract",
                       tr("check.planned_minutes", fmt::arg("planned", format_hours(planned)), fmt::arg("contractual", format_hours(contractual))));
      f.module = text(q, "module");
    }
  }

  void training_share() {
    const auto tables = paper::compute_tables(ledger_, st_.convention.ref);
    for (const auto& t : tables.art7.trainees) {
      if (t.status != paper::ShareStatus::above) continue;
      Finding& f = add(Severity::error, "training_share",
                       tr("check.training_share", fmt::arg("parcours", format_hours(tables.art7.parcours_minutes)),
                          fmt::arg("share", format_hundredths_fr(*t.share_bp)), fmt::arg("working", format_hours(*t.working_minutes)),
                          fmt::arg("from", french_date(*t.contract_start)), fmt::arg("to", french_date(*t.contract_end)),
                          fmt::arg("max", format_hundredths_fr(tables.art7.max_share_bp))));
      f.trainee = t.code;
    }
    std::optional<std::pair<std::string, std::string>> span;
    auto q = query("check_training_span");
    if (q.next() && q.opt_text("first")) span.emplace(q.text("first"), q.text("last"));
    for (auto& f : scheme_training_rules(st_, tables.art7, span)) findings_.push_back(std::move(f));
  }

  void calendar() {
    auto q = query("check_held_sessions");
    while (q.next()) {
      const auto day = parse_date(text(q, "date"));
      if (const auto holiday = french_public_holiday(day))
        add_at(q, Severity::warning, "holiday", tr("check.holiday", fmt::arg("holiday", *holiday)));
      else if (date::weekday{date::sys_days{day}} == date::Sunday)
        add_at(q, Severity::warning, "holiday", tr("check.sunday"));
    }
  }

  void unrecorded() {
    auto q = query("check_unrecorded");
    q.bind(":today", format_date(clock_.today()));
    std::string last_session;
    while (q.next()) {
      const std::string session = text(q, "date") + text(q, "slot") + text(q, "module");
      if (q.i64("recorded") == 0) {
        // Nobody recorded: one finding for the half-day, not one per trainee.
        if (session == last_session) continue;
        last_session = session;
        add_at(q, Severity::warning, "unrecorded",
               trn("check.unrecorded_session", q.i64("expected")));
      } else {
        add_at(q, Severity::warning, "unrecorded", tr("check.unrecorded_trainee")).trainee =
            text(q, "trainee");
      }
    }
  }

  void unproven() {
    auto q = query("check_unproven");
    while (q.next()) {
      std::string missing;
      if (text(q, "mode") == "elearning") {
        missing = tr("check.missing_proof");
      } else {
        const bool trainee = q.flag("trainee_signed"), trainer = q.flag("trainer_signed");
        missing = !trainee && !trainer ? tr("check.missing_both_signatures")
                  : !trainee           ? tr("report.missing_trainee_signature")
                                       : tr("report.missing_trainer_signature");
      }
      add_at(q, Severity::warning, "unproven",
             tr("check.unproven", fmt::arg("entry", q.i64("entry")), fmt::arg("hours", format_hours(q.i64("minutes"))),
                fmt::arg("missing", missing)))
          .trainee = text(q, "trainee");
    }
  }

  void payment_unproven() {
    auto q = query("check_payment_unproven");
    while (q.next()) {
      const std::string first = text(q, "first_lacking");
      Finding& f = add(Severity::warning, "payment_unproven",
                       trn("check.payment_unproven", q.i64("half_days"), fmt::arg("amount", format_euros(q.i64("amount_cents"))),
                           fmt::arg("date", french_date(text(q, "paid_on"))), fmt::arg("invoice", text(q, "invoice")), fmt::arg("org", text(q, "org")),
                           fmt::arg("first", french_date(first))));
      f.module = text(q, "module");
      f.date = text(q, "paid_on");
    }
  }

  // Art. 11: the OPCA pays what is claimed from it. Per agreement and month with a receipt: what
  // it has paid to the month's end against what the month reports claim to that end (the month's
  // whole claim, so a receipt that settles the month is never early); above it is a warning (an
  // advance, or a receipt recorded wrongly), dated by the month's last receipt.
  void receipts_above_claims() {
    std::map<std::pair<std::string, std::string>, std::string> last_receipt;  // (month, funding) -> date
    {
      auto q = query("funding_receipts");
      while (q.next()) last_receipt[{text(q, "date").substr(0, 7), text(q, "funding")}] = text(q, "date");
    }
    std::string month;
    ReimbursementReport report;
    for (const auto& [key, date] : last_receipt) {
      if (key.first != month) {
        month = key.first;
        report = compute_reimbursement(ledger_, st_, Period::of_month(month));
      }
      for (const auto& f : report.funding) {
        if (f.ref != key.second || f.received_to_date <= f.claimed_to_date) continue;
        Finding& found = add(Severity::warning, "receipt_above_claim",
                             tr("check.receipt_above_claim", fmt::arg("funder", f.funder), fmt::arg("funding", f.ref),
                                fmt::arg("received", format_euros(f.received_to_date)), fmt::arg("to", french_date(report.period.to)),
                                fmt::arg("claimed", format_euros(f.claimed_to_date)),
                                fmt::arg("excess", format_euros(f.received_to_date - f.claimed_to_date))));
        found.date = date;
      }
    }
  }

  void empty_fields() {
    auto q = query("check_empty_fields");
    while (q.next()) {
      const std::string part = text(q, "part"), item = text(q, "item");
      Finding& f = add(Severity::warning, "empty_field",
                       tr("check.empty_field", fmt::arg("part", item.empty() ? part : part + " " + item), fmt::arg("field", text(q, "field")),
                          fmt::arg("article", text(q, "article"))));
      if (part == "module") f.module = item;
      if (part == "trainee") f.trainee = item;
    }
  }

  // Complete entries with no file held behind them, for a convention that holds evidence files
  // (one that keeps its proofs on paper is not told of every half-day).
  void evidence_missing() {
    auto held = query("reports/evidence_held");
    if (!held.next() || !held.flag("held")) return;
    held.reset();
    auto q = query("reports/evidence_missing");
    q.bind(":from", "0001-01-01").bind(":to", format_date(clock_.today()));
    while (q.next())
      add_at(q, Severity::warning, "evidence_missing",
             tr("check.evidence_missing", fmt::arg("entry", q.i64("entry")), fmt::arg("hours", format_hours(q.i64("attended_min")))))
          .trainee = text(q, "trainee_id");
  }

  // D. 6313-3-1: an e-learning module states its pedagogical activities and the time estimated
  // to carry them out, which account for the module's hours. Returns the e-learning modules whose
  // completions the ledger holds (`lms import`).
  std::set<std::string> foad_activities() {
    std::set<std::string> traced;
    auto q = query("check_foad_modules");
    while (q.next()) {
      const Minutes hours = q.i64("minutes"), estimated = q.i64("activity_minutes");
      if (q.flag("traced")) traced.insert(text(q, "module"));
      if (q.i64("activities") == 0)
        add(Severity::warning, "foad_no_activities", tr("check.foad_no_activities")).module = text(q, "module");
      else if (estimated != hours)
        add(Severity::warning, "foad_activity_minutes",
            tr("check.foad_activity_minutes", fmt::arg("estimated", format_hours(estimated)), fmt::arg("hours", format_hours(hours))))
            .module = text(q, "module");
    }
    return traced;
  }

  // D. 6313-3-1, per trainee of an e-learning module: the minutes recorded on its e-learning
  // half-days are backed by activities completed whose estimated time covers them (checked for a
  // module whose completions the ledger holds, as evidence_missing is for a convention holding
  // evidence: one keeping its platform's traces elsewhere is not told of every trainee); hours
  // followed come with an assistance record and an evaluation (a grade of the module).
  void foad_trainees(const std::set<std::string>& traced) {
    auto q = query("check_foad_trainees");
    while (q.next()) {
      const std::string module = text(q, "module"), trainee = text(q, "trainee");
      auto at = [&](Finding& f) {
        f.module = module;
        f.trainee = trainee;
      };
      const Minutes recorded = q.i64("recorded_min"), completed = q.i64("completed_min");
      if (traced.contains(module) && recorded > completed)
        at(add(Severity::warning, "foad_above_estimate",
               tr("check.foad_above_estimate", fmt::arg("recorded", format_hours(recorded)), fmt::arg("estimated", format_hours(completed)))));
      if (q.i64("followed_min") == 0) continue;
      if (q.i64("assistance") == 0)
        at(add(Severity::warning, "foad_no_assistance", tr("check.foad_no_assistance", fmt::arg("hours", format_hours(q.i64("followed_min"))))));
      if (q.i64("grades") == 0)
        at(add(Severity::warning, "foad_no_evaluation", tr("check.foad_no_evaluation", fmt::arg("hours", format_hours(q.i64("followed_min"))))));
    }
  }

  Ledger& ledger_;
  const Clock& clock_;
  const ConventionState& st_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> check_convention(Ledger& ledger, const Clock& clock, const ConventionState& st) {
  return Checker(ledger, clock, st).run();
}

Dataset findings_dataset(const std::vector<Finding>& findings) {
  Dataset d;
  d.columns = {{"severity", tr("col.severity"), ColumnKind::text, {{"error", tr("check.severity_error")}, {"warning", tr("check.severity_warning")}}}, {"rule", tr("col.rule")},       {"convention", tr("col.convention")}, {"date", tr("col.date"), ColumnKind::date},
               {"slot", tr("col.checks.slot")},          {"module", tr("col.module")},   {"trainee", tr("col.trainee")},     {"trainer", tr("col.trainer")},
               {"message", tr("col.message")}};
  auto opt = [](const std::string& s) { return s.empty() ? Datum() : Datum(s); };
  for (const auto& f : findings)
    d.add({std::string(f.severity == Severity::error ? "error" : "warning"), f.rule, f.convention, opt(f.date), opt(f.slot),
           opt(f.module), opt(f.trainee), opt(f.trainer), f.message});
  return d;
}

}  // namespace ledger::audit
