// `ledger export proofs`: the auditor bundle (DESIGN.md section 6), from one consistent snapshot.
#include <fmt/format.h>

#include <filesystem>

#include "cli/context.hpp"
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
  if (request.from > request.to) throw InputError::flag("--to", opts.to, "is before --from " + opts.from);
  if (opts.out.empty()) throw InputError::flag("--out", "", "give the directory to write the bundle into");
  const fs::path dir(opts.out);
  std::error_code ec;
  const bool existed = fs::exists(dir, ec);
  if (existed && !fs::is_directory(dir)) throw InputError::flag("--out", opts.out, "exists and is not a directory");
  if (existed && !fs::is_empty(dir) && !opts.force)
    throw InputError::flag("--out", opts.out, "is not empty: choose a new directory, or give --force to write into it");

  // One read transaction: the files and the chain head in the manifest describe the same ledger,
  // even while someone records attendance.
  ReadSnapshot snapshot(ledger);
  ChainReport chain;
  if (opts.convention.empty()) {
    request.conventions = convention_refs(ledger);
    if (request.conventions.empty())
      throw InputError::flag("--convention", "", "the ledger holds no convention yet: run `ledger convention import FILE`");
    chain = verify_chain(ledger);  // the whole ledger is exported
  } else {
    // The links of this convention's entries only: its export costs the same in a ledger of any
    // size (`ledger verify` checks the whole chain).
    const ConventionRow convention = load_convention(ledger, opts.convention).convention;
    request.conventions = {convention.ref};
    chain = verify_entries(ledger, convention_chain_ids(ledger, convention.id));
  }
  if (!chain.ok) {
    out << fmt::format("ledger export proofs: nothing written: the ledger FAILS verification: {}\n", chain.problem);
    return kFindings;
  }
  if (!existed && !fs::create_directories(dir, ec) && ec)
    throw InputError::flag("--out", opts.out, "cannot create the directory: " + ec.message());
  try {
    const audit::Bundle bundle = audit::write_bundle(ledger, clock, request, chain.head, dir);
    out << fmt::format("wrote {} files to {} (check them with: cd {} && sha256sum -c MANIFEST.sha256)\n",
                       bundle.files.size(), opts.out, opts.out);
    out << fmt::format("chain head {} entries {}\n", hex(bundle.head.hash), bundle.head.seq);
  } catch (...) {
    if (!existed) fs::remove_all(dir, ec);
    throw;
  }
  return kOk;
}

namespace {
void setup_export_proofs(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ExportProofsOptions>();
  auto& group = command_group(app, "export", "Export files for others: the auditor's proofs");
  auto* cmd = group.add_subcommand("proofs", "Auditor bundle: attendance, sessions, trainees, corrections, summary, MANIFEST.sha256");
  cmd->add_option("--out", opts->out, "Directory to create (or an empty one)")->required();
  cmd->add_option("--from", opts->from, "Half-days from this date");
  cmd->add_option("--to", opts->to, "Half-days up to this date");
  cmd->add_option("--dialect", opts->dialect, "rfc4180 (commas) or excel-fr (semicolons, decimal commas, BOM)")
      ->default_str("rfc4180");
  cmd->add_flag("--force", opts->force, "Write into a non-empty directory");
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
