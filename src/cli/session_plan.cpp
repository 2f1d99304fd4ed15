// `ledger session plan`: plan one half-day from flags, or many from `--file sessions.csv`.
#include <fmt/format.h>

#include <fstream>
#include <set>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/sessions.hpp"
#include "io/csv.hpp"

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
    if (module == nullptr) problems.add(o.problem("module", in.module, "no such module in " + st.convention.ref));
    const auto day = field<std::string>(problems, o, "date", in.date, [](const std::string& v) { return format_date(parse_date(v)); });
    if (day && (*day < st.convention.starts || *day > st.convention.ends))
      problems.add(o.problem("date", *day, fmt::format("outside the convention's validity ({} to {}, Art. 14)",
                                                      st.convention.starts, st.convention.ends)));
    const auto slot = field<std::string>(problems, o, "slot", in.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
    std::optional<std::string> start, end;
    if (!in.start.empty()) start = field<std::string>(problems, o, "start", in.start, parse_time_of_day);
    if (!in.end.empty()) end = field<std::string>(problems, o, "end", in.end, parse_time_of_day);
    if (in.start.empty() != in.end.empty())
      problems.add(o.problem(in.start.empty() ? "start" : "end", "", "give both --start and --end, or neither"));
    std::optional<Minutes> span;
    if (start && end) {
      span = minutes_of_day(*end) - minutes_of_day(*start);
      if (*span <= 0) problems.add(o.problem("end", *end, "not after the start (" + *start + ")"));
    }
    std::optional<Minutes> minutes;
    if (!in.minutes.empty()) minutes = field<Minutes>(problems, o, "minutes", in.minutes, parse_minutes);
    if (minutes && *minutes <= 0) problems.add(o.problem("minutes", in.minutes, "a half-day lasts more than 0 minutes"));
    if (minutes && span && *span > 0 && *minutes != *span)
      problems.add(o.problem("minutes", in.minutes, fmt::format("differs from end - start ({} minutes)", *span)));
    if (!minutes && in.minutes.empty()) {
      if (span) minutes = span;
      else if (in.start.empty() && in.end.empty()) problems.add(o.problem("minutes", "", "give --minutes, or --start and --end"));
    }
    if (module != nullptr && minutes && *minutes > module->minutes)
      problems.add(o.problem("minutes", std::to_string(*minutes), fmt::format("longer than the whole module {} ({})", module->code, format_hours(module->minutes))));
    const std::string mode = trim(in.mode).empty() ? (module != nullptr && module->elearning ? "elearning" : "onsite")
                                                   : field<std::string>(problems, o, "mode", in.mode, parse_mode).value_or("onsite");
    if (module != nullptr && day && slot) {
      if (auto existing = find_session(ledger, module->id, *day, *slot))
        problems.add(o.problem("date", *day, fmt::format("{} {} {} is already planned{}", module->code, *day, *slot,
                                                        existing->cancelled_by ? " (and cancelled)" : "")));
      else if (!seen.emplace(module->id, *day, *slot).second)
        problems.add(o.problem("date", *day, fmt::format("{} {} {} appears twice in this file", module->code, *day, *slot)));
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
      out << fmt::format("planned {} {} {}: sheet {}\n", opts.module, std::get<std::string>((*row)[2]), std::get<std::string>((*row)[3]),
                         sheet_id(st.convention.ref, opts.module, std::get<std::string>((*row)[2]), std::get<std::string>((*row)[3])));
    }
  } else {
    std::ifstream file(opts.file, std::ios::binary);
    if (!file) throw InputError::flag("--file", opts.file, "cannot be read");
    io::CsvReader csv(file, opts.file);
    csv.expect_columns({"convention", "module", "date", "slot", "minutes", "start", "end", "trainer", "place", "mode"},
                       {"module", "date", "slot"});
    const bool several = convention_refs(ledger).size() > 1;
    if (several && !csv.column("convention") && opts.convention.empty())
      throw InputError({opts.file + ":1", "header", "convention", "the ledger holds several conventions: add a convention column or --convention"});
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
    if (problems.empty()) out << fmt::format("planned {} half-day{} from {}\n", planned, planned == 1 ? "" : "s", opts.file);
  }
  problems.throw_if_any();
  txn.commit();
  return 0;
}

namespace {
void setup_session_plan(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SessionPlanOptions>();
  auto& group = command_group(app, "session", "Plan, list and cancel half-day sessions");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("plan", "Plan a half-day (or many with --file sessions.csv)");
  cmd->add_option("--module", opts->module, "Module code");
  cmd->add_option("--date", opts->date, "Date (YYYY-MM-DD)");
  cmd->add_option("--slot", opts->slot, "am or pm");
  cmd->add_option("--minutes", opts->minutes, "Length in minutes (default: end - start)");
  cmd->add_option("--start", opts->start, "Start time HH:MM");
  cmd->add_option("--end", opts->end, "End time HH:MM");
  cmd->add_option("--trainer", opts->trainer, "Trainer's name");
  cmd->add_option("--place", opts->place, "Place");
  cmd->add_option("--mode", opts->mode, "onsite or elearning (default: the module's)");
  auto* file = cmd->add_option("--file", opts->file, "CSV: module,date,slot,minutes,start,end,trainer,place,mode[,convention]");
  for (const char* one : {"--module", "--date", "--slot"}) {
    cmd->get_option(one)->excludes(file);
  }
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, cmd] {
    if (opts->file.empty())
      for (const char* required : {"--module", "--date", "--slot"})
        if (cmd->count(required) == 0) throw InputError::flag(required, "", "required (or give --file)");
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_session_plan(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool session_plan_registered = register_command(40, setup_session_plan);
}  // namespace

}  // namespace ledger
