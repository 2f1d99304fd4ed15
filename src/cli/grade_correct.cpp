// `ledger grade correct`: a new grade superseding the latest one, with a reason; what is not given
// keeps its value.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/paper.hpp"
#include "domain/sessions.hpp"
#include "paper/grades.hpp"

namespace ledger {

int run_grade_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeCorrectOptions& opts) {
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string test = trim(opts.test);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("grade.correct_reason"));
  if (opts.score.empty() && opts.out_of.empty()) throw InputError::flag("--score", "", tr("grade.score_or_max"));
  const auto latest = paper::latest_grade(ledger, trainee.id, module.id, test);
  if (!latest)
    throw InputError::flag("--test", test, tr("grade.none_yet", fmt::arg("trainee", trainee.code), fmt::arg("module", module.code)));
  paper::NewGrade g;
  g.trainee_id = trainee.id;
  g.module_id = module.id;
  g.test = test;
  g.score_x100 = opts.score.empty() ? latest->score_x100 : paper::score_flag("--score", opts.score);
  g.out_of_x100 = opts.out_of.empty() ? latest->out_of_x100 : paper::score_flag("--out-of", opts.out_of);
  if (g.out_of_x100 == 0) throw InputError::flag("--out-of", opts.out_of, tr("grade.max_positive"));
  if (g.score_x100 > g.out_of_x100)
    throw InputError::flag(opts.score.empty() ? "--out-of" : "--score", opts.score.empty() ? opts.out_of : opts.score,
                           tr("grade.would_exceed", fmt::arg("score", paper::score_text(g.score_x100, g.out_of_x100))));
  g.supersedes = latest->id;
  g.reason = trim(opts.reason);
  paper::append_grade(txn, g);
  txn.commit();
  out << tr("grade.corrected", fmt::arg("trainee", trainee.code), fmt::arg("module", module.code), fmt::arg("test", test),
            fmt::arg("score", paper::score_text(g.score_x100, g.out_of_x100)),
            fmt::arg("was", paper::score_text(latest->score_x100, latest->out_of_x100)), fmt::arg("entry", latest->id))
      << '\n';

  return 0;
}

namespace {
void setup_grade_correct(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<GradeCorrectOptions>();
  auto& group = command_group(app, "grade", tr("help.cmd.grade"));
  auto* cmd = group.add_subcommand("correct", tr("help.cmd.grade_correct"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--test", opts->test, tr("help.opt.test.name_of_the_test_as"))->required();
  cmd->add_option("--score", opts->score, tr("help.opt.score.corrected_score"));
  cmd->add_option("--out-of", opts->out_of, tr("help.opt.out_of.corrected_maximum"));
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why_the_grade"))->required();
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
