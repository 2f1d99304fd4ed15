// `ledger refund add`: a training body pays back money received for training not delivered
// (Art. 12, L6354-1).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"

namespace ledger {

int run_refund_add(Ledger& ledger, const Clock& clock, std::ostream& out, const RefundAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const OrgRow* org = st.org(opts.org);
  if (org == nullptr) throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  if (module.org_id != org->id)
    throw InputError::flag("--module", opts.module, tr("invoice.other_org", fmt::arg("org", module.org_key), fmt::arg("given", org->key)));
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);

  WriteTransaction txn(ledger, clock);
  txn.append("refund", {{"org_id", org->id}, {"module_id", module.id}, {"date", day}, {"amount_cents", amount},
                        {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("refund.recorded", fmt::arg("amount", format_euros(amount)), fmt::arg("org", org->key), fmt::arg("module", module.code),
            fmt::arg("date", french_date(day)))
      << '\n';

  return 0;
}

namespace {
void setup_refund_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RefundAddOptions>();
  auto& group = command_group(app, "refund", tr("help.cmd.refund"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", tr("help.cmd.refund_add"));
  cmd->add_option("--org", opts->org, tr("help.opt.org.the_training_body_s_key"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_the"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.refund_date"))->required();
  cmd->add_option("--amount", opts->amount, tr("help.opt.amount.amount_refunded"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_refund_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool refund_add_registered = register_command(72, setup_refund_add);
}  // namespace

}  // namespace ledger
