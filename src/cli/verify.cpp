// `ledger verify`: recompute the tamper-evidence chain from the rows themselves.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/error.hpp"
#include "cli/audit.hpp"

namespace ledger {

int run_verify(Ledger& ledger, std::ostream& out, const VerifyOptions&) {
  const ChainReport report = verify_chain(ledger);
  if (!report.ok) {
    out << fmt::format("ledger verify: FAILED: {}\n", report.problem);
    return kFindings;
  }
  out << fmt::format("ledger verify: ok: {} entries, chain head {}\n", report.entries, hex(report.head.hash));
  return kOk;
}

namespace {
void setup_verify(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand("verify", "Recompute the tamper-evidence chain; exit 1 naming the first bad entry");
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_verify(*ledger, *ctx.out, *opts);
  });
}
const bool verify_registered = register_command(95, setup_verify);
}  // namespace

}  // namespace ledger
