// Schema migrations on a ledger that already holds entries: a ledger made before migration 3
// (attendance rebuilt for bulk imports) or before migration 6 (convention rebuilt for today's
// schemes) keeps every row, id and hash, and its rules; the new facts of migrations 4, 5 and 7
// (joining dates, voids, denunciations) come as new chained tables.
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

  // A ledger at schema `version` holding what `fill` records: the commands run on a ledger of the
  // latest schema (they may read tables a later migration adds), and the rows of the tables the
  // old schema has are copied as they are, ids, hashes and chain head included.
  template <typename Fill>
  std::unique_ptr<Ledger> ledger_at_schema(int version, Fill fill) {
    const fs::path source = dir / "source.db";
    {
      auto latest = Ledger::open(source.string(), Ledger::Open::create);
      latest->migrate();
      fill(*latest);
    }
    {
      SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
      const char* steps[] = {"schema/001_initial.sql", "schema/002_report_indexes.sql", "schema/003_national_scale.sql"};
      for (int v = 0; v < version; ++v) db.exec(std::string(resource(steps[v])));
      db.exec("PRAGMA user_version = " + std::to_string(version));
      db.exec("ATTACH DATABASE '" + source.string() + "' AS source");
      SQLite::Transaction txn(db);
      db.exec("PRAGMA defer_foreign_keys = ON");
      std::vector<std::string> tables;
      SQLite::Statement names(db, "SELECT name FROM main.chained_table");
      while (names.executeStep()) tables.push_back(names.getColumn(0).getString());
      for (const auto& t : tables) db.exec("INSERT INTO main." + t + " SELECT * FROM source." + t);
      db.exec("DELETE FROM main.chain_head; INSERT INTO main.chain_head SELECT * FROM source.chain_head");
      txn.commit();
      db.exec("DETACH DATABASE source");
    }
    return Ledger::open(file.string(), Ledger::Open::create);
  }

  void record(Ledger& ledger, const std::string& toml) {
    WriteTransaction txn(ledger, clock);
    record_convention(ledger, txn, read_convention_toml(toml, "c.toml"));
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
  AttendCorrectOptions fix;
  auto ledger = ledger_at_schema(2, [&](Ledger& l) {
    record(l, template_toml());
    attend(l, "2026-10-05");
    attend(l, "2026-10-06");
    const std::string trainee = sqlite_database(l).execAndGet("SELECT code FROM trainee ORDER BY code").getString();
    fix.module = "PREMSS", fix.date = "2026-10-05", fix.slot = "am", fix.trainee = trainee, fix.minutes = "150";
    fix.absence = "justified", fix.reason = "arrived late, sheet misread";
    run_attend_correct(l, clock, out, fix);
  });
  ASSERT_EQ(ledger->schema_version(), 2);
  {
    const ChainReport copy = verify_chain(*ledger);  // the copy is a sound old ledger
    ASSERT_TRUE(copy.ok) << copy.problem;
  }
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

// Migration 6 rebuilds `convention` for today's schemes (loi du 5 septembre 2018, loi n° 2025-989
// du 24 octobre 2025): an old periode_pro convention keeps its row and hash, the tables referring
// to it still do, and the ledger verifies.
TEST_F(Migration, ConventionKeepsItsRowsForTodaysSchemes) {
  const std::string old_toml = replaced(replaced(replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"periode_pro\""),
                                                 "starts = 2026-09-01", "starts = 2018-09-03"),
                                        "ref = \"CQP-2026-EXEMPLE\"", "ref = \"CQP-2018\"");
  auto ledger = ledger_at_schema(3, [&](Ledger& l) {
    record(l, old_toml);
    attend(l, "2018-10-01");
  });
  ASSERT_EQ(ledger->schema_version(), 3);
  auto conventions = [&] {
    return sqlite_database(*ledger).execAndGet("SELECT group_concat(id || ':' || nature || ':' || hex(hash), ',') FROM convention").getString();
  };
  const std::string before = conventions();
  ASSERT_NE(before.find(":periode_pro:"), std::string::npos);
  // Schema 3 refuses today's schemes.
  EXPECT_THROW(record(*ledger, replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"plan\"")), std::exception);

  EXPECT_EQ(ledger->migrate(), Ledger::latest_schema_version() - 3);
  EXPECT_EQ(conventions(), before);
  std::ostringstream said;
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
  EXPECT_FALSE(SQLite::Statement(sqlite_database(*ledger), "PRAGMA foreign_key_check").executeStep());
  EXPECT_EQ(sqlite_database(*ledger)
                .execAndGet("SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE tbl_name = 'convention' "
                            "AND type = 'trigger' ORDER BY name)")
                .getString(),
            "convention_no_delete convention_no_update");
  EXPECT_THROW(sqlite_database(*ledger).exec("UPDATE convention SET nature = 'plan'"), SQLite::Exception);
  EXPECT_EQ(load_convention(*ledger, "CQP-2018").convention.nature, "periode_pro");
  // Today's schemes are taken, the others still refused by the schema itself.
  record(*ledger, replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"plan\""));
  EXPECT_THROW(sqlite_database(*ledger).exec("INSERT INTO convention SELECT id + 1000, ref || 'x', title, option, 'alternance', starts, "
                                             "ends, max_training_share_bp, signed_place, signed_on, beneficiary_notice_days, "
                                             "beneficiary_percent_bp, beneficiary_amount_cents, of_notice_days, of_percent_bp, "
                                             "of_amount_cents, partial_percent_bp, partial_amount_cents, source, recorded_at, recorded_by, "
                                             "hash FROM convention LIMIT 1"),
               SQLite::Exception);
  EXPECT_EQ(run_verify(*ledger, said, {}), 0) << said.str();
}

// Migration 4 adds joining dates as a chained table of their own: the trainees' rows keep their
// hashes, the ledger verifies, and a joining date recorded after is a link like any other.
TEST_F(Migration, JoiningDatesComeAsANewChainedTable) {
  auto ledger = ledger_at_schema(3, [&](Ledger& l) {
    record(l, template_toml());
    attend(l, "2026-10-05");
  });
  ASSERT_EQ(ledger->schema_version(), 3);
  const std::string before = sqlite_database(*ledger).execAndGet("SELECT group_concat(id || ':' || hex(hash), ',') FROM trainee").getString();

  EXPECT_EQ(ledger->migrate(), Ledger::latest_schema_version() - 3);
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
// its chain through the later migrations: nothing of it is encoded anew, `verify` passes, and a
// void and the departure after it are new links that verify too.
TEST_F(Migration, LedgerBeforeVoidsStillVerifies) {
  std::string trainee;
  auto ledger = ledger_at_schema(3, [&](Ledger& l) {
    record(l, template_toml());
    attend(l, "2026-10-05");
    attend(l, "2026-10-06");
    trainee = sqlite_database(l).execAndGet("SELECT code FROM trainee ORDER BY code").getString();
    AttendCorrectOptions fix;
    fix.module = "PREMSS", fix.date = "2026-10-05", fix.slot = "am", fix.trainee = trainee, fix.minutes = "180";
    fix.absence = "justified", fix.reason = "left at 11:30";
    run_attend_correct(l, clock, out, fix);
    SessionPlanOptions plan;
    plan.module = "PREMSS", plan.date = "2026-10-07", plan.slot = "am", plan.minutes = "210";
    run_session_plan(l, clock, out, plan);
    SessionCancelOptions cancel;
    cancel.module = "PREMSS", cancel.date = "2026-10-07", cancel.slot = "am", cancel.by = "of", cancel.notified = "2026-10-01";
    cancel.reason = "trainer ill";
    run_session_cancel(l, clock, out, cancel);
  });
  ASSERT_EQ(ledger->schema_version(), 3);
  auto head = [&] { return sqlite_database(*ledger).execAndGet("SELECT seq || ':' || hex(hash) FROM chain_head").getString(); };
  const std::string head_before = head(), rows_before = rows(*ledger);
  ASSERT_EQ(sqlite_database(*ledger).execAndGet("SELECT count(*) FROM cancellation").getInt64(), 1);

  EXPECT_EQ(ledger->migrate(), Ledger::latest_schema_version() - 3);
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

// Migration 9 adds the evidence tables only: a ledger with entries made at schema 3 keeps its
// chain head through `init`, and takes evidence afterwards.
TEST_F(Migration, EvidenceTablesLeaveTheChainAsItWas) {
  auto ledger = ledger_at_schema(3, [&](Ledger& l) {
    record(l, template_toml());
    attend(l, "2026-10-05");
  });
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
