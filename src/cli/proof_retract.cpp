// `ledger proof retract ID --reason TEXT`: a mistaken attachment set aside, never deleted.
#include <fmt/format.h>

#include "app/command.hpp"
#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/proof.hpp"
#include "domain/convention.hpp"
#include "domain/values.hpp"

namespace ledger {

namespace {
std::int64_t proof_retract_parse_id(const std::string& text) {
  const std::string t = trim(text);
  if (t.empty() || t.size() > 18 || t.find_first_not_of("0123456789") != std::string::npos)
    throw InputError::flag("ID", text, tr("proof.id_syntax"));
  return std::stoll(t);
}
}  // namespace

Query find_evidence(Ledger& ledger, std::int64_t convention_id, const std::string& id_text) {
  auto q = ledger.query("evidence_list");
  q.bind(":convention", convention_id).bind(":id", proof_retract_parse_id(id_text));
  q.bind(":module", Value()).bind(":date", Value()).bind(":trainee", Value());
  if (!q.next()) throw InputError::flag("ID", id_text, tr("proof.unknown_id"));
  return q;
}

int run_proof_retract(Ledger& ledger, const Clock& clock, std::ostream& out, const ProofRetractOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const std::string reason = trim(opts.reason);
  if (reason.empty()) throw InputError::flag("--reason", opts.reason, tr("proof.retract_reason"));
  std::int64_t id = 0;
  std::string name;
  {
    auto q = find_evidence(ledger, st.convention.id, opts.id);
    if (!q.is_null("retraction_id")) throw InputError::flag("ID", opts.id, tr("proof.retracted_twice", fmt::arg("reason", q.text("retraction_reason"))));
    id = q.i64("id");
    name = q.text("name");
  }
  WriteTransaction txn(ledger, clock);
  txn.append("evidence_retraction",
             {{"evidence_id", id}, {"reason", reason}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << tr("proof.retracted", fmt::arg("id", id), fmt::arg("name", name)) << '\n';
  return 0;
}

namespace {
void setup_proof_retract(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ProofRetractOptions>();
  auto& group = command_group(app, "proof", tr("help.cmd.proof"));
  auto* cmd = group.add_subcommand("retract", tr("help.cmd.proof_retract"));
  cmd->add_option("ID", opts->id, tr("help.opt.proof_id"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.proof_retract_reason"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_proof_retract(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool proof_retract_registered = register_command(66, setup_proof_retract);
}  // namespace

}  // namespace ledger
