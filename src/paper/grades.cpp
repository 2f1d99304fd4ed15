#include "paper/grades.hpp"
#include "app/text.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <ostream>

#include "app/error.hpp"
#include "domain/sessions.hpp"
#include "paper/text.hpp"
#include "report/table.hpp"
#include "report/xlsx.hpp"

namespace ledger::paper {

std::int64_t score_flag(const std::string& flag, const std::string& value) {
  return flag_value(flag, value, [](const std::string& v) { return parse_hundredths(v); });
}

std::optional<GradeRow> latest_grade(Ledger& ledger, std::int64_t trainee_id, std::int64_t module_id, const std::string& test) {
  auto q = ledger.query("grade_latest");
  q.bind(1, trainee_id);
  q.bind(2, module_id);
  q.bind(3, test);
  if (!q.next()) return std::nullopt;
  GradeRow g{q.i64("id"), q.i64("score_x100"), q.i64("out_of_x100")};
  q.reset();
  return g;
}

std::int64_t append_grade(WriteTransaction& txn, const NewGrade& g) {
  return txn.append("grade", {{"trainee_id", g.trainee_id}, {"module_id", g.module_id}, {"test", g.test},
                              {"score_x100", g.score_x100}, {"out_of_x100", g.out_of_x100},
                              {"supersedes", opt(g.supersedes)}, {"reason", opt(g.reason)},
                              {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}

std::string score_text(std::int64_t score_x100, std::int64_t out_of_x100) {
  return format_hundredths_fr(score_x100) + " / " + format_hundredths_fr(out_of_x100);
}

GradesReport grades_report(Ledger& ledger, const std::string& convention) {
  const ConventionState st = load_convention(ledger, convention);
  GradesReport r;
  r.convention = st.convention.ref;
  r.title = st.convention.title;
  r.option = st.convention.option;
  {
    auto q = ledger.query("grade_consolidator");
    q.bind(1, st.convention.id);
    while (q.next()) r.consolidated_by.push_back(q.text("name"));
  }
  using K = ColumnKind;
  r.grades.columns = {{"trainee_id", tr("col.trainee_id")}, {"last_name", tr("col.last_name")},  {"first_name", tr("col.first_name")},
                      {"module", tr("col.module")},        {"org", tr("col.org")},  {"test", tr("col.test")},
                      {"score_x100", tr("col.score"), K::integer}, {"out_of_x100", tr("col.out_of"), K::integer}
, {"corrected", tr("col.corrected"), K::boolean},
                      {"grade_id", tr("col.grade_id"), K::integer}, {"recorded_at", tr("col.grades.recorded_at")}, {"recorded_by", tr("col.recorded_by")}};
  {
    auto q = ledger.query("grade_report");
    q.bind(1, st.convention.id);
    while (q.next())
      r.grades.add({q.text("trainee"), q.text("last_name"), q.text("first_name"),
                    q.text("module"), q.text("org"), q.text("test"),
                    q.i64("score_x100"), q.i64("out_of_x100"),
                    q.flag("corrected"), q.i64("id"), q.text("recorded_at"),
                    q.text("recorded_by")});
  }
  r.missing.columns = {{"trainee_id", tr("col.trainee_id")}, {"last_name", tr("col.last_name")}, {"first_name", tr("col.first_name")}, {"module", tr("col.module")},
                       {"org", tr("col.org")}};
  {
    auto q = ledger.query("grade_missing");
    q.bind(1, st.convention.id);
    while (q.next())
      r.missing.add({q.text("trainee"), q.text("last_name"), q.text("first_name"),
                     q.text("module"), q.text("org")});
  }
  return r;
}

namespace {

std::string consolidator_text(const GradesReport& r) {
  if (r.consolidated_by.empty()) return tr("grade.no_consolidator");
  std::string names;
  for (const auto& n : r.consolidated_by) names += (names.empty() ? "" : ", ") + n;
  return names;
}

// For people the score reads `14,5 / 20` in one column; the machine columns stay integers.
void print_grades(const Dataset& grades, std::ostream& out) {
  TextTable t({tr("col.trainee_id"), tr("col.last_name"), tr("col.first_name"), tr("col.module"), tr("col.org"), tr("col.test"),
               tr("col.score") + ">", tr("col.corrected")});
  std::string previous;
  for (const auto& row : grades.rows) {
    const auto& trainee = std::get<std::string>(row[0]);
    if (!previous.empty() && trainee != previous) t.add_rule();
    previous = trainee;
    t.add({trainee, std::get<std::string>(row[1]), std::get<std::string>(row[2]), std::get<std::string>(row[3]),
           std::get<std::string>(row[4]), std::get<std::string>(row[5]),
           score_text(std::get<std::int64_t>(row[6]), std::get<std::int64_t>(row[7])), std::get<bool>(row[8]) ? tr("common.yes") : ""});
  }
  if (t.empty()) out << "  " << tr("grade.none") << '\n';
  else t.print(out, "  ");
}

}  // namespace

void render_grades(const GradesReport& r, Format format, const std::string& section, std::ostream& out, const Output& output) {
  if (!section.empty() && section != "grades" && section != "missing")
    throw InputError::flag("--section", section, tr("grade.section_values"));
  if (format == Format::csv) {
    render_csv(section == "missing" ? r.missing : r.grades, out, output.dialect);
    return;
  }
  if (format == Format::xlsx) {
    std::vector<Sheet> sheets;
    if (section != "missing") sheets.push_back({"grades", r.grades});
    if (section != "grades") sheets.push_back({"missing", r.missing});
    write_xlsx(sheets, output);
    return;
  }
  if (format == Format::json) {
    nlohmann::ordered_json j;
    j["convention"] = r.convention;
    j["option"] = r.option;
    j["consolidated_by"] = r.consolidated_by;
    j["grades"] = to_json(r.grades);
    j["missing"] = to_json(r.missing);
    out << j.dump(2) << '\n';
    return;
  }
  out << tr("grade.title", fmt::arg("convention", r.convention), fmt::arg("title", r.title), fmt::arg("option", option_label(r.option)),
            fmt::arg("consolidated_by", consolidator_text(r)))
      << "\n\n";
  if (section != "missing") print_grades(r.grades, out);
  if (section != "grades") {
    if (section.empty()) out << "\n";
    out << tr("grade.missing_title", fmt::arg("count", r.missing.rows.size())) << '\n';
    if (!r.missing.rows.empty()) render_table(r.missing, out, "  ");
  }
}

}  // namespace ledger::paper
