#include "audit/checks.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <map>

#include "audit/holidays.hpp"
#include "domain/values.hpp"
#include "paper/tables.hpp"

namespace ledger::audit {

namespace {

std::string text(Query& q, const char* column) { return q.text(column); }

// Collects the findings of one convention; each rule is one method over its query.
class Checker {
 public:
  Checker(Ledger& ledger, const Clock& clock, const ConventionState& st) : ledger_(ledger), clock_(clock), st_(st) {}

  std::vector<Finding> run() {
    outside_validity();
    trainer_conflict();
    funding_after_entry();
    planned_minutes();
    training_share();
    calendar();
    unrecorded();
    unproven();
    payment_unproven();
    empty_fields();
    evidence_missing();
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
