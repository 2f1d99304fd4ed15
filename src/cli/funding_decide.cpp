// `ledger funding decide`: record the OPCA's decision on a pending agreement.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_funding_decide(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingDecideOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const std::string decided = date_flag("--decided", opts.decided);
  const auto q = find_funding(ledger, st.convention.id, opts.funding);
  if (!q) throw InputError::flag("--funding", opts.funding, tr("funding.no_such", fmt::arg("ref", st.convention.ref)));
  const std::int64_t id = q->id;
  if (q->decided_on)
    throw InputError::flag("--funding", opts.funding, tr("funding.already_decided", fmt::arg("date", french_date(*q->decided_on))));
  WriteTransaction txn(ledger, clock);
  txn.append("funding_decision",
             {{"funding_id", id}, {"decided", decided}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("funding.decided", fmt::arg("funding", opts.funding), fmt::arg("date", french_date(decided))) << '\n';

  return 0;
}

namespace {
void setup_funding_decide(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FundingDecideOptions>();
  auto& group = command_group(app, "funding", tr("help.cmd.funding"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("decide", tr("help.cmd.funding_decide"));
  cmd->add_option("--funding", opts->funding, tr("help.opt.funding"))->required();
  cmd->add_option("--decided", opts->decided, tr("help.opt.decided"))->required();
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
