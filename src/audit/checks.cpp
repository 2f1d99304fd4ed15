#include "audit/checks.hpp"

#include <fmt/format.h>

#include <map>

#include "audit/holidays.hpp"
#include "domain/values.hpp"
#include "paper/tables.hpp"

namespace ledger::audit {

namespace {

std::string text(SQLite::Statement& q, const char* column) {
  const auto c = q.getColumn(column);
  return c.isNull() ? std::string() : c.getString();
}

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
  Finding& add_at(SQLite::Statement& q, Severity severity, std::string rule, std::string message) {
    Finding& f = add(severity, std::move(rule), std::move(message));
    f.date = text(q, "date");
    f.slot = text(q, "slot");
    f.module = text(q, "module");
    f.trainer = text(q, "trainer");
    return f;
  }
  SQLite::Statement& query(const char* name) {
    auto& q = ledger_.query(name);
    q.bind(":convention", st_.convention.id);
    return q;
  }

  void outside_validity() {
    auto& q = query("check_outside_validity");
    while (q.executeStep())
      add_at(q, Severity::error, "outside_validity",
             fmt::format("demi-journée hors de la validité de la convention (du {} au {}, Art. 14)", text(q, "starts"),
                         text(q, "ends")));
  }

  void trainer_conflict() {
    auto& q = query("check_trainer_conflict");
    while (q.executeStep()) {
      const std::string other = text(q, "other_convention");
      add_at(q, Severity::error, "trainer_conflict",
             fmt::format("formateur en deux lieux à la même demi-journée : {} ({}) et {}{} ({})", text(q, "module"),
                         text(q, "place"), other == st_.convention.ref ? "" : other + " ", text(q, "other_module"),
                         text(q, "other_place")));
    }
  }

  void funding_after_entry() {
    auto& q = query("check_funding_after_entry");
    while (q.executeStep()) {
      Finding& f = add(Severity::error, "funding_after_entry",
                       fmt::format("accord {} décidé le {}, après l'entrée en formation du stagiaire le {} (Art. 11 : "
                                   "accord préalable)",
                                   text(q, "funding"), text(q, "decided"), text(q, "entered")));
      f.trainee = text(q, "trainee");
      f.date = text(q, "entered");
    }
  }

  void planned_minutes() {
    auto& q = query("check_planned_minutes");
    while (q.executeStep()) {
      const Minutes contractual = q.getColumn("contractual").getInt64(), planned = q.getColumn("planned").getInt64();
      if (planned == contractual) continue;
      const bool above = planned > contractual;
      Finding& f = add(above ? Severity::error : Severity::warning, above ? "planned_above_contract" : "planned_below_contract",
                       fmt::format("{} planifiées (hors annulations) pour {} contractuelles (Art. 7)", format_hours(planned),
                                   format_hours(contractual)));
      f.module = text(q, "module");
    }
  }

  void training_share() {
    const auto tables = paper::compute_tables(ledger_, st_.convention.ref);
    for (const auto& t : tables.art7.trainees) {
      if (t.status != paper::ShareStatus::above) continue;
      Finding& f = add(Severity::error, "training_share",
                       fmt::format("parcours de {} : {} % du temps de travail du contrat ({} du {} au {}), au-delà de {} % (Art. 7)",
                                   format_hours(tables.art7.parcours_minutes), format_hundredths_fr(*t.share_bp),
                                   format_hours(*t.working_minutes), *t.contract_start, *t.contract_end,
                                   format_hundredths_fr(tables.art7.max_share_bp)));
      f.trainee = t.code;
    }
  }

  void calendar() {
    auto& q = query("check_held_sessions");
    while (q.executeStep()) {
      const auto day = parse_date(text(q, "date"));
      if (const auto holiday = french_public_holiday(day))
        add_at(q, Severity::warning, "holiday", fmt::format("jour férié : {}", *holiday));
      else if (date::weekday{date::sys_days{day}} == date::Sunday)
        add_at(q, Severity::warning, "holiday", "dimanche");
    }
  }

  void unrecorded() {
    auto& q = query("check_unrecorded");
    q.bind(":today", format_date(clock_.today()));
    std::string last_session;
    while (q.executeStep()) {
      const std::string session = text(q, "date") + text(q, "slot") + text(q, "module");
      if (q.getColumn("recorded").getInt64() == 0) {
        // Nobody recorded: one finding for the half-day, not one per trainee.
        if (session == last_session) continue;
        last_session = session;
        add_at(q, Severity::warning, "unrecorded",
               fmt::format("demi-journée tenue sans émargement ({} stagiaire(s) attendu(s))", q.getColumn("expected").getInt64()));
      } else {
        add_at(q, Severity::warning, "unrecorded", "stagiaire sans émargement pour cette demi-journée").trainee =
            text(q, "trainee");
      }
    }
  }

  void unproven() {
    auto& q = query("check_unproven");
    while (q.executeStep()) {
      std::string missing;
      if (text(q, "mode") == "elearning") {
        missing = "référence de preuve (connexions e-learning)";
      } else {
        if (q.getColumn("trainee_signed").getInt() == 0) missing = "signature du stagiaire";
        if (q.getColumn("trainer_signed").getInt() == 0) missing += std::string(missing.empty() ? "" : " et ") + "signature du formateur";
      }
      add_at(q, Severity::warning, "unproven",
             fmt::format("émargement {} ({}) sans {}", q.getColumn("entry").getInt64(), format_hours(q.getColumn("minutes").getInt64()),
                         missing))
          .trainee = text(q, "trainee");
    }
  }

  void payment_unproven() {
    auto& q = query("check_payment_unproven");
    while (q.executeStep()) {
      const std::string first = text(q, "first_lacking");
      Finding& f = add(Severity::warning, "payment_unproven",
                       fmt::format("paiement de {} le {} (facture {} de {}) alors que {} demi-journée(s) tenue(s) sans "
                                   "preuve complète, la première le {} (Art. 10)",
                                   format_euros(q.getColumn("amount_cents").getInt64()), text(q, "paid_on"),
                                   text(q, "invoice"), text(q, "org"), q.getColumn("half_days").getInt64(), first));
      f.module = text(q, "module");
      f.date = text(q, "paid_on");
    }
  }

  void empty_fields() {
    auto& q = query("check_empty_fields");
    while (q.executeStep()) {
      const std::string part = text(q, "part"), item = text(q, "item");
      Finding& f = add(Severity::warning, "empty_field",
                       fmt::format("champ vide : [{}{}] {} ({})", part, item.empty() ? "" : " " + item, text(q, "field"),
                                   text(q, "article")));
      if (part == "module") f.module = item;
      if (part == "trainee") f.trainee = item;
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
  d.columns = {{"severity", "gravité"}, {"rule", "règle"},       {"convention", "convention"}, {"date", "date", ColumnKind::date},
               {"slot", "dj"},          {"module", "module"},   {"trainee", "stagiaire"},     {"trainer", "formateur"},
               {"message", "constat"}};
  auto opt = [](const std::string& s) { return s.empty() ? Datum() : Datum(s); };
  for (const auto& f : findings)
    d.add({std::string(f.severity == Severity::error ? "error" : "warning"), f.rule, f.convention, opt(f.date), opt(f.slot),
           opt(f.module), opt(f.trainee), opt(f.trainer), f.message});
  return d;
}

}  // namespace ledger::audit
