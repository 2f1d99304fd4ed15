// `ledger lms import FILE --module M`: the activities each trainee completed on the platform, from
// its export (D. 6313-3-1: the activities and their estimated time prove FOAD hours). The file
// itself is held as evidence behind each trainee's module, in the same transaction.
#include <fmt/format.h>

#include <fstream>

#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/foad.hpp"
#include "domain/foad.hpp"
#include "domain/sessions.hpp"
#include "io/files.hpp"

namespace ledger {

int run_lms_import(Ledger& ledger, const Clock& clock, std::ostream& out, const LmsImportOptions& opts) {
  // Hashed and recognised before the write starts: other writers do not wait on a large file.
  const EvidenceFile file = examine_evidence_file(opts.file, "", "FILE");
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  if (!module.elearning) throw InputError::flag("--module", module.code, tr("foad.module_onsite"));
  const auto activities = module_activities(ledger, module.id);
  if (activities.empty()) throw InputError::flag("--module", module.code, tr("lms.no_activities"));
  std::ifstream in = io::open_input_file("FILE", opts.file);
  const auto completions = read_lms_export(in, opts.file, st, module, activities, txn.today());
  const LmsImported done = record_completions(ledger, txn, st, module, completions, file);
  txn.commit();
  if (done.recorded == 0) {
    out << trn("lms.nothing_new", done.already, fmt::arg("file", file.name)) << '\n';
    return 0;
  }
  out << trn("lms.imported", done.recorded, fmt::arg("file", file.name), fmt::arg("module", module.code),
             fmt::arg("trainees", done.trainees))
      << '\n';
  if (done.already > 0) out << trn("lms.already", done.already) << '\n';
  if (done.first_evidence)
    out << trn("lms.evidence", done.trainees, fmt::arg("id", *done.first_evidence), fmt::arg("sha256", file.sha256)) << '\n';
  if (done.completed_proofs > 0)
    out << trn("proof.completed", done.completed_proofs, fmt::arg("reference", evidence_reference(file.sha256, file.type))) << '\n';
  return 0;
}

namespace {
void setup_lms_import(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<LmsImportOptions>();
  auto& group = command_group(app, "lms", tr("lms.help.group"));
  auto* cmd = group.add_subcommand("import", tr("lms.help.import"));
  cmd->add_option("FILE", opts->file, tr("lms.help.file"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_lms_import(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool lms_import_registered = register_command(69, setup_lms_import);
}  // namespace

}  // namespace ledger
