// Tamper evidence on a real database file: someone opens it with SQLite directly (dropping the
// triggers first where needed) and edits, removes, reorders or adds rows; `verify` names the
// first bad entry.
#include <unistd.h>

#include <cstring>
#include <filesystem>

#include "app/error.hpp"
#include "cli/audit.hpp"
#include "fixture.hpp"

namespace ledger::testing {
namespace {

namespace fs = std::filesystem;

struct ChainTamper : ::testing::Test {
  fs::path dir;
  fs::path file;
  Clock clock = test_clock();
  std::ostringstream out, err;

  void SetUp() override {
    dir = fs::temp_directory_path() / fs::path("ledger-chain-" + std::to_string(::getpid()) + "-" +
                                               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir);
    file = dir / "ledger.db";
    auto ledger = Ledger::open(file.string(), Ledger::Open::create);
    ledger->migrate();
    {
      WriteTransaction txn(*ledger, clock);
      record_convention(*ledger, txn, read_convention_toml(template_toml(), "c.toml"));
      txn.commit();
    }
    for (const char* date : {"2026-10-05", "2026-10-06"}) {
      SessionPlanOptions plan;
      plan.module = "PREMSS", plan.date = date, plan.slot = "am", plan.start = "09:00", plan.end = "12:30";
      run_session_plan(*ledger, clock, out, plan);
      AttendOptions attend;
      attend.module = "PREMSS", attend.date = date, attend.slot = "am", attend.all_present = true;
      run_attend(*ledger, clock, out, err, attend);
    }
  }
  void TearDown() override { fs::remove_all(dir); }

  // What someone with the sqlite3 shell would do.
  void tamper(const std::string& sql) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec(sql);
  }
  std::int64_t scalar(const std::string& sql) {
    SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
    return db.execAndGet(sql).getInt64();
  }
  // Runs `ledger verify` on the file; returns its exit code, its output in `said`.
  int verify() {
    auto ledger = Ledger::open(file.string(), Ledger::Open::existing);
    std::ostringstream o;
    const int code = run_verify(*ledger, o, {});
    said = o.str();
    return code;
  }
  std::string said;
  // The check `export proofs` makes: the links of the convention's own entries.
  ChainReport verify_convention() {
    auto ledger = Ledger::open(file.string(), Ledger::Open::existing);
    const auto first = sqlite_database(*ledger).execAndGet("SELECT min(id) FROM convention").getInt64();
    return verify_entries(*ledger, convention_chain_ids(*ledger, first));
  }
};

TEST_F(ChainTamper, SoundLedgerPrintsItsHeadAndCount) {
  const std::int64_t entries = scalar("SELECT seq FROM chain_head");
  EXPECT_GT(entries, 10);
  EXPECT_EQ(verify(), 0);
  EXPECT_NE(said.find(std::to_string(entries) + " entrées, tête de chaîne "), std::string::npos) << said;
  // The head printed is the recorded one, in hex.
  SQLite::Database db(file.string(), SQLite::OPEN_READONLY);
  const std::string recorded = db.execAndGet("SELECT lower(hex(hash)) FROM chain_head").getString();
  EXPECT_NE(said.find(recorded), std::string::npos) << said;
  const ChainReport scoped = verify_convention();
  EXPECT_TRUE(scoped.ok) << scoped.problem;
  EXPECT_EQ(scoped.head.seq, entries);
  EXPECT_EQ(hex(scoped.head.hash), recorded);
  EXPECT_EQ(scoped.entries, entries);  // this ledger holds one convention: all of its entries
}

TEST_F(ChainTamper, TriggersRefuseEditsMadeDirectly) {
  EXPECT_THROW(tamper("UPDATE attendance SET minutes = 1"), SQLite::Exception);
  EXPECT_THROW(tamper("DELETE FROM session"), SQLite::Exception);
  EXPECT_EQ(verify(), 0) << said;
}

TEST_F(ChainTamper, EditAfterDroppingTheTriggerIsNamed) {
  const std::int64_t first = scalar("SELECT min(id) FROM attendance");
  tamper("DROP TRIGGER attendance_no_update; UPDATE attendance SET minutes = 200 WHERE id = " + std::to_string(first));
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("attendance, entrée " + std::to_string(first) + " modifiée"), std::string::npos) << said;
  const ChainReport scoped = verify_convention();
  EXPECT_FALSE(scoped.ok);
  EXPECT_NE(scoped.problem.find("attendance, entrée " + std::to_string(first) + " modifiée"), std::string::npos) << scoped.problem;
}

TEST_F(ChainTamper, SameBytesOfAnotherTypeAreAChange) {
  // The imported file turned from text into a blob of the same bytes.
  tamper("DROP TRIGGER convention_no_update; UPDATE convention SET source = CAST(source AS BLOB)");
  ASSERT_EQ(scalar("SELECT count(*) FROM convention WHERE typeof(source) = 'blob'"), 1);
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("convention, entrée 1 modifiée"), std::string::npos) << said;
}

TEST_F(ChainTamper, RowRehashedByTheIntruderBreaksTheNextLink) {
  // Whoever edits a row and recomputes its own hash (SHA-256 is public) still cannot make the
  // next row's link match without rewriting every later row and the head.
  const std::int64_t first = scalar("SELECT min(id) FROM attendance");
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.exec("DROP TRIGGER attendance_no_update; UPDATE attendance SET minutes = 200 WHERE id = " + std::to_string(first));
    // The entry before the first attendance row is its session.
    SQLite::Statement prev(db, "SELECT hash FROM session WHERE id = " + std::to_string(first - 1));
    ASSERT_TRUE(prev.executeStep());
    Digest previous{};
    std::memcpy(previous.data(), prev.getColumn(0).getBlob(), 32);
    SQLite::Statement row(db, "SELECT * FROM attendance WHERE id = " + std::to_string(first));
    ASSERT_TRUE(row.executeStep());
    std::vector<Value> values;
    for (int c = 1; c < row.getColumnCount() - 1; ++c) {
      const auto col = row.getColumn(c);
      if (col.isNull()) values.emplace_back(std::monostate{});
      else if (col.isInteger()) values.emplace_back(col.getInt64());
      else values.emplace_back(col.getString());
    }
    const Digest rehashed = Sha256().link(previous, encode_row("attendance", first, values));
    SQLite::Statement upd(db, "UPDATE attendance SET hash = ? WHERE id = ?");
    upd.bind(1, rehashed.data(), 32);
    upd.bind(2, first);
    upd.exec();
  }
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("entrée " + std::to_string(first + 1) + " modifiée ou déplacée"), std::string::npos) << said;
  const ChainReport scoped = verify_convention();
  EXPECT_FALSE(scoped.ok);
  EXPECT_NE(scoped.problem.find("entrée " + std::to_string(first + 1) + " modifiée ou déplacée"), std::string::npos) << scoped.problem;
}

TEST_F(ChainTamper, RemovedEntryIsNamed) {
  const std::int64_t first = scalar("SELECT min(id) FROM attendance");
  tamper("DROP TRIGGER attendance_no_delete; DELETE FROM attendance WHERE id = " + std::to_string(first));
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("entrée " + std::to_string(first) + " manque (supprimée)"), std::string::npos) << said;
  // The entry after it names the gap.
  const ChainReport scoped = verify_convention();
  EXPECT_FALSE(scoped.ok);
  EXPECT_NE(scoped.problem.find("entrée " + std::to_string(first) + " manque (supprimée)"), std::string::npos) << scoped.problem;
}

TEST_F(ChainTamper, RemovedLastEntryIsCaughtByTheHead) {
  const std::int64_t last = scalar("SELECT seq FROM chain_head");
  tamper("DROP TRIGGER attendance_no_delete; DELETE FROM attendance WHERE id = " + std::to_string(last));
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("entrée " + std::to_string(last) + " manque (supprimée)"), std::string::npos) << said;
  const ChainReport scoped = verify_convention();
  EXPECT_FALSE(scoped.ok);
  EXPECT_NE(scoped.problem.find("entrée " + std::to_string(last) + " manque (supprimée)"), std::string::npos) << scoped.problem;
}

TEST_F(ChainTamper, SwappedPairIsNamed) {
  // Two sessions exchange their positions in the chain, hashes and all.
  const std::int64_t a = scalar("SELECT min(id) FROM session");
  const std::int64_t b = scalar("SELECT max(id) FROM session");
  ASSERT_LT(a, b);
  tamper("PRAGMA foreign_keys = OFF; DROP TRIGGER session_no_update;"
         "UPDATE session SET id = -1 WHERE id = " + std::to_string(a) + ";" +
         "UPDATE session SET id = " + std::to_string(a) + " WHERE id = " + std::to_string(b) + ";" +
         "UPDATE session SET id = " + std::to_string(b) + " WHERE id = -1;");
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("session, entrée " + std::to_string(a) + " modifiée ou déplacée"), std::string::npos) << said;
}

TEST_F(ChainTamper, RowsReorderedAcrossTablesAreNamed) {
  // An attendance row moved to the id of the session before it.
  const std::int64_t entry = scalar("SELECT max(id) FROM attendance");
  const std::int64_t session = scalar("SELECT max(id) FROM session");
  tamper("PRAGMA foreign_keys = OFF; DROP TRIGGER session_no_delete; DROP TRIGGER attendance_no_update;"
         "DELETE FROM session WHERE id = " + std::to_string(session) + ";" +
         "UPDATE attendance SET id = " + std::to_string(session) + " WHERE id = " + std::to_string(entry));
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("attendance, entrée " + std::to_string(session) + " modifiée ou déplacée"), std::string::npos) << said;
}

TEST_F(ChainTamper, RowAppendedWithoutMovingTheHeadIsNamed) {
  // A correctly hashed extra row: whoever adds it outside the ledger leaves the head behind.
  const std::int64_t last = scalar("SELECT seq FROM chain_head");
  {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement prev(db, "SELECT hash FROM attendance WHERE id = " + std::to_string(last));
    ASSERT_TRUE(prev.executeStep());
    Digest previous{};
    std::memcpy(previous.data(), prev.getColumn(0).getBlob(), 32);
    const std::int64_t trainee = db.execAndGet("SELECT id FROM trainee").getInt64();
    std::vector<Value> row{trainee, std::string("2026-10-07"), std::string("forged"), std::string("2026-11-27T10:00:00Z"),
                           std::string("intruder")};
    const Digest digest = Sha256().link(previous, encode_row("departure", last + 1, row));
    SQLite::Statement ins(db, "INSERT INTO departure VALUES (?, ?, ?, ?, ?, ?, ?)");
    ins.bind(1, last + 1);
    ins.bind(2, trainee);
    ins.bind(3, "2026-10-07");
    ins.bind(4, "forged");
    ins.bind(5, "2026-11-27T10:00:00Z");
    ins.bind(6, "intruder");
    ins.bind(7, digest.data(), 32);
    ins.exec();
  }
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("departure, entrée " + std::to_string(last + 1) + " ajoutée après la tête de chaîne enregistrée"),
            std::string::npos)
      << said;
  const ChainReport scoped = verify_convention();
  EXPECT_FALSE(scoped.ok);
  EXPECT_NE(scoped.problem.find("entrée " + std::to_string(last + 1) + " est au-delà de la tête de chaîne enregistrée"), std::string::npos)
      << scoped.problem;
}

TEST_F(ChainTamper, TableHiddenFromTheListIsNamed) {
  tamper("DELETE FROM chained_table WHERE name = 'attendance'");
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("absentes de la liste chained_table\u00a0: attendance"), std::string::npos) << said;
  EXPECT_NE(verify_convention().problem.find("absentes de la liste chained_table\u00a0: attendance"), std::string::npos);
}

TEST_F(ChainTamper, DroppedTriggersAloneAreReported) {
  tamper("DROP TRIGGER grade_no_delete");
  EXPECT_EQ(verify(), 1);
  EXPECT_NE(said.find("ajout seul ont été supprimés\u00a0: grade_no_delete"), std::string::npos) << said;
  EXPECT_NE(verify_convention().problem.find("ajout seul ont été supprimés\u00a0: grade_no_delete"), std::string::npos);
}

TEST_F(ChainTamper, ConventionCheckLooksAtThatConventionOnly) {
  // A second convention, then an edit of the first one's attendance: checking the second
  // convention's entries does not see it (its work does not grow with the rest of the ledger);
  // `verify` and the first convention's check do.
  {
    auto ledger = Ledger::open(file.string(), Ledger::Open::existing);
    WriteTransaction txn(*ledger, clock);
    const std::string ref = sqlite_database(*ledger).execAndGet("SELECT ref FROM convention").getString();
    record_convention(*ledger, txn, read_convention_toml(replaced(template_toml(), ref, ref + "-B"), "b.toml"));
    txn.commit();
  }
  const std::int64_t first = scalar("SELECT min(id) FROM attendance");
  tamper("DROP TRIGGER attendance_no_update; UPDATE attendance SET minutes = 200 WHERE id = " + std::to_string(first) +
         "; CREATE TRIGGER attendance_no_update BEFORE UPDATE ON attendance BEGIN SELECT RAISE(ABORT, 'no'); END;");
  EXPECT_FALSE(verify_convention().ok);
  auto ledger = Ledger::open(file.string(), Ledger::Open::existing);
  const auto second = convention_chain_ids(*ledger, sqlite_database(*ledger).execAndGet("SELECT max(id) FROM convention").getInt64());
  ASSERT_FALSE(second.empty());
  const ChainReport scoped = verify_entries(*ledger, second);
  EXPECT_TRUE(scoped.ok) << scoped.problem;
  EXPECT_LT(scoped.entries, scalar("SELECT seq FROM chain_head"));
  EXPECT_EQ(verify(), 1);
}

TEST_F(ChainTamper, BackupCopiesVerifiesAndNeverOverwrites) {
  auto ledger = Ledger::open(file.string(), Ledger::Open::existing);
  const fs::path copy = dir / "copy.db";
  std::ostringstream o;
  EXPECT_EQ(run_backup(*ledger, o, {copy.string()}), 0);
  EXPECT_NE(o.str().find("vérifiée"), std::string::npos) << o.str();
  EXPECT_EQ(fs::status(copy).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  {
    auto reopened = Ledger::open(copy.string(), Ledger::Open::existing);
    std::ostringstream v;
    EXPECT_EQ(run_verify(*reopened, v, {}), 0) << v.str();
    EXPECT_EQ(sqlite_database(*reopened).execAndGet("SELECT count(*) FROM attendance").getInt64(), 2);
  }
  EXPECT_THROW(run_backup(*ledger, o, {copy.string()}), InputError);
}

}  // namespace
}  // namespace ledger::testing
