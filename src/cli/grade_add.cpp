// `ledger grade add`: one trainee's grade at one test of a module (Art. 8).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/paper.hpp"
#include "domain/sessions.hpp"
#include "paper/grades.hpp"

namespace ledger {

int run_grade_add(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeAddOptions& opts) {
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  paper::NewGrade g;
  g.trainee_id = trainee.id;
  g.module_id = module.id;
  g.test = trim(opts.test);
  if (g.test.empty()) throw InputError::flag("--test", opts.test, "name the test (e.g. \"Étude de cas\")");
  g.out_of_x100 = opts.out_of.empty() ? 2000 : paper::score_flag("--out-of", opts.out_of);
  if (g.out_of_x100 == 0) throw InputError::flag("--out-of", opts.out_of, "the maximum must be above 0");
  g.score_x100 = paper::score_flag("--score", opts.score);
  if (g.score_x100 > g.out_of_x100)
    throw InputError::flag("--score", opts.score, "above the maximum of " + format_hundredths_fr(g.out_of_x100));
  if (const auto earlier = paper::latest_grade(ledger, trainee.id, module.id, g.test))
    throw InputError::flag("--test", g.test,
                           fmt::format("{} already has a grade for this test of {} ({}): use `ledger grade correct` with a reason",
                                       trainee.code, module.code, paper::score_text(earlier->score_x100, earlier->out_of_x100)));
  const std::int64_t id = paper::append_grade(txn, g);
  txn.commit();
  out << fmt::format("recorded grade {} {} \"{}\": {} (entry {})\n", trainee.code, module.code, g.test,
                     paper::score_text(g.score_x100, g.out_of_x100), id);
  return 0;
}

namespace {
void setup_grade_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<GradeAddOptions>();
  auto& group = command_group(app, "grade", "Art. 8 grades: record, correct");
  auto* cmd = group.add_subcommand("add", "Record one trainee's grade at one test of a module");
  cmd->add_option("--trainee", opts->trainee, "Trainee id")->required();
  cmd->add_option("--module", opts->module, "Module code")->required();
  cmd->add_option("--test", opts->test, "Name of the test (épreuve)")->required();
  cmd->add_option("--score", opts->score, "Score, at most two decimals (14,5)")->required();
  cmd->add_option("--out-of", opts->out_of, "Maximum score (default 20)");
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_grade_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool grade_add_registered = register_command(85, setup_grade_add);
}  // namespace

}  // namespace ledger
