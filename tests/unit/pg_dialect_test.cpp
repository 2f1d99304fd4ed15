// The mechanical translation of the SQLite files for PostgreSQL (store/postgres.hpp); no server.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <tuple>

#include "app/resources.hpp"
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

// The rules are tried only where their literal occurs (postgres.cpp, apply_rule): the same text as
// std::regex_replace of every rule over the whole file, for every file the ledger embeds.
TEST(PgDialect, RulesTriedAtTheirLiteralGiveTheWholeScansText) {
  std::vector<std::tuple<bool, std::regex, std::string>> rules;
  std::istringstream lines{std::string(resource("schema/pg/dialect.txt"))};
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab1 = line.find('\t'), tab2 = line.find('\t', tab1 + 1);
    std::string replacement = line.substr(tab2 + 1);
    for (std::size_t n; (n = replacement.find("\\n")) != std::string::npos;) replacement.replace(n, 2, "\n");
    rules.emplace_back(line.substr(0, tab1) == "schema", std::regex(line.substr(tab1 + 1, tab2 - tab1 - 1)), replacement);
  }
  int files = 0;
  for (const auto& r : all_resources()) {
    const std::string path(r.path);
    if (!path.ends_with(".sql") || path.find("/pg/") != std::string::npos) continue;
    const bool schema = path.starts_with("schema/");
    const std::string slash_pg = path.substr(0, path.find('/')) + "/pg" + path.substr(path.find('/'));
    if (std::any_of(all_resources().begin(), all_resources().end(), [&](const auto& o) { return o.path == slash_pg; })) continue;
    std::string expected(r.bytes);
    for (const auto& [schema_only, pattern, replacement] : rules)
      if (schema || !schema_only) expected = std::regex_replace(expected, pattern, replacement);
    EXPECT_EQ(pg_sql(path, schema), expected) << path;
    ++files;
  }
  EXPECT_GT(files, 100);
}

}  // namespace
}  // namespace ledger::store_detail
