#include "report/reimbursement.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

#include "domain/sessions.hpp"
#include "report/reimbursement_arith.hpp"
#include "store/ledger.hpp"

namespace ledger {

Period Period::of_month(const std::string& yyyy_mm) {
  if (yyyy_mm.size() != 7) throw std::invalid_argument(tr("value.month_syntax"));
  const auto first = parse_date(yyyy_mm + "-01");
  const date::year_month_day last{first.year() / first.month() / date::last};
  return {format_date(first), format_date(last), yyyy_mm};
}

Period Period::as_of(const std::string& day) { return {"0000-01-01", day, std::nullopt}; }

namespace {

using Pair = std::pair<std::string, std::string>;  // (trainee id, module code): byte order

struct Inputs {
  Ledger& ledger;
  const ConventionState& st;
  const Period& period;
  std::map<std::string, const ModuleRow*> modules;
  std::map<std::int64_t, const OrgRow*> orgs;

  Inputs(Ledger& l, const ConventionState& s, const Period& p) : ledger(l), st(s), period(p) {
    for (const auto& m : st.modules) modules[m.code] = &m;
    for (const auto& o : st.orgs) orgs[o.id] = &o;
  }
  const ModuleRow& module(const std::string& code) const { return *modules.at(code); }
  Cents value(const std::string& module_code, Minutes minutes) const {
    const ModuleRow& m = module(module_code);
    return value_of_minutes(m.price_ht_cents, m.minutes, minutes);
  }
  Cents price_ttc(const ModuleRow& m) const { return with_vat(m.price_ht_cents, orgs.at(m.org_id)->vat_rate_bp); }
  Cents value_ttc(const std::string& module_code, Minutes minutes) const {
    const ModuleRow& m = module(module_code);
    return value_of_minutes(price_ttc(m), m.minutes, minutes);
  }
  // The report's statement for `name`, bound to this convention and period (when it uses them).
  Query query(const std::string& name) const {
    auto q = ledger.query("reports/" + name);
    if (q.has_parameter(":convention")) q.bind(":convention", st.convention.id);
    if (q.has_parameter(":from")) q.bind(":from", period.from);
    if (q.has_parameter(":to")) q.bind(":to", period.to);
    if (q.has_parameter(":today")) q.bind(":today", period.today);
    return q;
  }
};

std::vector<ReimbursementRow> quantities(const Inputs& cx) {
  std::vector<ReimbursementRow> rows;
  auto q = cx.query("quantities");
  while (q.next()) {
    ReimbursementRow r;
    r.trainee_id = q.text("trainee_id");
    r.last_name = q.text("last_name");
    r.first_name = q.text("first_name");
    r.module = q.text("module");
    r.delivered = q.i64("delivered_min");
    r.followed = q.i64("followed_min");
    r.unproven = q.i64("unproven_min");
    r.absent_justified = q.i64("absent_justified_min");
    r.absent_unjustified = q.i64("absent_unjustified_min");
    r.unrecorded = q.i64("unrecorded_min");
    r.not_delivered = q.i64("not_delivered_min");
    r.withdrawn = q.i64("withdrawn_min");
    r.due_ht = cx.value(r.module, r.delivered);
    r.imputable_ht = cx.value(r.module, r.followed);
    r.non_imputable_ht = r.due_ht - r.imputable_ht;
    r.due_ttc = cx.value_ttc(r.module, r.delivered);
    rows.push_back(std::move(r));
  }
  return rows;
}

struct Agreement {
  FundingLine line;
  Cents rate = 0;
  std::optional<Cents> cap_cents;
  bool ttc = false;
};

// OPCA coverage: each agreement's claims walked under its euro cap; fills the period's rows and
// the agreements' period and to-date figures.
std::vector<FundingLine> coverage(const Inputs& cx, std::vector<ReimbursementRow>& rows) {
  std::map<std::int64_t, Agreement> agreements;
  std::vector<std::int64_t> order;
  {
    auto q = cx.query("funding_status");
    while (q.next()) {
      Agreement a;
      a.line.ref = q.text("ref");
      a.line.funder = q.text("funder");
      if (!q.is_null("decided")) a.line.decided = q.text("decided");
      a.line.status = a.line.decided ? "decided" : "pending";
      a.line.covers = q.flag("covers");
      a.line.received_to_date = q.i64("received_cents");
      a.rate = q.i64("hourly_rate_cents");
      if (!q.is_null("cap_cents")) a.cap_cents = q.i64("cap_cents");
      a.ttc = q.text("basis") == "ttc";
      const std::int64_t id = q.i64("id");
      order.push_back(id);
      agreements.emplace(id, std::move(a));
    }
  }
  std::map<Pair, std::int64_t> scope;
  {
    auto q = cx.query("funding_pairs");
    while (q.next())
      scope[{q.text("trainee"), q.text("module")}] = q.i64("funding_id");
  }

  // Claim rows per agreement, in the euro cap's order: (month, trainee, module) for a month
  // report; (trainee, module) over the whole period for a reconciliation.
  struct ClaimRow {
    std::string month;
    Pair pair;
    Minutes covered = 0;
  };
  std::map<std::int64_t, std::vector<ClaimRow>> claims;
  {
    auto q = cx.query("coverage");
    std::map<std::int64_t, std::map<Pair, Minutes>> to_date;
    while (q.next()) {
      const std::int64_t id = q.i64("funding_id");
      Pair pair{q.text("trainee"), q.text("module")};
      const Minutes covered = q.i64("covered_min");
      if (cx.period.month) claims[id].push_back({q.text("month"), std::move(pair), covered});
      else to_date[id][pair] += covered;
    }
    for (auto& [id, pairs] : to_date)
      for (auto& [pair, covered] : pairs) claims[id].push_back({"", pair, covered});
  }
  std::map<Pair, std::pair<Minutes, Cents>> period_claims;
  for (auto& [id, list] : claims) {
    Agreement& a = agreements.at(id);
    std::vector<Cents> uncapped;
    for (const auto& c : list) {
      const ModuleRow& m = cx.module(c.pair.second);
      const Cents price = a.ttc ? cx.price_ttc(m) : m.price_ht_cents;
      uncapped.push_back(opca_claim(a.rate, c.covered, price, m.minutes));
    }
    const std::vector<Cents> capped = apply_euro_cap(uncapped, a.cap_cents);
    for (std::size_t i = 0; i < list.size(); ++i) {
      a.line.claimed_to_date += capped[i];
      if (!cx.period.month || list[i].month == *cx.period.month) {
        period_claims[list[i].pair] = {list[i].covered, capped[i]};
        a.line.covered += list[i].covered;
        a.line.claim += capped[i];
      }
    }
  }
  for (auto& r : rows) {
    const Pair pair{r.trainee_id, r.module};
    if (const auto it = scope.find(pair); it != scope.end()) {
      const Agreement& a = agreements.at(it->second);
      r.funding = a.line.ref;
      r.funding_status = a.line.status;
      r.basis = a.ttc ? "ttc" : "ht";
    }
    if (const auto it = period_claims.find(pair); it != period_claims.end()) std::tie(r.covered, r.opca_claim) = it->second;
    // The claim is valued on the agreement's basis, so is what it leaves to the beneficiary:
    // claim <= v(covered) <= v(delivered) on the same price, never negative.
    r.beneficiary_share = (r.basis == "ttc" ? r.due_ttc : r.due_ht) - r.opca_claim;
  }
  std::vector<FundingLine> lines;
  for (const auto id : order) lines.push_back(agreements.at(id).line);
  return lines;
}

std::vector<Indemnity> indemnities(const Inputs& cx) {
  const Clauses& cl = cx.st.convention.clauses;
  auto clause_amount = [](const std::optional<BasisPoints>& percent, const std::optional<Cents>& amount, Cents base) {
    return percent ? percent_of(*percent, base) : *amount;
  };
  std::vector<Indemnity> list;
  // 14-3: a half-day cancelled at shorter notice than the cancelling party's.
  if (cl.partial_percent_bp || cl.partial_amount_cents) {
    auto q = cx.query("cancelled_halfdays");
    while (q.next()) {
      Indemnity i;
      i.date = q.text("date");
      i.slot = q.text("slot");
      i.module = q.text("module");
      i.owed_by = q.text("by_party");
      const auto notice = i.owed_by == "of" ? cl.of_notice_days : cl.beneficiary_notice_days;
      i.notice_days = days_between(q.text("notified"), i.date);
      if (!notice || i.notice_days >= *notice) continue;
      const ModuleRow& m = cx.module(i.module);
      i.org = m.org_key;
      i.clause = "14-3";
      i.base = q.i64("trainees") * cx.value(i.module, q.i64("minutes"));
      i.amount = clause_amount(cl.partial_percent_bp, cl.partial_amount_cents, i.base);
      list.push_back(std::move(i));
    }
  }
  // 14-1, 14-2, 14-4: the whole convention renounced before it starts.
  const auto cancel = find_renouncement(cx.ledger, cx.st.convention.id);
  if (!cancel) return list;
  Indemnity i;
  i.date = cancel->notified;
  i.owed_by = cancel->by_party;
  i.org = cancel->org_key.value_or("");
  if (i.date > cx.period.to) return list;
  const std::string first = first_session_date(cx.ledger, cx.st.convention);
  std::int64_t enrolled = 0;
  for (const auto& t : cx.st.trainees) enrolled += !t.left_on || *t.left_on > first;
  for (const auto& m : cx.st.modules) i.base += m.price_ht_cents * enrolled;
  i.notice_days = days_between(i.date, first);
  const bool beneficiary = i.owed_by == "beneficiary";
  if (beneficiary && i.notice_days == 0) {
    i.clause = "14-4";  // renounced on the first day: the whole service is billed
    i.amount = i.base;
  } else {
    const auto notice = beneficiary ? cl.beneficiary_notice_days : cl.of_notice_days;
    const auto percent = beneficiary ? cl.beneficiary_percent_bp : cl.of_percent_bp;
    const auto amount = beneficiary ? cl.beneficiary_amount_cents : cl.of_amount_cents;
    if (!notice || i.notice_days >= *notice || (!percent && !amount)) return list;
    i.clause = beneficiary ? "14-1" : "14-2";
    i.amount = clause_amount(percent, amount, i.base);
  }
  list.push_back(std::move(i));
  return list;
}

// Per training body and module, to the period's end: invoiced, paid, due, refund due, indemnities.
std::vector<OrgModuleLine> org_lines(const Inputs& cx, const std::vector<Indemnity>& indemnities,
                                     std::vector<InvoiceLine>& invoices) {
  std::map<Pair, OrgModuleLine> lines;  // (org key, module code)
  std::map<std::string, Pair> module_line;
  for (const auto& m : cx.st.modules) {
    lines[{m.org_key, m.code}] = OrgModuleLine{m.org_key, m.code};
    module_line[m.code] = {m.org_key, m.code};
  }
  std::map<std::string, Cents> still_owed;  // per module: Σ over trainees of v(min(P, scheduled))
  {
    auto q = cx.query("to_date");
    while (q.next()) {
      const std::string module = q.text("module");
      const ModuleRow& m = cx.module(module);
      lines.at(module_line.at(module)).due_ht += cx.value(module, q.i64("delivered_min"));
      still_owed[module] += cx.value(module, std::min(m.minutes, q.i64("scheduled_min")));
    }
  }
  std::map<std::int64_t, std::size_t> invoice_at;
  {
    auto q = cx.query("money_invoices");
    while (q.next()) {
      InvoiceLine inv;
      inv.org = q.text("org");
      inv.number = q.text("number");
      inv.date = q.text("date");
      inv.kind = q.text("kind");
      inv.module = q.is_null("module") ? "" : q.text("module");
      inv.amount_ht = q.i64("amount_ht_cents");
      inv.vat_rate = q.i64("vat_rate_bp");
      inv.amount_ttc = with_vat(inv.amount_ht, inv.vat_rate);
      if (inv.kind == "training") lines.at({inv.org, inv.module}).invoiced_ht += inv.amount_ht;
      invoice_at[q.i64("id")] = invoices.size();
      invoices.push_back(std::move(inv));
    }
  }
  {
    auto q = cx.query("money_payments");
    while (q.next()) {
      InvoiceLine& inv = invoices.at(invoice_at.at(q.i64("invoice_id")));
      const Cents amount = q.i64("amount_cents");
      inv.paid_ttc += amount;
      if (inv.kind == "training") lines.at({inv.org, inv.module}).paid_ht += paid_ht(amount, inv.amount_ht, inv.amount_ttc);
    }
  }
  std::map<Pair, Cents> refunded;
  {
    auto q = cx.query("money_refunds");
    while (q.next())
      refunded[{q.text("org"), q.text("module")}] = q.i64("refunded_cents");
  }
  for (const auto& i : indemnities) {
    if (i.module.empty()) continue;  // the whole convention: not a module's
    auto& line = lines.at(module_line.at(i.module));
    (i.owed_by == "of" ? line.indemnity_owed_by_org : line.indemnity_owed_by_beneficiary) += i.amount;
  }
  std::vector<OrgModuleLine> out;
  for (auto& [key, line] : lines) {
    line.refund_due = refund_due(line.paid_ht, refunded[key], still_owed[line.module]);
    out.push_back(line);
  }
  return out;
}

std::vector<ToFix> to_fix(const Inputs& cx) {
  std::vector<ToFix> list;
  auto q = cx.query("to_fix");
  while (q.next()) {
    ToFix f;
    f.date = q.text("date");
    f.slot = q.text("slot");
    f.module = q.text("module");
    f.trainee_id = q.text("trainee_id");
    f.last_name = q.text("last_name");
    f.first_name = q.text("first_name");
    if (q.i64("recorded") == 0) {
      f.minutes = q.i64("session_min");
      f.sheet = sheet_id(cx.st.convention.ref, f.module, f.date, f.slot);
      f.missing = "attendance_entry";
    } else {
      f.minutes = q.i64("attended_min");
      f.sheet = q.text("sheet");
      const bool trainee = q.flag("trainee_signed"), trainer = q.flag("trainer_signed");
      f.missing = q.text("mode") == "elearning" ? "proof_reference"
                  : !trainee && !trainer                         ? "both_signatures"
                  : !trainee                                     ? "trainee_signature"
                                                                 : "trainer_signature";
    }
    list.push_back(std::move(f));
  }
  return list;
}

std::vector<EvidenceMissing> evidence_missing(const Inputs& cx) {
  std::vector<EvidenceMissing> list;
  auto q = cx.query("evidence_missing");
  while (q.next())
    list.push_back({q.text("date"), q.text("slot"), q.text("module"), q.text("trainee_id"), q.text("last_name"),
                    q.text("first_name"), q.text("sheet"), q.i64("attended_min"), q.i64("entry")});
  return list;
}

ReimbursementTotals totals_of(const ReimbursementReport& r) {
  ReimbursementTotals t;
  for (const auto& row : r.rows) {
    auto& s = t.rows;
    s.delivered += row.delivered, s.followed += row.followed, s.unproven += row.unproven;
    s.absent_justified += row.absent_justified, s.absent_unjustified += row.absent_unjustified;
    s.unrecorded += row.unrecorded, s.not_delivered += row.not_delivered, s.withdrawn += row.withdrawn;
    s.covered += row.covered, s.due_ht += row.due_ht, s.imputable_ht += row.imputable_ht;
    s.non_imputable_ht += row.non_imputable_ht, s.opca_claim += row.opca_claim, s.beneficiary_share += row.beneficiary_share;
    s.due_ttc += row.due_ttc;
  }
  for (const auto& o : r.orgs) {
    t.invoiced_ht += o.invoiced_ht, t.paid_ht += o.paid_ht, t.due_ht_to_date += o.due_ht, t.refund_due += o.refund_due;
  }
  for (const auto& i : r.indemnities) (i.owed_by == "of" ? t.indemnity_owed_by_org : t.indemnity_owed_by_beneficiary) += i.amount;
  for (const auto& f : r.funding) t.claimed_to_date += f.claimed_to_date, t.received_to_date += f.received_to_date;
  return t;
}

}  // namespace

ReimbursementReport compute_reimbursement(Ledger& ledger, const ConventionState& st, const Period& period,
                                          ReimbursementScope scope) {
  const Inputs cx(ledger, st, period);
  ReimbursementReport r;
  r.convention = st.convention.ref;
  r.version = st.convention.version;
  r.amended_on = st.convention.amended_on;
  r.title = st.convention.title;
  r.period = period;
  r.orgs_of_convention = st.orgs;
  r.rows = quantities(cx);
  r.funding = coverage(cx, r.rows);
  if (scope == ReimbursementScope::rows) return r;
  r.indemnities = indemnities(cx);
  r.orgs = org_lines(cx, r.indemnities, r.invoices);
  r.to_fix = to_fix(cx);
  r.evidence_missing = evidence_missing(cx);
  {
    auto held = cx.query("evidence_held");
    r.holds_evidence = held.next() && held.flag("held");
  }
  r.totals = totals_of(r);
  return r;
}

}  // namespace ledger
