// `ledger report reconcile [--as-of D]`: the reimbursement figures per trainee and module from the
// start of the convention to D (default today).
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/report.hpp"
#include "domain/sessions.hpp"
#include "report/reimbursement_render.hpp"

namespace ledger {

int run_report_reconcile(Ledger& ledger, const Clock& clock, std::ostream& out, const ReportReconcileOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string day = opts.as_of.empty() ? format_date(clock.today()) : date_flag("--as-of", opts.as_of);
  Period period = Period::as_of(day);
  period.today = clock.paris_date();
  render_reimbursement(compute_reimbursement(ledger, st, period, reimbursement_scope(opts.format, opts.section)), opts.format,
                       opts.section, out, opts.output);
  return 0;
}

namespace {
void setup_report_reconcile(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ReportReconcileOptions>();
  auto& group = command_group(app, "report", tr("help.cmd.report"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("reconcile", tr("help.cmd.report_reconcile"));
  cmd->add_option("--as-of", opts->as_of, tr("help.opt.as_of"));
  add_format_option(*cmd, opts->format, opts->output);
  add_section_option(*cmd, opts->section);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_report_reconcile(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool report_reconcile_registered = register_command(76, setup_report_reconcile);
}  // namespace

}  // namespace ledger
