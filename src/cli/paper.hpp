// The paper side's commands (issue 6), callable in-process: printed sheets, the convention's
// Art. 7 and Art. 9 tables, Art. 8 grades.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "app/command.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct SheetOptions {
  std::string convention, module, date, slot, week, out;
};

struct ConventionTablesOptions {
  std::string ref;
  std::string section;  // empty: every table
  Format format = Format::table;
  Output output;
};

struct GradeAddOptions {
  std::string convention, trainee, module, test, score, out_of;
};

struct GradeCorrectOptions {
  std::string convention, trainee, module, test, score, out_of, reason;
};

struct ReportGradesOptions {
  std::string convention, section;
  Format format = Format::table;
  Output output;
};

// Writes the HTML to opts.out (then says so on `out`), or to `out`.
int run_sheet(Ledger& ledger, std::ostream& out, const SheetOptions& opts);
int run_convention_tables(Ledger& ledger, std::ostream& out, const ConventionTablesOptions& opts);
int run_grade_add(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeAddOptions& opts);
int run_grade_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeCorrectOptions& opts);
int run_report_grades(Ledger& ledger, std::ostream& out, const ReportGradesOptions& opts);

}  // namespace ledger
