// Schema migrations on a ledger that already holds entries: a ledger made before migration 3
// (attendance rebuilt for bulk imports) keeps every row, id and hash, and its rules; a ledger made
// before migrations 4 and 5 (joining dates, voided entries) verifies once migrated and chains the
// joining dates and the voids after.
#include <unistd.h>

#include <filesystem>

#include "app/error.hpp"
#include "cli/audit.hpp"
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

  // A ledger at schema `version`, as the ledger made it before the later migrations existed.
  std::unique_ptr<Ledger> ledger_at_schema(int version) {
    {
      SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      const char* steps[] = {"schema/001_initial.sql", "schema/002_report_indexes.sql", "schema/003_national_scale.sql"};
      for (int i = 0; i < version; ++i) db.exec(std::string(resource(steps[i])));
      db.exec("PRAGMA user_version = " + std::to_string(version));
    }
    return opened_before_joins();
  }

  // Today's commands write the old ledger's rows; they read joining dates and the entries that
  // stand, which a ledger before migrations 4 and 5 cannot hold: temporary stand-ins (this
  // connection's only) take their place, and are dropped before migrating.
  std::unique_ptr<Ledger> opened_before_joins() {
    auto ledger = Ledger::open(file.string(), Ledger::Open::create);
    sqlite_database(*ledger).exec("CREATE TEMP TABLE trainee_join (trainee_id INTEGER, joins TEXT)");
    sqlite_database(*ledger).exec("CREATE TEMP VIEW attendance_current AS SELECT a.* FROM main.attendance a "
                                  "WHERE NOT EXISTS (SELECT 1 FROM main.attendance later WHERE later.supersedes = a.id)");
    return ledger;
  }
  static int migrate(Ledger& ledger) {
    sqlite_database(ledger).exec("DROP TABLE temp.trainee_join");
    sqlite_database(ledger).exec("DROP VIEW temp.attendance_current");
    return ledger.migrate();
  }

  // A correction as the ledger wrote it before migration 4 (whose queries read voids): a new
  // attendance row superseding the trainee's latest one.
  void correct_before_voids(Ledger& ledger, const std::string& date, Minutes minutes, const std::string& reason) {
    auto& db = sqlite_database(ledger);
    SQLite::Statement latest(db, "SELECT a.id, a.session_id, a.trainee_id, a.sheet FROM attendance a JOIN session s ON s.id = a.session_id "
                                 "WHERE s.date = ? AND NOT EXISTS (SELECT 1 FROM attendance l WHERE l.supersedes = a.id) ORDER BY a.id LIMIT 1");
    latest.bind(1, date);
    ASSERT_TRUE(latest.executeStep());
    WriteTransaction txn(ledger, clock);
    txn.append("attendance", {{"session_id", latest.getColumn(1).getInt64()}, {"trainee_id", latest.getColumn(2).getInt64()},
                              {"minutes", minutes}, {"absence", std::string("justified")}, {"trainee_signed", flag(true)},
                              {"trainer_signed", flag(true)}, {"proof", std::string()}, {"sheet", latest.getColumn(3).getString()},
                              {"supersedes", latest.getColumn(0).getInt64()}, {"reason", reason},
                              {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
    txn.commit();
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
  auto ledger = ledger_at_schema(2);
  ASSERT_EQ(ledger->schema_version(), 2);
  {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
    txn.commit();
  }
  attend(*ledger, "2026-10-05");
  attend(*ledger, "2026-10-06");
  correct_before_voids(*ledger, "2026-10-05", 150, "arrived late, sheet misread");
  const std::string before = rows(*ledger);
  const std::int64_t count = sqlite_database(*ledger).execAndGet("SELECT count(*) FROM attendance").getInt64();
  ASSERT_GT(count, 2);

  EXPECT_EQ(migrate(*ledger), Ledger::latest_schema_version() - 2);
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
  AttendCorrectOptions fix;
  fix.module = "PREMSS", fix.date = "2026-10-06", fix.slot = "am", fix.minutes = "0", fix.reason = "absent, sheet misread";
  fix.trainee = sqlite_database(*ledger).execAndGet("SELECT code FROM trainee ORDER BY code").getString();
  EXPECT_EQ(run_attend_correct(*ledger, clock, out, fix), 0);
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT count(*) FROM attendance").getInt64(), count + 1);
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
}

TEST_F(Migration, JoiningDatesComeAsANewChainedTable) {
  auto ledger = ledger_at_schema(3);
  ASSERT_EQ(ledger->schema_version(), 3);
  {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
    txn.commit();
  }
  attend(*ledger, "2026-10-05");
  const std::string before = sqlite_database(*ledger).execAndGet("SELECT group_concat(id || ':' || hex(hash), ',') FROM trainee").getString();

  EXPECT_EQ(migrate(*ledger), Ledger::latest_schema_version() - 3);
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT group_concat(id || ':' || hex(hash), ',') FROM trainee").getString(), before);

  TraineeAddOptions add;
  add.id = "T09", add.last_name = "Neuf", add.first_name = "Nina", add.joins = "2026-10-06";
  EXPECT_EQ(run_trainee_add(*ledger, clock, out, add), 0);
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT joins FROM trainee_join").getString(), "2026-10-06");
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
  // The joining date is a link of the chain: an edit behind the triggers' back is found.
  EXPECT_THROW(sqlite_database(*ledger).exec("UPDATE trainee_join SET joins = '2026-09-01'"), SQLite::Exception);
  sqlite_database(*ledger).exec("DROP TRIGGER trainee_join_no_update");
  sqlite_database(*ledger).exec("UPDATE trainee_join SET joins = '2026-09-01'");
  sqlite_database(*ledger).exec("CREATE TRIGGER trainee_join_no_update BEFORE UPDATE ON trainee_join BEGIN SELECT RAISE(ABORT, 'no'); END");
  std::ostringstream tampered;
  EXPECT_EQ(run_verify(*ledger, tampered, {}), 1);
}

// A ledger made before voids existed (schema 3: entries, a correction, a cancellation) keeps
// its chain through migrations 4 and 5: nothing of it is encoded anew, `verify` passes,
// and a void and the entry after it are new links that verify too.
TEST_F(Migration, LedgerBeforeVoidsStillVerifies) {
  auto ledger = ledger_at_schema(3);
  ASSERT_EQ(ledger->schema_version(), 3);
  {
    WriteTransaction txn(*ledger, clock);
    record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
    txn.commit();
  }
  attend(*ledger, "2026-10-05");
  attend(*ledger, "2026-10-06");
  correct_before_voids(*ledger, "2026-10-05", 180, "left at 11:30");
  SessionPlanOptions plan;
  plan.module = "PREMSS", plan.date = "2026-10-07", plan.slot = "am", plan.minutes = "210";
  run_session_plan(*ledger, clock, out, plan);
  {
    // As `session cancel` wrote it (today's counts entries through migration 4's view).
    WriteTransaction txn(*ledger, clock);
    txn.append("cancellation", {{"session_id", sqlite_database(*ledger).execAndGet("SELECT max(id) FROM session").getInt64()},
                                {"by_party", std::string("of")}, {"notified", std::string("2026-10-01")},
                                {"reason", std::string("trainer ill")}, {"recorded_at", txn.recorded_at()},
                                {"recorded_by", txn.recorded_by()}});
    txn.commit();
  }
  const std::string trainee = sqlite_database(*ledger).execAndGet("SELECT code FROM trainee ORDER BY code").getString();
  auto head = [&] { return sqlite_database(*ledger).execAndGet("SELECT seq || ':' || hex(hash) FROM chain_head").getString(); };
  const std::string head_before = head(), rows_before = rows(*ledger);

  EXPECT_EQ(migrate(*ledger), Ledger::latest_schema_version() - 3);
  EXPECT_EQ(rows(*ledger), rows_before);
  EXPECT_EQ(head(), head_before);
  std::ostringstream said;
  ASSERT_EQ(run_verify(*ledger, said, {}), 0) << said.str();

  AttendVoidOptions v;
  v.module = "PREMSS", v.date = "2026-10-06", v.slot = "am", v.trainee = trainee, v.reason = "marked on the wrong sheet";
  EXPECT_EQ(run_attend_void(*ledger, clock, out, v), 0);
  TraineeLeaveOptions leave;
  leave.trainee = trainee, leave.on = "2026-10-06", leave.reason = "resigned";
  EXPECT_EQ(run_trainee_leave(*ledger, clock, out, leave), 0);
  EXPECT_EQ(sqlite_database(*ledger).execAndGet("SELECT count(*) FROM attendance_void").getInt64(), 1);
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
  // The void is a link like any other: changed behind the ledger's back, it is caught.
  sqlite_database(*ledger).exec("DROP TRIGGER attendance_void_no_update");
  sqlite_database(*ledger).exec("UPDATE attendance_void SET reason = 'edited'");
  std::ostringstream caught;
  EXPECT_EQ(run_verify(*ledger, caught, {}), 1);
}

}  // namespace
}  // namespace ledger::testing
