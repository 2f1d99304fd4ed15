// Art. 8 grades in-process: recording, refusals that write nothing, corrections, the report.
#include "fixture.hpp"

#include "app/error.hpp"
#include "cli/paper.hpp"
#include "paper/grades.hpp"

namespace ledger::testing {
namespace {

struct Grades : LedgerFixture {
  void SetUp() override { import(template_toml()); }

  void add(const std::string& trainee, const std::string& module, const std::string& test, const std::string& score,
           const std::string& out_of = "") {
    GradeAddOptions o;
    o.trainee = trainee, o.module = module, o.test = test, o.score = score, o.out_of = out_of;
    run_grade_add(*ledger, clock, out, o);
  }
};

TEST_F(Grades, RecordsScoresInHundredthsOutOfTwentyByDefault) {
  add("T01", "PREMSS", "Étude de cas", "14,5");
  add("T01", "PASS", "QCM", "37.25", "40");
  EXPECT_EQ(sql_i64("SELECT score_x100 FROM grade WHERE test = 'Étude de cas'"), 1450);
  EXPECT_EQ(sql_i64("SELECT out_of_x100 FROM grade WHERE test = 'Étude de cas'"), 2000);
  EXPECT_EQ(sql_i64("SELECT score_x100 FROM grade WHERE test = 'QCM'"), 3725);
  EXPECT_EQ(sql_i64("SELECT out_of_x100 FROM grade WHERE test = 'QCM'"), 4000);
}

TEST_F(Grades, BadInputWritesNothing) {
  add("T01", "PREMSS", "Écrit", "12");
  const auto before = count("grade");
  EXPECT_THROW(add("T09", "PREMSS", "Oral", "12"), InputError);
  EXPECT_THROW(add("T01", "NOPE", "Oral", "12"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "Oral", "20.01"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "Oral", "-1"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "Oral", "12.345"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "Oral", "5", "0"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "  ", "5"), InputError);
  EXPECT_THROW(add("T01", "PREMSS", "Écrit", "13"), InputError);  // a second grade: use grade correct
  EXPECT_EQ(count("grade"), before);
}

TEST_F(Grades, CorrectionSupersedesTheLatestAndKeepsWhatIsNotGiven) {
  add("T01", "PREMSS", "Écrit", "12");
  GradeCorrectOptions c;
  c.trainee = "T01", c.module = "PREMSS", c.test = "Écrit", c.score = "13", c.reason = "Erreur de report";
  run_grade_correct(*ledger, clock, out, c);
  c.score = "", c.out_of = "25", c.reason = "Barème sur 25";
  run_grade_correct(*ledger, clock, out, c);
  EXPECT_EQ(count("grade"), 3);
  const auto latest = paper::latest_grade(*ledger, load_convention(*ledger, "").trainee("T01")->id,
                                          load_convention(*ledger, "").module("PREMSS")->id, "Écrit");
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(latest->score_x100, 1300);
  EXPECT_EQ(latest->out_of_x100, 2500);
  // A maximum below the kept score, a missing reason, or a grade never recorded: refused.
  c.out_of = "10", c.reason = "x";
  EXPECT_THROW(run_grade_correct(*ledger, clock, out, c), InputError);
  c.out_of = "20", c.reason = " ";
  EXPECT_THROW(run_grade_correct(*ledger, clock, out, c), InputError);
  c.test = "Oral", c.reason = "x";
  EXPECT_THROW(run_grade_correct(*ledger, clock, out, c), InputError);
  EXPECT_EQ(count("grade"), 3);
}

TEST_F(Grades, ReportConsolidatesLatestGradesAndListsMissingOnes) {
  add("T01", "PREMSS", "Écrit", "12");
  GradeCorrectOptions c;
  c.trainee = "T01", c.module = "PREMSS", c.test = "Écrit", c.score = "15", c.reason = "Copie recorrigée";
  run_grade_correct(*ledger, clock, out, c);
  const auto r = paper::grades_report(*ledger, "");
  ASSERT_EQ(r.consolidated_by.size(), 1u);
  EXPECT_EQ(r.consolidated_by[0], "Centre régional de formation d'exemple");
  ASSERT_EQ(r.grades.rows.size(), 1u);  // the superseded grade is not consolidated
  EXPECT_EQ(std::get<std::int64_t>(r.grades.rows[0][6]), 1500);
  EXPECT_TRUE(std::get<bool>(r.grades.rows[0][8]));
  ASSERT_EQ(r.missing.rows.size(), 1u);  // T01 has no grade at all for PASS
  EXPECT_EQ(std::get<std::string>(r.missing.rows[0][3]), "PASS");
}

}  // namespace
}  // namespace ledger::testing
