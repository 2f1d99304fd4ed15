// `ledger refund add`: a training body pays back money received for training not delivered
// (Art. 12, L6354-1).
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_refund_add(Ledger& ledger, const Clock& clock, std::ostream& out, const RefundAddOptions& given) {
  RefundAddOptions opts = given;
  check_forcing(opts.forcing, {"overrefund"});
  const ConventionState st = load_convention(ledger, opts.convention);
  const OrgRow* org = st.org(opts.org);
  if (org == nullptr) throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  if (module.org_id != org->id)
    throw InputError::flag("--module", opts.module, tr("invoice.other_org", fmt::arg("org", module.org_key), fmt::arg("given", org->key)));
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);

  // A body pays back training money it received (Art. 12): what the beneficiary paid HT on the
  // module's training invoices up to the refund's date, less what was refunded already.
  Cents paid = 0;
  {
    auto q = ledger.query("money_module_paid");
    q.bind(":module", module.id);
    q.bind(":to", day);
    while (q.next()) {
      const Cents ht = q.i64("amount_ht_cents");
      paid += paid_ht(q.i64("amount_cents"), ht, with_vat(ht, q.i64("vat_rate_bp")));
    }
  }
  auto refunded_q = ledger.query("money_module_refunded");
  refunded_q.bind(":org", org->id);
  refunded_q.bind(":module", module.id);
  refunded_q.next();
  const Cents refunded = refunded_q.i64("refunded_cents");
  refunded_q.reset();
  const Cents room = std::max<Cents>(0, paid - refunded);
  refuse_unless_forced(opts.forcing, "overrefund", amount > room,
                       {"", "--amount", opts.amount,
                        tr("refund.too_much", fmt::arg("module", module.code), fmt::arg("date", french_date(day)),
                           fmt::arg("paid", format_euros(paid)), fmt::arg("refunded", format_euros(refunded)), fmt::arg("room", format_euros(room)))});

  WriteTransaction txn(ledger, clock);
  const std::int64_t id = txn.append("refund", {{"org_id", org->id}, {"module_id", module.id}, {"date", day}, {"amount_cents", amount},
                                                {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  record_forcing(txn, opts.forcing, ForcedOn::refund, id);
  txn.commit();
  out << tr("refund.recorded", fmt::arg("amount", format_euros(amount)), fmt::arg("org", org->key), fmt::arg("module", module.code),
            fmt::arg("date", french_date(day)))
      << '\n';
  if (!opts.forcing.refusals.empty())
    out << tr("refund.forced", fmt::arg("excess", format_euros(amount - room)), fmt::arg("reason", trim(opts.forcing.reason))) << '\n';

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
  add_force_options(*cmd, opts->forcing, "overrefund");
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
