// `ledger funding receipt`: the OPCA pays the beneficiary under an agreement (Art. 11).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"

namespace ledger {

int run_funding_receipt(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingReceiptOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string day = date_flag("--date", opts.date);
  const Cents amount = amount_flag("--amount", opts.amount);
  const auto q = find_funding(ledger, st.convention.id, opts.funding);
  if (!q) throw InputError::flag("--funding", opts.funding, "no such funding agreement in " + st.convention.ref);
  const std::int64_t id = q->id;
  const std::string funder = q->funder;
  WriteTransaction txn(ledger, clock);
  txn.append("funder_receipt", {{"funding_id", id}, {"date", day}, {"amount_cents", amount},
                                {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("received {} from {} under {} on {}\n", format_euros(amount), funder, opts.funding, day);
  return 0;
}

namespace {
void setup_funding_receipt(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FundingReceiptOptions>();
  auto& group = command_group(app, "funding", "OPCA funding agreements: decisions and receipts");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("receipt", "Record a payment received from the OPCA");
  cmd->add_option("--funding", opts->funding, "Agreement ref")->required();
  cmd->add_option("--date", opts->date, "Date received")->required();
  cmd->add_option("--amount", opts->amount, "Amount received, in euros")->required();
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
