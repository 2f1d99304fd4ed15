// Art. 8 grades: recording (append-only, a correction supersedes the latest grade, as attendance
// does) and the consolidated report the designated training body sends to Ucanss.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "domain/convention.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger::paper {

// A score or maximum as typed: at most two decimals, stored × 100 ("14,5" -> 1450).
std::int64_t score_flag(const std::string& flag, const std::string& value);

struct GradeRow {
  std::int64_t id = 0;
  std::int64_t score_x100 = 0, out_of_x100 = 0;
};

// The grade nothing supersedes for this trainee, module and test.
std::optional<GradeRow> latest_grade(Ledger& ledger, std::int64_t trainee_id, std::int64_t module_id, const std::string& test);

struct NewGrade {
  std::int64_t trainee_id = 0, module_id = 0;
  std::string test;
  std::int64_t score_x100 = 0, out_of_x100 = 0;
  std::optional<std::int64_t> supersedes;
  std::optional<std::string> reason;
};
std::int64_t append_grade(WriteTransaction& txn, const NewGrade& grade);

// `14,5 / 20`.
std::string score_text(std::int64_t score_x100, std::int64_t out_of_x100);

struct GradesReport {
  std::string convention, title, option;
  std::vector<std::string> consolidated_by;  // names of the bodies marked consolidates_grades
  Dataset grades;   // latest grade of every trainee, module and test
  Dataset missing;  // trainee × module without any grade
};
GradesReport grades_report(Ledger& ledger, const std::string& convention);
// `section`: empty (grades), "grades" or "missing"; table and JSON print both.
void render_grades(const GradesReport& report, Format format, const std::string& section, std::ostream& out,
                   const Output& output = {});

}  // namespace ledger::paper
