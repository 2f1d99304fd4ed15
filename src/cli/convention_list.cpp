// `ledger convention list`: the conventions this ledger holds.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "report/table.hpp"

namespace ledger {

int run_convention_list(Ledger& ledger, std::ostream& out) {
  TextTable table({tr("list.col.convention"), tr("list.col.title"), tr("list.col.option"), tr("list.col.from"), tr("list.col.to"),
                   tr("list.col.modules") + ">", tr("list.col.trainees") + ">", tr("list.col.sessions") + ">"});
  auto q = ledger.query("convention_list");
  while (q.next())
    table.add({q.text("ref"), q.text("title"), q.text("option"),
               q.text("starts"), q.text("ends"), q.text("modules"),
               q.text("trainees"), q.text("sessions")});
  if (table.empty()) {
    out << tr("convention.none_yet") << '\n';

    return 0;
  }
  table.print(out);
  return 0;
}

namespace {
void setup_convention_list(CLI::App& app, Context& ctx) {
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.convention_list"));
  cmd->callback([&ctx] {
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_convention_list(*ledger, *ctx.out);
  });
}
const bool convention_list_registered = register_command(23, setup_convention_list);
}  // namespace

}  // namespace ledger
