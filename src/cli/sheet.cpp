// `ledger sheet`: the printable feuille d'émargement of a half-day, or of every half-day of a week.
// Reads only: printing a sheet writes nothing to the ledger.
#include <fmt/format.h>

#include <fstream>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/paper.hpp"
#include "domain/sessions.hpp"
#include "paper/sheet.hpp"

namespace ledger {

int run_sheet(Ledger& ledger, std::ostream& out, const SheetOptions& opts) {
  const bool one = !opts.module.empty() || !opts.date.empty() || !opts.slot.empty();
  if (one == !opts.week.empty())
    throw InputError::flag("--week", opts.week, tr("sheet.which"));
  const ConventionState st = load_convention(ledger, opts.convention);
  std::vector<paper::Sheet> sheets;
  if (one) {
    if (opts.module.empty()) throw InputError::flag("--module", "", tr("sheet.module_required"));
    if (opts.date.empty()) throw InputError::flag("--date", "", tr("sheet.date_required"));
    if (opts.slot.empty()) throw InputError::flag("--slot", "", tr("sheet.slot_required"));
    const ModuleRow& module = st.module_or_flag(opts.module, "--module");
    const std::string day = date_flag("--date", opts.date);
    const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
    sheets.push_back(paper::load_sheet(ledger, st, module, day, slot));
  } else {
    sheets = paper::load_week(ledger, st, date_flag("--week", opts.week));
  }
  const std::string html = paper::render_sheets(sheets);
  if (opts.out.empty()) {
    out << html;
    return 0;
  }
  std::ofstream file(opts.out, std::ios::binary | std::ios::trunc);
  file << html;
  file.close();
  if (!file) throw InputError::flag("--out", opts.out, tr("io.unwritable"));
  out << trn("sheet.written", std::ssize(sheets), fmt::arg("file", opts.out), fmt::arg("first", sheets.front().id),
             fmt::arg("last", sheets.back().id))
      << '\n';

  return 0;
}

namespace {
void setup_sheet(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SheetOptions>();
  auto* cmd = app.add_subcommand("sheet", tr("help.cmd.sheet"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"));
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"));
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"));
  cmd->add_option("--week", opts->week, tr("help.opt.week"));
  cmd->add_option("--out", opts->out, tr("help.opt.out.write_the"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_sheet(*ledger, *ctx.out, *opts);
  });
}
const bool sheet_registered = register_command(80, setup_sheet);
}  // namespace

}  // namespace ledger
