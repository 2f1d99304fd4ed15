#include "paper/grades.hpp"

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
  auto& q = ledger.query("grade_latest");
  q.bind(1, trainee_id);
  q.bind(2, module_id);
  q.bind(3, test);
  if (!q.executeStep()) return std::nullopt;
  GradeRow g{q.getColumn("id").getInt64(), q.getColumn("score_x100").getInt64(), q.getColumn("out_of_x100").getInt64()};
  q.reset();
  return g;
}

std::int64_t append_grade(WriteTransaction& txn, const NewGrade& g) {
  return txn.append("grade", {g.trainee_id, g.module_id, g.test, g.score_x100, g.out_of_x100, opt(g.supersedes), opt(g.reason),
                              txn.recorded_at(), txn.recorded_by()});
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
    auto& q = ledger.query("grade_consolidator");
    q.bind(1, st.convention.id);
    while (q.executeStep()) r.consolidated_by.push_back(q.getColumn("name").getString());
  }
  using K = ColumnKind;
  r.grades.columns = {{"trainee_id", "stagiaire"}, {"last_name", "nom"},  {"first_name", "prénom"},
                      {"module", "module"},        {"org", "organisme"},  {"test", "épreuve"},
                      {"score_x100", "note", K::integer}, {"out_of_x100", "sur", K::integer}, {"corrected", "corrigée", K::boolean},
                      {"grade_id", "entrée", K::integer}, {"recorded_at", "saisie le"}, {"recorded_by", "par"}};
  {
    auto& q = ledger.query("grade_report");
    q.bind(1, st.convention.id);
    while (q.executeStep())
      r.grades.add({q.getColumn("trainee").getString(), q.getColumn("last_name").getString(), q.getColumn("first_name").getString(),
                    q.getColumn("module").getString(), q.getColumn("org").getString(), q.getColumn("test").getString(),
                    q.getColumn("score_x100").getInt64(), q.getColumn("out_of_x100").getInt64(),
                    q.getColumn("corrected").getInt() != 0, q.getColumn("id").getInt64(), q.getColumn("recorded_at").getString(),
                    q.getColumn("recorded_by").getString()});
  }
  r.missing.columns = {{"trainee_id", "stagiaire"}, {"last_name", "nom"}, {"first_name", "prénom"}, {"module", "module"},
                       {"org", "organisme"}};
  {
    auto& q = ledger.query("grade_missing");
    q.bind(1, st.convention.id);
    while (q.executeStep())
      r.missing.add({q.getColumn("trainee").getString(), q.getColumn("last_name").getString(), q.getColumn("first_name").getString(),
                     q.getColumn("module").getString(), q.getColumn("org").getString()});
  }
  return r;
}

namespace {

std::string consolidator_text(const GradesReport& r) {
  if (r.consolidated_by.empty()) return "aucun organisme de formation n'est désigné (consolidates_grades dans la convention)";
  std::string names;
  for (const auto& n : r.consolidated_by) names += (names.empty() ? "" : ", ") + n;
  return names;
}

// For people the score reads `14,5 / 20` in one column; the machine columns stay integers.
void print_grades(const Dataset& grades, std::ostream& out) {
  TextTable t({"stagiaire", "nom", "prénom", "module", "organisme", "épreuve", "note>", "corrigée"});
  std::string previous;
  for (const auto& row : grades.rows) {
    const auto& trainee = std::get<std::string>(row[0]);
    if (!previous.empty() && trainee != previous) t.add_rule();
    previous = trainee;
    t.add({trainee, std::get<std::string>(row[1]), std::get<std::string>(row[2]), std::get<std::string>(row[3]),
           std::get<std::string>(row[4]), std::get<std::string>(row[5]),
           score_text(std::get<std::int64_t>(row[6]), std::get<std::int64_t>(row[7])), std::get<bool>(row[8]) ? "oui" : ""});
  }
  if (t.empty()) out << "  aucune note enregistrée\n";
  else t.print(out, "  ");
}

}  // namespace

void render_grades(const GradesReport& r, Format format, const std::string& section, std::ostream& out, const Output& output) {
  if (!section.empty() && section != "grades" && section != "missing")
    throw InputError::flag("--section", section, "expected grades or missing");
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
  out << fmt::format("Article 8 : notes consolidées par stagiaire, pour transmission à l'Ucanss\n");
  out << fmt::format("  Convention {} — {}, option {}\n", r.convention, r.title, option_label(r.option));
  out << fmt::format("  Consolidées par : {}\n\n", consolidator_text(r));
  if (section != "missing") print_grades(r.grades, out);
  if (section != "grades") {
    if (section.empty()) out << "\n";
    out << fmt::format("Notes manquantes (stagiaire × module sans aucune note) : {}\n", r.missing.rows.size());
    if (!r.missing.rows.empty()) render_table(r.missing, out, "  ");
  }
}

}  // namespace ledger::paper
