// The certificat de réalisation: its hours are the report's followed hours.
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
       {"CERTIFICAT DE RÉALISATION", "Centre régional de formation d&#39;exemple", "Léa Durand",
        "salarié(e) de l'entreprise <strong>Caisse d&#39;exemple</strong>", "☒</span> action de formation",
        "article L. 6313-1", "N° de déclaration d'activité 84691234569", "du 05/10/2026 au 06/10/2026",
        "<strong>6 h 30</strong>", "3 h 30 de présence enregistrée sans preuve complète", "Prénom Nom, Directrice",
        "@page { size: A4"})
    EXPECT_NE(h.find(expected), std::string::npos) << expected;
}

TEST_F(Certificate, TextFormatAndUnknownTrainee) {
  build();
  std::ostringstream text;
  CertificateOptions o;
  o.trainee = "T01", o.format = DocumentFormat::text;
  ASSERT_EQ(run_certificate(*ledger, clock, text, o), 0);
  EXPECT_NE(text.str().find("qui s'est déroulée du 05/10/2026 au 07/10/2026 pour une durée de 12 h 55 suivies."),
            std::string::npos)
      << text.str();
  o.trainee = "T09";
  EXPECT_THROW(run_certificate(*ledger, clock, text, o), InputError);
}

}  // namespace
}  // namespace ledger::testing
