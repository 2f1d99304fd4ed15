// `ledger convention import FILE`: validate and record a convention, all or nothing.
#include <fmt/format.h>

#include "cli/context.hpp"
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
  out << fmt::format("recorded convention {}: {} training bod{}, {} module{}, {} trainee{}, {} funding agreement{}\n",
                     spec.ref, spec.orgs.size(), spec.orgs.size() == 1 ? "y" : "ies", spec.modules.size(),
                     spec.modules.size() == 1 ? "" : "s", spec.trainees.size(), spec.trainees.size() == 1 ? "" : "s",
                     spec.fundings.size(), spec.fundings.size() == 1 ? "" : "s");
  return 0;
}

namespace {
void setup_convention_import(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionImportOptions>();
  auto& group = command_group(app, "convention", "Record and read conventions");
  auto* cmd = group.add_subcommand("import", "Validate and record a convention file (all or nothing)");
  cmd->add_option("FILE", opts->file, "Convention file (TOML; see `ledger convention template`)")->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_import(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool convention_import_registered = register_command(21, setup_convention_import);
}  // namespace

}  // namespace ledger
