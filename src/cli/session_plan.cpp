// `ledger session plan`: plan one half-day from flags, or many from `--file sessions.csv`.
#include <fmt/format.h>

#include <fstream>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/session_changes.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"

namespace ledger {


int run_session_plan(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionPlanOptions& opts) {
  SessionPlanner planner{ledger, {}, {}};
  ProblemList problems;
  WriteTransaction txn(ledger, clock);
  auto sessions = txn.appender("session", kSessionColumns);
  std::size_t planned = 0;
  if (opts.file.empty()) {
    const auto& st = planner.state(opts.convention);
    SessionInput in{{}, opts.module, opts.date, opts.slot, opts.minutes, opts.start, opts.end, opts.trainer, opts.place, opts.mode};
    if (auto row = planner.check(st, in, problems, txn)) {
      sessions.append(*row);
      ++planned;
      const auto& day = std::get<std::string>((*row)[2]);
      const auto& slot = std::get<std::string>((*row)[3]);
      out << tr("session.planned", fmt::arg("module", opts.module), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
                fmt::arg("sheet", sheet_id(st.convention.ref, opts.module, day, slot)))
          << '\n';
    }
  } else {
    std::ifstream file = io::open_input_file("--file", opts.file);
    io::CsvReader csv(file, opts.file);
    csv.expect_columns({"convention", "module", "date", "slot", "minutes", "start", "end", "trainer", "place", "mode"},
                       {"module", "date", "slot"});
    const bool several = convention_refs(ledger).size() > 1;
    if (several && !csv.column("convention") && opts.convention.empty())
      throw InputError({opts.file + ":1", "header", "convention", tr("attend.several_conventions")});
    auto col = [&](const std::vector<std::string>& f, const char* name) {
      const auto i = csv.column(name);
      return i ? f[*i] : std::string();
    };
    std::vector<std::string> f;
    while (csv.next(f)) {
      SessionInput in{{fmt::format("{}:{}", opts.file, csv.line())}, col(f, "module"), col(f, "date"), col(f, "slot"),
                      col(f, "minutes"), col(f, "start"), col(f, "end"), col(f, "trainer"), col(f, "place"), col(f, "mode")};
      std::string ref = col(f, "convention");
      if (ref.empty()) ref = opts.convention;
      const ConventionState* st = nullptr;
      try {
        st = &planner.state(ref);
      } catch (const InputError& e) {
        problems.add(in.origin.problem("convention", ref, e.problems().front().why));
        continue;
      }
      if (auto row = planner.check(*st, in, problems, txn)) {
        sessions.append(*row);
        ++planned;
      }
    }
    if (problems.empty()) out << trn("session.planned_file", planned, fmt::arg("file", opts.file)) << '\n';
  }
  problems.throw_if_any();
  txn.commit();
  return 0;
}

namespace {
void setup_session_plan(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionPlanOptions>();
  auto& group = command_group(app, "session", tr("help.cmd.session"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("plan", tr("help.cmd.session_plan"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"));
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_yyyy"));
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"));
  cmd->add_option("--minutes", opts->minutes, tr("help.opt.minutes.length_in"));
  cmd->add_option("--start", opts->start, tr("help.opt.start"));
  cmd->add_option("--end", opts->end, tr("help.opt.end"));
  cmd->add_option("--trainer", opts->trainer, tr("help.opt.trainer"));
  cmd->add_option("--place", opts->place, tr("help.opt.place"));
  cmd->add_option("--mode", opts->mode, tr("help.opt.mode"));
  auto* file = cmd->add_option("--file", opts->file, tr("help.opt.file.csv_module_date_slot_minutes"));
  for (const char* one : {"--module", "--date", "--slot"}) {
    cmd->get_option(one)->excludes(file);
  }
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, cmd] {
    if (opts->file.empty())
      for (const char* required : {"--module", "--date", "--slot"})
        if (cmd->count(required) == 0) throw InputError::flag(required, "", tr("attend.required_or_file"));

    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_session_plan(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool session_plan_registered = register_command(40, setup_session_plan);
}  // namespace

}  // namespace ledger
