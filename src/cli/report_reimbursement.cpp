// `ledger report reimbursement --month YYYY-MM`: the month-end report (DESIGN section 5).
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/report.hpp"
#include "domain/sessions.hpp"
#include "report/reimbursement_render.hpp"

namespace ledger {

void add_section_option(CLI::App& cmd, std::string& section) {
  cmd.add_option("--section", section, tr("help.opt.section.one_section"))
      ->check(CLI::IsMember(std::vector<std::string>(std::begin(kReimbursementSections), std::end(kReimbursementSections))));
}

int run_report_reimbursement(Ledger& ledger, const Clock& clock, std::ostream& out, const ReportReimbursementOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  Period period = flag_value("--month", opts.month, Period::of_month);
  period.today = clock.paris_date();
  render_reimbursement(compute_reimbursement(ledger, st, period, reimbursement_scope(opts.format, opts.section)), opts.format,
                       opts.section, out, opts.output);
  return 0;
}

namespace {
void setup_report_reimbursement(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ReportReimbursementOptions>();
  auto& group = command_group(app, "report", tr("help.cmd.report"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("reimbursement", tr("help.cmd.report_reimbursement"));
  cmd->add_option("--month", opts->month, tr("help.opt.month"))->required();
  add_format_option(*cmd, opts->format, opts->output);
  add_section_option(*cmd, opts->section);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_report_reimbursement(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool report_reimbursement_registered = register_command(75, setup_report_reimbursement);
}  // namespace

}  // namespace ledger
