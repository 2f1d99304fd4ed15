// The month-end reimbursement report and the reconciliation to a date (DESIGN section 5): what
// was delivered and followed, what the OPCA covers, what each training body may bill, must pay
// back or owes, and what to fix before claiming. Computed once; rendered per format.
//
// Readings where DESIGN leaves room (closest to the seed; tests pin each):
// * Reconcile treats start..D as one period: its rows are rounded once on the to-date minutes
//   (so they may differ by a cent from the sum of month reports), and the euro cap is walked over
//   them in (trainee id, module code) order. The month report walks the cap over every month up
//   to its own, each month's rows rounded on their own, and claimed-to-date sums those months.
// * Every trainee of the convention is enrolled on every half-day (the ledger has no enrolment
//   date); a departure withdraws the half-days dated on or after it.
// * A convention renounced as a whole (`convention cancel`) cancels each of its half-days, by
//   the party that renounced it; the 14-3 clause applies only to half-days cancelled one by one.
// * Whole-convention indemnities (14-1, 14-2, 14-4) concern the parcours, not a module: they
//   are listed under indemnities and counted in the totals, not in the per-module lines.
// * "To fix" lists the period's half-days (the month's, or start..D), the same ones whose minutes
//   the rows count as unproven or unrecorded.
// * Training invoices are per module (invoice add asks for it); indemnity and expenses invoices
//   are listed apart ("invoices") and never enter due, paid or refund figures.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/convention.hpp"
#include "domain/values.hpp"

namespace ledger {

class Ledger;

struct Period {
  std::string from, to;               // inclusive ISO dates
  std::optional<std::string> month;   // YYYY-MM for a month report; else a reconciliation as of `to`
  // The clock's date (Clock::paris_date): half-days dated after it are not yet held.
  std::string today = "9999-12-31";

  static Period of_month(const std::string& yyyy_mm);  // std::invalid_argument when not YYYY-MM
  static Period as_of(const std::string& day);
};

struct ReimbursementRow {
  std::string trainee_id, last_name, first_name, module;
  Minutes delivered = 0, followed = 0, unproven = 0, absent_justified = 0, absent_unjustified = 0, unrecorded = 0,
          not_delivered = 0, withdrawn = 0, covered = 0;
  Cents due_ht = 0, imputable_ht = 0, non_imputable_ht = 0, opca_claim = 0, beneficiary_share = 0;
  Cents due_ttc = 0;            // v(delivered) on the TTC price: the price plus its OF's VAT
  std::string basis = "ht";     // the basis of the row's agreement (pending or decided); "ht" when none
  std::string funding;          // the agreement whose scope holds this (trainee, module), or empty
  std::string funding_status;   // "decided", "pending" or empty (no agreement)
};

struct OrgModuleLine {
  std::string org, module;
  Cents invoiced_ht = 0, paid_ht = 0, due_ht = 0, refund_due = 0, indemnity_owed_by_org = 0,
        indemnity_owed_by_beneficiary = 0;
};

struct FundingLine {
  std::string ref, funder, status;      // status: "decided" or "pending"
  std::optional<std::string> decided;
  bool covers = false;                  // decided on or before the trainees' entry into training
  Minutes covered = 0;                  // this period
  Cents claim = 0;                      // this period
  Cents claimed_to_date = 0, received_to_date = 0;
};

struct Indemnity {
  std::string date;                     // the half-day's, or the renunciation's notification date
  std::string slot, module, org;        // slot and module empty for a whole convention
  std::string clause;                   // "14-1", "14-2", "14-3", "14-4"
  std::string owed_by;                  // "of" or "beneficiary"
  std::int64_t notice_days = 0;
  Cents base = 0, amount = 0;
};

struct InvoiceLine {
  std::string org, number, date, kind, module;
  Cents amount_ht = 0, amount_ttc = 0, paid_ttc = 0;
  BasisPoints vat_rate = 0;
};

struct ToFix {
  std::string date, slot, module, trainee_id, last_name, first_name, sheet;
  Minutes minutes = 0;   // the half-day's minutes when unrecorded, else the attended minutes
  std::string missing;   // "attendance_entry", "trainee_signature", "trainer_signature",
                         // "both_signatures", "proof_reference"
};

// A complete entry with no evidence file held behind it (reports/evidence_missing.sql).
struct EvidenceMissing {
  std::string date, slot, module, trainee_id, last_name, first_name, sheet;
  Minutes minutes = 0;  // attended
  std::int64_t entry = 0;
};

struct ReimbursementTotals {
  ReimbursementRow rows;   // sums of the rows' figures
  Cents invoiced_ht = 0, paid_ht = 0, due_ht_to_date = 0, refund_due = 0;
  Cents indemnity_owed_by_org = 0, indemnity_owed_by_beneficiary = 0;   // every indemnity listed
  Cents claimed_to_date = 0, received_to_date = 0;
};

struct ReimbursementReport {
  std::string convention, title;
  std::int64_t version = 1;                // the convention's version in force (schema 11)
  std::optional<std::string> amended_on;   // the date its latest avenant was recorded
  Period period;
  std::vector<OrgRow> orgs_of_convention;
  std::vector<ReimbursementRow> rows;
  std::vector<OrgModuleLine> orgs;
  std::vector<FundingLine> funding;
  std::vector<Indemnity> indemnities;
  std::vector<InvoiceLine> invoices;   // every invoice to the date; the lines count training ones only
  std::vector<ToFix> to_fix;
  std::vector<EvidenceMissing> evidence_missing;
  bool holds_evidence = false;  // the convention holds evidence files: the table lists what has none
  ReimbursementTotals totals;
};

// What a rendering reads of the report: everything, or the rows alone (quantities and coverage:
// nothing computed after them changes a row).
enum class ReimbursementScope { whole, rows };

// The sections left out of a `rows` report are empty.
ReimbursementReport compute_reimbursement(Ledger& ledger, const ConventionState& st, const Period& period,
                                          ReimbursementScope scope = ReimbursementScope::whole);

}  // namespace ledger
