// Properties of the reimbursement report over generated ledgers (fixed seeds, so reproducible):
// totals are the sums of the rows; due = imputable + non-imputable; 0 <= claim <= due; covered
// minutes <= followed and, over the agreement, <= its hour cap; claims to date <= the euro cap;
// delivered minutes split exactly into followed, unproven, absences and unrecorded; the to-fix
// list accounts for every unproven or unrecorded minute; months add up to the reconciliation;
// the beneficiary's share is due on the agreement's basis (HT or TTC) less the claim, never
// negative; a trainee who joins later has no minute before joining.
#include <random>
#include <set>

#include "cli/money.hpp"
#include "reimbursement_fixture.hpp"
#include "report/reimbursement.hpp"

namespace ledger::testing {
namespace {

struct Generated : ReimbursementFixture {
  std::mt19937 rng;
  std::optional<Minutes> cap_minutes_a, cap_minutes_b;
  std::optional<Cents> cap_cents_a, cap_cents_b;
  std::string basis_a, basis_b;

  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  bool chance(int percent) { return pick(1, 100) <= percent; }
  static std::string day(int offset) {  // days after 2026-09-14
    return format_date(date::year_month_day{date::sys_days{date::year{2026} / 9 / 14} + date::days{offset}});
  }

  std::string agreement(const std::string& ref, const std::string& trainees, std::optional<Minutes>& cap_min,
                        std::optional<Cents>& cap_cents) {
    std::string t = "[[funding]]\nref = \"" + ref + "\"\nfunder = \"Uniformation\"\nhourly_rate = \"" +
                    std::to_string(pick(5, 40)) + "." + std::to_string(pick(10, 99)) + "\"\ntrainees = " + trainees + "\n";
    const int decided = pick(0, 9);
    if (decided < 7) t += "decided = 2026-09-01\n";
    else if (decided < 9) t += "decided = 2026-12-20\n";  // after everyone's entry: covers nothing
    if (chance(50)) {
      cap_min = Minutes{pick(2, 30) * 60};
      t += "cap_hours = " + std::to_string(*cap_min / 60) + "\n";
    }
    if (chance(50)) {
      cap_cents = Cents{pick(20, 400) * 100};
      t += "cap_amount = \"" + std::to_string(*cap_cents / 100) + "\"\n";
    }
    (ref == "A" ? basis_a : basis_b) = chance(30) ? "ttc" : "ht";
    t += "basis = \"" + (ref == "A" ? basis_a : basis_b) + "\"\n";
    return t;
  }

  std::optional<std::string> t3_joins;

  void generate(unsigned seed) {
    rng.seed(seed);
    clock = test_clock("2026-12-31T10:00:00Z");  // every generated half-day is held by then
    const int vat = chance(50) ? 20 : 0;
    t3_joins = chance(50) ? std::optional<std::string>(day(pick(5, 60))) : std::nullopt;
    import(convention_toml(agreement("A", "[\"T01\", \"T2\"]", cap_minutes_a, cap_cents_a) +
                               agreement("B", "[\"T10\"]", cap_minutes_b, cap_cents_b),
                           "beneficiary_notice_days = 10\nbeneficiary_percent = 20\nof_notice_days = 15\nof_amount = \"300\"\n"
                           "partial_percent = 40\n",
                           vat) +
           trainee_toml("T3", "Trois", "D") + (t3_joins ? "joins = " + *t3_joins + "\n" : ""));
    if (chance(40)) leave(pick(0, 1) ? "T2" : "T3", day(pick(10, 80)));
    std::set<std::tuple<std::string, int, std::string>> planned;
    const int sessions = pick(8, 25);
    for (int i = 0; i < sessions; ++i) {
      const std::string module = chance(40) ? "PASS" : "PREMSS", slot = chance(50) ? "am" : "pm";
      const int offset = pick(0, 90);
      if (!planned.emplace(module, offset, slot).second) continue;
      plan(module, day(offset), slot, pick(1, 8) * 30);
    }
    const auto st = load_convention(*ledger, "");
    for (const auto& [module, offset, slot] : planned) {
      const std::string d = day(offset);
      if (chance(15)) {
        cancel(module, d, slot, chance(50) ? "of" : "beneficiary", day(offset - pick(0, 25)));
        continue;
      }
      if (chance(15)) continue;  // unrecorded
      std::vector<std::string> present, unsigned_codes;
      AttendOptions marks;
      for (const auto& t : st.trainees) {
        if (!t.enrolled_on(d)) continue;
        const int what = pick(0, 9);
        if (what == 0) marks.absent.push_back(t.code + (chance(50) ? "=justified" : ""));
        else if (what == 1) marks.late.push_back(t.code + "=" + std::to_string(pick(1, 29)));
        else if (what == 2) marks.unsigned_ids.push_back(t.code), unsigned_codes.push_back(t.code);
        present.push_back(t.code);
      }
      if (present.empty()) continue;
      attend(module, d, slot, [&](AttendOptions& o) {
        o = marks;
        o.module = module, o.date = d, o.slot = slot, o.all_present = true;
        o.trainer_unsigned = chance(10);
        if (chance(60)) o.proof = "lms-" + d;
      });
      for (const auto& code : unsigned_codes)
        if (chance(50))
          correct(module, d, slot, code, [&](AttendCorrectOptions& o) {
            o.trainee_signed = "yes", o.trainer_signed = "yes", o.proof = "fixed", o.proof_given = true;
          });
    }
    if (chance(70)) {
      InvoiceAddOptions inv;
      inv.org = "crf", inv.number = "F1", inv.date = day(20), inv.kind = "training", inv.module = "PREMSS";
      const int ht = pick(1000, 9000);
      inv.amount_ht = std::to_string(ht);
      run_invoice_add(*ledger, clock, out, inv);
      PaymentAddOptions pay;
      pay.invoice = "F1", pay.date = day(30), pay.amount = std::to_string(pick(500, ht));
      run_payment_add(*ledger, clock, out, pay);
    }
  }

  void check(const ReimbursementReport& r) {
    ReimbursementRow sum;
    for (const auto& x : r.rows) {
      SCOPED_TRACE(x.trainee_id + " " + x.module);
      EXPECT_EQ(x.due_ht, x.imputable_ht + x.non_imputable_ht);
      EXPECT_GE(x.non_imputable_ht, 0);
      EXPECT_GE(x.opca_claim, 0);
      if (x.funding.empty() || r.funding.at(x.funding == "A" ? 0 : 1).status == "pending") EXPECT_EQ(x.opca_claim, 0);
      EXPECT_EQ(x.basis, x.funding.empty() ? "ht" : x.funding == "A" ? basis_a : basis_b);
      EXPECT_EQ(x.beneficiary_share, (x.basis == "ttc" ? x.due_ttc : x.due_ht) - x.opca_claim);
      EXPECT_GE(x.beneficiary_share, 0);
      EXPECT_GE(x.due_ttc, x.due_ht);
      EXPECT_LE(x.covered, x.followed);
      EXPECT_EQ(x.delivered, x.followed + x.unproven + x.absent_justified + x.absent_unjustified + x.unrecorded);
      sum.delivered += x.delivered, sum.followed += x.followed, sum.unproven += x.unproven, sum.unrecorded += x.unrecorded;
      sum.covered += x.covered, sum.due_ht += x.due_ht, sum.imputable_ht += x.imputable_ht;
      sum.non_imputable_ht += x.non_imputable_ht, sum.opca_claim += x.opca_claim, sum.beneficiary_share += x.beneficiary_share;
      sum.withdrawn += x.withdrawn, sum.not_delivered += x.not_delivered;
    }
    const auto& t = r.totals.rows;
    EXPECT_EQ(t.delivered, sum.delivered);
    EXPECT_EQ(t.followed, sum.followed);
    EXPECT_EQ(t.unproven, sum.unproven);
    EXPECT_EQ(t.unrecorded, sum.unrecorded);
    EXPECT_EQ(t.withdrawn, sum.withdrawn);
    EXPECT_EQ(t.not_delivered, sum.not_delivered);
    EXPECT_EQ(t.covered, sum.covered);
    EXPECT_EQ(t.due_ht, sum.due_ht);
    EXPECT_EQ(t.imputable_ht, sum.imputable_ht);
    EXPECT_EQ(t.non_imputable_ht, sum.non_imputable_ht);
    EXPECT_EQ(t.opca_claim, sum.opca_claim);
    EXPECT_EQ(t.beneficiary_share, sum.beneficiary_share);
    Minutes to_fix = 0;
    for (const auto& f : r.to_fix) to_fix += f.minutes;
    EXPECT_EQ(to_fix, t.unproven + t.unrecorded);
    for (const auto& f : r.funding) {
      const auto& cap_cents = f.ref == "A" ? cap_cents_a : cap_cents_b;
      if (cap_cents) EXPECT_LE(f.claimed_to_date, *cap_cents);
      if (!f.covers) EXPECT_EQ(f.claimed_to_date, 0);
    }
    for (const auto& o : r.orgs) EXPECT_GE(o.refund_due, 0);
  }
};

TEST_F(Generated, PropertiesHoldOverGeneratedLedgers) {
  // The generated ledgers must exercise what the properties are about, not just empty reports.
  Minutes covered_seen = 0, capped_seen = 0, to_fix_seen = 0, withdrawn_seen = 0, joined_seen = 0;
  Cents ttc_share_seen = 0;
  Cents refund_seen = 0, indemnity_seen = 0;
  for (unsigned seed = 1; seed <= 25; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    renew_ledger();
    cap_minutes_a = cap_minutes_b = std::nullopt;
    cap_cents_a = cap_cents_b = std::nullopt;
    generate(seed);
    ReimbursementRow months;
    Cents claimed = 0;
    for (const char* m : {"2026-09", "2026-10", "2026-11", "2026-12"}) {
      const auto r = compute_reimbursement(*ledger, load_convention(*ledger, ""), Period::of_month(m));
      check(r);
      months.delivered += r.totals.rows.delivered, months.followed += r.totals.rows.followed;
      months.covered += r.totals.rows.covered;
      claimed += r.totals.rows.opca_claim;
      EXPECT_EQ(r.totals.claimed_to_date, claimed) << m;
    }
    const auto all = compute_reimbursement(*ledger, load_convention(*ledger, ""), Period::as_of("2026-12-31"));
    check(all);
    EXPECT_EQ(all.totals.rows.delivered, months.delivered);
    EXPECT_EQ(all.totals.rows.followed, months.followed);
    EXPECT_EQ(all.totals.rows.covered, months.covered);
    Minutes covered_a = 0, covered_b = 0;
    for (const auto& x : all.rows) (x.funding == "A" ? covered_a : covered_b) += x.funding.empty() ? 0 : x.covered;
    if (cap_minutes_a) EXPECT_LE(covered_a, *cap_minutes_a);
    if (cap_minutes_b) EXPECT_LE(covered_b, *cap_minutes_b);
    covered_seen += all.totals.rows.covered;
    capped_seen += (cap_minutes_a && covered_a == *cap_minutes_a) || (cap_minutes_b && covered_b == *cap_minutes_b);
    to_fix_seen += static_cast<Minutes>(all.to_fix.size());
    withdrawn_seen += all.totals.rows.withdrawn;
    for (const auto& x : all.rows) ttc_share_seen += x.basis == "ttc" && x.due_ttc > x.due_ht ? x.beneficiary_share + 1 : 0;
    if (t3_joins) {
      // Before T3 joins, nothing of theirs: no row at all.
      const std::string eve = format_date(date::year_month_day{date::sys_days{parse_date(*t3_joins)} - date::days{1}});
      for (const auto& x : compute_reimbursement(*ledger, load_convention(*ledger, ""), Period::as_of(eve)).rows)
        EXPECT_NE(x.trainee_id, "T3") << *t3_joins;
      for (const auto& x : all.rows) joined_seen += x.trainee_id == "T3" ? x.delivered : 0;
    }
    refund_seen += all.totals.refund_due;
    indemnity_seen += all.totals.indemnity_owed_by_org + all.totals.indemnity_owed_by_beneficiary;
  }
  EXPECT_GT(covered_seen, 0);
  EXPECT_GT(capped_seen, 0);
  EXPECT_GT(to_fix_seen, 0);
  EXPECT_GT(withdrawn_seen, 0);
  EXPECT_GT(joined_seen, 0);
  EXPECT_GT(ttc_share_seen, 0);
  EXPECT_GT(refund_seen, 0);
  EXPECT_GT(indemnity_seen, 0);
}

}  // namespace
}  // namespace ledger::testing
