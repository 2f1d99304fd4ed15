// The reimbursement report's renderers: a table for the finance officer (a section per training
// body, hours and euros, totals, what to fix), CSV and JSON with DESIGN's "Report fields".
#pragma once

#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/command.hpp"
#include "report/dataset.hpp"
#include "report/reimbursement.hpp"

namespace ledger {

// The sections `--section` names; "rows" is the default of CSV.
inline constexpr const char* kReimbursementSections[] = {"rows", "orgs", "funding", "indemnities", "invoices", "to_fix", "evidence_missing", "totals"};

// One section as data (columns named as in DESIGN "Report fields").
Dataset reimbursement_section(const ReimbursementReport& report, const std::string& section);

// The whole report as one JSON object: {"convention", "month" | "as_of", "from", "to", "rows",
// "orgs", "funding", "indemnities", "invoices", "totals", "to_fix", "evidence_missing"}.
nlohmann::ordered_json reimbursement_json(const ReimbursementReport& report);

void render_reimbursement_table(const ReimbursementReport& report, std::ostream& out);

// What render_reimbursement reads of the report for `format` and `section`: the rows alone for
// the default CSV and for the rows section, in any format.
ReimbursementScope reimbursement_scope(Format format, const std::string& section);

// `section` empty: the table for people, the rows in CSV, the whole object in JSON.
// xlsx: one sheet per section, or the section asked for.
void render_reimbursement(const ReimbursementReport& report, Format format, const std::string& section, std::ostream& out,
                          const Output& output = {});

}  // namespace ledger
