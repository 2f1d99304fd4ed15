// `ledger proof list`: the evidence held for a convention, retracted files included.
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/proof.hpp"
#include "domain/convention.hpp"
#include "domain/sessions.hpp"

namespace ledger {

CodeLabels proof_kind_labels() {
  return {{"sheet", tr("proof.kind_sheet")}, {"attestation", tr("proof.kind_attestation")}, {"lms", tr("proof.kind_lms")}, {"other", tr("proof.kind_other")}};
}

Dataset proof_list(Ledger& ledger, const ProofListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  auto q = ledger.query("evidence_list");
  q.bind(":convention", st.convention.id).bind(":id", Value());
  q.bind(":module", opts.module.empty() ? Value() : Value(st.module_or_flag(opts.module, "--module").id));
  q.bind(":date", opts.date.empty() ? Value() : Value(date_flag("--date", opts.date)));
  q.bind(":trainee", opts.trainee.empty() ? Value() : Value(st.trainee_or_flag(opts.trainee, "--trainee").id));
  Dataset d;
  d.columns = {{"id", tr("col.proof.id"), ColumnKind::integer},
               {"kind", tr("col.proof.kind"), ColumnKind::text, proof_kind_labels()},
               {"type", tr("col.proof.type")},
               {"size", tr("col.proof.size"), ColumnKind::integer},
               {"module", tr("col.module")},
               {"date", tr("col.date"), ColumnKind::date},
               {"slot", tr("col.slot")},
               {"trainee", tr("col.trainee")},
               {"name", tr("col.proof.name")},
               {"note", tr("col.proof.note")},
               {"status", tr("col.status"), ColumnKind::text, {{"current", tr("proof.status_current")}, {"retracted", tr("proof.status_retracted")}}},
               {"retraction_reason", tr("col.proof.retraction_reason")},
               {"sha256", tr("col.proof.sha256")},
               {"recorded_at", tr("col.proof.recorded_at")},
               {"recorded_by", tr("col.proof.recorded_by")}};
  while (q.next())
    d.add({q.i64("id"), q.text("kind"), q.text("type"), q.i64("size"), q.text("module"), text_or_null(q, "date"), text_or_null(q, "slot"), text_or_null(q, "trainee"),
           q.text("name"), text_or_null(q, "note"), std::string(q.is_null("retraction_id") ? "current" : "retracted"), text_or_null(q, "retraction_reason"),
           q.text("sha256"), q.text("recorded_at"), q.text("recorded_by")});
  return d;
}

int run_proof_list(Ledger& ledger, std::ostream& out, const ProofListOptions& opts) {
  render(proof_list(ledger, opts), opts.format, out, opts.output);
  return 0;
}

namespace {
void setup_proof_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ProofListOptions>();
  auto& group = command_group(app, "proof", tr("help.cmd.proof"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.proof_list"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.only_this"));
  cmd->add_option("--date", opts->date, tr("help.opt.proof_list_date"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.proof_list_trainee"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_proof_list(*ledger, *ctx.out, *opts);
  });
}
const bool proof_list_registered = register_command(67, setup_proof_list);
}  // namespace

}  // namespace ledger
