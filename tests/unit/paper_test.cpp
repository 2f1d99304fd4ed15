// The paper side in-process: Art. 7 and Art. 9 figures against hand computations, the sheet's
// roster and refusals, HTML escaping.
#include "fixture.hpp"

#include "app/error.hpp"
#include "cli/paper.hpp"
#include "paper/sheet.hpp"
#include "paper/tables.hpp"
#include "paper/text.hpp"

namespace ledger::testing {
namespace {

using Paper = LedgerFixture;

// A second trainee, appended to the template's convention.
const char* kSecondTrainee = R"(
[[trainee]]
id = "T02"
last_name = "<b>Durand</b> & fils"
first_name = "Léo"
function = "Conseiller"
contract_start = 2026-09-01
contract_end = 2026-12-31
weekly_hours = 10
)";

// The seed's own example (the convention template): PASS 5,5 days, 40 h, e-learning; PREM'SS
// 8,5 days, 61 h = 46 h training + 14 h accompaniment + 1 h evaluation; one body, VAT 0; one
// trainee, contract 2026-09-01..2027-08-31 (365 days) at 35 h a week.
//   Art. 7: 5,5 + 8,5 = 14 days; 40 + 61 = 101 h = 6 060 min; of which 46 h / 14 h / 1 h.
//           working time 2 100 min × 365 / 7 = 109 500 min (1 825 h);
//           share 6 060 / 109 500 = 5,534 % -> 553 bp, within 70 %.
//   Art. 9: 1 220,00 + 1 830,00 = 3 050,00 € HT per trainee, TTC the same at VAT 0;
//           3 050,00 € × 1 trainee = 3 050,00 € HT, 3 050,00 € TTC; grand total 3 050,00 € TTC.
TEST_F(Paper, SeedExampleTablesMatchTheHandComputation) {
  import(template_toml());
  const auto t = paper::compute_tables(*ledger, "");
  const auto& a7 = t.art7;
  ASSERT_EQ(a7.modules.size(), 2u);
  EXPECT_EQ(a7.modules[0].code, "PASS");
  EXPECT_EQ(a7.modules[0].days_x100, 550);
  EXPECT_EQ(a7.modules[0].minutes, 40 * 60);
  EXPECT_TRUE(a7.modules[0].elearning);
  EXPECT_FALSE(a7.modules[0].training.has_value());
  EXPECT_EQ(a7.modules[1].days_x100, 850);
  EXPECT_EQ(a7.modules[1].minutes, 61 * 60);
  EXPECT_EQ(a7.modules[1].training, 46 * 60);
  EXPECT_EQ(a7.modules[1].support, 14 * 60);
  EXPECT_EQ(a7.modules[1].evaluation, 1 * 60);
  EXPECT_EQ(a7.totals.days_x100, 1400);
  EXPECT_EQ(a7.totals.minutes, 6060);
  EXPECT_EQ(a7.totals.training, 2760);
  EXPECT_EQ(a7.totals.support, 840);
  EXPECT_EQ(a7.totals.evaluation, 60);
  ASSERT_EQ(a7.bodies.size(), 1u);
  EXPECT_EQ(a7.bodies[0].minutes, 6060);
  EXPECT_EQ(a7.internal_minutes, 0);
  EXPECT_EQ(a7.parcours_minutes, 6060);
  ASSERT_EQ(a7.trainees.size(), 1u);
  EXPECT_EQ(a7.trainees[0].contract_days, 365);
  EXPECT_EQ(a7.trainees[0].working_minutes, 109500);
  EXPECT_EQ(a7.trainees[0].share_bp, 553);
  EXPECT_EQ(a7.trainees[0].status, paper::ShareStatus::within);

  const auto& a9 = t.art9;
  EXPECT_EQ(a9.modules[0].price_ht, 122000);
  EXPECT_EQ(a9.modules[0].price_ttc, 122000);
  EXPECT_EQ(a9.modules[1].price_ttc, 183000);
  EXPECT_EQ(a9.parcours_ht, 305000);
  EXPECT_EQ(a9.parcours_ttc, 305000);
  ASSERT_EQ(a9.bodies.size(), 1u);
  EXPECT_EQ(a9.bodies[0].unit_ht, 305000);
  EXPECT_EQ(a9.bodies[0].trainees, 1);
  EXPECT_EQ(a9.bodies[0].total_ht, 305000);
  EXPECT_EQ(a9.bodies[0].total_ttc, 305000);
  EXPECT_EQ(a9.grand_total_ttc, 305000);
}

// VAT 5,5 % and two trainees:
//   PASS 1 220,00 × 5,5 % = 67,10 -> 1 287,10 € TTC; PREM'SS 1 830,00 × 5,5 % = 100,65 -> 1 930,65 €.
//   Body: 3 050,00 × 2 = 6 100,00 € HT; 6 100,00 × 5,5 % = 335,50 -> 6 435,50 € TTC.
//   T02: 10 h a week (600 min), 2026-09-01..2026-12-31 = 122 days; working time
//   600 × 122 / 7 = 10 457,14 -> 10 457 min; share 6 060 / 10 457,14 = 57,95 % -> 5795 bp, within.
TEST_F(Paper, VatIsRoundedOnceOnEachTotal) {
  import(replaced(template_toml(), "vat_rate = 0 ", "vat_rate = 5.5 ") + kSecondTrainee);
  const auto t = paper::compute_tables(*ledger, "");
  EXPECT_EQ(t.art9.modules[0].price_ttc, 128710);
  EXPECT_EQ(t.art9.modules[1].price_ttc, 193065);
  EXPECT_EQ(t.art9.parcours_ttc, 321775);
  EXPECT_EQ(t.art9.bodies[0].total_ht, 610000);
  EXPECT_EQ(t.art9.bodies[0].total_ttc, 643550);
  EXPECT_EQ(t.art9.grand_total_ttc, 643550);
  ASSERT_EQ(t.art7.trainees.size(), 2u);
  EXPECT_EQ(t.art7.trainees[1].contract_days, 122);
  EXPECT_EQ(t.art7.trainees[1].working_minutes, 10457);
  EXPECT_EQ(t.art7.trainees[1].share_bp, 5795);
  EXPECT_EQ(t.art7.trainees[1].status, paper::ShareStatus::within);
}

TEST_F(Paper, TheSeventyPercentRuleIsExactAtItsBoundary) {
  // 35 h a week for 7 days: 2 100 min of working time; 70 % is 1 470 min.
  EXPECT_EQ(paper::working_minutes(2100, 7), 2100);
  EXPECT_EQ(paper::training_share_bp(1470, 2100, 7), 7000);
  EXPECT_FALSE(paper::share_above(1470, 2100, 7, 7000));
  EXPECT_TRUE(paper::share_above(1471, 2100, 7, 7000));
  // 1 minute over 70 % of 109 500 min still rounds to 70,00 % but is above.
  EXPECT_EQ(paper::training_share_bp(76651, 2100, 365), 7000);
  EXPECT_TRUE(paper::share_above(76651, 2100, 365, 7000));
  EXPECT_EQ(paper::ttc(100, 2000), 120);
  EXPECT_EQ(paper::ttc(315057, 2000), 378068);  // 630,114 -> 630,11
  EXPECT_EQ(paper::ttc(5, 1000), 6);            // 0,5 cent rounds up
}

TEST_F(Paper, PeriodeProHasNoSeventyPercentRule) {
  // An old convention: the période de professionnalisation ended with 2018.
  import(replaced(replaced(template_toml(), "nature = \"contrat_pro\"", "nature = \"periode_pro\""), "starts = 2026-09-01", "starts = 2018-09-03"));
  const auto t = paper::compute_tables(*ledger, "");
  EXPECT_EQ(t.art7.trainees[0].status, paper::ShareStatus::not_applicable);
  EXPECT_EQ(t.art7.trainees[0].share_bp, 553);
}

TEST_F(Paper, SheetListsTraineesStillEnrolledAndRefusesCancelledHalfDays) {
  import(template_toml() + kSecondTrainee);
  plan("PREMSS", "2026-10-05", "am", 210);
  plan("PREMSS", "2026-10-06", "am", 210);
  plan("PREMSS", "2026-10-06", "pm", 210);
  TraineeLeaveOptions leave;
  leave.trainee = "T02", leave.on = "2026-10-06", leave.reason = "Démission";
  run_trainee_leave(*ledger, clock, out, leave);
  SessionCancelOptions cancel;
  cancel.module = "PREMSS", cancel.date = "2026-10-06", cancel.slot = "pm", cancel.by = "beneficiary",
  cancel.notified = "2026-10-01", cancel.reason = "Grève";
  run_session_cancel(*ledger, clock, out, cancel);
  const auto chain_rows = count("session") + count("cancellation") + count("departure") + count("attendance");

  const auto st = load_convention(*ledger, "");
  const auto first = paper::load_sheet(*ledger, st, *st.module("PREMSS"), "2026-10-05", "am");
  EXPECT_EQ(first.id, "CQP-2026-EXEMPLE-PREMSS-20261005-AM");
  EXPECT_EQ(first.org_nda, "84691234569");
  ASSERT_EQ(first.trainees.size(), 2u);
  // Leaving on the 6th withdraws the trainee from that day's half-days.
  const auto second = paper::load_sheet(*ledger, st, *st.module("PREMSS"), "2026-10-06", "am");
  ASSERT_EQ(second.trainees.size(), 1u);
  EXPECT_EQ(second.trainees[0].code, "T01");
  EXPECT_THROW(paper::load_sheet(*ledger, st, *st.module("PREMSS"), "2026-10-06", "pm"), InputError);
  EXPECT_THROW(paper::load_sheet(*ledger, st, *st.module("PASS"), "2026-10-05", "am"), InputError);

  // The week skips the cancelled half-day; a week without any is refused.
  const auto week = paper::load_week(*ledger, st, "2026-10-11");  // a Sunday: the week of Monday 5th
  ASSERT_EQ(week.size(), 2u);
  EXPECT_EQ(week[1].id, "CQP-2026-EXEMPLE-PREMSS-20261006-AM");
  EXPECT_THROW(paper::load_week(*ledger, st, "2026-10-12"), InputError);

  const std::string html = paper::render_sheets({first});
  EXPECT_NE(html.find("&lt;b&gt;Durand&lt;/b&gt; &amp; fils"), std::string::npos);
  EXPECT_EQ(html.find("<b>Durand"), std::string::npos);
  EXPECT_NE(html.find("lundi 5 octobre 2026"), std::string::npos);

  // Printing writes nothing.
  SheetOptions o;
  o.week = "2026-10-05";
  std::ostringstream printed;
  run_sheet(*ledger, printed, o);
  EXPECT_EQ(count("session") + count("cancellation") + count("departure") + count("attendance"), chain_rows);
  EXPECT_NE(printed.str().find("CQP-2026-EXEMPLE-PREMSS-20261006-AM"), std::string::npos);
}

// 4 trainees fit beside the trainer's box; 21 and 22 take two pages, 45 four (12 + 12 + 12 would
// leave 9 for the last page, which holds 10: 12 / 12 / 11 / 10); 23 three, not 12 + 10 + 1.
TEST(PaperPagination, FewestPagesRowsSharedEvenly) {
  using P = paper::SheetPage;
  EXPECT_EQ(paper::paginate(0), (std::vector<P>{{0, 0}}));
  EXPECT_EQ(paper::paginate(4), (std::vector<P>{{0, 4}}));
  EXPECT_EQ(paper::paginate(10), (std::vector<P>{{0, 10}}));
  EXPECT_EQ(paper::paginate(11), (std::vector<P>{{0, 5}, {5, 6}}));
  EXPECT_EQ(paper::paginate(21), (std::vector<P>{{0, 11}, {11, 10}}));
  EXPECT_EQ(paper::paginate(22), (std::vector<P>{{0, 12}, {12, 10}}));
  EXPECT_EQ(paper::paginate(23), (std::vector<P>{{0, 8}, {8, 7}, {15, 8}}));
  EXPECT_EQ(paper::paginate(45), (std::vector<P>{{0, 12}, {12, 12}, {24, 11}, {35, 10}}));
}

TEST(PaperPagination, EveryRowOnceWithinCapacityNeverTrainerAlone) {
  for (std::size_t n = 0; n <= 300; ++n) {
    const auto pages = paper::paginate(n);
    ASSERT_FALSE(pages.empty()) << n;
    std::size_t next = 0;
    for (std::size_t k = 0; k < pages.size(); ++k) {
      const bool last = k + 1 == pages.size();
      EXPECT_EQ(pages[k].first, next) << n << " page " << k;
      EXPECT_LE(pages[k].count, last ? paper::kRowsBesideTrainer : paper::kRowsPerPage) << n << " page " << k;
      EXPECT_GE(pages[k].count, std::min<std::size_t>(n, 2)) << n << " page " << k;
      next += pages[k].count;
    }
    EXPECT_EQ(next, n);
    // As few pages as fit: one fewer could not hold the rows.
    const std::size_t fewer = pages.size() - 1;
    if (fewer > 0) EXPECT_GT(n, (fewer - 1) * paper::kRowsPerPage + paper::kRowsBesideTrainer) << n;
  }
}

TEST(PaperText, EscapesAndFillsTemplates) {
  EXPECT_EQ(paper::escape_html("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&#39;");
  EXPECT_EQ(paper::fill_template("<p>{{a}}-{{b}}</p>", {{"a", "1"}, {"b", "&amp;"}}), "<p>1-&amp;</p>");
  EXPECT_THROW(paper::fill_template("{{missing}}", {}), std::logic_error);
  EXPECT_EQ(paper::long_french_date("2027-02-01"), "lundi 1er février 2027");
  EXPECT_EQ(paper::short_french_date("2027-02-01"), "01/02/2027");
}

}  // namespace
}  // namespace ledger::testing
