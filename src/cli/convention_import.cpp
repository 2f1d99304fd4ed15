// `ledger convention import FILE`: validate and record a convention, all or nothing.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "app/error.hpp"
#include "domain/convention.hpp"
#include "io/files.hpp"

namespace ledger {


int run_convention_import(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionImportOptions& opts) {
  const ConventionSpec spec = read_convention_toml(io::read_input_file(opts.file), opts.file);
  WriteTransaction txn(ledger, clock);
  record_convention(ledger, txn, spec);
  txn.commit();
  out << tr("convention.imported", fmt::arg("ref", spec.ref), fmt::arg("orgs", trn("convention.orgs", std::ssize(spec.orgs))),
            fmt::arg("modules", trn("convention.modules", std::ssize(spec.modules))),
            fmt::arg("trainees", trn("convention.trainees", std::ssize(spec.trainees))),
            fmt::arg("fundings", trn("convention.fundings", std::ssize(spec.fundings))))
      << '\n';

  return 0;
}

namespace {
void setup_convention_import(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionImportOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("import", tr("help.cmd.convention_import"));
  cmd->add_option("FILE", opts->file, tr("help.opt.file.convention_file"))->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_import(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool convention_import_registered = register_command(21, setup_convention_import);
}  // namespace

}  // namespace ledger
