// `ledger grade correct`: a new grade superseding the latest one, with a reason; what is not given
// keeps its value.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/paper.hpp"
#include "domain/sessions.hpp"
#include "paper/grades.hpp"

namespace ledger {

int run_grade_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeCorrectOptions& opts) {
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string test = trim(opts.test);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, "say why the grade is corrected");
  if (opts.score.empty() && opts.out_of.empty()) throw InputError::flag("--score", "", "give --score, --out-of or both");
  const auto latest = paper::latest_grade(ledger, trainee.id, module.id, test);
  if (!latest)
    throw InputError::flag("--test", test, fmt::format("{} has no grade for this test of {} yet: record it with `ledger grade add`",
                                                       trainee.code, module.code));
  paper::NewGrade g;
  g.trainee_id = trainee.id;
  g.module_id = module.id;
  g.test = test;
  g.score_x100 = opts.score.empty() ? latest->score_x100 : paper::score_flag("--score", opts.score);
  g.out_of_x100 = opts.out_of.empty() ? latest->out_of_x100 : paper::score_flag("--out-of", opts.out_of);
  if (g.out_of_x100 == 0) throw InputError::flag("--out-of", opts.out_of, "the maximum must be above 0");
  if (g.score_x100 > g.out_of_x100)
    throw InputError::flag(opts.score.empty() ? "--out-of" : "--score", opts.score.empty() ? opts.out_of : opts.score,
                           fmt::format("the score {} would be above the maximum", paper::score_text(g.score_x100, g.out_of_x100)));
  g.supersedes = latest->id;
  g.reason = trim(opts.reason);
  paper::append_grade(txn, g);
  txn.commit();
  out << fmt::format("corrected grade {} {} \"{}\": {} (was {}; supersedes entry {})\n", trainee.code, module.code, test,
                     paper::score_text(g.score_x100, g.out_of_x100), paper::score_text(latest->score_x100, latest->out_of_x100),
                     latest->id);
  return 0;
}

namespace {
void setup_grade_correct(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<GradeCorrectOptions>();
  auto& group = command_group(app, "grade", "Art. 8 grades: record, correct");
  auto* cmd = group.add_subcommand("correct", "Correct a grade: a new grade supersedes it, with a reason");
  cmd->add_option("--trainee", opts->trainee, "Trainee id")->required();
  cmd->add_option("--module", opts->module, "Module code")->required();
  cmd->add_option("--test", opts->test, "Name of the test, as recorded")->required();
  cmd->add_option("--score", opts->score, "Corrected score");
  cmd->add_option("--out-of", opts->out_of, "Corrected maximum");
  cmd->add_option("--reason", opts->reason, "Why the grade is corrected")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_grade_correct(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool grade_correct_registered = register_command(86, setup_grade_correct);
}  // namespace

}  // namespace ledger
