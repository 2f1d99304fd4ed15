// The certificat de réalisation: its hours are the report's followed hours; a trainee who followed
// nothing has none; one issued while half-days are still planned says so.
#include <nlohmann/json.hpp>

#include "app/error.hpp"
#include "audit/certificate.hpp"
#include "cli/audit.hpp"
#include "cli/report.hpp"
#include "reimbursement_fixture.hpp"

namespace ledger::testing {
namespace {

struct Certificate : ReimbursementFixture {
  void build() {
    import(template_toml() + trainee_toml("T02", "Durand", "Léa"));
    plan("PREMSS", "2026-10-05", "am", 210);
    plan("PREMSS", "2026-10-05", "pm", 210);
    plan("PREMSS", "2026-10-07", "am", 200);
    plan("PASS", "2026-10-06", "am", 180);
    attend("PREMSS", "2026-10-05", "am", [](AttendOptions& o) { o.all_present = true, o.late = {"T01=25"}; });
    attend("PREMSS", "2026-10-05", "pm", [](AttendOptions& o) { o.all_present = true, o.unsigned_ids = {"T02"}; });
    attend("PREMSS", "2026-10-07", "am", [](AttendOptions& o) { o.all_present = true, o.absent = {"T02=justified"}; });
    all_present("PASS", "2026-10-06", "am", "lms.csv");
  }
  // followed_min per trainee and module, from `report reconcile --format json`.
  std::map<std::string, std::int64_t> report_followed() {
    ReportReconcileOptions o;
    o.format = Format::json;
    std::ostringstream json;
    run_report_reconcile(*ledger, clock, json, o);
    std::map<std::string, std::int64_t> out;
    const auto report = nlohmann::json::parse(json.str());
    for (const auto& row : report.at("rows"))
      out[row.at("trainee_id").get<std::string>() + "|" + row.at("module").get<std::string>()] =
          row.at("followed_min").get<std::int64_t>();
    return out;
  }
};

TEST_F(Certificate, HoursAreTheReportsFollowedHours) {
  build();
  const auto followed = report_followed();
  const auto st = load_convention(*ledger, "");
  for (const char* id : {"T01", "T02"}) {
    const auto c = audit::load_certificate(*ledger, clock, st, *st.trainee(id));
    ASSERT_EQ(c.pages.size(), 1u);  // one training body
    Minutes total = 0;
    for (const auto& m : c.pages[0].modules) {
      const auto it = followed.find(std::string(id) + "|" + m.code);
      ASSERT_NE(it, followed.end()) << id << " " << m.code;
      EXPECT_EQ(m.followed, it->second) << id << " " << m.code;
      total += m.followed;
    }
    EXPECT_EQ(c.pages[0].followed, total);
  }
  // By hand: T01 185 + 210 + 200 (PREMSS) and 180 (PASS); T02 210 (PREMSS; the afternoon is
  // unsigned, the 7th absent) and 180.
  const auto t1 = audit::load_certificate(*ledger, clock, st, *st.trainee("T01"));
  EXPECT_EQ(t1.pages[0].followed, 775);
  const auto t2 = audit::load_certificate(*ledger, clock, st, *st.trainee("T02"));
  EXPECT_EQ(t2.pages[0].followed, 390);
  EXPECT_EQ(t2.pages[0].unproven, 210);
  EXPECT_EQ(t2.pages[0].first_date, "2026-10-05");
  EXPECT_EQ(t2.pages[0].last_date, "2026-10-06");  // absent on the 7th
}

TEST_F(Certificate, HtmlCarriesTheModelsFields) {
  build();
  std::ostringstream html;
  CertificateOptions o;
  o.trainee = "T02";
  ASSERT_EQ(run_certificate(*ledger, clock, html, o), 0);
  const std::string h = html.str();
  for (const char* expected :
       {"CERTIFICAT DE RÉALISATION", "Modèle du ministère du Travail", "R. 6332-26", "Centre régional de formation d&#39;exemple", "Léa Durand",
        "salarié(e) de l'entreprise <strong>Caisse d&#39;exemple</strong>", "☒</span> action de formation",
        "article L. 6313-1", "N° de déclaration d'activité 84691234569", "du 05/10/2026 au 06/10/2026",
        "<strong>6 h 30</strong>", "3 h 30 de présence enregistrée sans preuve complète", "Prénom Nom, Directrice",
        "@page { size: A4", "<div class=\"stamp-box\"></div>"})
    EXPECT_NE(h.find(expected), std::string::npos) << expected;
  for (const char* absent : {"arrêté du 21 décembre 2018", "Formation en cours"})
    EXPECT_EQ(h.find(absent), std::string::npos) << absent;
}

// PASS is e-learning: its 3 h are justified by the activities and their estimated time, PREM'SS's
// 3 h 30 by the sheets.
TEST_F(Certificate, FoadHoursAreNotJustifiedBySheets) {
  build();
  std::ostringstream html;
  CertificateOptions o;
  o.trainee = "T02";
  run_certificate(*ledger, clock, html, o);
  EXPECT_NE(html.str().find("suivies, dont 3 h 30 en présentiel, justifiées par les feuilles d&#39;émargement, et 3 h à "
                            "distance (FOAD), justifiées par la réalisation des activités pédagogiques et le temps estimé pour les réaliser"),
            std::string::npos)
      << html.str();
}

TEST_F(Certificate, NothingFollowedIsRefused) {
  import(template_toml() + trainee_toml("T02", "Durand", "Léa"));
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-06", "am", 210);
  attend("PREMSS", "2026-10-05", "am", [](AttendOptions& o) { o.all_present = true, o.unsigned_ids = {"T02"}; });
  leave("T02", "2026-10-06");
  const auto st = load_convention(*ledger, "");
  try {
    audit::load_certificate(*ledger, clock, st, *st.trainee("T02"));
    FAIL() << "a certificate for nothing followed";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 1u);
    EXPECT_EQ(e.problems()[0].field, "--trainee");
    EXPECT_EQ(e.problems()[0].value, "T02");
    EXPECT_EQ(e.problems()[0].why,
              "Léa Durand n'a suivi aucune heure de formation justifiée dans la convention CQP-2026-EXEMPLE (sorti(e) de "
              "la formation le 06/10/2026) : pas de certificat de réalisation ; 3 h 30 de présence sans preuve complète "
              "(signature ou justificatif manquant) sont à compléter d'abord");
  }
  EXPECT_EQ(audit::load_certificate(*ledger, clock, st, *st.trainee("T01")).pages.size(), 1u);
}

// Today is 2026-11-27: PREM'SS still has 3 h 30 + 3 h planned in December; the period covered is
// the half-days held so far, whether or not the trainee attended the last one.
TEST_F(Certificate, UnderWaySaysSoWithTheHoursStillPlanned) {
  build();
  plan("PREMSS", "2026-11-27", "am", 120);  // today: held
  plan("PREMSS", "2026-12-01", "am", 210);
  plan("PREMSS", "2026-12-03", "pm", 180);
  plan("PREMSS", "2026-12-04", "am", 60);
  cancel("PREMSS", "2026-12-04", "am", "of", "2026-11-20");
  const auto st = load_convention(*ledger, "");
  const auto c = audit::load_certificate(*ledger, clock, st, *st.trainee("T01"));
  ASSERT_EQ(c.pages.size(), 1u);
  const auto& p = c.pages[0];
  EXPECT_TRUE(p.under_way());
  EXPECT_EQ(p.planned, 390);
  EXPECT_EQ(p.planned_last, "2026-12-03");
  EXPECT_EQ(p.held_first, "2026-10-05");
  EXPECT_EQ(p.held_last, "2026-11-27");
  EXPECT_EQ(p.last_date, "2026-10-07");  // attended
  std::ostringstream text;
  CertificateOptions o;
  o.trainee = "T01", o.format = DocumentFormat::text;
  run_certificate(*ledger, clock, text, o);
  for (const char* expected :
       {"FORMATION EN COURS au 27/11/2026 : ce certificat couvre les demi-journées tenues du 05/10/2026 au 27/11/2026.",
        "6 h 30 de formation restent planifiées jusqu'au 03/12/2026 (PREM'SS : 6 h 30)",
        "qui est en cours ; ce certificat couvre la période du 05/10/2026 au 27/11/2026 pour une durée de 12 h 55 suivies à ce jour"})
    EXPECT_NE(text.str().find(expected), std::string::npos) << expected << "\n" << text.str();
}

TEST_F(Certificate, TextFormatAndUnknownTrainee) {
  build();
  std::ostringstream text;
  CertificateOptions o;
  o.trainee = "T01", o.format = DocumentFormat::text;
  ASSERT_EQ(run_certificate(*ledger, clock, text, o), 0);
  EXPECT_NE(text.str().find("qui s'est déroulée du 05/10/2026 au 07/10/2026 pour une durée de 12 h 55 suivies, dont "
                            "9 h 55 en présentiel, justifiées par les feuilles d'émargement, et 3 h à distance (FOAD)"),
            std::string::npos)
      << text.str();
  o.trainee = "T09";
  EXPECT_THROW(run_certificate(*ledger, clock, text, o), InputError);
}

}  // namespace
}  // namespace ledger::testing
