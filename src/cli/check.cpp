// `ledger check`: the rules of DESIGN.md section 7 over one convention, or every one of the ledger.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "app/error.hpp"
#include "audit/checks.hpp"
#include "cli/audit.hpp"

namespace ledger {

int run_check(Ledger& ledger, const Clock& clock, std::ostream& out, const CheckOptions& opts) {
  std::vector<std::string> refs = opts.convention.empty() ? convention_refs(ledger) : std::vector{opts.convention};
  if (refs.empty()) throw InputError::flag("--convention", "", tr("convention.none_in_ledger"));
  std::vector<audit::Finding> findings;
  std::vector<std::string> versions;  // which version the rules were checked against, when amended
  for (const auto& ref : refs) {
    const ConventionState st = load_convention(ledger, ref);
    if (st.convention.amended_on)
      versions.push_back(tr("amend.check_note", fmt::arg("ref", ref), fmt::arg("note", version_note(st.convention.version, *st.convention.amended_on))));
    auto found = audit::check_convention(ledger, clock, st);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  const auto errors = std::count_if(findings.begin(), findings.end(),
                                    [](const audit::Finding& f) { return f.severity == audit::Severity::error; });
  if (opts.format == Format::table) {
    for (const auto& note : versions) out << note << '\n';
    if (findings.empty()) {
      out << tr("check.clean", fmt::arg("refs", fmt::join(refs, ", "))) << '\n';
      return kOk;
    }
    render_table(audit::findings_dataset(findings), out);
    out << tr("check.summary", fmt::arg("errors", trn("check.errors", errors)),
              fmt::arg("warnings", trn("check.warnings", std::ssize(findings) - errors)))
        << '\n';

  } else {
    render(audit::findings_dataset(findings), opts.format, out, opts.output);
  }
  return errors > 0 ? kFindings : kOk;
}

namespace {
void setup_check(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", tr("help.cmd.check"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_check(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool check_registered = register_command(90, setup_check);
}  // namespace

}  // namespace ledger
