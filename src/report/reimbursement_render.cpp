#include "report/reimbursement_render.hpp"

#include <fmt/format.h>

#include <map>

#include "app/error.hpp"
#include "report/table.hpp"
#include "report/xlsx.hpp"

namespace ledger {

namespace {

using K = ColumnKind;

Datum text_or_null(const std::string& s) { return s.empty() ? Datum{} : Datum{s}; }
Datum opt_text(const std::optional<std::string>& s) { return s ? Datum{*s} : Datum{}; }

Dataset rows_dataset(const std::vector<ReimbursementRow>& rows) {
  Dataset d;
  d.columns = {{"trainee_id", "Trainee", K::text},
               {"last_name", "Last name", K::text},
               {"first_name", "First name", K::text},
               {"module", "Module", K::text},
               {"delivered_min", "Delivered", K::minutes},
               {"followed_min", "Followed", K::minutes},
               {"unproven_min", "Unproven", K::minutes},
               {"absent_justified_min", "Absent (justified)", K::minutes},
               {"absent_unjustified_min", "Absent (unjustified)", K::minutes},
               {"unrecorded_min", "Unrecorded", K::minutes},
               {"not_delivered_min", "Not delivered", K::minutes},
               {"withdrawn_min", "Withdrawn", K::minutes},
               {"covered_min", "Covered", K::minutes},
               {"due_ht_cents", "Due HT", K::cents},
               {"imputable_ht_cents", "Imputable HT", K::cents},
               {"non_imputable_ht_cents", "Non-imputable HT", K::cents},
               {"opca_claim_cents", "OPCA claim", K::cents},
               {"beneficiary_share_cents", "Beneficiary share", K::cents},
               {"funding", "Agreement", K::text},
               {"funding_status", "Status", K::text}};
  for (const auto& r : rows)
    d.add({r.trainee_id, r.last_name, r.first_name, r.module, r.delivered, r.followed, r.unproven, r.absent_justified,
           r.absent_unjustified, r.unrecorded, r.not_delivered, r.withdrawn, r.covered, r.due_ht, r.imputable_ht,
           r.non_imputable_ht, r.opca_claim, r.beneficiary_share, text_or_null(r.funding), text_or_null(r.funding_status)});
  return d;
}

Dataset orgs_dataset(const std::vector<OrgModuleLine>& lines) {
  Dataset d;
  d.columns = {{"org", "Training body", K::text},
               {"module", "Module", K::text},
               {"invoiced_ht_cents", "Invoiced HT", K::cents},
               {"paid_ht_cents", "Paid HT", K::cents},
               {"due_ht_cents", "Due HT", K::cents},
               {"refund_due_cents", "Refund due", K::cents},
               {"indemnity_owed_by_org_cents", "Indemnity owed by the OF", K::cents},
               {"indemnity_owed_by_beneficiary_cents", "Indemnity owed by the beneficiary", K::cents}};
  for (const auto& o : lines)
    d.add({o.org, o.module, o.invoiced_ht, o.paid_ht, o.due_ht, o.refund_due, o.indemnity_owed_by_org,
           o.indemnity_owed_by_beneficiary});
  return d;
}

Dataset funding_dataset(const std::vector<FundingLine>& lines) {
  Dataset d;
  d.columns = {{"ref", "Agreement", K::text},
               {"status", "Status", K::text},
               {"claimed_to_date_cents", "Claimed to date", K::cents},
               {"received_to_date_cents", "Received to date", K::cents},
               {"funder", "Funder", K::text},
               {"decided", "Decided", K::date},
               {"covers", "Covers", K::boolean},
               {"covered_min", "Covered", K::minutes},
               {"claim_cents", "Claim", K::cents}};
  for (const auto& f : lines)
    d.add({f.ref, f.status, f.claimed_to_date, f.received_to_date, f.funder, opt_text(f.decided), f.covers, f.covered, f.claim});
  return d;
}

Dataset indemnities_dataset(const std::vector<Indemnity>& list) {
  Dataset d;
  d.columns = {{"date", "Date", K::date},         {"slot", "Slot", K::text},
               {"module", "Module", K::text},     {"org", "Training body", K::text},
               {"clause", "Clause", K::text},     {"owed_by", "Owed by", K::text},
               {"notice_days", "Notice (days)", K::integer}, {"base_cents", "Base", K::cents},
               {"amount_cents", "Amount", K::cents}};
  for (const auto& i : list)
    d.add({i.date, text_or_null(i.slot), text_or_null(i.module), text_or_null(i.org), i.clause, i.owed_by, i.notice_days, i.base,
           i.amount});
  return d;
}

Dataset invoices_dataset(const std::vector<InvoiceLine>& list) {
  Dataset d;
  d.columns = {{"org", "Training body", K::text},     {"number", "Number", K::text},
               {"date", "Date", K::date},             {"kind", "Kind", K::text},
               {"module", "Module", K::text},         {"amount_ht_cents", "HT", K::cents},
               {"vat_rate_bp", "VAT", K::basis_points}, {"amount_ttc_cents", "TTC", K::cents},
               {"paid_ttc_cents", "Paid TTC", K::cents}};
  for (const auto& i : list)
    d.add({i.org, i.number, i.date, i.kind, text_or_null(i.module), i.amount_ht, i.vat_rate, i.amount_ttc, i.paid_ttc});
  return d;
}

Dataset to_fix_dataset(const std::vector<ToFix>& list) {
  Dataset d;
  d.columns = {{"date", "Date", K::date},           {"slot", "Slot", K::text},
               {"module", "Module", K::text},       {"trainee_id", "Trainee", K::text},
               {"last_name", "Last name", K::text}, {"first_name", "First name", K::text},
               {"sheet", "Sheet", K::text},         {"minutes", "Minutes", K::minutes},
               {"missing", "Missing", K::text}};
  for (const auto& f : list) d.add({f.date, f.slot, f.module, f.trainee_id, f.last_name, f.first_name, f.sheet, f.minutes, f.missing});
  return d;
}

Dataset totals_dataset(const ReimbursementTotals& t) {
  Dataset rows = rows_dataset({t.rows});
  Dataset d;
  for (std::size_t i = 4; i < 18; ++i) {  // the rows' figures, not their names nor the agreement
    d.columns.push_back(rows.columns[i]);
  }
  std::vector<Datum> values(rows.rows[0].begin() + 4, rows.rows[0].begin() + 18);
  const std::vector<std::pair<Column, Cents>> money{
      {{"invoiced_ht_cents", "Invoiced HT", K::cents}, t.invoiced_ht},
      {{"paid_ht_cents", "Paid HT", K::cents}, t.paid_ht},
      {{"due_ht_to_date_cents", "Due HT to date", K::cents}, t.due_ht_to_date},
      {{"refund_due_cents", "Refund due", K::cents}, t.refund_due},
      {{"indemnity_owed_by_org_cents", "Indemnities owed by the training bodies", K::cents}, t.indemnity_owed_by_org},
      {{"indemnity_owed_by_beneficiary_cents", "Indemnities owed by the beneficiary", K::cents}, t.indemnity_owed_by_beneficiary},
      {{"claimed_to_date_cents", "Claimed from the OPCA to date", K::cents}, t.claimed_to_date},
      {{"received_to_date_cents", "Received from the OPCA to date", K::cents}, t.received_to_date}};
  for (const auto& [column, value] : money) {
    d.columns.push_back(column);
    values.emplace_back(value);
  }
  d.add(std::move(values));
  return d;
}

std::string period_title(const Period& p) {
  return p.month ? fmt::format("month {} ({} to {})", *p.month, p.from, p.to) : fmt::format("from the start to {}", p.to);
}

std::string trainee_name(const std::string& id, const std::string& last, const std::string& first) {
  return id + " " + last + " " + first;
}

std::string claim_cell(const ReimbursementRow& r) {
  return r.funding_status == "pending" ? "pending (" + r.funding + ")" : format_euros(r.opca_claim);
}

void print_org(const ReimbursementReport& report, const OrgRow& org, std::ostream& out) {
  std::map<std::string, bool> modules;
  for (const auto& line : report.orgs)
    if (line.org == org.key) modules[line.module] = true;
  out << fmt::format("\n== {} — {}{} ==\n", org.key, org.name, org.nda.empty() ? "" : " (NDA " + org.nda + ")");

  TextTable hours({"Trainee", "Module", "Delivered>", "Followed>", "Unproven>", "Absent just.>", "Absent unjust.>", "Unrecorded>",
                   "Not delivered>", "Withdrawn>", "Covered>"});
  TextTable euros({"Trainee", "Module", "Due HT>", "Imputable>", "Non-imputable>", "OPCA claim>", "Beneficiary share>"});
  ReimbursementRow sum;
  bool pending = false;
  for (const auto& r : report.rows) {
    if (!modules.contains(r.module)) continue;
    const std::string who = trainee_name(r.trainee_id, r.last_name, r.first_name);
    hours.add({who, r.module, format_hours(r.delivered), format_hours(r.followed), format_hours(r.unproven),
               format_hours(r.absent_justified), format_hours(r.absent_unjustified), format_hours(r.unrecorded),
               format_hours(r.not_delivered), format_hours(r.withdrawn), format_hours(r.covered)});
    euros.add({who, r.module, format_euros(r.due_ht), format_euros(r.imputable_ht), format_euros(r.non_imputable_ht), claim_cell(r),
               format_euros(r.beneficiary_share)});
    pending = pending || r.funding_status == "pending";
    sum.delivered += r.delivered, sum.followed += r.followed, sum.unproven += r.unproven;
    sum.absent_justified += r.absent_justified, sum.absent_unjustified += r.absent_unjustified, sum.unrecorded += r.unrecorded;
    sum.not_delivered += r.not_delivered, sum.withdrawn += r.withdrawn, sum.covered += r.covered;
    sum.due_ht += r.due_ht, sum.imputable_ht += r.imputable_ht, sum.non_imputable_ht += r.non_imputable_ht;
    sum.opca_claim += r.opca_claim, sum.beneficiary_share += r.beneficiary_share;
  }
  if (hours.empty()) {
    out << "No half-day of this training body in the period.\n";
  } else {
    hours.add_rule();
    hours.add({"Total", "", format_hours(sum.delivered), format_hours(sum.followed), format_hours(sum.unproven),
               format_hours(sum.absent_justified), format_hours(sum.absent_unjustified), format_hours(sum.unrecorded),
               format_hours(sum.not_delivered), format_hours(sum.withdrawn), format_hours(sum.covered)});
    euros.add_rule();
    euros.add({"Total", "", format_euros(sum.due_ht), format_euros(sum.imputable_ht), format_euros(sum.non_imputable_ht),
               format_euros(sum.opca_claim), format_euros(sum.beneficiary_share)});
    out << "\nHours\n";
    hours.print(out, "  ");
    out << "\nEuros (the OPCA claim counts followed, proven hours only; the rest is the beneficiary's)\n";
    euros.print(out, "  ");
    if (pending) out << "  pending: the agreement is not decided yet and covers nothing until it is.\n";
  }
  TextTable money({"Module", "Invoiced HT>", "Paid HT>", "Due HT>", "Refund due>", "Indemnity by OF>", "Indemnity by beneficiary>"});
  for (const auto& line : report.orgs)
    if (line.org == org.key)
      money.add({line.module, format_euros(line.invoiced_ht), format_euros(line.paid_ht), format_euros(line.due_ht),
                 format_euros(line.refund_due), format_euros(line.indemnity_owed_by_org),
                 format_euros(line.indemnity_owed_by_beneficiary)});
  out << fmt::format("\nTraining money to {} (due: value of the hours delivered so far)\n", report.period.to);
  money.print(out, "  ");
}

void print_funding(const ReimbursementReport& report, std::ostream& out) {
  out << "\n== OPCA funding agreements (Art. 11) ==\n";
  if (report.funding.empty()) {
    out << "No funding agreement: the beneficiary bears every cost.\n";
    return;
  }
  TextTable t({"Agreement", "Funder", "Status", "Covered>", "Claim>", "Claimed to date>", "Received to date>"});
  for (const auto& f : report.funding) {
    std::string status = f.status == "pending" ? "pending: covers nothing until decided"
                         : f.covers            ? "decided " + *f.decided
                                               : "decided " + *f.decided + ", after the trainees' entry: covers nothing";
    const bool pending = f.status == "pending";
    t.add({f.ref, f.funder, status, pending ? "pending" : format_hours(f.covered), pending ? "pending" : format_euros(f.claim),
           pending ? "pending" : format_euros(f.claimed_to_date), format_euros(f.received_to_date)});
  }
  t.print(out, "  ");
}

void print_indemnities(const ReimbursementReport& report, std::ostream& out) {
  out << fmt::format("\n== Indemnities (Art. 13; never imputable, never covered by the OPCA) to {} ==\n", report.period.to);
  if (report.indemnities.empty()) {
    out << "None.\n";
    return;
  }
  TextTable t({"Date", "Half-day", "Clause", "Owed by", "Notice", "Base>", "Amount>"});
  for (const auto& i : report.indemnities) {
    const std::string what = i.module.empty() ? "whole convention" : i.module + " " + i.slot;
    const std::string by = i.owed_by == "of" ? (i.org.empty() ? "training body" : i.org) : "beneficiary";
    t.add({i.date, what, i.clause, by, fmt::format("{} d", i.notice_days), format_euros(i.base), format_euros(i.amount)});
  }
  t.print(out, "  ");
}

void print_invoices(const ReimbursementReport& report, std::ostream& out) {
  if (report.invoices.empty()) return;
  out << fmt::format("\n== Invoices to {} (indemnity and expenses invoices are outside the training figures) ==\n", report.period.to);
  TextTable t({"Training body", "Number", "Date", "Kind", "Module", "HT>", "VAT>", "TTC>", "Paid TTC>"});
  for (const auto& i : report.invoices)
    t.add({i.org, i.number, i.date, i.kind, i.module, format_euros(i.amount_ht), format_hundredths_fr(i.vat_rate) + " %",
           format_euros(i.amount_ttc), format_euros(i.paid_ttc)});
  t.print(out, "  ");
}

void print_totals(const ReimbursementReport& report, std::ostream& out) {
  const ReimbursementTotals& t = report.totals;
  out << "\n== Totals ==\n";
  TextTable table({"Figure", "Amount>"});
  table.add({"Hours delivered", format_hours(t.rows.delivered)});
  table.add({"Hours followed (proven)", format_hours(t.rows.followed)});
  table.add({"Hours to prove (unproven, unrecorded)", format_hours(t.rows.unproven + t.rows.unrecorded)});
  table.add({"Hours covered by the OPCA", format_hours(t.rows.covered)});
  table.add_rule();
  table.add({"Due to the training bodies HT", format_euros(t.rows.due_ht)});
  table.add({"  imputable", format_euros(t.rows.imputable_ht)});
  table.add({"  non-imputable (Art. 13, 14-5)", format_euros(t.rows.non_imputable_ht)});
  table.add({"To claim from the OPCA", format_euros(t.rows.opca_claim)});
  table.add({"Beneficiary's share", format_euros(t.rows.beneficiary_share)});
  table.add_rule();
  table.add({fmt::format("Invoiced HT to {}", report.period.to), format_euros(t.invoiced_ht)});
  table.add({"Paid HT", format_euros(t.paid_ht)});
  table.add({"Refunds due by the training bodies", format_euros(t.refund_due)});
  table.add({"Indemnities owed by the training bodies", format_euros(t.indemnity_owed_by_org)});
  table.add({"Indemnities owed by the beneficiary", format_euros(t.indemnity_owed_by_beneficiary)});
  table.add({"Claimed from the OPCA to date", format_euros(t.claimed_to_date)});
  table.add({"Received from the OPCA to date", format_euros(t.received_to_date)});
  table.print(out, "  ");
}

void print_to_fix(const ReimbursementReport& report, std::ostream& out) {
  out << fmt::format("\n== To fix before claiming ({} half-day entr{}) ==\n", report.to_fix.size(), report.to_fix.size() == 1 ? "y" : "ies");
  if (report.to_fix.empty()) {
    out << "Nothing: every half-day of the period is recorded and proven.\n";
    return;
  }
  TextTable t({"Date", "Slot", "Module", "Trainee", "Hours>", "Sheet", "Missing"});
  for (const auto& f : report.to_fix)
    t.add({f.date, f.slot, f.module, trainee_name(f.trainee_id, f.last_name, f.first_name), format_hours(f.minutes), f.sheet,
           f.missing == "attendance entry" ? "no attendance entry: record it (ledger attend)"
                                           : f.missing + " missing: add it (ledger attend correct)"});
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
  if (section == "totals") return totals_dataset(report.totals);
  throw InputError::flag("--section", section, "expected rows, orgs, funding, indemnities, invoices, to_fix or totals");
}

nlohmann::ordered_json reimbursement_json(const ReimbursementReport& report) {
  nlohmann::ordered_json j;
  j["convention"] = report.convention;
  if (report.period.month) j["month"] = *report.period.month;
  else j["as_of"] = report.period.to;
  j["from"] = report.period.month ? nlohmann::ordered_json(report.period.from) : nlohmann::ordered_json(nullptr);
  j["to"] = report.period.to;
  for (const char* section : {"rows", "orgs", "funding", "indemnities", "invoices"})
    j[section] = to_json(reimbursement_section(report, section));
  j["totals"] = to_json(reimbursement_section(report, "totals")).at(0);
  j["to_fix"] = to_json(reimbursement_section(report, "to_fix"));
  return j;
}

void render_reimbursement_table(const ReimbursementReport& report, std::ostream& out) {
  out << fmt::format("Reimbursement report — {} — {}\n", report.convention, period_title(report.period));
  out << "Hours as 3 h 30, euros HT unless marked; OPCA figures count proven hours only.\n";
  for (const auto& org : report.orgs_of_convention) print_org(report, org, out);
  print_funding(report, out);
  print_indemnities(report, out);
  print_invoices(report, out);
  print_totals(report, out);
  print_to_fix(report, out);
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
