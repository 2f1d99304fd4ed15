// The store's Query API: statements lent per nested use, named-column appends.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "store/backend.hpp"
#include "store/errors.hpp"

namespace ledger::testing {
namespace {

TEST(SqlTemplate, EveryPlaceholderIsFilledCommentsIncluded) {
  // A template whose comment named {table} once had its comment filled and its statement left
  // as it was (ANALYZE {table}, refused by the server, and nobody told).
  EXPECT_EQ(store_detail::filled("-- rows appended to {table}\nANALYZE {table};", {{"table", "attendance"}}),
            "-- rows appended to attendance\nANALYZE attendance;");
  EXPECT_EQ(store_detail::filled("COPY {table} ({columns}) FROM STDIN;", {{"table", "t"}, {"columns", "id, {table}"}}),
            "COPY t (id, {table}) FROM STDIN;");
  EXPECT_THROW(store_detail::filled("ANALYZE {tabel};", {{"table", "attendance"}}), std::logic_error);
}

struct QueryTest : LedgerFixture {
  void SetUp() override { import(template_toml()); }
  std::int64_t convention_id() { return load_convention(*ledger, "").convention.id; }
};

TEST_F(QueryTest, NestedUseOfOneQueryDoesNotRestartTheOuterLoop) {
  const auto st = load_convention(*ledger, "");
  ASSERT_GT(st.modules.size(), 1u);
  std::vector<std::string> outer;
  std::size_t inner_rows = 0;
  auto q = ledger->query("convention_modules");
  q.bind(1, st.convention.id);
  while (q.next()) {
    outer.push_back(q.text("code"));
    ASSERT_LE(outer.size(), st.modules.size()) << "the outer loop restarted";
    auto again = ledger->query("convention_modules");
    again.bind(1, st.convention.id);
    while (again.next()) ++inner_rows;
  }
  ASSERT_EQ(outer.size(), st.modules.size());
  for (std::size_t i = 0; i < st.modules.size(); ++i) EXPECT_EQ(outer[i], st.modules[i].code);
  EXPECT_EQ(inner_rows, st.modules.size() * st.modules.size());
}

TEST_F(QueryTest, StatementIsReturnedUnboundAndReused) {
  const std::int64_t id = convention_id();
  {
    auto q = ledger->query("convention_trainees");
    q.bind(1, id);
    ASSERT_TRUE(q.next());
  }
  auto q = ledger->query("convention_trainees");
  EXPECT_FALSE(q.next());  // NULL convention id: its binding was cleared
}

TEST_F(QueryTest, TypedGetters) {
  auto q = ledger->query("convention_trainees");
  q.bind(1, convention_id());
  ASSERT_TRUE(q.next());
  EXPECT_FALSE(q.text("code").empty());
  EXPECT_GT(q.i64("weekly_minutes"), 0);
  EXPECT_TRUE(q.is_null("left_on"));
  EXPECT_EQ(q.opt_text("left_on"), std::nullopt);
  EXPECT_THROW(q.i64("no_such_column"), std::logic_error);
}

TEST_F(QueryTest, AppendNamesEveryColumnOnce) {
  WriteTransaction txn(*ledger, clock);
  const auto trainee = load_convention(*ledger, "").trainees.front().id;
  const std::vector<Field> missing{{"trainee_id", trainee}, {"reason", std::string("x")}};
  EXPECT_THROW(txn.append("departure", missing), std::logic_error);
  const std::vector<Field> unknown{{"trainee_id", trainee}, {"on_date", std::string("2027-01-01")}, {"reason", std::string("x")},
                                   {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}, {"colour", Value()}};
  EXPECT_THROW(txn.append("departure", unknown), std::logic_error);
  EXPECT_THROW(txn.appender("departure", {"trainee_id", "trainee_id"}), std::logic_error);
}

TEST_F(QueryTest, AppendStoresByNameWhateverTheOrder) {
  const auto trainee = load_convention(*ledger, "").trainees.front().id;
  {
    WriteTransaction txn(*ledger, clock);
    txn.append("departure", {{"reason", std::string("moved away")}, {"recorded_by", txn.recorded_by()},
                             {"on_date", std::string("2027-01-04")}, {"recorded_at", txn.recorded_at()},
                             {"trainee_id", trainee}});
    txn.commit();
  }
  EXPECT_TRUE(verify_chain(*ledger).ok);
  auto q = ledger->query("convention_trainees");
  q.bind(1, convention_id());
  bool found = false;
  while (q.next())
    if (q.i64("id") == trainee) found = q.opt_text("left_on") == std::optional<std::string>("2027-01-04");
  EXPECT_TRUE(found);
}

TEST_F(QueryTest, RepeatedUniqueKeyIsDuplicateEntry) {
  const auto trainee = load_convention(*ledger, "").trainees.front().id;
  WriteTransaction txn(*ledger, clock);
  const std::vector<Field> row{{"trainee_id", trainee}, {"on_date", std::string("2027-01-04")}, {"reason", std::string("x")},
                               {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}};
  txn.append("departure", row);
  EXPECT_THROW(txn.append("departure", row), DuplicateEntry);
}

}  // namespace
}  // namespace ledger::testing
