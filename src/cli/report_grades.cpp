// `ledger report grades`: every trainee's grades, consolidated for the CQP jury (Art. 8), with the
// grades still missing.
#include "app/command.hpp"
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
  auto& group = command_group(app, "report", "Reports");
  auto* cmd = group.add_subcommand("grades", "Art. 8: every trainee's grades consolidated for Ucanss, and the missing ones");
  add_format_option(*cmd, opts->format, opts->output);
  cmd->add_option("--section", opts->section, "With --format csv: grades (default) or missing");
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = ctx.open();
    ctx.exit_code = run_report_grades(*ledger, *ctx.out, *opts);
  });
}
const bool report_grades_registered = register_command(87, setup_report_grades);
}  // namespace

}  // namespace ledger
