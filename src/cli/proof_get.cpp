// `ledger proof get ID --out FILE`: an evidence file's bytes as they were attached.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/proof.hpp"
#include "domain/convention.hpp"
#include "domain/evidence.hpp"
#include "store/evidence.hpp"

namespace ledger {

int run_proof_get(Ledger& ledger, std::ostream& out, const ProofGetOptions& opts) {
  namespace fs = std::filesystem;
  const ConventionState st = load_convention(ledger, opts.convention);
  std::string sha256, name;
  std::int64_t id = 0;
  {
    auto q = find_evidence(ledger, st.convention.id, opts.id);
    sha256 = q.text("sha256");
    name = q.text("name");
    id = q.i64("id");
  }
  std::error_code ec;
  if (fs::exists(opts.out, ec)) throw InputError::flag("--out", opts.out, tr("proof.out_exists"));
  // Written aside and put in place once its bytes are known to be the ones attached.
  const std::string partial = opts.out + ".partial";
  std::ofstream file(partial, std::ios::binary | std::ios::trunc);
  if (!file) throw InputError::flag("--out", opts.out, tr("proof.cannot_write"));
  Digest digest;
  try {
    digest = read_evidence_file(ledger, st.convention.id, sha256, [&](std::string_view bytes) {
      file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
    file.close();
    if (!file) throw InputError::flag("--out", opts.out, tr("proof.cannot_write"));
  } catch (...) {
    fs::remove(partial, ec);
    throw;
  }
  if (hex(digest) != sha256) {
    fs::remove(partial, ec);
    out << tr("verify.failed", fmt::arg("problem", tr("verify.evidence_changed", fmt::arg("sha256", sha256)))) << '\n';
    return kFindings;
  }
  fs::rename(partial, opts.out, ec);
  if (ec) throw InputError::flag("--out", opts.out, tr("proof.cannot_write"));
  out << tr("proof.written", fmt::arg("id", id), fmt::arg("name", name), fmt::arg("file", opts.out), fmt::arg("sha256", sha256)) << '\n';
  return kOk;
}

namespace {
void setup_proof_get(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ProofGetOptions>();
  auto& group = command_group(app, "proof", tr("help.cmd.proof"));
  auto* cmd = group.add_subcommand("get", tr("help.cmd.proof_get"));
  cmd->add_option("ID", opts->id, tr("help.opt.proof_id"))->required();
  cmd->add_option("--out", opts->out, tr("help.opt.proof_out"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_proof_get(*ledger, *ctx.out, *opts);
  });
}
const bool proof_get_registered = register_command(68, setup_proof_get);
}  // namespace

}  // namespace ledger
