// `ledger session plan`: plan one half-day from flags, or many from `--file sessions.csv`.
#include <fmt/format.h>

#include <fstream>
#include <set>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"

namespace ledger {


namespace {

// One planned half-day, as given (flags or a CSV line).
struct SessionInput {
  Origin origin;
  std::string module, date, slot, minutes, start, end, trainer, place, mode;
};

struct Planner {
  Ledger& ledger;
  std::map<std::string, ConventionState> states;
  std::set<std::tuple<std::int64_t, std::string, std::string>> seen;  // (module, date, slot) in this batch

  const ConventionState& state(const std::string& ref) {
    auto it = states.find(ref);
    if (it == states.end()) it = states.emplace(ref, load_convention(ledger, ref)).first;
    return it->second;
  }

  // Validates one input; returns the row's values, or nullopt with its problems recorded.
  std::optional<std::vector<Value>> check(const ConventionState& st, const SessionInput& in, ProblemList& problems,
                                          const WriteTransaction& txn) {
    const auto& o = in.origin;
    const std::size_t before = problems.count();
    const ModuleRow* module = st.module(in.module);
    if (module == nullptr) problems.add(o.problem("module", in.module, tr("convention.no_such_module", fmt::arg("ref", st.convention.ref))));
    const auto day = field<std::string>(problems, o, "date", in.date, [](const std::string& v) { return format_date(parse_date(v)); });
    if (day && (*day < st.convention.starts || *day > st.convention.ends))
      problems.add(o.problem("date", *day, tr("session.outside_validity", fmt::arg("starts", french_date(st.convention.starts)),
                                              fmt::arg("ends", french_date(st.convention.ends)))));
    const auto slot = field<std::string>(problems, o, "slot", in.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
    std::optional<std::string> start, end;
    if (!in.start.empty()) start = field<std::string>(problems, o, "start", in.start, parse_time_of_day);
    if (!in.end.empty()) end = field<std::string>(problems, o, "end", in.end, parse_time_of_day);
    if (in.start.empty() != in.end.empty())
      problems.add(o.problem(in.start.empty() ? "start" : "end", "", tr("session.start_end_both")));
    std::optional<Minutes> span;
    if (start && end) {
      span = minutes_of_day(*end) - minutes_of_day(*start);
      if (*span <= 0) problems.add(o.problem("end", *end, tr("session.end_not_after", fmt::arg("start", *start))));
    }
    std::optional<Minutes> minutes;
    if (!in.minutes.empty()) minutes = field<Minutes>(problems, o, "minutes", in.minutes, parse_minutes);
    if (minutes && *minutes <= 0) problems.add(o.problem("minutes", in.minutes, tr("session.minutes_positive")));
    if (minutes && span && *span > 0 && *minutes != *span)
      problems.add(o.problem("minutes", in.minutes, tr("session.minutes_differ", fmt::arg("minutes", *span))));
    if (!minutes && in.minutes.empty()) {
      if (span) minutes = span;
      else if (in.start.empty() && in.end.empty()) problems.add(o.problem("minutes", "", tr("session.minutes_or_times")));
    }
    if (module != nullptr && minutes && *minutes > module->minutes)
      problems.add(o.problem("minutes", std::to_string(*minutes), tr("session.longer_than_module", fmt::arg("module", module->code), fmt::arg("hours", format_hours(module->minutes)))));
    const std::string mode = trim(in.mode).empty() ? (module != nullptr && module->elearning ? "elearning" : "onsite")
                                                   : field<std::string>(problems, o, "mode", in.mode, parse_mode).value_or("onsite");
    if (module != nullptr && day && slot) {
      if (auto existing = find_session(ledger, module->id, *day, *slot))
        problems.add(o.problem("date", *day,
                               existing->cancelled_by
                                   ? tr("session.already_cancelled", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                        fmt::arg("slot", slot_label(*slot)))
                                   : tr("session.already_planned", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                        fmt::arg("slot", slot_label(*slot)))));


      else if (!seen.emplace(module->id, *day, *slot).second)
        problems.add(o.problem("date", *day, tr("session.twice_in_file", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                                fmt::arg("slot", slot_label(*slot)))));
    }
    if (problems.count() != before || module == nullptr || !day || !slot || !minutes) return std::nullopt;
    auto text_or_null = [](const std::string& v) { return v.empty() ? Value() : Value(v); };
    return std::vector<Value>{st.convention.id, module->id, *day, *slot, *minutes, opt(start), opt(end),
                              text_or_null(in.trainer), text_or_null(in.place.empty() ? module->place : in.place), mode,
                              txn.recorded_at(), txn.recorded_by()};
  }
};

}  // namespace

int run_session_plan(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionPlanOptions& opts) {
  Planner planner{ledger, {}, {}};
  ProblemList problems;
  WriteTransaction txn(ledger, clock);
  // The columns of Planner::check's rows.
  auto sessions = txn.appender("session", {"convention_id", "module_id", "date", "slot", "minutes", "start_time", "end_time",
                                           "trainer", "place", "mode", "recorded_at", "recorded_by"});
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
