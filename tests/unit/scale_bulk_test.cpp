// The bulk path (`attend --file`) reuses what it parsed and looked up for the previous line while
// the convention, module, date and slot stay the same. These tests pin that the reuse never
// carries a value or a refusal over to a line that differs.
#include <filesystem>
#include <unistd.h>

#include <fstream>

#include "app/error.hpp"
#include "fixture.hpp"

namespace ledger::testing {
namespace {

struct BulkFixture : LedgerFixture {
  std::string path = (std::filesystem::temp_directory_path() / ("ledger-bulk-" + std::to_string(::getpid()) + ".csv")).string();

  void SetUp() override {
    std::string toml = template_toml();
    toml += "\n[[trainee]]\nid = \"T02\"\nlast_name = \"Deux\"\nfirst_name = \"Anne\"\n";
    import(toml);
    plan("PREMSS", "2026-10-05", "am", 210);
    plan("PREMSS", "2026-10-05", "pm", 180);
    plan("PREMSS", "2026-10-06", "am", 210);
  }
  void TearDown() override { std::filesystem::remove(path); }

  // Runs `attend --file` on `csv`; returns the refusals, one message each (empty when recorded).
  std::vector<std::string> attend(const std::string& csv) {
    std::ofstream(path, std::ios::binary) << csv;
    AttendOptions o;
    o.file = path;
    std::vector<std::string> messages;
    try {
      run_attend(*ledger, clock, out, err, o);
    } catch (const InputError& e) {
      for (const auto& p : e.problems()) messages.push_back(p.message());
    }
    return messages;
  }
};

constexpr const char* kHeader = "module,date,slot,trainee,minutes,trainee_signed,trainer_signed\n";

TEST_F(BulkFixture, RecordsEachLineAgainstItsOwnHalfDay) {
  EXPECT_TRUE(attend(std::string(kHeader) +
                     "PREMSS,2026-10-05,am,T01,210,yes,yes\n"
                     "PREMSS,2026-10-05,am,T02,200,yes,yes\n"
                     "PREMSS,05/10/2026,pm,T01,180,yes,yes\n"   // same day written otherwise, other slot
                     "PREMSS,2026-10-06,am,T01,210,yes,yes\n")
                  .empty());
  EXPECT_EQ(sql_rows("SELECT s.date || ' ' || s.slot || ' ' || a.minutes || ' ' || a.sheet FROM attendance a "
                     "JOIN session s ON s.id = a.session_id ORDER BY a.id"),
            "2026-10-05 am 210 CQP-2026-EXEMPLE-PREMSS-20261005-AM,2026-10-05 am 200 CQP-2026-EXEMPLE-PREMSS-20261005-AM,"
            "2026-10-05 pm 180 CQP-2026-EXEMPLE-PREMSS-20261005-PM,2026-10-06 am 210 CQP-2026-EXEMPLE-PREMSS-20261006-AM");
}

TEST_F(BulkFixture, ARepeatedBadCellIsReportedOnEveryLine) {
  const auto problems = attend(std::string(kHeader) +
                               "PREMSS,2027-02-30,am,T01,210,yes,yes\n"
                               "PREMSS,2027-02-30,am,T02,210,yes,yes\n");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find(":2: date: 2027-02-30"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find(":3: date: 2027-02-30"), std::string::npos) << problems[1];
  EXPECT_EQ(count("attendance"), 0);
}

TEST_F(BulkFixture, AHalfDayIsNotCarriedOverToALineWithABadModule) {
  // The second line's session must not be the first line's: its minutes are checked against no
  // half-day at all, and it is refused for its module only.
  const auto problems = attend(std::string(kHeader) +
                               "PREMSS,2026-10-05,pm,T01,180,yes,yes\n"
                               "NOPE,2026-10-05,pm,T02,500,yes,yes\n"
                               "PREMSS,2026-10-05,pm,T02,181,yes,yes\n");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[0].find(":3: module: NOPE"), std::string::npos) << problems[0];
  EXPECT_NE(problems[1].find(":4: minutes: 181: dépasse les 180 minutes de la demi-journée"), std::string::npos) << problems[1];
  EXPECT_EQ(count("attendance"), 0);
}

TEST_F(BulkFixture, AnUnplannedHalfDayIsReportedOnEveryLine) {
  const auto problems = attend(std::string(kHeader) +
                               "PREMSS,2026-10-07,am,T01,210,yes,yes\n"
                               "PREMSS,2026-10-07,am,T02,210,yes,yes\n"
                               "PREMSS,2026-10-05,am,T02,210,yes,yes\n");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_NE(problems[1].find(":3: date: 2026-10-07: aucune demi-journée de PREMSS n'est planifiée"), std::string::npos) << problems[1];
}

TEST_F(BulkFixture, ASecondEntryInTheSameFileIsRefused) {
  const auto problems = attend(std::string(kHeader) +
                               "PREMSS,2026-10-05,am,T01,210,yes,yes\n"
                               "PREMSS,2026-10-05,am,T01,100,yes,yes\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(":3: trainee: T01: a déjà une entrée"), std::string::npos) << problems[0];
  EXPECT_EQ(count("attendance"), 0);
}

TEST_F(BulkFixture, ProofsAndSheetsKeepTheirBackslashes) {
  // PostgreSQL's bulk path sends rows in COPY's text format, where a backslash starts an escape
  // (\N a NULL, \t a tab); control characters themselves are refused before (a line break here).
  const auto problems = attend("module,date,slot,trainee,minutes,trainee_signed,trainer_signed,proof,sheet\n"
                               "PREMSS,2026-10-05,am,T01,210,yes,yes,C:\\scans\\oct.pdf,\\N\n"
                               "PREMSS,2026-10-05,am,T02,210,yes,yes,\\\\serveur\\feuilles,F\\t1\\\n"
                               "PREMSS,2026-10-05,pm,T02,180,yes,yes,\"ligne\nsuivante\",F2\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(":4: proof: ligne\\x0Asuivante: contient un caractère de contrôle (U+000A)"), std::string::npos)
      << problems[0];
  EXPECT_TRUE(attend("module,date,slot,trainee,minutes,trainee_signed,trainer_signed,proof,sheet\n"
                     "PREMSS,2026-10-05,am,T01,210,yes,yes,C:\\scans\\oct.pdf,\\N\n"
                     "PREMSS,2026-10-05,am,T02,210,yes,yes,\\\\serveur\\feuilles,F\\t1\\\n")
                  .empty());
  EXPECT_EQ(sql_rows("SELECT proof || '|' || sheet FROM attendance ORDER BY id"),
            "C:\\scans\\oct.pdf|\\N,\\\\serveur\\feuilles|F\\t1\\");
  EXPECT_TRUE(verify_chain(*ledger).ok);
}

TEST_F(BulkFixture, AModuleReadWholeStillRefusesAPairAlreadyEntered) {
  ASSERT_TRUE(attend(std::string(kHeader) + "PREMSS,2026-10-05,am,T01,210,yes,yes\n").empty());
  // The second half-day of the module named reads the whole module: its half-days and their
  // first entries, the earlier write's among them.
  const auto problems = attend(std::string(kHeader) +
                               "PREMSS,2026-10-05,pm,T01,180,yes,yes\n"
                               "PREMSS,2026-10-06,am,T01,210,yes,yes\n"
                               "PREMSS,2026-10-05,am,T02,200,yes,yes\n"
                               "PREMSS,2026-10-05,am,T01,100,yes,yes\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find(":5: trainee: T01: a déjà une entrée"), std::string::npos) << problems[0];
  EXPECT_TRUE(attend(std::string(kHeader) +
                     "PREMSS,2026-10-05,pm,T01,180,yes,yes\n"
                     "PREMSS,2026-10-06,am,T01,210,yes,yes\n"
                     "PREMSS,2026-10-05,am,T02,200,yes,yes\n")
                  .empty());
  EXPECT_EQ(count("attendance"), 4);
  EXPECT_TRUE(verify_chain(*ledger).ok);
}

}  // namespace
}  // namespace ledger::testing
