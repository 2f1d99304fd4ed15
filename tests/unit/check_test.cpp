// `ledger check`: every rule of DESIGN.md section 7 triggered by a small ledger built for it, and
// none triggered on a clean one.
#include <algorithm>

#include "app/error.hpp"
#include "audit/checks.hpp"
#include "audit/holidays.hpp"
#include "cli/audit.hpp"
#include "cli/foad.hpp"
#include "cli/money.hpp"
#include "cli/paper.hpp"
#include "reimbursement_fixture.hpp"

namespace ledger::testing {
namespace {

using audit::Finding;
using audit::Severity;

// The template with every field the seed asks for filled in and two 7-hour modules, each planned
// exactly in two half-days of 3 h 30. Its 14 h are too few for a contrat de professionnalisation
// (150 h, L6325-13): it serves the plan de développement des compétences.
std::string clean_toml() {
  std::string t = replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"plan\"");
  t = replaced(t, "# signed_place = \"Lyon\"", "signed_place = \"Lyon\"");
  t = replaced(t, "# signed_on = 2026-08-28", "signed_on = 2026-08-28");
  t = replaced(t, "hours = 40", "hours = 7");
  t = replaced(t, "hours = 61", "hours = 7");
  t = replaced(t, "training_hours = 46", "training_hours = 5");
  t = replaced(t, "support_hours = 14", "support_hours = 1");
  // D. 6313-3-1: the e-learning module's activities, whose estimated time makes its 7 h.
  t = replaced(t, "\n\n[[module]]\ncode = \"PREMSS\"",
               "\n\n[[module.activity]]\nid = \"PASS-1\"\nminutes = 360\nkind = \"content\"\n"
               "[[module.activity]]\nid = \"PASS-QUIZ\"\nminutes = 60\nkind = \"quiz\"\n\n[[module]]\ncode = \"PREMSS\"");
  return t;
}

// The same as a contrat de professionnalisation.
std::string contrat_pro_toml() { return replaced(clean_toml(), "nature = \"plan\"", "nature = \"contrat_pro\""); }

struct Check : ReimbursementFixture {
  // PASS (e-learning) on Monday 5 and PREMSS (onsite) on Tuesday 6 October 2026, all present.
  void clean_ledger(const std::string& toml = clean_toml()) {
    import(toml);
    for (const char* slot : {"am", "pm"}) {
      plan_with("PASS", "2026-10-05", slot, 210, "Alice Martin");
      all_present("PASS", "2026-10-05", slot, "lms-export-2026-10-05.csv");
      plan_with("PREMSS", "2026-10-06", slot, 210, "Bruno Petit");
      all_present("PREMSS", "2026-10-06", slot);
    }
    // The FOAD module's assistance and evaluation (D. 6313-3-1).
    run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-10-05", "pedagogical", "Alice Martin", "", "Tutorat"});
    run_grade_add(*ledger, clock, out, GradeAddOptions{"", "T01", "PASS", "Quiz", "15", ""});
  }
  void plan_with(const std::string& module, const std::string& date, const std::string& slot, int minutes,
                 const std::string& trainer) {
    SessionPlanOptions o;
    o.module = module, o.date = date, o.slot = slot, o.minutes = std::to_string(minutes), o.trainer = trainer;
    run_session_plan(*ledger, clock, out, o);
  }
  std::vector<Finding> findings() {
    return audit::check_convention(*ledger, clock, load_convention(*ledger, ""));
  }
  std::vector<Finding> of_rule(const std::string& rule) {
    std::vector<Finding> out;
    for (auto& f : findings())
      if (f.rule == rule) out.push_back(f);
    return out;
  }
  int exit_code() {
    std::ostringstream o;
    return run_check(*ledger, clock, o, {});
  }
};

TEST_F(Check, CleanLedgerHasNoFinding) {
  clean_ledger();
  const auto found = findings();
  for (const auto& f : found) ADD_FAILURE() << f.rule << ": " << f.message;
  EXPECT_EQ(exit_code(), 0);
  std::ostringstream o;
  run_check(*ledger, clock, o, {});
  EXPECT_EQ(o.str(), "aucun constat\u202f; vérifié\u00a0: CQP-2026-EXEMPLE\n");
}

TEST_F(Check, SessionOutsideValidityIsAnError) {
  clean_ledger();
  // `session plan` refuses it; the check catches what came in another way.
  {
    WriteTransaction txn(*ledger, clock);
    const auto st = load_convention(*ledger, "");
    txn.append("session", {{"convention_id", st.convention.id}, {"module_id", st.module("PREMSS")->id},
                           {"date", std::string("2027-07-05")}, {"slot", std::string("am")}, {"minutes", std::int64_t{210}},
                           {"start_time", Value()}, {"end_time", Value()}, {"trainer", Value()}, {"place", Value()},
                           {"mode", std::string("onsite")}, {"recorded_at", txn.recorded_at()},
                           {"recorded_by", txn.recorded_by()}});
    txn.commit();
  }
  const auto f = of_rule("outside_validity");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_EQ(f[0].convention, "CQP-2026-EXEMPLE");
  EXPECT_EQ(f[0].date, "2027-07-05");
  EXPECT_EQ(f[0].slot, "am");
  EXPECT_EQ(f[0].module, "PREMSS");
  EXPECT_NE(f[0].message.find("1er septembre 2026 au 30 juin 2027"), std::string::npos) << f[0].message;
  EXPECT_EQ(exit_code(), 1);
}

TEST_F(Check, TrainerInTwoPlacesIsAnError) {
  clean_ledger();
  plan_with("PASS", "2026-10-07", "am", 30, "Alice Martin");
  plan_with("PREMSS", "2026-10-07", "am", 30, " alice martin");
  plan_with("PREMSS", "2026-10-07", "pm", 30, "Alice Martin");  // another half-day: fine
  const auto f = of_rule("trainer_conflict");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_EQ(f[0].date, "2026-10-07");
  EXPECT_EQ(f[0].slot, "am");
  EXPECT_EQ(f[0].module, "PASS");
  EXPECT_EQ(f[0].trainer, "Alice Martin");
  EXPECT_NE(f[0].message.find("PREMSS"), std::string::npos) << f[0].message;
  // Cancelling one of them resolves it.
  cancel("PREMSS", "2026-10-07", "am", "of", "2026-09-01");
  EXPECT_TRUE(of_rule("trainer_conflict").empty());
}

TEST_F(Check, FundingDecidedAfterEntryIsAnError) {
  clean_ledger(replaced(clean_toml(), "decided = 2026-08-25", "decided = 2026-10-06"));
  const auto f = of_rule("funding_after_entry");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_EQ(f[0].trainee, "T01");
  EXPECT_EQ(f[0].date, "2026-10-05");
  EXPECT_NE(f[0].message.find("UNIF-2026-0001 décidé le 6 octobre 2026"), std::string::npos) << f[0].message;
}

TEST_F(Check, FundingDecidedLaterThroughFundingDecideCounts) {
  clean_ledger(replaced(clean_toml(), "decided = 2026-08-25", ""));
  EXPECT_TRUE(of_rule("funding_after_entry").empty());  // pending: nothing decided yet
  FundingDecideOptions o;
  o.funding = "UNIF-2026-0001", o.decided = "2026-10-20";
  run_funding_decide(*ledger, clock, out, o);
  EXPECT_EQ(of_rule("funding_after_entry").size(), 1u);
}

TEST_F(Check, PlannedAboveContractIsAnErrorBelowAWarning) {
  import(clean_toml());
  plan_with("PASS", "2026-10-05", "am", 210, "");  // 3 h 30 planned for 7 h
  plan_with("PASS", "2026-10-05", "pm", 210, "");
  cancel("PASS", "2026-10-05", "pm", "of", "2026-09-01");  // a cancelled half-day is not planned
  for (const char* slot : {"am", "pm"}) plan_with("PREMSS", "2026-10-06", slot, 210, "");
  plan_with("PREMSS", "2026-10-08", "am", 30, "");
  const auto above = of_rule("planned_above_contract");
  ASSERT_EQ(above.size(), 1u);
  EXPECT_EQ(above[0].severity, Severity::error);
  EXPECT_EQ(above[0].module, "PREMSS");
  EXPECT_EQ(above[0].message, "7 h 30 planifiées (hors annulations) pour 7 h contractuelles (Art. 7)");
  const auto below = of_rule("planned_below_contract");
  ASSERT_EQ(below.size(), 1u);
  EXPECT_EQ(below[0].severity, Severity::warning);
  EXPECT_EQ(below[0].module, "PASS");
  EXPECT_EQ(below[0].message, "3 h 30 planifiées (hors annulations) pour 7 h contractuelles (Art. 7)");
}

TEST_F(Check, TrainingShareOfAContratProIsAnError) {
  // 14 h of parcours in a 3-day contract of 35 h a week: 15 h of working time, 93,33 %.
  clean_ledger(replaced(contrat_pro_toml(), "contract_end = 2027-08-31", "contract_end = 2026-09-03"));
  const auto f = of_rule("training_share");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::error);
  EXPECT_EQ(f[0].trainee, "T01");
  EXPECT_NE(f[0].message.find("93,33\u00a0%"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("au-delà de 70\u00a0%"), std::string::npos) << f[0].message;
}

TEST_F(Check, TrainingShareDoesNotApplyToAPeriodePro) {
  // An old convention (the période de professionnalisation ended with 2018) is still checked.
  std::string toml = replaced(clean_toml(), "contract_end = 2027-08-31", "contract_end = 2026-09-03");
  toml = replaced(toml, "starts = 2026-09-01", "starts = 2018-09-03");
  clean_ledger(replaced(toml, "nature = \"plan\"", "nature = \"periode_pro\""));
  EXPECT_TRUE(of_rule("training_share").empty());
  EXPECT_TRUE(of_rule("training_minimum_hours").empty());
}

// L6325-13: below 150 h and below 15 % of the working time, errors naming the trainee, the
// working time and the share; L6325-14: above 25 % within max_training_share, a warning.
TEST_F(Check, ContratProMinimumsAndTheBranchShare) {
  // 14 h over a year's contract (1 825 h): both minimums fail.
  clean_ledger(contrat_pro_toml());
  const auto hours = of_rule("training_minimum_hours");
  ASSERT_EQ(hours.size(), 1u);
  EXPECT_EQ(hours[0].severity, Severity::error);
  EXPECT_EQ(hours[0].trainee, "T01");
  EXPECT_NE(hours[0].message.find("1825 h"), std::string::npos) << hours[0].message;
  EXPECT_NE(hours[0].message.find("0,77\u202f%"), std::string::npos) << hours[0].message;
  ASSERT_EQ(of_rule("training_minimum_share").size(), 1u);
  EXPECT_TRUE(of_rule("training_share_branch").empty());
  EXPECT_EQ(exit_code(), 1);
}

TEST_F(Check, ContratProAboveAQuarterIsAWarningNamingTheBranchShare) {
  // 14 h in a 7-day contract of 35 h a week (35 h of working time): 40 %, above 25 % and within 70 %.
  clean_ledger(replaced(contrat_pro_toml(), "contract_end = 2027-08-31", "contract_end = 2026-09-07"));
  const auto f = of_rule("training_share_branch");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_NE(f[0].message.find("max_training_share = 70\u202f%"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("part de formation 40\u202f%"), std::string::npos) << f[0].message;
  EXPECT_TRUE(of_rule("training_share").empty());
}

TEST_F(Check, SundaysAndPublicHolidaysAreWarnings) {
  clean_ledger();
  plan_with("PASS", "2026-10-11", "am", 30, "");  // a Sunday
  plan_with("PASS", "2026-11-11", "am", 30, "");  // Armistice
  plan_with("PASS", "2027-05-17", "am", 30, "");  // Whit Monday 2027 (Easter 28 March)
  plan_with("PASS", "2027-05-06", "am", 30, "");  // Ascension 2027
  plan_with("PASS", "2027-03-29", "am", 30, "");  // Easter Monday 2027
  plan_with("PASS", "2027-05-18", "am", 30, "");  // an ordinary Tuesday
  const auto f = of_rule("holiday");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].date, "2026-10-11");
  EXPECT_EQ(f[0].message, "dimanche");
  EXPECT_EQ(f[1].message, "jour férié\u00a0: Armistice 1918");
  EXPECT_EQ(f[2].date, "2027-03-29");
  EXPECT_EQ(f[2].message, "jour férié\u00a0: Lundi de Pâques");
  EXPECT_EQ(f[3].message, "jour férié\u00a0: Ascension");
  EXPECT_EQ(f[4].message, "jour férié\u00a0: Lundi de Pentecôte");
  for (const auto& x : f) EXPECT_EQ(x.severity, Severity::warning);
  EXPECT_EQ(exit_code(), 1);  // the extra half-days also exceed PASS's contractual hours
}

TEST(Holidays, EasterAndTheDaysThatFollowIt) {
  using namespace date;
  EXPECT_EQ(audit::easter_sunday(year{2024}), 2024_y / March / 31);
  EXPECT_EQ(audit::easter_sunday(year{2025}), 2025_y / April / 20);
  EXPECT_EQ(audit::easter_sunday(year{2026}), 2026_y / April / 5);
  EXPECT_EQ(audit::easter_sunday(year{2027}), 2027_y / March / 28);
  EXPECT_EQ(audit::easter_sunday(year{2038}), 2038_y / April / 25);  // the latest possible
  EXPECT_EQ(audit::easter_sunday(year{2285}), 2285_y / March / 22);  // the earliest possible
  EXPECT_EQ(audit::french_public_holiday(2026_y / April / 6), "Lundi de Pâques");
  EXPECT_EQ(audit::french_public_holiday(2026_y / May / 14), "Ascension");
  EXPECT_EQ(audit::french_public_holiday(2026_y / May / 25), "Lundi de Pentecôte");
  EXPECT_EQ(audit::french_public_holiday(2026_y / July / 14), "Fête nationale");
  EXPECT_EQ(audit::french_public_holiday(2026_y / May / 26), std::nullopt);
  EXPECT_EQ(audit::french_public_holiday(2026_y / April / 5), std::nullopt);  // Easter Sunday itself: a Sunday
}

TEST_F(Check, HeldHalfDaysWithoutEntriesAreWarnings) {
  clean_ledger();
  // A half-day held with no entry at all: one finding for it.
  plan_with("PREMSS", "2026-10-08", "pm", 210, "Bruno Petit");
  // A trainee enrolled later has no entry for the half-days already recorded.
  TraineeAddOptions t;
  t.id = "T02", t.last_name = "Durand", t.first_name = "Léa", t.birth_date = "1990-01-01", t.function = "Conseillère";
  t.contract_start = "2026-09-01", t.contract_end = "2027-08-31";
  run_trainee_add(*ledger, clock, out, t);
  // A half-day still to come is not expected yet.
  plan_with("PASS", "2026-12-01", "am", 30, "");
  const auto f = of_rule("unrecorded");
  ASSERT_EQ(f.size(), 5u);  // T02 at the four recorded half-days, and the empty one
  EXPECT_EQ(f[0].date, "2026-10-05");
  EXPECT_EQ(f[0].trainee, "T02");
  EXPECT_EQ(f[4].date, "2026-10-08");
  EXPECT_EQ(f[4].slot, "pm");
  EXPECT_EQ(f[4].trainee, "");
  EXPECT_EQ(f[4].trainer, "Bruno Petit");
  EXPECT_EQ(f[4].message, "demi-journée tenue sans émargement (2 stagiaires attendus)");
}

TEST_F(Check, EntriesWithoutSignatureOrProofAreWarnings) {
  clean_ledger();
  correct("PREMSS", "2026-10-06", "am", "T01", [](AttendCorrectOptions& o) { o.trainer_signed = "no"; });
  correct("PREMSS", "2026-10-06", "pm", "T01", [](AttendCorrectOptions& o) { o.trainee_signed = "no"; });
  correct("PASS", "2026-10-05", "pm", "T01", [](AttendCorrectOptions& o) { o.proof = "", o.proof_given = true; });
  // An absence has nothing to prove.
  correct("PASS", "2026-10-05", "am", "T01", [](AttendCorrectOptions& o) { o.minutes = "0", o.proof = "", o.proof_given = true; });
  const auto f = of_rule("unproven");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].date, "2026-10-05");
  EXPECT_EQ(f[0].slot, "pm");
  EXPECT_EQ(f[0].trainee, "T01");
  EXPECT_NE(f[0].message.find("sans référence de preuve"), std::string::npos) << f[0].message;
  EXPECT_NE(f[1].message.find("sans signature du formateur"), std::string::npos) << f[1].message;
  EXPECT_NE(f[2].message.find("sans signature du stagiaire"), std::string::npos) << f[2].message;
}

TEST_F(Check, PaymentWhileHalfDaysLackProofsIsAWarning) {
  clean_ledger();
  InvoiceAddOptions inv;
  inv.org = "crf", inv.number = "F-1", inv.date = "2026-10-10", inv.kind = "training", inv.module = "PREMSS",
  inv.amount_ht = "1830.00";
  run_invoice_add(*ledger, clock, out, inv);
  PaymentAddOptions pay;
  pay.invoice = "F-1", pay.date = "2026-10-20", pay.amount = "1830.00";
  run_payment_add(*ledger, clock, out, pay);
  EXPECT_TRUE(of_rule("payment_unproven").empty());  // every PREMSS half-day is proven
  correct("PREMSS", "2026-10-06", "pm", "T01", [](AttendCorrectOptions& o) { o.trainer_signed = "no"; });
  const auto f = of_rule("payment_unproven");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::warning);
  EXPECT_EQ(f[0].module, "PREMSS");
  EXPECT_EQ(f[0].date, "2026-10-20");
  EXPECT_NE(f[0].message.find("1 demi-journée tenue est sans preuve"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("2026-10-06 pm"), std::string::npos) << f[0].message;
}

TEST_F(Check, EmptyFieldsTheSeedAsksForAreWarnings) {
  std::string toml = replaced(clean_toml(), "signed_place = \"Lyon\"", "");
  toml = replaced(toml, "function = \"Conseiller offres de service\"", "");
  toml = replaced(toml, "partial_percent = 50", "");
  toml = replaced(toml, "icom = \"ICOM-0001\"", "");
  clean_ledger(toml);
  std::vector<std::string> messages;
  for (const auto& f : of_rule("empty_field")) messages.push_back(f.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "champ vide\u00a0: [convention] signed_place (Art. 15 (Fait à))",
                          "champ vide\u00a0: [clauses] partial_percent ou partial_amount (Art. 13 (14-3))",
                          "champ vide\u00a0: [training_org crf] icom (parties)",
                          "champ vide\u00a0: [trainee T01] function (Art. 5 (fonction du stagiaire))",
                      }));
  EXPECT_EQ(of_rule("empty_field")[3].trainee, "T01");
  EXPECT_EQ(exit_code(), 0);  // warnings only
}

TEST_F(Check, FormatsForMachines) {
  clean_ledger();
  plan_with("PREMSS", "2026-10-08", "am", 30, "");
  std::ostringstream csv;
  CheckOptions o;
  o.format = Format::csv;
  EXPECT_EQ(run_check(*ledger, clock, csv, o), 1);
  EXPECT_EQ(csv.str(),
            "severity,rule,convention,date,slot,module,trainee,trainer,message\r\n"
            "error,planned_above_contract,CQP-2026-EXEMPLE,,,PREMSS,,,7 h 30 planifiées (hors annulations) pour 7 h "
            "contractuelles (Art. 7)\r\n"
            "warning,unrecorded,CQP-2026-EXEMPLE,2026-10-08,am,PREMSS,,,demi-journée tenue sans émargement (1 "
            "stagiaire attendu)\r\n");
}

}  // namespace
}  // namespace ledger::testing
