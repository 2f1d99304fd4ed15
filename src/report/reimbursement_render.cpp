#include "report/reimbursement_render.hpp"

#include <fmt/format.h>

#include <map>

#include "app/error.hpp"
#include "app/text.hpp"
#include "report/table.hpp"
#include "report/xlsx.hpp"

namespace ledger {

namespace {

using K = ColumnKind;

// What the table prints for the codes of the machine columns.
CodeLabels funding_status_labels() {
  return {{"decided", tr("report.status_decided")}, {"pending", tr("report.status_pending")}};
}
CodeLabels slot_labels() { return {{"am", tr("slot.am")}, {"pm", tr("slot.pm")}}; }
CodeLabels invoice_kind_labels() {
  return {{"training", tr("invoice.kind_training")}, {"indemnity", tr("invoice.kind_indemnity")}, {"expenses", tr("invoice.kind_expenses")}};
}
CodeLabels missing_labels() {
  return {{"attendance_entry", tr("report.missing_entry")},
          {"proof_reference", tr("report.missing_proof")},
          {"both_signatures", tr("report.missing_both_signatures")},
          {"trainee_signature", tr("report.missing_trainee_signature")},
          {"trainer_signature", tr("report.missing_trainer_signature")}};
}
CodeLabels basis_labels() { return {{"ht", tr("timeline.basis_ht")}, {"ttc", tr("timeline.basis_ttc")}}; }
Datum text_or_null(const std::string& s) { return s.empty() ? Datum{} : Datum{s}; }
Datum opt_text(const std::optional<std::string>& s) { return s ? Datum{*s} : Datum{}; }

Dataset rows_dataset(const std::vector<ReimbursementRow>& rows) {
  Dataset d;
  d.key_columns = 4;  // trainee, names, module
  d.columns = {{"trainee_id", tr("report.col.trainee_id"), K::text},
               {"last_name", tr("report.col.last_name"), K::text},
               {"first_name", tr("report.col.first_name"), K::text},
               {"module", tr("report.col.module"), K::text},
               {"delivered_min", tr("report.col.delivered_min"), K::minutes},
               {"followed_min", tr("report.col.followed_min"), K::minutes},
               {"unproven_min", tr("report.col.unproven_min"), K::minutes},
               {"absent_justified_min", tr("report.col.absent_justified_min"), K::minutes},
               {"absent_unjustified_min", tr("report.col.absent_unjustified_min"), K::minutes},
               {"unrecorded_min", tr("report.col.unrecorded_min"), K::minutes},
               {"not_delivered_min", tr("report.col.not_delivered_min"), K::minutes},
               {"withdrawn_min", tr("report.col.withdrawn_min"), K::minutes},
               {"covered_min", tr("report.col.covered_min"), K::minutes},
               {"due_ht_cents", tr("report.col.due_ht_cents"), K::cents},
               {"imputable_ht_cents", tr("report.col.imputable_ht_cents"), K::cents},
               {"non_imputable_ht_cents", tr("report.col.non_imputable_ht_cents"), K::cents},
               {"opca_claim_cents", tr("report.col.opca_claim_cents"), K::cents},
               {"beneficiary_share_cents", tr("report.col.beneficiary_share_cents"), K::cents},
               {"due_ttc_cents", tr("timeline.col.due_ttc_cents"), K::cents},
               {"basis", tr("timeline.col.basis"), K::text, basis_labels()},
               {"funding", tr("report.col.funding"), K::text},
               {"funding_status", tr("report.col.funding_status"), K::text, funding_status_labels()}};
  for (const auto& r : rows)
    d.add({r.trainee_id, r.last_name, r.first_name, r.module, r.delivered, r.followed, r.unproven, r.absent_justified,
           r.absent_unjustified, r.unrecorded, r.not_delivered, r.withdrawn, r.covered, r.due_ht, r.imputable_ht,
           r.non_imputable_ht, r.opca_claim, r.beneficiary_share, r.due_ttc, r.basis, text_or_null(r.funding),
           text_or_null(r.funding_status)});
  return d;
}

Dataset orgs_dataset(const std::vector<OrgModuleLine>& lines) {
  Dataset d;
  d.columns = {{"org", tr("report.col.org"), K::text},
               {"module", tr("report.col.module"), K::text},
               {"invoiced_ht_cents", tr("report.col.invoiced_ht_cents"), K::cents},
               {"paid_ht_cents", tr("report.col.paid_ht_cents"), K::cents},
               {"due_ht_cents", tr("report.col.due_ht_cents"), K::cents},
               {"refund_due_cents", tr("report.col.refund_due_cents"), K::cents},
               {"indemnity_owed_by_org_cents", tr("report.col.indemnity_owed_by_org_cents"), K::cents},
               {"indemnity_owed_by_beneficiary_cents", tr("report.col.indemnity_owed_by_beneficiary_cents"), K::cents}};
  for (const auto& o : lines)
    d.add({o.org, o.module, o.invoiced_ht, o.paid_ht, o.due_ht, o.refund_due, o.indemnity_owed_by_org,
           o.indemnity_owed_by_beneficiary});
  return d;
}

Dataset funding_dataset(const std::vector<FundingLine>& lines) {
  Dataset d;
  d.columns = {{"ref", tr("report.col.ref"), K::text},
               {"status", tr("report.col.status"), K::text, funding_status_labels()},
               {"claimed_to_date_cents", tr("report.col.claimed_to_date_cents"), K::cents},
               {"received_to_date_cents", tr("report.col.received_to_date_cents"), K::cents},
               {"funder", tr("report.col.funder"), K::text},
               {"decided", tr("report.col.decided"), K::date},
               {"covers", tr("report.col.covers"), K::boolean},
               {"covered_min", tr("report.col.covered_min"), K::minutes},
               {"claim_cents", tr("report.col.claim_cents"), K::cents}};
  for (const auto& f : lines)
    d.add({f.ref, f.status, f.claimed_to_date, f.received_to_date, f.funder, opt_text(f.decided), f.covers, f.covered, f.claim});
  return d;
}

Dataset indemnities_dataset(const std::vector<Indemnity>& list) {
  Dataset d;
  d.columns = {{"date", tr("report.col.date"), K::date},         {"slot", tr("report.col.slot"), K::text, slot_labels()},
               {"module", tr("report.col.module"), K::text},     {"org", tr("report.col.org"), K::text},
               {"clause", tr("report.col.clause"), K::text},     {"owed_by", tr("report.col.owed_by"), K::text, {{"of", tr("report.owed_by_of")}, {"beneficiary", tr("report.owed_by_beneficiary")}}},
               {"notice_days", tr("report.col.notice_days"), K::integer}, {"base_cents", tr("report.col.base_cents"), K::cents},
               {"amount_cents", tr("report.col.amount_cents"), K::cents}};
  for (const auto& i : list)
    d.add({i.date, text_or_null(i.slot), text_or_null(i.module), text_or_null(i.org), i.clause, i.owed_by, i.notice_days, i.base,
           i.amount});
  return d;
}

Dataset invoices_dataset(const std::vector<InvoiceLine>& list) {
  Dataset d;
  d.columns = {{"org", tr("report.col.org"), K::text},     {"number", tr("report.col.number"), K::text},
               {"date", tr("report.col.date"), K::date},             {"kind", tr("report.col.kind"), K::text, invoice_kind_labels()},
               {"module", tr("report.col.module"), K::text},         {"amount_ht_cents", tr("report.col.amount_ht_cents"), K::cents},
               {"vat_rate_bp", tr("report.col.vat_rate_bp"), K::basis_points}, {"amount_ttc_cents", tr("report.col.amount_ttc_cents"), K::cents},
               {"paid_ttc_cents", tr("report.col.paid_ttc_cents"), K::cents}};
  for (const auto& i : list)
    d.add({i.org, i.number, i.date, i.kind, text_or_null(i.module), i.amount_ht, i.vat_rate, i.amount_ttc, i.paid_ttc});
  return d;
}

Dataset to_fix_dataset(const std::vector<ToFix>& list) {
  Dataset d;
  d.columns = {{"date", tr("report.col.date"), K::date},           {"slot", tr("report.col.slot"), K::text, slot_labels()},
               {"module", tr("report.col.module"), K::text},       {"trainee_id", tr("report.col.trainee_id"), K::text},
               {"last_name", tr("report.col.last_name"), K::text}, {"first_name", tr("report.col.first_name"), K::text},
               {"sheet", tr("report.col.sheet"), K::text},         {"minutes", tr("report.col.minutes"), K::minutes},
               {"missing", tr("report.col.missing"), K::text, missing_labels()}};
  for (const auto& f : list) d.add({f.date, f.slot, f.module, f.trainee_id, f.last_name, f.first_name, f.sheet, f.minutes, f.missing});
  return d;
}

Dataset evidence_missing_dataset(const std::vector<EvidenceMissing>& list) {
  Dataset d;
  d.columns = {{"date", tr("report.col.date"), K::date},           {"slot", tr("report.col.slot"), K::text, slot_labels()},
               {"module", tr("report.col.module"), K::text},       {"trainee_id", tr("report.col.trainee_id"), K::text},
               {"last_name", tr("report.col.last_name"), K::text}, {"first_name", tr("report.col.first_name"), K::text},
               {"sheet", tr("report.col.sheet"), K::text},         {"minutes", tr("report.col.minutes"), K::minutes},
               {"entry_id", tr("report.col.entry_id"), K::integer}};
  for (const auto& f : list) d.add({f.date, f.slot, f.module, f.trainee_id, f.last_name, f.first_name, f.sheet, f.minutes, f.entry});
  return d;
}

Dataset totals_dataset(const ReimbursementTotals& t) {
  Dataset rows = rows_dataset({t.rows});
  Dataset d;
  for (std::size_t i = 4; i < 19; ++i) {  // the rows' figures, not their names, basis nor agreement
    d.columns.push_back(rows.columns[i]);
  }
  std::vector<Datum> values(rows.rows[0].begin() + 4, rows.rows[0].begin() + 19);
  const std::vector<std::pair<Column, Cents>> money{
      {{"invoiced_ht_cents", tr("report.col.invoiced_ht_cents"), K::cents}, t.invoiced_ht},
      {{"paid_ht_cents", tr("report.col.paid_ht_cents"), K::cents}, t.paid_ht},
      {{"due_ht_to_date_cents", tr("report.total.due_to_date"), K::cents}, t.due_ht_to_date},
      {{"refund_due_cents", tr("report.col.refund_due_cents"), K::cents}, t.refund_due},
      {{"indemnity_owed_by_org_cents", tr("report.total.indemnity_by_orgs"), K::cents}, t.indemnity_owed_by_org},
      {{"indemnity_owed_by_beneficiary_cents", tr("report.total.indemnity_by_beneficiary"), K::cents}, t.indemnity_owed_by_beneficiary},
      {{"claimed_to_date_cents", tr("report.total.claimed"), K::cents}, t.claimed_to_date},
      {{"received_to_date_cents", tr("report.total.received"), K::cents}, t.received_to_date}};
  for (const auto& [column, value] : money) {
    d.columns.push_back(column);
    values.emplace_back(value);
  }
  d.add(std::move(values));
  return d;
}

std::string period_title(const Period& p) {
  return p.month ? tr("report.period_month", fmt::arg("month", *p.month), fmt::arg("from", french_date(p.from)), fmt::arg("to", french_date(p.to)))
                 : tr("report.period_to", fmt::arg("to", french_date(p.to)));
}

std::string trainee_name(const std::string& id, const std::string& last, const std::string& first) {
  return id + " " + last + " " + first;
}

std::string claim_cell(const ReimbursementRow& r) {
  return r.funding_status == "pending" ? tr("report.claim_pending", fmt::arg("funding", r.funding)) : format_euros(r.opca_claim);
}

void print_org(const ReimbursementReport& report, const OrgRow& org, std::ostream& out) {
  std::map<std::string, bool> modules;
  for (const auto& line : report.orgs)
    if (line.org == org.key) modules[line.module] = true;
  out << '\n'
      << (org.nda.empty() ? tr("report.org_title", fmt::arg("key", org.key), fmt::arg("name", org.name))
                          : tr("report.org_title_nda", fmt::arg("key", org.key), fmt::arg("name", org.name), fmt::arg("nda", org.nda)))
      << '\n';

  TextTable hours({tr("report.col.trainee_id"), tr("report.col.module"), tr("report.h.delivered") + ">", tr("report.h.followed") + ">",
                   tr("report.h.unproven") + ">", tr("report.h.absent_justified") + ">", tr("report.h.absent_unjustified") + ">",
                   tr("report.h.unrecorded") + ">", tr("report.h.not_delivered") + ">", tr("report.h.withdrawn") + ">", tr("report.h.covered") + ">"});
  // A TTC agreement's share is due TTC − claim: the table then shows due TTC beside due HT.
  bool ttc = false;
  for (const auto& r : report.rows) ttc = ttc || (modules.contains(r.module) && r.basis == "ttc");
  auto with_ttc = [ttc](std::vector<std::string> cells, std::string due_ttc) {
    if (ttc) cells.insert(cells.begin() + 3, std::move(due_ttc));
    return cells;
  };
  TextTable euros(with_ttc({tr("report.col.trainee_id"), tr("report.col.module"), tr("report.h.due_ht") + ">", tr("report.h.imputable") + ">",
                            tr("report.h.non_imputable") + ">", tr("report.h.opca_claim") + ">", tr("report.h.beneficiary_share") + ">"},
                           tr("timeline.h.due_ttc") + ">"));
  hours.set_key_columns(2);
  euros.set_key_columns(2);
  ReimbursementRow sum;
  bool pending = false;
  for (const auto& r : report.rows) {
    if (!modules.contains(r.module)) continue;
    const std::string who = trainee_name(r.trainee_id, r.last_name, r.first_name);
    hours.add({who, r.module, format_hours(r.delivered), format_hours(r.followed), format_hours(r.unproven),
               format_hours(r.absent_justified), format_hours(r.absent_unjustified), format_hours(r.unrecorded),
               format_hours(r.not_delivered), format_hours(r.withdrawn), format_hours(r.covered)});
    euros.add(with_ttc({who, r.module, format_euros(r.due_ht), format_euros(r.imputable_ht), format_euros(r.non_imputable_ht), claim_cell(r),
                        format_euros(r.beneficiary_share)},
                       format_euros(r.due_ttc)));
    pending = pending || r.funding_status == "pending";
    sum.delivered += r.delivered, sum.followed += r.followed, sum.unproven += r.unproven;
    sum.absent_justified += r.absent_justified, sum.absent_unjustified += r.absent_unjustified, sum.unrecorded += r.unrecorded;
    sum.not_delivered += r.not_delivered, sum.withdrawn += r.withdrawn, sum.covered += r.covered;
    sum.due_ht += r.due_ht, sum.imputable_ht += r.imputable_ht, sum.non_imputable_ht += r.non_imputable_ht;
    sum.opca_claim += r.opca_claim, sum.beneficiary_share += r.beneficiary_share, sum.due_ttc += r.due_ttc;
  }
  if (hours.empty()) {
    out << tr("report.org_nothing") << '\n';
  } else {
    hours.add_rule();
    hours.add({tr("report.total"), "", format_hours(sum.delivered), format_hours(sum.followed), format_hours(sum.unproven),
               format_hours(sum.absent_justified), format_hours(sum.absent_unjustified), format_hours(sum.unrecorded),
               format_hours(sum.not_delivered), format_hours(sum.withdrawn), format_hours(sum.covered)});
    euros.add_rule();
    euros.add(with_ttc({tr("report.total"), "", format_euros(sum.due_ht), format_euros(sum.imputable_ht), format_euros(sum.non_imputable_ht),
                        format_euros(sum.opca_claim), format_euros(sum.beneficiary_share)},
                       format_euros(sum.due_ttc)));
    out << '\n' << tr("report.hours_title") << '\n';
    hours.print(out, "  ");
    out << '\n' << tr("report.euros_title") << '\n';
    euros.print(out, "  ");
    if (pending) out << "  " << tr("report.pending_note") << '\n';
  }
  TextTable money({tr("report.col.module"), tr("report.h.invoiced_ht") + ">", tr("report.h.paid_ht") + ">", tr("report.h.due_ht") + ">",
                   tr("report.h.refund_due") + ">", tr("report.h.indemnity_by_of") + ">", tr("report.h.indemnity_by_beneficiary") + ">"});
  for (const auto& line : report.orgs)
    if (line.org == org.key)
      money.add({line.module, format_euros(line.invoiced_ht), format_euros(line.paid_ht), format_euros(line.due_ht),
                 format_euros(line.refund_due), format_euros(line.indemnity_owed_by_org),
                 format_euros(line.indemnity_owed_by_beneficiary)});
  out << '\n' << tr("report.money_title", fmt::arg("date", french_date(report.period.to))) << '\n';
  money.print(out, "  ");
}

void print_funding(const ReimbursementReport& report, std::ostream& out) {
  out << '\n' << tr("report.funding_title") << '\n';
  if (report.funding.empty()) {
    out << tr("report.funding_none") << '\n';
    return;
  }
  TextTable t({tr("report.col.ref"), tr("report.col.funder"), tr("report.col.status"), tr("report.h.covered") + ">", tr("report.h.claim") + ">",
               tr("report.h.claimed_to_date") + ">", tr("report.h.received_to_date") + ">"});
  for (const auto& f : report.funding) {
    const bool pending = f.status == "pending";
    const std::string status = pending    ? tr("report.funding_pending")
                               : f.covers ? tr("report.funding_decided", fmt::arg("date", french_date(*f.decided)))
                                          : tr("report.funding_too_late", fmt::arg("date", french_date(*f.decided)));
    const std::string waiting = tr("report.status_pending");
    t.add({f.ref, f.funder, status, pending ? waiting : format_hours(f.covered), pending ? waiting : format_euros(f.claim),
           pending ? waiting : format_euros(f.claimed_to_date), format_euros(f.received_to_date)});
  }
  t.print(out, "  ");
}

void print_indemnities(const ReimbursementReport& report, std::ostream& out) {
  out << '\n' << tr("report.indemnities_title", fmt::arg("date", french_date(report.period.to))) << '\n';
  if (report.indemnities.empty()) {
    out << tr("report.none") << '\n';
    return;
  }
  TextTable t({tr("report.col.date"), tr("report.h.half_day"), tr("report.col.clause"), tr("report.col.owed_by"), tr("report.h.notice"),
               tr("report.h.base") + ">", tr("report.h.amount") + ">"});
  for (const auto& i : report.indemnities) {
    const std::string what = i.module.empty() ? tr("report.whole_convention") : i.module + " " + code_label(slot_labels(), i.slot);
    const std::string by = i.owed_by == "of" ? (i.org.empty() ? tr("report.owed_by_of") : i.org) : tr("report.owed_by_beneficiary");
    t.add({i.date, what, i.clause, by, trn("report.days", i.notice_days), format_euros(i.base), format_euros(i.amount)});
  }
  t.print(out, "  ");
}

void print_invoices(const ReimbursementReport& report, std::ostream& out) {
  if (report.invoices.empty()) return;
  out << '\n' << tr("report.invoices_title", fmt::arg("date", french_date(report.period.to))) << '\n';
  TextTable t({tr("report.col.org"), tr("report.col.number"), tr("report.col.date"), tr("report.col.kind"), tr("report.col.module"),
               tr("report.h.ht") + ">", tr("report.h.vat") + ">", tr("report.h.ttc") + ">", tr("report.h.paid_ttc") + ">"});
  for (const auto& i : report.invoices)
    t.add({i.org, i.number, i.date, code_label(invoice_kind_labels(), i.kind), i.module, format_euros(i.amount_ht), format_percent(i.vat_rate),
           format_euros(i.amount_ttc), format_euros(i.paid_ttc)});
  t.print(out, "  ");
}

void print_totals(const ReimbursementReport& report, std::ostream& out) {
  const ReimbursementTotals& t = report.totals;
  out << '\n' << tr("report.totals_title") << '\n';
  TextTable table({tr("report.h.figure"), tr("report.h.amount") + ">"});
  table.add({tr("report.total.delivered"), format_hours(t.rows.delivered)});
  table.add({tr("report.total.followed"), format_hours(t.rows.followed)});
  table.add({tr("report.total.to_prove"), format_hours(t.rows.unproven + t.rows.unrecorded)});
  table.add({tr("report.total.covered"), format_hours(t.rows.covered)});
  table.add_rule();
  table.add({tr("report.total.due_ht"), format_euros(t.rows.due_ht)});
  table.add({"  " + tr("report.total.imputable"), format_euros(t.rows.imputable_ht)});
  table.add({"  " + tr("report.total.non_imputable"), format_euros(t.rows.non_imputable_ht)});
  table.add({tr("report.total.opca_claim"), format_euros(t.rows.opca_claim)});
  table.add({tr("report.total.beneficiary_share"), format_euros(t.rows.beneficiary_share)});
  table.add_rule();
  table.add({tr("report.total.invoiced", fmt::arg("date", french_date(report.period.to))), format_euros(t.invoiced_ht)});
  table.add({tr("report.col.paid_ht_cents"), format_euros(t.paid_ht)});
  table.add({tr("report.total.refunds"), format_euros(t.refund_due)});
  table.add({tr("report.total.indemnity_by_orgs"), format_euros(t.indemnity_owed_by_org)});
  table.add({tr("report.total.indemnity_by_beneficiary"), format_euros(t.indemnity_owed_by_beneficiary)});
  table.add({tr("report.total.claimed"), format_euros(t.claimed_to_date)});
  table.add({tr("report.total.received"), format_euros(t.received_to_date)});
  table.print(out, "  ");
}

void print_to_fix(const ReimbursementReport& report, std::ostream& out) {
  out << '\n' << trn("report.to_fix_title", std::ssize(report.to_fix)) << '\n';
  if (report.to_fix.empty()) {
    out << tr("report.to_fix_none") << '\n';
    return;
  }
  TextTable t({tr("report.col.date"), tr("report.col.slot"), tr("report.col.module"), tr("report.col.trainee_id"), tr("report.h.hours") + ">",
               tr("report.col.sheet"), tr("report.col.missing")});
  for (const auto& f : report.to_fix)
    t.add({f.date, code_label(slot_labels(), f.slot), f.module, trainee_name(f.trainee_id, f.last_name, f.first_name), format_hours(f.minutes),
           f.sheet,
           f.missing == "attendance_entry" ? tr("report.fix_record")
                                           : tr("report.fix_correct", fmt::arg("missing", code_label(missing_labels(), f.missing)))});
  t.print(out, "  ");
}

// Only for a convention that holds evidence files: one that keeps its proofs on paper is not
// told of every half-day.
void print_evidence_missing(const ReimbursementReport& report, std::ostream& out) {
  if (!report.holds_evidence) return;
  out << '\n' << trn("report.evidence_missing_title", std::ssize(report.evidence_missing)) << '\n';
  if (report.evidence_missing.empty()) {
    out << tr("report.evidence_missing_none") << '\n';
    return;
  }
  TextTable t({tr("report.col.date"), tr("report.col.slot"), tr("report.col.module"), tr("report.col.trainee_id"), tr("report.h.hours") + ">",
               tr("report.col.sheet")});
  for (const auto& f : report.evidence_missing)
    t.add({f.date, code_label(slot_labels(), f.slot), f.module, trainee_name(f.trainee_id, f.last_name, f.first_name), format_hours(f.minutes),
           f.sheet});
  t.print(out, "  ");
}

}  // namespace

Dataset reimbursement_section(const ReimbursementReport& report, const std::string& section) {
  if (section == "rows") return rows_dataset(report.rows);
  if (section == "orgs") return orgs_dataset(report.orgs);
  if (section == "funding") return funding_dataset(report.funding);
  if (section == "indemnities") return indemnities_dataset(report.indemnities);
  if (section == "invoices") return invoices_dataset(report.invoices);
  if (section == "to_fix") return to_fix_dataset(report.to_fix);
  if (section == "evidence_missing") return evidence_missing_dataset(report.evidence_missing);
  if (section == "totals") return totals_dataset(report.totals);
  throw InputError::flag("--section", section, tr("report.section_values"));
}

nlohmann::ordered_json reimbursement_json(const ReimbursementReport& report) {
  nlohmann::ordered_json j;
  j["convention"] = report.convention;
  j["version"] = report.version;
  if (report.period.month) j["month"] = *report.period.month;
  else j["as_of"] = report.period.to;
  j["from"] = report.period.month ? nlohmann::ordered_json(report.period.from) : nlohmann::ordered_json(nullptr);
  j["to"] = report.period.to;
  for (const char* section : {"rows", "orgs", "funding", "indemnities", "invoices"})
    j[section] = to_json(reimbursement_section(report, section));
  j["totals"] = to_json(reimbursement_section(report, "totals")).at(0);
  j["to_fix"] = to_json(reimbursement_section(report, "to_fix"));
  j["evidence_missing"] = to_json(reimbursement_section(report, "evidence_missing"));
  return j;
}

void render_reimbursement_table(const ReimbursementReport& report, std::ostream& out) {
  out << tr("report.title", fmt::arg("convention", report.convention), fmt::arg("period", period_title(report.period))) << '\n';
  if (report.amended_on) out << version_note(report.version, *report.amended_on) << '\n';
  out << tr("report.legend") << '\n';
  for (const auto& org : report.orgs_of_convention) print_org(report, org, out);
  print_funding(report, out);
  print_indemnities(report, out);
  print_invoices(report, out);
  print_totals(report, out);
  print_to_fix(report, out);
  print_evidence_missing(report, out);
}

ReimbursementScope reimbursement_scope(Format format, const std::string& section) {
  return section == "rows" || (section.empty() && format == Format::csv) ? ReimbursementScope::rows : ReimbursementScope::whole;
}

void render_reimbursement(const ReimbursementReport& report, Format format, const std::string& section, std::ostream& out,
                          const Output& output) {
  if (!section.empty() && format != Format::xlsx) {
    render(reimbursement_section(report, section), format, out, output);
    return;
  }
  switch (format) {
    case Format::table: render_reimbursement_table(report, out); break;
    case Format::csv: render(rows_dataset(report.rows), format, out, output); break;
    case Format::xlsx: {  // a sheet per section, or the one asked for
      std::vector<Sheet> sheets;
      for (const char* name : kReimbursementSections)
        if (section.empty() || section == name) sheets.push_back({name, reimbursement_section(report, name)});
      write_xlsx(sheets, output);
      break;
    }
    case Format::json: out << reimbursement_json(report).dump(2) << '\n'; break;
  }
}

}  // namespace ledger
