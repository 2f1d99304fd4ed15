// `ledger backup FILE`: a consistent copy through SQLite's online backup API, verified after.
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "cli/context.hpp"
#include "app/error.hpp"
#include "cli/audit.hpp"

namespace ledger {

int run_backup(Ledger& ledger, std::ostream& out, const BackupOptions& opts) {
  if (opts.file.empty()) throw InputError::flag("FILE", "", "give the backup file to create");
  // O_EXCL: never overwrite (an older backup may be the only good copy); 0600: personal data.
  const int fd = ::open(opts.file.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600);
  if (fd < 0) {
    const std::string why = errno == EEXIST ? "already exists: choose a new name (a backup never overwrites a file)"
                                            : std::string("cannot create: ") + std::strerror(errno);
    throw InputError::flag("FILE", opts.file, why);
  }
  ::close(fd);
  const ChainReport report = backup_and_verify(ledger, opts.file);
  if (!report.ok) {
    out << fmt::format("{}: written, but the copy FAILS verification: {}\n", opts.file, report.problem);
    return kFindings;
  }
  out << fmt::format("{}: backup written and verified: {} entries, chain head {}\n", opts.file, report.entries,
                     hex(report.head.hash));
  return kOk;
}

namespace {
void setup_backup(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BackupOptions>();
  auto* cmd = app.add_subcommand("backup", "Copy the ledger through SQLite's online backup API, then verify the copy");
  cmd->add_option("FILE", opts->file, "The backup file to create (never overwritten)")->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_backup(*ledger, *ctx.out, *opts);
  });
}
const bool backup_registered = register_command(97, setup_backup);
}  // namespace

}  // namespace ledger
