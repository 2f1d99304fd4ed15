// `ledger report grades`: every trainee's grades, consolidated for the CQP jury (Art. 8), with the
// grades still missing.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/paper.hpp"
#include "paper/grades.hpp"

namespace ledger {

int run_report_grades(Ledger& ledger, std::ostream& out, const ReportGradesOptions& opts) {
  paper::render_grades(paper::grades_report(ledger, opts.convention), opts.format, opts.section, out, opts.output);
  return 0;
}

namespace {
void setup_report_grades(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ReportGradesOptions>();
  auto& group = command_group(app, "report", tr("help.cmd.report"));
  auto* cmd = group.add_subcommand("grades", tr("help.cmd.report_grades"));
  add_format_option(*cmd, opts->format, opts->output);
  cmd->add_option("--section", opts->section, tr("help.opt.section.with_format"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_report_grades(*ledger, *ctx.out, *opts);
  });
}
const bool report_grades_registered = register_command(87, setup_report_grades);
}  // namespace

}  // namespace ledger
