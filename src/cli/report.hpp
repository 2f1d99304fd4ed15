// `ledger report reimbursement` and `ledger report reconcile` (DESIGN section 5), callable in-process.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "app/command.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct ReportReimbursementOptions {
  std::string convention, month, section;
  Format format = Format::table;
  Output output;
};

struct ReportReconcileOptions {
  std::string convention, as_of, section;  // as_of empty: today, from the clock
  Format format = Format::table;
  Output output;
};

int run_report_reimbursement(Ledger& ledger, const Clock& clock, std::ostream& out, const ReportReimbursementOptions& opts);
int run_report_reconcile(Ledger& ledger, const Clock& clock, std::ostream& out, const ReportReconcileOptions& opts);

// The `--section` option both reports share.
void add_section_option(CLI::App& cmd, std::string& section);

}  // namespace ledger
