// `ledger convention amend FILE --reason TEXT`: an avenant, recorded as the convention's next
// version. The file restates the whole convention (the shape of `convention import`); only `ends`,
// clauses, module hours and prices may change, and modules, trainees and agreements be added.
#include <fmt/format.h>

#include <algorithm>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/convention.hpp"
#include "io/files.hpp"

namespace ledger {

int run_convention_amend(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionAmendOptions& opts) {
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("common.say_why"));
  const ConventionSpec file = read_convention_toml(io::read_input_file(opts.file), opts.file);
  const auto refs = convention_refs(ledger);
  if (std::find(refs.begin(), refs.end(), file.ref) == refs.end())
    throw InputError({fmt::format("{}:{}", opts.file, file.lines.at("convention.ref")), "convention.ref", file.ref, tr("amend.no_such_convention")});
  const ConventionState st = load_convention(ledger, file.ref);
  WriteTransaction txn(ledger, clock);
  const std::int64_t version = record_amendment(ledger, txn, st, file, opts.file, trim(opts.reason));
  txn.commit();
  out << tr("amend.recorded", fmt::arg("number", version - 1), fmt::arg("ref", file.ref), fmt::arg("version", version)) << '\n';
  return 0;
}

namespace {
void setup_convention_amend(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionAmendOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("amend", tr("amend.help.cmd"));
  cmd->add_option("FILE", opts->file, tr("amend.help.file"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why"))->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_amend(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool convention_amend_registered = register_command(26, setup_convention_amend);
}  // namespace

}  // namespace ledger
