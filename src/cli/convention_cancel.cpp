// `ledger convention cancel`: one party renounces the whole convention before it starts
// (Art. 13, 14-1, 14-2; 14-4 when the beneficiary cancels on the first day).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"

namespace ledger {


int run_convention_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionCancelOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  if (opts.by != "of" && opts.by != "beneficiary") throw InputError::flag("--by", opts.by, "expected of or beneficiary");
  const std::string notified = date_flag("--notified", opts.notified);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, "say why");
  Value org;
  if (opts.by == "of") {
    if (opts.org.empty() && st.orgs.size() > 1) throw InputError::flag("--org", "", "several training bodies sign this convention: name the one renouncing");
    const OrgRow* o = opts.org.empty() ? &st.orgs.front() : st.org(opts.org);
    if (o == nullptr) throw InputError::flag("--org", opts.org, "no such training body in " + st.convention.ref);
    org = o->id;
  } else if (!opts.org.empty()) {
    throw InputError::flag("--org", opts.org, "only with --by of");
  }
  if (const auto q = find_renouncement(ledger, st.convention.id))
    throw InputError::flag("--convention", st.convention.ref, "already renounced on " + q->notified);
  {
    auto q = ledger.query("convention_entry_count");
    q.bind(1, st.convention.id);
    q.next();
    if (q.i64(0) > 0)
      throw InputError::flag("--by", opts.by, "training has started (attendance is recorded): cancel the remaining half-days instead");
  }
  const std::string first = first_session_date(ledger, st.convention);
  if (notified > first)
    throw InputError::flag("--notified", notified, "after the first half-day (" + first + "): training has started; cancel the remaining half-days instead");
  WriteTransaction txn(ledger, clock);
  txn.append("convention_cancel", {{"convention_id", st.convention.id}, {"by_party", opts.by}, {"org_id", org},
                                   {"notified", notified}, {"reason", trim(opts.reason)},
                                   {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  const auto notice = (date::sys_days{parse_date(first)} - date::sys_days{parse_date(notified)}).count();
  out << fmt::format("convention {} renounced by {}, notified {} day{} before the first half-day ({})\n", st.convention.ref,
                     opts.by == "of" ? "the training body" : "the beneficiary", notice, notice == 1 ? "" : "s", first);
  return 0;
}

namespace {
void setup_convention_cancel(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionCancelOptions>();
  auto& group = command_group(app, "convention", "Record and read conventions");
  auto* cmd = group.add_subcommand("cancel", "Record that a party renounces the whole convention (Art. 13)");
  cmd->add_option("--by", opts->by, "of (a training body) or beneficiary")->required();
  cmd->add_option("--org", opts->org, "The renouncing training body's key (with --by of)");
  cmd->add_option("--notified", opts->notified, "Date the other parties were told")->required();
  cmd->add_option("--reason", opts->reason, "Why")->required();
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
