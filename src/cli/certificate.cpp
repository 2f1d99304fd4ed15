// `ledger certificate --trainee ID`: the certificat de réalisation, one page per training body.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "audit/certificate.hpp"
#include "cli/audit.hpp"
#include "domain/convention.hpp"

namespace ledger {

int run_certificate(Ledger& ledger, const Clock& clock, std::ostream& out, const CertificateOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const audit::Certificate c = audit::load_certificate(ledger, clock, st, trainee);
  if (opts.format == DocumentFormat::html)
    out << audit::render_certificate_html(c);
  else
    audit::render_certificate_text(c, out);
  return 0;
}

namespace {
void setup_certificate(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CertificateOptions>();
  auto* cmd = app.add_subcommand("certificate", tr("help.cmd.certificate"));
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  const std::map<std::string, DocumentFormat> names{{"html", DocumentFormat::html}, {"text", DocumentFormat::text}};
  cmd->add_option("--format", opts->format, tr("help.opt.format.html_prints"))
      ->transform(CLI::CheckedTransformer(names, CLI::ignore_case).description(""))
      ->type_name("html|text")
      ->default_str("html");
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_certificate(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool certificate_registered = register_command(80, setup_certificate);
}  // namespace

}  // namespace ledger
