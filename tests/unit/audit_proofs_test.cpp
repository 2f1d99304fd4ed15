// `ledger export proofs`: the auditor bundle, checked as an auditor would check it.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "app/error.hpp"
#include "audit/proofs.hpp"
#include "cli/audit.hpp"
#include "io/csv.hpp"
#include "reimbursement_fixture.hpp"

namespace ledger::testing {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Proofs : ReimbursementFixture {
  fs::path dir;

  void SetUp() override {
    dir = fs::temp_directory_path() / ("ledger-proofs-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  // Two trainees, one of them with a name a spreadsheet would run; PREMSS half-days with a late
  // arrival, an unsigned sheet and a correction; a PASS e-learning half-day with a proof.
  // `last_name` as written in TOML.
  void build(const std::string& last_name = R"(=HYPERLINK(\"http://x\";\"y\"))") {
    import(template_toml() + trainee_toml("T02", last_name, "Léa"));
    SessionPlanOptions p;
    p.module = "PREMSS", p.date = "2026-10-05", p.slot = "am", p.start = "09:00", p.end = "12:30", p.trainer = "Bruno Petit";
    run_session_plan(*ledger, clock, out, p);
    p.slot = "pm", p.start = "13:30", p.end = "17:00";
    run_session_plan(*ledger, clock, out, p);
    plan("PASS", "2026-10-06", "am", 180);
    attend("PREMSS", "2026-10-05", "am", [](AttendOptions& o) { o.all_present = true, o.late = {"T02=20"}; });
    attend("PREMSS", "2026-10-05", "pm", [](AttendOptions& o) { o.all_present = true, o.unsigned_ids = {"T01"}; });
    all_present("PASS", "2026-10-06", "am", "-lms export.csv");
    correct("PREMSS", "2026-10-05", "am", "T02", [](AttendCorrectOptions& o) { o.minutes = "200", o.reason = "arrivée à 9 h 10"; });
  }

  int export_bundle(const std::string& dialect = "rfc4180", bool force = false) {
    ExportProofsOptions o;
    o.out = dir.string(), o.dialect = dialect, o.force = force;
    std::ostringstream said;
    const int code = run_export_proofs(*ledger, clock, said, o);
    message = said.str();
    return code;
  }
  std::vector<std::map<std::string, std::string>> read_csv(const std::string& name) {
    std::ifstream in(dir / name, std::ios::binary);
    io::CsvReader csv(in, name);
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> fields;
    while (csv.next(fields)) {
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < csv.header().size(); ++i) row[csv.header()[i]] = fields[i];
      rows.push_back(std::move(row));
    }
    return rows;
  }
  std::string message;
};

TEST_F(Proofs, BundleHoldsEveryFileAndSha256sumAcceptsItsManifest) {
  build();
  ASSERT_EQ(export_bundle(), 0) << message;
  for (const auto& f : audit::bundle_file_names()) EXPECT_TRUE(fs::exists(dir / f)) << f;
  // No partial file left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, audit::bundle_file_names().size());
  EXPECT_EQ(files, 14u);

  const std::string manifest = slurp(dir / "MANIFEST.sha256");
  const ChainReport chain = verify_chain(*ledger);
  const std::string last = "# chain-head " + hex(chain.head.hash) + " entries " + std::to_string(chain.entries) + "\n";
  ASSERT_GE(manifest.size(), last.size());
  EXPECT_EQ(manifest.substr(manifest.size() - last.size()), last);
  EXPECT_NE(manifest.find("  attendance.csv\n"), std::string::npos);

  const std::string cmd = "cd '" + dir.string() + "' && sha256sum -c MANIFEST.sha256 > sha.out 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0) << slurp(dir / "sha.out");
  EXPECT_EQ(slurp(dir / "sha.out"),
            "README.txt: OK\nattendance.csv: OK\nattendance.xlsx: OK\ncorrections.csv: OK\ncorrections.xlsx: OK\n"
            "evidence.csv: OK\nevidence.xlsx: OK\nsessions.csv: OK\nsessions.xlsx: OK\nsummary.csv: OK\nsummary.xlsx: OK\ntrainees.csv: OK\ntrainees.xlsx: OK\n");
  // A changed byte is caught.
  fs::remove(dir / "sha.out");
  { std::ofstream(dir / "summary.csv", std::ios::app) << "x"; }
  EXPECT_NE(std::system(cmd.c_str()), 0);
}

TEST_F(Proofs, AttendanceRowsCarryEntryIdsAndHashesOfTheChain) {
  build();
  ASSERT_EQ(export_bundle(), 0) << message;
  const auto rows = read_csv("attendance.csv");
  ASSERT_EQ(rows.size(), 6u);  // 3 half-days × 2 trainees
  for (const auto& r : rows) {
    const auto hash = sql_rows("SELECT hash FROM attendance WHERE id = " + r.at("entry_id"));
    EXPECT_EQ(r.at("hash"), hash);
    EXPECT_EQ(r.at("hash").size(), 64u);
  }
  const auto& late = rows[1];  // PREMSS 2026-10-05 am, T02, corrected
  EXPECT_EQ(late.at("trainee_id"), "T02");
  EXPECT_EQ(late.at("status"), "partial");
  EXPECT_EQ(late.at("minutes"), "200");
  EXPECT_EQ(late.at("session_minutes"), "210");
  EXPECT_EQ(late.at("correction_reason"), "arrivée à 9 h 10");
  EXPECT_EQ(late.at("org_nda"), "84691234569");
  EXPECT_EQ(late.at("sheet"), "CQP-2026-EXEMPLE-PREMSS-20261005-AM");
  EXPECT_EQ(late.at("trainer"), "Bruno Petit");
  EXPECT_EQ(rows[2].at("proof_complete"), "no");  // T01 did not sign in the afternoon
  EXPECT_EQ(rows[2].at("trainee_signed"), "no");
  // The superseded entry is in corrections.csv with the reason.
  const auto corrections = read_csv("corrections.csv");
  ASSERT_EQ(corrections.size(), 1u);
  EXPECT_EQ(corrections[0].at("minutes"), "190");  // the late arrival of 20 minutes, as first recorded
  EXPECT_EQ(corrections[0].at("superseded_by"), late.at("entry_id"));
  EXPECT_EQ(corrections[0].at("reason"), "arrivée à 9 h 10");
}

TEST_F(Proofs, AnAuditorRecomputesTheSummaryFromTheSheets) {
  build();
  ASSERT_EQ(export_bundle(), 0) << message;
  std::map<std::string, std::map<std::string, long>> computed;  // trainee|module -> quantity -> minutes
  for (const auto& r : read_csv("attendance.csv")) {
    auto& q = computed[r.at("trainee_id") + "|" + r.at("module")];
    const long session = std::stol(r.at("session_minutes"));
    const std::string status = r.at("status");
    if (status == "withdrawn" || status == "not_delivered") { q[status + "_min"] += session; continue; }
    q["delivered_min"] += session;
    if (status == "unrecorded" || status == "planned") { q["unrecorded_min"] += session; continue; }
    const long minutes = std::stol(r.at("minutes"));
    q[r.at("proof_complete") == "yes" ? "followed_min" : "unproven_min"] += minutes;
    q[r.at("absence") == "justified" ? "absent_justified_min" : "absent_unjustified_min"] += session - minutes;
  }
  const auto summary = read_csv("summary.csv");
  ASSERT_EQ(summary.size(), 4u);
  for (const auto& s : summary) {
    auto& q = computed[s.at("trainee_id") + "|" + s.at("module")];
    for (const char* name : {"delivered_min", "followed_min", "unproven_min", "absent_justified_min",
                             "absent_unjustified_min", "unrecorded_min", "not_delivered_min", "withdrawn_min"})
      EXPECT_EQ(std::stol(s.at(name)), q[name]) << s.at("trainee_id") << " " << s.at("module") << " " << name;
  }
  // By hand: T01 followed PREMSS in the morning only (unsigned afternoon), T02 200 + 210.
  EXPECT_EQ(summary[1].at("module"), "PREMSS");
  EXPECT_EQ(summary[1].at("followed_min"), "210");
  EXPECT_EQ(summary[1].at("unproven_min"), "210");
  EXPECT_EQ(summary[3].at("followed_min"), "410");
  EXPECT_EQ(summary[3].at("absent_unjustified_min"), "10");
  EXPECT_EQ(summary[3].at("contractual_hours"), "61.00");
}

TEST_F(Proofs, FormulaCellsAreDefusedButReadable) {
  build();
  ASSERT_EQ(export_bundle(), 0) << message;
  const std::string attendance = slurp(dir / "attendance.csv");
  EXPECT_NE(attendance.find(",\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\",Léa,"), std::string::npos) << attendance;
  EXPECT_NE(attendance.find(",'-lms export.csv,"), std::string::npos);
  EXPECT_EQ(attendance.find(",=HYPERLINK"), std::string::npos);
  EXPECT_EQ(read_csv("trainees.csv")[1].at("last_name"), "'=HYPERLINK(\"http://x\";\"y\")");
}

TEST_F(Proofs, ExcelFrBytes) {
  build("Durand");
  ASSERT_EQ(export_bundle("excel-fr"), 0) << message;
  for (const char* f : {"attendance.csv", "sessions.csv", "trainees.csv", "corrections.csv", "summary.csv"}) {
    const std::string bytes = slurp(dir / f);
    ASSERT_GE(bytes.size(), 3u);
    EXPECT_EQ(bytes.substr(0, 3), "\xEF\xBB\xBF") << f;
    EXPECT_EQ(bytes.substr(3, 11), "convention;") << f;
  }
  const std::string trainees = slurp(dir / "trainees.csv");
  EXPECT_NE(trainees.find(";Conseiller offres de service;2026-09-01;2027-08-31;35,00;"), std::string::npos) << trainees;
  const std::string summary = slurp(dir / "summary.csv");
  EXPECT_NE(summary.find("\r\nCQP-2026-EXEMPLE;T01;Nom;Prénom;PASS;40,00;180;180;0;0;0;0;0;0\r\n"), std::string::npos)
      << summary;
  // The manifest still checks.
  const std::string cmd = "cd '" + dir.string() + "' && sha256sum -c --quiet MANIFEST.sha256";
  EXPECT_EQ(std::system(cmd.c_str()), 0);
}

TEST_F(Proofs, RefusesANonEmptyDirectoryUnlessForced) {
  build();
  fs::create_directories(dir);
  { std::ofstream(dir / "notes.txt") << "mine"; }
  EXPECT_THROW(export_bundle(), InputError);
  EXPECT_FALSE(fs::exists(dir / "MANIFEST.sha256"));
  EXPECT_EQ(export_bundle("rfc4180", true), 0) << message;
  EXPECT_TRUE(fs::exists(dir / "MANIFEST.sha256"));
  EXPECT_EQ(slurp(dir / "notes.txt"), "mine");
  // A second export into the bundle's own directory needs --force too.
  EXPECT_THROW(export_bundle(), InputError);
}

TEST_F(Proofs, PeriodLimitsTheHalfDays) {
  build();
  ExportProofsOptions o;
  o.out = dir.string(), o.from = "2026-10-06", o.to = "2026-10-06";
  std::ostringstream said;
  ASSERT_EQ(run_export_proofs(*ledger, clock, said, o), 0);
  const auto rows = read_csv("attendance.csv");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].at("module"), "PASS");
  EXPECT_TRUE(read_csv("corrections.csv").empty());
  EXPECT_EQ(read_csv("summary.csv").size(), 2u);  // PASS only: PREMSS has no half-day that day
  EXPECT_EQ(read_csv("trainees.csv").size(), 2u);
  o.from = "2026-10-07";
  EXPECT_THROW(run_export_proofs(*ledger, clock, said, o), InputError);  // --to before --from
}

TEST_F(Proofs, TamperedLedgerIsNotExported) {
  build();
  sql_exec(ledger->on_postgres() ? "DROP TRIGGER attendance_no_update ON attendance" : "DROP TRIGGER attendance_no_update");
  sql_exec("UPDATE attendance SET minutes = 210 WHERE minutes = 190");
  EXPECT_EQ(export_bundle(), 1);
  EXPECT_NE(message.find("ÉCHOUE à la vérification"), std::string::npos) << message;
  EXPECT_FALSE(fs::exists(dir));
}

}  // namespace
}  // namespace ledger::testing
