// The mechanical translation of the SQLite files for PostgreSQL (store/postgres.hpp); no server.
#include <gtest/gtest.h>

#include "store/postgres.hpp"

namespace ledger::store_detail {
namespace {

TEST(PgPlaceholders, NumbersPositionalNamedAndRepeatedParameters) {
  std::vector<std::pair<std::string, int>> names;
  int count = 0;
  EXPECT_EQ(pg_placeholders("SELECT ?, ?2, ? WHERE a = :x OR b = :x AND c = :y", names, &count),
            "SELECT $1, $2, $3 WHERE a = $4 OR b = $4 AND c = $5");
  EXPECT_EQ(count, 5);
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0], (std::pair<std::string, int>{":x", 4}));
  EXPECT_EQ(names[1], (std::pair<std::string, int>{":y", 5}));
}

TEST(PgPlaceholders, LeavesStringsCommentsCastsAndBodiesAlone) {
  std::vector<std::pair<std::string, int>> names;
  EXPECT_EQ(pg_placeholders("-- why? :not\nSELECT 'a?:b', \"c:d\", x::bytea, $$ ? $$ /* :e */ FROM t WHERE id = ?1", names),
            "-- why? :not\nSELECT 'a?:b', \"c:d\", x::bytea, $$ ? $$ /* :e */ FROM t WHERE id = $1");
  EXPECT_TRUE(names.empty());
}

TEST(PgDialect, SchemaTypesAndAppendOnlyTriggers) {
  const std::string sql = pg_sql("schema/004_trainee_joins.sql", true);
  EXPECT_NE(sql.find("id           bigint PRIMARY KEY"), std::string::npos);
  EXPECT_NE(sql.find("joins        text COLLATE \"C\" NOT NULL"), std::string::npos);
  EXPECT_NE(sql.find("hash         bytea NOT NULL"), std::string::npos);
  EXPECT_NE(sql.find("CREATE TRIGGER trainee_join_no_update BEFORE UPDATE ON trainee_join FOR EACH ROW EXECUTE FUNCTION "
                     "ledger_refuse('trainee_join is append-only: record a correction instead');"),
            std::string::npos);
  EXPECT_NE(sql.find("CREATE TRIGGER trainee_join_no_truncate BEFORE TRUNCATE ON trainee_join FOR EACH STATEMENT"),
            std::string::npos);
  EXPECT_EQ(sql.find("RAISE(ABORT"), std::string::npos);
}

TEST(PgDialect, OverrideBesideTheFileWins) {
  EXPECT_NE(pg_sql("queries/chain_insert.sql").find("ON CONFLICT DO NOTHING"), std::string::npos);
  EXPECT_NE(pg_sql("queries/evidence_same_target.sql").find("e.session_id IS NOT DISTINCT FROM :session"), std::string::npos);
  EXPECT_TRUE(is_postgres_name("postgresql:///ledger?host=/run/postgresql"));
  EXPECT_TRUE(is_postgres_name("postgres:dbname=ledger"));
  EXPECT_FALSE(is_postgres_name("ledger.db"));
}

}  // namespace
}  // namespace ledger::store_detail
