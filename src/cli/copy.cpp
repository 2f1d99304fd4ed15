// `ledger copy --to DB`: the whole ledger into a new one, SQLite file or PostgreSQL server, every
// entry with its hash (DESIGN section 6: the chain covers the rows, not where they are kept).
#include <fmt/format.h>

#include <filesystem>

#include "app/command.hpp"
#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/audit.hpp"
#include "cli/context.hpp"

namespace ledger {

int run_copy(Ledger& ledger, std::ostream& out, const CopyOptions& opts, const Clock& clock) {
  // A ledger that fails verification is not spread further.
  const ChainReport source = verify_chain(ledger);
  if (!source.ok) {
    out << tr("copy.source_fails", fmt::arg("problem", source.problem)) << '\n';
    return kFindings;
  }
  const bool new_file = !std::filesystem::exists(opts.to);
  try {
    auto target = Ledger::open(opts.to, Ledger::Open::create);
    target->migrate();
    auto head = target->query("chain_head_get");
    if (head.next() && head.i64("seq") > 0) throw InputError::flag("--to", opts.to, tr("copy.not_empty"));
    head.reset();
    const ChainReport report = copy_ledger(ledger, *target, clock);
    if (!report.ok) {
      out << tr("copy.copy_fails", fmt::arg("to", opts.to), fmt::arg("problem", report.problem)) << '\n';
      return kFindings;
    }
    out << tr("copy.done", fmt::arg("to", opts.to), fmt::arg("entries", trn("chain.entries", report.entries)),
              fmt::arg("head", hex(report.head.hash)))
        << '\n';
  } catch (...) {
    // Nothing is left of a copy that failed: the file this command made goes (a server's schema,
    // made by the same `init`, stays empty).
    std::error_code ignored;
    if (new_file && !Ledger::is_server(opts.to))
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(opts.to + suffix, ignored);
    throw;
  }
  return kOk;
}

namespace {
void setup_copy(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CopyOptions>();
  auto* cmd = app.add_subcommand("copy", tr("help.cmd.copy"));
  cmd->add_option("--to", opts->to, tr("help.opt.to.copy"))->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_copy(*ledger, *ctx.out, *opts, ctx.clock());
  });
}
const bool copy_registered = register_command(98, setup_copy);
}  // namespace

}  // namespace ledger
