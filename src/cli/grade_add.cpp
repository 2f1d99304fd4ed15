// `ledger grade add`: one trainee's grade at one test of a module (Art. 8).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/paper.hpp"
#include "domain/sessions.hpp"
#include "paper/grades.hpp"

namespace ledger {

int run_grade_add(Ledger& ledger, const Clock& clock, std::ostream& out, const GradeAddOptions& opts) {
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  paper::NewGrade g;
  g.trainee_id = trainee.id;
  g.module_id = module.id;
  g.test = trim(opts.test);
  if (g.test.empty()) throw InputError::flag("--test", opts.test, tr("grade.name_test"));
  g.out_of_x100 = opts.out_of.empty() ? 2000 : paper::score_flag("--out-of", opts.out_of);
  if (g.out_of_x100 == 0) throw InputError::flag("--out-of", opts.out_of, tr("grade.max_positive"));
  g.score_x100 = paper::score_flag("--score", opts.score);
  if (g.score_x100 > g.out_of_x100)
    throw InputError::flag("--score", opts.score, tr("grade.above_max", fmt::arg("max", format_hundredths_fr(g.out_of_x100))));
  if (const auto earlier = paper::latest_grade(ledger, trainee.id, module.id, g.test))
    throw InputError::flag("--test", g.test,
                           tr("grade.exists", fmt::arg("trainee", trainee.code), fmt::arg("module", module.code),
                              fmt::arg("score", paper::score_text(earlier->score_x100, earlier->out_of_x100))));
  const std::int64_t id = paper::append_grade(txn, g);
  txn.commit();
  out << tr("grade.recorded", fmt::arg("trainee", trainee.code), fmt::arg("module", module.code), fmt::arg("test", g.test),
            fmt::arg("score", paper::score_text(g.score_x100, g.out_of_x100)), fmt::arg("entry", id))
      << '\n';

  return 0;
}

namespace {
void setup_grade_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<GradeAddOptions>();
  auto& group = command_group(app, "grade", tr("help.cmd.grade"));
  auto* cmd = group.add_subcommand("add", tr("help.cmd.grade_add"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--test", opts->test, tr("help.opt.test.name_of_the_test_preuve"))->required();
  cmd->add_option("--score", opts->score, tr("help.opt.score.score_at"))->required();
  cmd->add_option("--out-of", opts->out_of, tr("help.opt.out_of.maximum_score"));
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
