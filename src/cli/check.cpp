// `ledger check`: the rules of DESIGN.md section 7 over one convention, or every one of the ledger.
#include <fmt/format.h>

#include <algorithm>

#include "app/command.hpp"
#include "app/error.hpp"
#include "audit/checks.hpp"
#include "cli/audit.hpp"

namespace ledger {

int run_check(Ledger& ledger, const Clock& clock, std::ostream& out, const CheckOptions& opts) {
  std::vector<std::string> refs = opts.convention.empty() ? convention_refs(ledger) : std::vector{opts.convention};
  if (refs.empty()) throw InputError::flag("--convention", "", "the ledger holds no convention yet: run `ledger convention import FILE`");
  std::vector<audit::Finding> findings;
  for (const auto& ref : refs) {
    const ConventionState st = load_convention(ledger, ref);
    auto found = audit::check_convention(ledger, clock, st);
    findings.insert(findings.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  const auto errors = std::count_if(findings.begin(), findings.end(),
                                    [](const audit::Finding& f) { return f.severity == audit::Severity::error; });
  if (opts.format == Format::table) {
    if (findings.empty()) {
      out << fmt::format("no finding: {} checked\n", fmt::join(refs, ", "));
      return kOk;
    }
    render_table(audit::findings_dataset(findings), out);
    out << fmt::format("{} error(s), {} warning(s)\n", errors, findings.size() - static_cast<std::size_t>(errors));
  } else {
    render(audit::findings_dataset(findings), opts.format, out, opts.output);
  }
  return errors > 0 ? kFindings : kOk;
}

namespace {
void setup_check(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", "Consistency rules an auditor would run; exit 1 when any error");
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = ctx.open();
    ctx.exit_code = run_check(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool check_registered = register_command(90, setup_check);
}  // namespace

}  // namespace ledger
