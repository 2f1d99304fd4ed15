// reports/quantities.sql: the DESIGN section 5 quantities per (trainee, module) over a period.
#include "reimbursement_fixture.hpp"

namespace ledger::testing {
namespace {

struct QuantityRow {
  std::string trainee, last_name, first_name, module;
  std::array<Minutes, 8> minutes{};  // delivered, followed, unproven, absent justified/unjustified,
                                     // unrecorded, not delivered, withdrawn
  bool operator==(const QuantityRow&) const = default;
};

std::ostream& operator<<(std::ostream& os, const QuantityRow& r) {
  os << r.trainee << ' ' << r.module;
  for (auto m : r.minutes) os << ' ' << m;
  return os;
}

struct Quantities : ReimbursementFixture {
  std::vector<QuantityRow> run(const std::string& from, const std::string& to) {
    auto q = ledger->query("reports/quantities");
    q.bind(":convention", convention_id());
    q.bind(":from", from);
    q.bind(":to", to);
    q.bind(":today", "9999-12-31");  // every half-day held
    std::vector<QuantityRow> rows;
    while (q.next()) {
      QuantityRow r{q.text("trainee_id"), q.text("last_name"),
                    q.text("first_name"), q.text("module"), {}};
      int i = 0;
      for (const char* c : {"delivered_min", "followed_min", "unproven_min", "absent_justified_min", "absent_unjustified_min",
                            "unrecorded_min", "not_delivered_min", "withdrawn_min"}) {
        EXPECT_EQ(q.is_integer(c), true) << c;  // never a float
        r.minutes[i++] = q.i64(c);
      }
      rows.push_back(r);
    }
    return rows;
  }
};

// T01, T10 and T2 (who leaves on 2026-10-08) in October:
//   PREMSS 10-05 am 210: all present, T01 30 min late (justified), T10 did not sign;
//   PREMSS 10-05 pm 210: T01, T10 present but the trainer did not sign, T2 absent (0 min, nothing to prove);
//   PREMSS 10-06 am 180 cancelled by the OF; 10-07 am 180 cancelled by the beneficiary;
//   PASS (e-learning) 10-08 am 180: T01, T10 present without proof, then T01's proof added by a correction;
//   PREMSS 10-09 am 180: no entries; PREMSS 11-02 am 210 and PASS 09-30 pm 60: outside the period.
TEST_F(Quantities, ClassifiesEveryHalfDayOfThePeriodOnce) {
  import(template_toml() + trainee_toml("T2", "Martin", "Léa") + trainee_toml("T10", "Durand", "Marc"));
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-05", "pm", 210);
  plan("PREMSS", "2026-10-06", "am", 180);
  plan("PREMSS", "2026-10-07", "am", 180);
  plan("PASS", "2026-10-08", "am", 180);
  plan("PREMSS", "2026-10-09", "am", 180);
  plan("PREMSS", "2026-11-02", "am", 210);
  plan("PASS", "2026-09-30", "pm", 60);
  attend("PREMSS", "2026-10-05", "am", [](AttendOptions& o) {
    o.all_present = true, o.late = {"T01=30=justified"}, o.unsigned_ids = {"T10"};
  });
  attend("PREMSS", "2026-10-05", "pm", [](AttendOptions& o) {
    o.present = {"T01", "T10"}, o.absent = {"T2"}, o.trainer_unsigned = true;
  });
  cancel("PREMSS", "2026-10-06", "am", "of", "2026-09-01");
  cancel("PREMSS", "2026-10-07", "am", "beneficiary", "2026-09-01");
  leave("T2", "2026-10-08");
  attend("PASS", "2026-10-08", "am", [](AttendOptions& o) { o.present = {"T01", "T10"}; });
  correct("PASS", "2026-10-08", "am", "T01", [](AttendCorrectOptions& o) { o.proof = "lms-42.log", o.proof_given = true; });
  all_present("PREMSS", "2026-11-02", "am");
  all_present("PASS", "2026-09-30", "pm", "lms-1.log");

  const std::vector<QuantityRow> expected{
      //                                         deliv foll unpr  abJ  abU unrec notD  wdrn
      {"T01", "Nom", "Prénom", "PASS", {180, 180, 0, 0, 0, 0, 0, 0}},
      {"T01", "Nom", "Prénom", "PREMSS", {600, 180, 210, 30, 0, 180, 180, 180}},
      {"T10", "Durand", "Marc", "PASS", {180, 0, 180, 0, 0, 0, 0, 0}},
      {"T10", "Durand", "Marc", "PREMSS", {600, 0, 420, 0, 0, 180, 180, 180}},
      {"T2", "Martin", "Léa", "PASS", {0, 0, 0, 0, 0, 0, 0, 180}},
      {"T2", "Martin", "Léa", "PREMSS", {420, 210, 0, 0, 210, 0, 180, 360}},
  };
  EXPECT_EQ(run("2026-10-01", "2026-10-31"), expected);
}

TEST_F(Quantities, BoundsAreInclusiveAndEmptyPeriodsHaveNoRows) {
  import(template_toml());
  plan("PREMSS", "2026-10-01", "am", 210);
  plan("PREMSS", "2026-10-31", "pm", 200);
  const auto rows = run("2026-10-01", "2026-10-31");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].minutes[0], 410);
  EXPECT_EQ(rows[0].minutes[5], 410);  // planned, held, nothing recorded yet
  EXPECT_TRUE(run("2026-11-01", "2026-11-30").empty());
}

// Art. 15 (DESIGN section 5): denounced by the beneficiary on 30 September, the convention ends on
// E = 30 October. PREMSS 10-30 am (dated E) is still delivered; 10-31 am (after E) counts as
// cancelled by the beneficiary on 30 September: withdrawn; 10-31 pm, cancelled by the OF before
// the denunciation, stays not delivered. In the whole convention, only 10-30 is scheduled.
TEST_F(Quantities, HalfDaysAfterADenouncedConventionsEndAreCancelledByThatParty) {
  import(template_toml());
  plan("PREMSS", "2026-10-30", "am", 210);
  plan("PREMSS", "2026-10-31", "am", 200);
  plan("PREMSS", "2026-10-31", "pm", 180);
  cancel("PREMSS", "2026-10-31", "pm", "of", "2026-09-15");
  ConventionDenounceOptions d;
  d.by = "beneficiary", d.notified = "2026-09-30", d.reason = "fermeture du site";
  run_convention_denounce(*ledger, clock, out, d);
  const auto rows = run("2026-10-01", "2026-10-31");
  ASSERT_EQ(rows.size(), 1u);
  //                                     deliv foll unpr abJ abU unrec notD wdrn
  EXPECT_EQ(rows[0].minutes, (std::array<Minutes, 8>{210, 0, 0, 0, 0, 210, 180, 200}));
  auto q = ledger->query("reports/to_date");
  q.bind(":convention", convention_id());
  q.bind(":to", "2026-10-31");
  q.bind(":today", "2026-10-31");
  ASSERT_TRUE(q.next());
  EXPECT_EQ(q.i64("delivered_min"), 210);
  EXPECT_EQ(q.i64("scheduled_min"), 210);
}

}  // namespace
}  // namespace ledger::testing
