// `ledger export proofs`: the auditor bundle (DESIGN.md section 6), from one consistent snapshot.
#include <fmt/format.h>

#include <filesystem>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "app/error.hpp"
#include "audit/proofs.hpp"
#include "cli/audit.hpp"
#include "domain/convention.hpp"
#include "domain/sessions.hpp"

namespace ledger {

namespace fs = std::filesystem;

int run_export_proofs(Ledger& ledger, const Clock& clock, std::ostream& out, const ExportProofsOptions& opts) {
  audit::BundleRequest request;
  request.dialect = io::parse_dialect(opts.dialect);
  if (!opts.from.empty()) request.from = date_flag("--from", opts.from);
  if (!opts.to.empty()) request.to = date_flag("--to", opts.to);
  if (request.from > request.to) throw InputError::flag("--to", opts.to, tr("export.to_before_from", fmt::arg("from", opts.from)));
  if (opts.out.empty()) throw InputError::flag("--out", "", tr("export.out_required"));
  const fs::path dir(opts.out);
  std::error_code ec;
  const bool existed = fs::exists(dir, ec);
  if (existed && !fs::is_directory(dir)) throw InputError::flag("--out", opts.out, tr("export.not_a_directory"));
  if (existed && !fs::is_empty(dir) && !opts.force)
    throw InputError::flag("--out", opts.out, tr("export.not_empty"));

  // One read transaction: the files and the chain head in the manifest describe the same ledger,
  // even while someone records attendance.
  ReadSnapshot snapshot(ledger);
  ChainReport chain;
  if (opts.convention.empty()) {
    request.conventions = convention_refs(ledger);
    if (request.conventions.empty())
      throw InputError::flag("--convention", "", tr("convention.none_in_ledger"));
    chain = verify_chain(ledger);  // the whole ledger is exported
  } else {
    // The links of this convention's entries only: its export costs the same in a ledger of any
    // size (`ledger verify` checks the whole chain).
    const ConventionRow convention = load_convention(ledger, opts.convention).convention;
    request.conventions = {convention.ref};
    chain = verify_entries(ledger, convention_chain_ids(ledger, convention.id));
  }
  if (!chain.ok) {
    out << tr("export.chain_fails", fmt::arg("problem", chain.problem)) << '\n';
    return kFindings;
  }
  if (!existed && !fs::create_directories(dir, ec) && ec)
    throw InputError::flag("--out", opts.out, tr("export.cannot_create", fmt::arg("reason", ec.message())));
  try {
    const audit::Bundle bundle = audit::write_bundle(ledger, clock, request, chain.head, dir);
    out << trn("export.written", std::ssize(bundle.files), fmt::arg("dir", opts.out)) << '\n';
    out << tr("export.head", fmt::arg("head", hex(bundle.head.hash)), fmt::arg("entries", trn("chain.entries", bundle.head.seq))) << '\n';

  } catch (const audit::EvidenceChanged& e) {
    if (!existed) fs::remove_all(dir, ec);
    out << tr("export.chain_fails", fmt::arg("problem", e.what())) << '\n';
    return kFindings;
  } catch (...) {
    if (!existed) fs::remove_all(dir, ec);
    throw;
  }
  return kOk;
}

namespace {
void setup_export_proofs(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExportProofsOptions>();
  auto& group = command_group(app, "export", tr("help.cmd.export"));
  auto* cmd = group.add_subcommand("proofs", tr("help.cmd.export_proofs"));
  cmd->add_option("--out", opts->out, tr("help.opt.out.directory_to"))->required();
  cmd->add_option("--from", opts->from, tr("help.opt.from.half_days"));
  cmd->add_option("--to", opts->to, tr("help.opt.to.half_days"));
  cmd->add_option("--dialect", opts->dialect, tr("help.opt.dialect"))
      ->default_str("rfc4180");
  cmd->add_flag("--force", opts->force, tr("help.opt.force"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_export_proofs(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool export_proofs_registered = register_command(92, setup_export_proofs);
}  // namespace

}  // namespace ledger
