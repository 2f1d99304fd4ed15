// Schema migrations on a ledger that already holds entries: a ledger made before migration 3
// (attendance rebuilt for bulk imports) keeps every row, id and hash, and its rules.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/error.hpp"
#include "cli/audit.hpp"
#include "cli/proof.hpp"
#include "fixture.hpp"

namespace ledger::testing {
namespace {

namespace fs = std::filesystem;

struct Migration : ::testing::Test {
  fs::path dir = fs::temp_directory_path() / ("ledger-migration-" + std::to_string(::getpid()));
  fs::path file = dir / "ledger.db";
  Clock clock = test_clock();
  std::ostringstream out, err;

  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }

  // A ledger at schema 2, as the ledger made it before migration 3 existed.
  std::unique_ptr<Ledger> ledger_at_schema_2() {
    {
      SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      db.exec(std::string(resource("schema/001_initial.sql")));
      db.exec(std::string(resource("schema/002_report_indexes.sql")));
      db.exec("PRAGMA user_version = 2");
    }
    return Ledger::open(file.string(), Ledger::Open::create);
  }

  void attend(Ledger& ledger, const std::string& date) {
    SessionPlanOptions plan;
    plan.module = "PREMSS", plan.date = date, plan.slot = "am", plan.start = "09:00", plan.end = "12:30";
    run_session_plan(ledger, clock, out, plan);
    AttendOptions a;
    a.module = "PREMSS", a.date = date, a.slot = "am", a.all_present = true;
    run_attend(ledger, clock, out, err, a);
  }

  static std::string rows(Ledger& ledger) {
    return sqlite_database(ledger).execAndGet("SELECT group_concat(id || ':' || hex(hash), ',') FROM (SELECT * FROM attendance ORDER BY id)").getString();
  }
};

TEST_F(Migration, AttendanceKeepsItsRowsAndRules) {
  auto ledger = ledger_at_schema_2();
  ASSERT_EQ(ledger->schema_version(), 2);
  {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
    txn.commit();
  }
  attend(*ledger, "2026-10-05");
  attend(*ledger, "2026-10-06");
  const std::string trainee = sqlite_database(*ledger).execAndGet("SELECT code FROM trainee ORDER BY code").getString();
  AttendCorrectOptions fix;
  fix.module = "PREMSS", fix.date = "2026-10-05", fix.slot = "am", fix.trainee = trainee, fix.minutes = "150";
  fix.absence = "justified", fix.reason = "arrived late, sheet misread";
  run_attend_correct(*ledger, clock, out, fix);
  const std::string before = rows(*ledger);
  const std::int64_t count = sqlite_database(*ledger).execAndGet("SELECT count(*) FROM attendance").getInt64();
  ASSERT_GT(count, 2);

  EXPECT_EQ(ledger->migrate(), Ledger::latest_schema_version() - 2);
  EXPECT_EQ(ledger->schema_version(), Ledger::latest_schema_version());
  EXPECT_EQ(rows(*ledger), before);
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();

  // The old indexes are gone, the new one and the append-only triggers are there.
  auto names = [&](const std::string& type) {
    return sqlite_database(*ledger)
        .execAndGet("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE tbl_name = 'attendance' AND type = '" +
                    type + "' ORDER BY name)")
        .getString();
  };
  EXPECT_EQ(names("index"), "attendance_entry attendance_superseded");
  EXPECT_EQ(names("trigger"), "attendance_no_delete attendance_no_update");
  // `supersedes` refers to the table by its final name, and every reference holds.
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT \"table\" FROM pragma_foreign_key_list('attendance') WHERE \"from\" = 'supersedes'").getString(),
            "attendance");
  EXPECT_FALSE(SQLite::Statement(sqlite_database(*ledger), "PRAGMA foreign_key_check").executeStep());

  // Still one first entry per trainee and half-day, still append-only, corrections still taken.
  AttendOptions again;
  again.module = "PREMSS", again.date = "2026-10-06", again.slot = "am", again.all_present = true;
  EXPECT_THROW(run_attend(*ledger, clock, out, err, again), InputError);
  EXPECT_THROW(sqlite_database(*ledger).exec("UPDATE attendance SET minutes = 0"), SQLite::Exception);
  EXPECT_THROW(sqlite_database(*ledger).exec("INSERT INTO attendance SELECT id + 1000, session_id, trainee_id, minutes, 'sometimes', "
                                 "trainee_signed, trainer_signed, proof, sheet, supersedes, reason, recorded_at, recorded_by, hash "
                                 "FROM attendance LIMIT 1"),
               SQLite::Exception);
  fix.date = "2026-10-06", fix.minutes = "0", fix.reason = "absent, sheet misread";
  EXPECT_EQ(run_attend_correct(*ledger, clock, out, fix), 0);
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT count(*) FROM attendance").getInt64(), count + 1);
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
}

// Migration 4 adds the evidence tables only: a ledger with entries made at schema 3 keeps its
// chain head through `init`, and takes evidence afterwards.
TEST_F(Migration, EvidenceTablesLeaveTheChainAsItWas) {
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    for (const char* step : {"schema/001_initial.sql", "schema/002_report_indexes.sql", "schema/003_national_scale.sql"})
      db.exec(std::string(resource(step)));
    db.exec("PRAGMA user_version = 3");
  }
  auto ledger = Ledger::open(file.string(), Ledger::Open::create);
  {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
    txn.commit();
  }
  attend(*ledger, "2026-10-05");
  const ChainReport before = verify_chain(*ledger);
  ASSERT_TRUE(before.ok) << before.problem;

  EXPECT_EQ(ledger->migrate(), Ledger::latest_schema_version() - 3);
  const ChainReport after = verify_chain(*ledger);
  EXPECT_TRUE(after.ok) << after.problem;
  EXPECT_EQ(after.entries, before.entries);
  EXPECT_EQ(hex(after.head.hash), hex(before.head.hash));

  std::ofstream(dir / "sheet.pdf") << "%PDF-1.4\nsigned sheet\n%%EOF\n";
  ProofAttachOptions attach;
  attach.file = (dir / "sheet.pdf").string(), attach.module = "PREMSS", attach.date = "2026-10-05", attach.slot = "am";
  EXPECT_EQ(run_proof_attach(*ledger, clock, out, attach), 0);
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
}

}  // namespace
}  // namespace ledger::testing
