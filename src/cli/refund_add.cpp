// `ledger refund add`: a training body pays back money received for training not delivered
// (Art. 12, L6354-1).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"

namespace ledger {

int run_refund_add(Ledger& ledger, const Clock& clock, std::ostream& out, const RefundAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const OrgRow* org = st.org(opts.org);
  if (org == nullptr) throw InputError::flag("--org", opts.org, "no such training body in " + st.convention.ref);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  if (module.org_id != org->id)
    throw InputError::flag("--module", opts.module, fmt::format("delivered by {}, not {}", module.org_key, org->key));
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);

  WriteTransaction txn(ledger, clock);
  txn.append("refund", {{"org_id", org->id}, {"module_id", module.id}, {"date", day}, {"amount_cents", amount},
                        {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("refund of {} by {} for {} dated {}\n", format_euros(amount), org->key, module.code, day);
  return 0;
}

namespace {
void setup_refund_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RefundAddOptions>();
  auto& group = command_group(app, "refund", "Training bodies' refunds (Art. 12)");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", "Record a refund by a training body for a module");
  cmd->add_option("--org", opts->org, "The training body's key")->required();
  cmd->add_option("--module", opts->module, "Module the refund is for")->required();
  cmd->add_option("--date", opts->date, "Refund date")->required();
  cmd->add_option("--amount", opts->amount, "Amount refunded, in euros")->required();
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
