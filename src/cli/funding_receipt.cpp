// `ledger funding receipt`: the OPCA pays the beneficiary under an agreement (Art. 11).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"

namespace ledger {

int run_funding_receipt(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingReceiptOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);
  const auto q = find_funding(ledger, st.convention.id, opts.funding);
  if (!q) throw InputError::flag("--funding", opts.funding, tr("funding.no_such", fmt::arg("ref", st.convention.ref)));
  const std::int64_t id = q->id;
  const std::string funder = q->funder;
  WriteTransaction txn(ledger, clock);
  txn.append("funder_receipt", {{"funding_id", id}, {"date", day}, {"amount_cents", amount},
                                {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("funding.received", fmt::arg("amount", format_euros(amount)), fmt::arg("funder", funder), fmt::arg("funding", opts.funding),
            fmt::arg("date", french_date(day)))
      << '\n';

  return 0;
}

namespace {
void setup_funding_receipt(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FundingReceiptOptions>();
  auto& group = command_group(app, "funding", tr("help.cmd.funding"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("receipt", tr("help.cmd.funding_receipt"));
  cmd->add_option("--funding", opts->funding, tr("help.opt.funding"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_received"))->required();
  cmd->add_option("--amount", opts->amount, tr("help.opt.amount.amount_received"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_funding_receipt(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool funding_receipt_registered = register_command(51, setup_funding_receipt);
}  // namespace

}  // namespace ledger
