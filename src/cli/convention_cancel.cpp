// `ledger convention cancel`: one party renounces the whole convention before it starts
// (Art. 13, 14-1, 14-2; 14-4 when the beneficiary cancels on the first day).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_convention_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionCancelOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  if (opts.by != "of" && opts.by != "beneficiary") throw InputError::flag("--by", opts.by, tr("common.by_values"));
  const std::string notified = date_flag("--notified", opts.notified);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("common.say_why"));
  Value org;
  if (opts.by == "of") {
    if (opts.org.empty() && st.orgs.size() > 1) throw InputError::flag("--org", "", tr("convention.cancel_which_org"));
    const OrgRow* o = opts.org.empty() ? &st.orgs.front() : st.org(opts.org);
    if (o == nullptr) throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
    org = o->id;
  } else if (!opts.org.empty()) {
    throw InputError::flag("--org", opts.org, tr("convention.org_only_with_of"));
  }
  if (const auto q = find_renouncement(ledger, st.convention.id))
    throw InputError::flag("--convention", st.convention.ref, tr("convention.already_cancelled", fmt::arg("date", french_date(q->notified))));
  {
    auto q = ledger.query("convention_entry_count");
    q.bind(1, st.convention.id);
    q.next();
    if (q.i64(0) > 0)
      throw InputError::flag("--by", opts.by, tr("convention.cancel_started"));
  }
  const std::string first = first_session_date(ledger, st.convention);
  if (notified > first)
    throw InputError::flag("--notified", notified, tr("convention.cancel_after_first", fmt::arg("date", french_date(first))));
  WriteTransaction txn(ledger, clock);
  txn.append("convention_cancel", {{"convention_id", st.convention.id}, {"by_party", opts.by}, {"org_id", org},
                                   {"notified", notified}, {"reason", trim(opts.reason)},
                                   {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  const auto notice = days_between(notified, first);
  out << trn("convention.cancelled", notice, fmt::arg("ref", st.convention.ref),
             fmt::arg("by", opts.by == "of" ? tr("party.of") : tr("party.beneficiary")), fmt::arg("date", french_date(first)))
      << '\n';

  return 0;
}

namespace {
void setup_convention_cancel(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionCancelOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("cancel", tr("help.cmd.convention_cancel"));
  cmd->add_option("--by", opts->by, tr("help.opt.by.of_a"))->required();
  cmd->add_option("--org", opts->org, tr("help.opt.org.the_renouncing_training_body_s_key"));
  cmd->add_option("--notified", opts->notified, tr("help.opt.notified.date_the_other_parties"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_cancel(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool convention_cancel_registered = register_command(24, setup_convention_cancel);
}  // namespace

}  // namespace ledger
