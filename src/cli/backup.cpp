// `ledger backup FILE`: a consistent copy through SQLite's online backup API, verified after.
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "app/error.hpp"
#include "cli/audit.hpp"

namespace ledger {

int run_backup(Ledger& ledger, std::ostream& out, const BackupOptions& opts) {
  if (opts.file.empty()) throw InputError::flag("FILE", "", tr("backup.file_required"));
  // O_EXCL: never overwrite (an older backup may be the only good copy); 0600: personal data.
  const int fd = ::open(opts.file.c_str(), O_CREAT | O_EXCL | O_WRONLY, 0600);
  if (fd < 0) {
    const std::string why = errno == EEXIST ? tr("backup.exists") : tr("backup.cannot_create", fmt::arg("reason", std::strerror(errno)));
    throw InputError::flag("FILE", opts.file, why);
  }
  ::close(fd);
  const ChainReport report = backup_and_verify(ledger, opts.file);
  if (!report.ok) {
    out << tr("backup.copy_fails", fmt::arg("file", opts.file), fmt::arg("problem", report.problem)) << '\n';
    return kFindings;
  }
  out << tr("backup.written", fmt::arg("file", opts.file), fmt::arg("entries", trn("chain.entries", report.entries)),
            fmt::arg("head", hex(report.head.hash)))
      << '\n';

  return kOk;
}

namespace {
void setup_backup(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BackupOptions>();
  auto* cmd = app.add_subcommand("backup", tr("help.cmd.backup"));
  cmd->add_option("FILE", opts->file, tr("help.opt.file.the_backup"))->required();
  cmd->callback([&ctx, opts] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_backup(*ledger, *ctx.out, *opts);
  });
}
const bool backup_registered = register_command(97, setup_backup);
}  // namespace

}  // namespace ledger
