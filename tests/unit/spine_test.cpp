// The spine in-process: convention import, sessions, attendance and corrections.
#include "fixture.hpp"

#include "app/error.hpp"
#include "domain/attendance.hpp"
#include "store/errors.hpp"

namespace ledger::testing {
namespace {

using Spine = LedgerFixture;

TEST_F(Spine, ImportRecordsEveryPartAllOrNothing) {
  import(template_toml());
  EXPECT_EQ(count("convention"), 1);
  EXPECT_EQ(count("training_org"), 1);
  EXPECT_EQ(count("module"), 2);
  EXPECT_EQ(count("trainee"), 1);
  EXPECT_EQ(count("funding_scope"), 2);  // one agreement, every module, every trainee
  const auto st = load_convention(*ledger, "");
  EXPECT_EQ(st.convention.ref, "CQP-2026-EXEMPLE");
  EXPECT_EQ(st.module("PREMSS")->minutes, 61 * 60);
  EXPECT_EQ(st.module("PASS")->price_ht_cents, 122000);
  EXPECT_TRUE(st.module("PASS")->elearning);
  // A second import of the same ref is refused and writes nothing.
  EXPECT_THROW(import(template_toml()), InputError);
  EXPECT_EQ(count("convention"), 1);
}

TEST_F(Spine, ImportReportsEveryProblemWithItsLine) {
  std::string toml = replaced(template_toml(), "siret = \"78250100000015\"", "siret = \"78250100000016\"");
  toml = replaced(toml, "nda = \"84691234569\"", "nda = \"123\"");
  try {
    import(toml, "bad.toml");
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].where, "bad.toml:23");
    EXPECT_EQ(e.problems()[0].field, "beneficiary.siret");
    EXPECT_EQ(e.problems()[1].field, "training_org[1].nda");
  }
  EXPECT_EQ(count("convention"), 0);
}

TEST_F(Spine, TomlFloatsAndStringsForAmounts) {
  std::string toml = replaced(template_toml(), "price_ht = \"1220.00\"", "price_ht = 1220.5");
  toml = replaced(toml, "hourly_rate = \"9.15\"", "hourly_rate = 9.15");
  import(toml);
  EXPECT_EQ(load_convention(*ledger, "").module("PASS")->price_ht_cents, 122050);
  EXPECT_EQ(sql_i64("SELECT hourly_rate_cents FROM funding"), 915);
}

TEST_F(Spine, SeveralConventionsNeedARef) {
  import(template_toml());
  import(replaced(template_toml(), "ref = \"CQP-2026-EXEMPLE\"", "ref = \"OTHER\""));
  EXPECT_THROW(load_convention(*ledger, ""), InputError);
  EXPECT_EQ(load_convention(*ledger, "OTHER").convention.ref, "OTHER");
  EXPECT_THROW(load_convention(*ledger, "NOPE"), InputError);
}

TEST_F(Spine, AttendanceCorrectionsAppendAndSupersede) {
  import(template_toml());
  plan("PREMSS", "2026-10-05", "am", 210);
  AttendOptions a;
  a.module = "PREMSS", a.date = "2026-10-05", a.slot = "am";
  a.all_present = true;
  a.late = {"T01=30=justified"};
  run_attend(*ledger, clock, out, err, a);
  auto entry = [&](const char* column) {
    return std::string("SELECT ") + column + " FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM attendance l WHERE l.supersedes = a.id)";
  };
  EXPECT_EQ(sql_i64(entry("minutes")), 180);
  EXPECT_EQ(sql_text(entry("absence")), "justified");
  EXPECT_EQ(sql_i64(entry("trainee_signed")), 1);

  AttendCorrectOptions c;
  c.module = "PREMSS", c.date = "2026-10-05", c.slot = "am", c.trainee = "T01";
  c.minutes = "210";
  c.reason = "arrived on time after all";
  run_attend_correct(*ledger, clock, out, c);
  EXPECT_EQ(count("attendance"), 2);
  EXPECT_EQ(sql_i64(entry("minutes")), 210);
  EXPECT_EQ(sql_text(entry("absence")), "");  // a full half-day has nothing missed
  EXPECT_EQ(sql_text(entry("reason")), "arrived on time after all");
  // The original is still there, untouched, and cannot be changed.
  EXPECT_EQ(sql_i64("SELECT minutes FROM attendance ORDER BY id LIMIT 1"), 180);
  EXPECT_THROW(sql_exec("UPDATE attendance SET minutes = 0"), ConstraintViolation);
  EXPECT_THROW(sql_exec("DELETE FROM attendance"), ConstraintViolation);
}

TEST_F(Spine, EveryEnrolledTraineeNeedsAStatus) {
  import(template_toml());
  TraineeAddOptions t;
  t.id = "T02", t.last_name = "Durand", t.first_name = "Alice";
  run_trainee_add(*ledger, clock, out, t);
  plan("PREMSS", "2026-10-05", "am", 210);
  AttendOptions a;
  a.module = "PREMSS", a.date = "2026-10-05", a.slot = "am";
  a.present = {"T01"};
  try {
    run_attend(*ledger, clock, out, err, a);
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.problems().front().value, "T02");
  }
  EXPECT_EQ(count("attendance"), 0);
  // A trainee enrolled later joins the agreement written for every trainee.
  EXPECT_EQ(count("funding_scope"), 4);
}

TEST_F(Spine, WritesAreChainedWithoutGaps) {
  import(template_toml());
  plan("PREMSS", "2026-10-05", "am", 210);
  const auto report = verify_chain(*ledger);
  EXPECT_TRUE(report.ok) << report.problem;
  EXPECT_EQ(report.entries, sql_i64("SELECT seq FROM chain_head"));
  EXPECT_GT(report.entries, 5);
}

TEST_F(Spine, FailedWriteLeavesTheChainAsItWas) {
  import(template_toml());
  const auto before = sql_i64("SELECT seq FROM chain_head");
  EXPECT_THROW(plan("PREMSS", "2026-10-05", "xx", 210), InputError);
  EXPECT_EQ(sql_i64("SELECT seq FROM chain_head"), before);
  EXPECT_TRUE(verify_chain(*ledger).ok);
}

}  // namespace
}  // namespace ledger::testing
