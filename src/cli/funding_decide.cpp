// `ledger funding decide`: record the OPCA's decision on a pending agreement.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_funding_decide(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingDecideOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string decided = date_flag("--decided", opts.decided);
  const auto q = find_funding(ledger, st.convention.id, opts.funding);
  if (!q) throw InputError::flag("--funding", opts.funding, "no such funding agreement in " + st.convention.ref);
  const std::int64_t id = q->id;
  if (q->decided_on)
    throw InputError::flag("--funding", opts.funding, "already decided on " + *q->decided_on);
  WriteTransaction txn(ledger, clock);
  txn.append("funding_decision",
             {{"funding_id", id}, {"decided", decided}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("funding agreement {} decided on {}: it covers trainees whose training starts on or after that day\n",
                     opts.funding, decided);
  return 0;
}

namespace {
void setup_funding_decide(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FundingDecideOptions>();
  auto& group = command_group(app, "funding", "OPCA funding agreements: decisions and receipts");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("decide", "Record the decision date of a pending agreement");
  cmd->add_option("--funding", opts->funding, "Agreement ref")->required();
  cmd->add_option("--decided", opts->decided, "Decision date")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_funding_decide(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool funding_decide_registered = register_command(50, setup_funding_decide);
}  // namespace

}  // namespace ledger
