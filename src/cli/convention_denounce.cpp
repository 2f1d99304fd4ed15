// `ledger convention denounce`: one party denounces the convention with a month's notice (Art. 15).
// It ends on E, the earlier of `ends` and the notification plus one month; half-days dated after E
// count as cancelled on the notification by that party (a training body's: its own modules only),
// with no indemnity (DESIGN section 5). Renouncing before the first half-day is `convention cancel`.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_convention_denounce(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionDenounceOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  if (opts.by != "of" && opts.by != "beneficiary") throw InputError::flag("--by", opts.by, tr("common.by_values"));
  const std::string notified = date_flag("--notified", opts.notified);
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("common.say_why"));
  const OrgRow* org = nullptr;
  if (opts.by == "of") {
    if (opts.org.empty() && st.orgs.size() > 1) throw InputError::flag("--org", "", tr("law.denounce_which_org"));
    org = opts.org.empty() ? &st.orgs.front() : st.org(opts.org);
    if (org == nullptr) throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
  } else if (!opts.org.empty()) {
    throw InputError::flag("--org", opts.org, tr("convention.org_only_with_of"));
  }
  if (const auto r = find_renouncement(ledger, st.convention.id))
    throw InputError::flag("--convention", st.convention.ref, tr("law.denounce_renounced", fmt::arg("date", french_date(r->notified))));
  if (st.denounced)
    throw InputError::flag("--convention", st.convention.ref, tr("law.denounce_twice", fmt::arg("date", french_date(st.denounced->notified)),
                                                                 fmt::arg("ends", french_date(st.denounced->ends_on))));
  if (notified > format_date(clock.today()))
    throw InputError::flag("--notified", notified, tr("law.denounce_future", fmt::arg("today", french_date(format_date(clock.today())))));
  const std::string ends = denunciation_end(st.convention.ends, notified);
  const std::string first = first_session_date(ledger, st.convention);
  if (ends < first)
    throw InputError::flag("--notified", notified, tr("law.denounce_before_first", fmt::arg("ends", french_date(ends)), fmt::arg("first", french_date(first))));
  {
    auto q = ledger.query("denounce_scope");
    q.bind(":convention", st.convention.id);
    q.bind(":ends_on", ends);
    q.bind(":org", org ? Value(org->id) : Value());
    q.next();
    if (const auto n = q.i64(0); n > 0)
      throw InputError::flag("--notified", notified, trn("law.denounce_entries_after", n, fmt::arg("ends", french_date(ends))));
  }
  WriteTransaction txn(ledger, clock);
  txn.append("convention_denounce", {{"convention_id", st.convention.id}, {"by_party", opts.by}, {"org_id", org ? Value(org->id) : Value()},
                                     {"notified", notified}, {"ends_on", ends}, {"reason", trim(opts.reason)},
                                     {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("law.denounced", fmt::arg("ref", st.convention.ref),
            fmt::arg("by", org ? tr("law.party_org", fmt::arg("org", org->key)) : tr("party.beneficiary")),
            fmt::arg("notified", french_date(notified)), fmt::arg("ends", french_date(ends)))
      << '\n';
  return 0;
}

namespace {
void setup_convention_denounce(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionDenounceOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("denounce", tr("law.help.cmd"));
  cmd->add_option("--by", opts->by, tr("help.opt.by.of_a"))->required();
  cmd->add_option("--org", opts->org, tr("law.help.org"));
  cmd->add_option("--notified", opts->notified, tr("law.help.notified"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_denounce(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool convention_denounce_registered = register_command(25, setup_convention_denounce);
}  // namespace

}  // namespace ledger
