// Distance learning (FOAD, D. 6313-3-1): activities read from the convention file, LMS exports
// read and recorded, and the arithmetic of check's FOAD warnings.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/error.hpp"
#include "audit/checks.hpp"
#include "cli/foad.hpp"
#include "domain/foad.hpp"
#include "fixture.hpp"

namespace ledger::testing {
namespace {

namespace fs = std::filesystem;

const std::string kConvention = R"(
[convention]
ref = "FOAD-1"
option = "famille"
nature = "plan"
starts = 2026-09-01
ends = 2027-06-30
[beneficiary]
name = "CAF"
siret = "78250100000015"
[[training_org]]
key = "crf"
name = "CRF"
siret = "13000000000013"
nda = "82260123426"
[[module]]
code = "PASS"
org = "crf"
hours = 7
elearning = true
price_ht = "700.00"
[[module.activity]]
id = "A1"
minutes = 180
kind = "content"
[[module.activity]]
id = "A2"
label = "Quiz"
minutes = 240
kind = "QUIZ"
[[trainee]]
id = "T01"
last_name = "Un"
first_name = "Une"
email = "une.un@example.fr"
[[trainee]]
id = "T02"
last_name = "Deux"
first_name = "Deux"
)";

// Every problem of reading `toml`, as `where|field|why` lines.
std::string problems_of(const std::string& toml) {
  try {
    read_convention_toml(toml, "c.toml");
  } catch (const InputError& e) {
    std::string out;
    for (const auto& p : e.problems()) out += p.where + "|" + p.field + "|" + p.value + "\n";
    return out;
  }
  return "";
}

TEST(FoadConvention, ActivitiesAndEmailsAreRead) {
  const auto spec = read_convention_toml(kConvention, "c.toml");
  ASSERT_EQ(spec.modules.size(), 1u);
  const auto& a = spec.modules[0].activities;
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].code, "A1");
  EXPECT_EQ(a[0].label, "A1");  // the id when no label
  EXPECT_EQ(a[1].label, "Quiz");
  EXPECT_EQ(a[1].kind, "quiz");  // coded values are matched without regard to case
  EXPECT_EQ(a[0].minutes + a[1].minutes, 420);
  EXPECT_EQ(spec.trainees[0].email, "une.un@example.fr");
  EXPECT_FALSE(spec.trainees[1].email);
}

TEST(FoadConvention, BadActivitiesAndEmailsAreRefusedWithTheirLines) {
  EXPECT_EQ(problems_of(replaced(kConvention, "kind = \"QUIZ\"", "kind = \"video\"")), "c.toml:30|module[1].activity[2].kind|video\n");
  EXPECT_EQ(problems_of(replaced(kConvention, "id = \"A2\"", "id = \"a1\"")), "c.toml:27|module[1].activity[2].id|a1\n");
  EXPECT_EQ(problems_of(replaced(kConvention, "minutes = 180", "minutes = 0")), "c.toml:24|module[1].activity[1].minutes|0\n");
  EXPECT_EQ(problems_of(replaced(kConvention, "elearning = true", "elearning = false")), "c.toml:22|module[1].activity|\n");
  EXPECT_EQ(problems_of(replaced(kConvention, "une.un@example.fr", "une.un")), "c.toml:35|trainee[1].email|une.un\n");
  EXPECT_EQ(problems_of(replaced(kConvention, "first_name = \"Deux\"", "first_name = \"Deux\"\nemail = \"UNE.UN@example.fr\"")),
            "c.toml:40|trainee[2].email|UNE.UN@example.fr\n");
}

TEST(FoadValues, EmailShape) {
  EXPECT_EQ(parse_email(" a.b@c.fr "), "a.b@c.fr");
  for (const char* bad : {"", "a", "@c.fr", "a@", "a@c", "a@.fr", "a@c.", "a b@c.fr", "a@b@c.fr"})
    EXPECT_THROW(parse_email(bad), std::invalid_argument) << bad;
}

TEST(FoadValues, EstimatedMinutesAddUp) {
  EXPECT_EQ(estimated_minutes({}), 0);
  EXPECT_EQ(estimated_minutes({{1, "A1", "", "content", 180}, {2, "A2", "", "quiz", 240}}), 420);
}

struct Foad : LedgerFixture {
  fs::path dir = fs::temp_directory_path() / ("ledger-foad-" + std::to_string(::getpid()));
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    import(kConvention);
    plan("PASS", "2026-10-05", "am", 210);
    plan("PASS", "2026-10-06", "am", 210);
    for (const char* day : {"2026-10-05", "2026-10-06"}) {
      AttendOptions o;
      o.module = "PASS", o.date = day, o.slot = "am", o.all_present = true;
      run_attend(*ledger, clock, out, err, o);
    }
  }
  void TearDown() override { fs::remove_all(dir); }
  std::string file(const std::string& name, const std::string& text) {
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }
  std::vector<std::string> foad_findings() {
    std::vector<std::string> out;
    for (const auto& f : audit::check_convention(*ledger, clock, load_convention(*ledger, "")))
      if (f.rule.starts_with("foad_")) out.push_back(f.rule + " " + f.module + " " + f.trainee + ": " + f.message);
    return out;
  }
};

TEST_F(Foad, ReadsTraineesByIdOrEmailAndDropsRepeatedLines) {
  const auto st = load_convention(*ledger, "");
  const auto activities = module_activities(*ledger, st.module("PASS")->id);
  std::istringstream in("email,trainee,activity,completed,score\nUNE.UN@example.fr,,a1,05/10/2026,\n,t02,A2,2026-10-06,\"12,5\"\n"
                        ",T02,A2,2026-10-06,\n");
  const auto c = read_lms_export(in, "lms.csv", st, *st.module("PASS"), activities, "2026-11-27");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].trainee->code, "T01");
  EXPECT_EQ(c[0].activity->code, "A1");
  EXPECT_EQ(c[0].completed, "2026-10-05");
  EXPECT_EQ(c[1].trainee->code, "T02");
  EXPECT_EQ(c[1].score_x100, 1250);
  EXPECT_EQ(c[1].where, "lms.csv:3");
}

TEST_F(Foad, EveryBadLineIsReported) {
  const auto st = load_convention(*ledger, "");
  const auto activities = module_activities(*ledger, st.module("PASS")->id);
  std::istringstream in("trainee,email,activity,completed\nT09,,A1,2026-10-05\nT02,une.un@example.fr,A1,2026-10-05\nT01,,A3,2026-10-05\n"
                        "T01,,A1,2026-11-28\n");
  try {
    read_lms_export(in, "lms.csv", st, *st.module("PASS"), activities, "2026-11-27");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    std::vector<std::string> got;
    for (const auto& p : e.problems()) got.push_back(p.where + " " + p.field);
    EXPECT_EQ(got, (std::vector<std::string>{"lms.csv:2 trainee", "lms.csv:3 email", "lms.csv:4 activity", "lms.csv:5 completed"}));
  }
}

TEST_F(Foad, ImportRecordsCompletionsAndHoldsTheFileOncePerTrainee) {
  // Before any completion is held the estimate is not checked (the traces may be kept elsewhere);
  EXPECT_TRUE(foad_findings().empty());  // nothing followed yet: the entries have no proof reference
  const auto first = file("lms.csv", "trainee,activity,completed\nT01,A1,2026-10-05\nT01,A2,2026-10-06\nT02,A1,2026-10-05\n");
  EXPECT_EQ(run_lms_import(*ledger, clock, out, {"", first, "PASS"}), 0);
  EXPECT_EQ(count("activity_completion"), 3);
  EXPECT_EQ(count("evidence"), 2);
  EXPECT_EQ(count("evidence_file"), 1);
  // Both trainees' e-learning entries had no proof reference: the export fills them.
  EXPECT_EQ(count("attendance_current WHERE proof LIKE 'evidence/%'"), 4);
  // A later, cumulative export: what is held is left, what is new is recorded.
  const auto later = file("later.csv", "trainee,activity,completed\nT01,A1,2026-10-05\nT02,A2,2026-10-06\n");
  out.str("");
  run_lms_import(*ledger, clock, out, {"", later, "PASS"});
  EXPECT_EQ(count("activity_completion"), 4);
  EXPECT_EQ(count("evidence"), 3);
  EXPECT_NE(out.str().find("1 réalisation déjà enregistrée"), std::string::npos) << out.str();
  out.str("");
  EXPECT_EQ(run_lms_import(*ledger, clock, out, {"", later, "PASS"}), 0);  // the same file again: nothing new
  EXPECT_EQ(out.str(), "rien de nouveau dans later.csv\u202f: ses 2 réalisations sont déjà enregistrées (rien n'a été écrit)\n");
  EXPECT_EQ(count("evidence"), 3);
  // 420 minutes recorded each, 420 estimated for both activities: nothing above the estimate;
  // followed hours without assistance nor grades.
  const auto findings = foad_findings();
  ASSERT_EQ(findings.size(), 4u);
  EXPECT_TRUE(findings[0].starts_with("foad_no_assistance PASS T01: 7 h suivies")) << findings[0];
  EXPECT_TRUE(findings[1].starts_with("foad_no_evaluation PASS T01")) << findings[1];
  run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-10-05", "technical", "Support", "", "Accès"});
  EXPECT_EQ(foad_findings().size(), 2u);  // assistance to every trainee of the module
}

TEST_F(Foad, EstimateIsOfDistinctActivitiesCompleted) {
  // A1 done twice (two days) counts once: 180 minutes estimated against 420 recorded.
  const auto lms = file("lms.csv", "trainee,activity,completed\nT01,A1,2026-10-05\nT01,A1,2026-10-06\n");
  run_lms_import(*ledger, clock, out, {"", lms, "PASS"});
  const auto findings = foad_findings();
  ASSERT_FALSE(findings.empty());
  EXPECT_TRUE(findings[0].starts_with("foad_above_estimate PASS T01: 7 h enregistrées à distance pour 3 h de temps estimé")) << findings[0];
}

TEST_F(Foad, AssistanceRefusals) {
  EXPECT_THROW(run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-11-28", "technical", "S", "", "n"}), InputError);  // ahead
  EXPECT_THROW(run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-10-05", "hotline", "S", "", "n"}), InputError);
  EXPECT_THROW(run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-10-05", "technical", " ", "", "n"}), InputError);
  EXPECT_THROW(run_assist_add(*ledger, clock, out, {"", "PASS", "T09", "2026-10-05", "technical", "S", "", "n"}), InputError);
  EXPECT_THROW(run_assist_add(*ledger, clock, out, {"", "PASS", "", "2026-10-05", "technical", "S", "0", "n"}), InputError);
  EXPECT_EQ(count("assistance"), 0);
  EXPECT_EQ(run_assist_add(*ledger, clock, out, {"", "pass", "t01", "2026-10-05", "Pedagogical", "Tutrice", "30", "Étude de cas"}), 0);
  EXPECT_EQ(out.str().substr(out.str().rfind("assistance")),
            "assistance pédagogique enregistrée\u202f: PASS, T01, 5 octobre 2026, par Tutrice (0 h 30) (entrée n° 16)\n");
}

}  // namespace
}  // namespace ledger::testing
