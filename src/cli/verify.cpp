// `ledger verify`: recompute the tamper-evidence chain from the rows themselves.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "app/error.hpp"
#include "cli/audit.hpp"
#include "store/evidence.hpp"

namespace ledger {

int run_verify(Ledger& ledger, std::ostream& out, const VerifyOptions&) {
  const ChainReport report = verify_chain(ledger);
  if (!report.ok) {
    out << tr("verify.failed", fmt::arg("problem", report.problem)) << '\n';
    return kFindings;
  }
  // The evidence files' bytes are not in the chain; their digests are: each file is rehashed.
  const EvidenceFilesReport files = verify_evidence_files(ledger);
  if (!files.problem.empty()) {
    out << tr("verify.failed", fmt::arg("problem", files.problem)) << '\n';
    return kFindings;
  }
  if (report.own_entries_only)
    out << tr("verify.ok_own", fmt::arg("entries", trn("chain.entries", report.entries)), fmt::arg("last", report.head.seq),
              fmt::arg("head", hex(report.head.hash)))
        << '\n';
  else
    out << tr("verify.ok", fmt::arg("entries", trn("chain.entries", report.entries)), fmt::arg("head", hex(report.head.hash))) << '\n';
  if (files.files > 0) out << trn("verify.evidence_ok", files.files) << '\n';

  return kOk;
}

namespace {
void setup_verify(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<VerifyOptions>();
  auto* cmd = app.add_subcommand("verify", tr("help.cmd.verify"));
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_verify(*ledger, *ctx.out, *opts);
  });
}
const bool verify_registered = register_command(95, setup_verify);
}  // namespace

}  // namespace ledger
