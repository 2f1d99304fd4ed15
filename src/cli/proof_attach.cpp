// `ledger proof attach FILE`: a signed sheet, an attestation or an LMS export held in the ledger
// behind a half-day or a trainee's module.
#include <fmt/format.h>

#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/proof.hpp"
#include "domain/evidence.hpp"
#include "domain/sessions.hpp"

namespace ledger {

int run_proof_attach(Ledger& ledger, const Clock& clock, std::ostream& out, const ProofAttachOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  EvidenceTarget target;
  target.module = &module;
  std::string what = module.code;
  if (!opts.date.empty() || !opts.slot.empty()) {
    if (opts.slot.empty()) throw InputError::flag("--slot", "", tr("proof.slot_with_date"));
    if (opts.date.empty()) throw InputError::flag("--date", "", tr("proof.slot_with_date"));
    const std::string day = date_flag("--date", opts.date);
    const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
    const auto session = find_session(ledger, module.id, day, slot);
    if (!session)
      throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
    if (session->cancelled_by) throw InputError::flag("--date", day, tr("proof.cancelled"));
    target.session_id = session->id;
    what += ", " + french_date(day) + " " + slot_label(slot);
  } else if (opts.trainee.empty()) {
    throw InputError::flag("--trainee", "", tr("proof.trainee_or_half_day"));
  }
  if (!opts.trainee.empty()) {
    const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
    target.trainee_id = trainee.id;
    what += ", " + trainee.code;
  }
  if (!target.session_id) what += " " + tr("proof.whole_module");
  std::string kind = code_key(opts.kind);
  if (!kind.empty() && kind != "sheet" && kind != "attestation" && kind != "lms" && kind != "other")
    throw InputError::flag("--kind", opts.kind, tr("proof.kind_values"));
  const std::string note = trim(opts.note);

  // Hashed and recognised before the write starts: other writers do not wait on a large file.
  const EvidenceFile file = examine_evidence_file(opts.file, "", "FILE");
  if (kind.empty()) kind = default_evidence_kind(file.type, target.session_id.has_value());
  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  const Attached a = attach_evidence(ledger, txn, book, st, target, file, kind, note.empty() ? std::nullopt : std::optional(note), "", "FILE");
  txn.commit();
  out << tr("proof.attached", fmt::arg("id", a.id), fmt::arg("name", file.name), fmt::arg("type", file.type),
            fmt::arg("size", format_byte_count(file.size)), fmt::arg("what", what), fmt::arg("kind", code_label(proof_kind_labels(), kind)))
      << '\n';
  out << (a.stored ? tr("proof.stored", fmt::arg("sha256", file.sha256)) : tr("proof.already_held", fmt::arg("sha256", file.sha256))) << '\n';
  if (a.completed > 0)
    out << trn("proof.completed", a.completed, fmt::arg("reference", evidence_reference(file.sha256, file.type))) << '\n';
  return 0;
}

namespace {
void setup_proof_attach(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ProofAttachOptions>();
  auto& group = command_group(app, "proof", tr("help.cmd.proof"));
  auto* cmd = group.add_subcommand("attach", tr("help.cmd.proof_attach"));
  cmd->add_option("FILE", opts->file, tr("help.opt.proof_file"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.proof_date"));
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.proof_trainee"));
  cmd->add_option("--kind", opts->kind, tr("help.opt.proof_kind"));
  cmd->add_option("--note", opts->note, tr("help.opt.proof_note"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_proof_attach(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool proof_attach_registered = register_command(65, setup_proof_attach);
}  // namespace

}  // namespace ledger
