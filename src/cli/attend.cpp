// `ledger attend`: record one half-day for every enrolled trainee, or digitised sheets from a file.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/proof.hpp"
#include "cli/spine.hpp"
#include "domain/attendance.hpp"
#include "domain/evidence.hpp"
#include "io/csv.hpp"
#include "io/files.hpp"
#include "io/progress.hpp"

namespace ledger {


namespace {

// Why trainee t takes no entry for a half-day on `date`: not joined yet, or left.
std::string attend_not_enrolled(const TraineeRow& t, const std::string& date) {
  return t.joined_by(date) ? tr("attend.left_on", fmt::arg("date", french_date(*t.left_on)))
                           : tr("timeline.before_joins", fmt::arg("date", french_date(*t.joins)));
}

struct Mark {
  Minutes missed = 0;
  std::string absence;
  bool present = false;
  bool trainee_signed = true;
};

std::vector<std::string> split_ids(const std::vector<std::string>& lists) {
  std::vector<std::string> ids;
  for (const auto& list : lists) {
    std::size_t start = 0;
    while (start <= list.size()) {
      const auto comma = std::min(list.find(',', start), list.size());
      if (auto id = trim(list.substr(start, comma - start)); !id.empty()) ids.push_back(std::move(id));
      start = comma + 1;
    }
  }
  return ids;
}

// The value parsed from the last cell given, reparsed only when the cell changes. A refused cell
// is not remembered, so every line that has it is reported.
template <typename T>
class Remembered {
 public:
  template <typename Fn>
  const T* get(ProblemList& problems, const Origin& origin, const char* name, const std::string& cell, Fn parse) {
    if (!value_ || cell != text_) {
      value_ = field<T>(problems, origin, name, cell, parse);
      text_ = cell;
    }
    return value_ ? &*value_ : nullptr;
  }

 private:
  std::string text_;
  std::optional<T> value_;
};

// `out` = `text` without surrounding blanks (as trim()), keeping out's buffer.
void assign_trimmed(std::string& out, std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    out.clear();
    return;
  }
  out.assign(text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1));
}

// `ID[=justified]` and `ID=N[=justified]`: the id, then the rest split on '='.
std::vector<std::string> split_eq(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (true) {
    const auto eq = text.find('=', start);
    parts.push_back(trim(text.substr(start, eq == std::string::npos ? std::string::npos : eq - start)));
    if (eq == std::string::npos) break;
    start = eq + 1;
  }
  return parts;
}

int record_half_day(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts,
                    const std::string& scan) {
  // The sheet's scan, hashed and recognised before the write starts.
  const auto sheet_scan = scan.empty() ? std::nullopt : std::optional(examine_evidence_file(scan, "", "--scan"));
  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  const ConventionState& st = book.convention(opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const SessionInfo* session = book.session(module.id, day, slot);
  if (session == nullptr)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  if (session->cancelled) throw InputError::flag("--date", day, tr("attend.cancelled"));
  if (session->ahead) throw InputError::flag("--date", day, ahead_of_time(day, txn.today()));
  if (auto why = denounced_refusal(st, module, day)) throw InputError::flag("--date", day, *why);

  std::map<std::string, Mark> marks;
  auto enrolled = [&](const std::string& flag, const std::string& id) -> const TraineeRow& {
    const TraineeRow& t = st.trainee_or_flag(id, flag.c_str());
    if (!t.enrolled_on(day)) throw InputError::flag(flag, id, attend_not_enrolled(t, day));
    return t;
  };
  if (opts.all_present) {
    if (!opts.present.empty()) throw InputError::flag("--present", opts.present.front(), tr("attend.not_with_all_present"));
    for (const auto& t : st.trainees)
      if (t.enrolled_on(day)) marks[t.code].present = true;
  }
  // Lists may come as given on the command line or already split: `T01,T02` or {"T01", "T02"}.
  const auto present_ids = split_ids(opts.present), unsigned_ids = split_ids(opts.unsigned_ids);
  // --absent overrides --all-present, but a trainee named by --present and --absent was given two
  // statuses (--late only says how long a present trainee missed).
  std::set<std::string> named_present;
  for (const auto& id : present_ids) {
    const std::string& code = enrolled("--present", id).code;
    marks[code].present = true;
    named_present.insert(code);
  }
  std::set<std::string> overridden;
  auto override_once = [&](const std::string& flag, const std::string& id) {
    if (!overridden.insert(id).second) throw InputError::flag(flag, id, tr("attend.status_twice"));
  };
  for (const auto& spec : opts.absent) {
    const auto parts = split_eq(spec);
    const TraineeRow& t = enrolled("--absent", parts[0]);
    if (named_present.contains(t.code)) throw InputError::flag("--absent", parts[0], tr("attend.present_and_absent"));
    override_once("--absent", t.code);
    if (parts.size() > 2 || (parts.size() == 2 && parts[1] != "justified"))
      throw InputError::flag("--absent", spec, tr("attend.absent_syntax"));
    marks[t.code] = Mark{session->minutes, parts.size() == 2 ? "justified" : "unjustified", true, false};
  }
  for (const auto& spec : opts.late) {
    const auto parts = split_eq(spec);
    if (parts.size() < 2 || parts.size() > 3 || (parts.size() == 3 && parts[2] != "justified"))
      throw InputError::flag("--late", spec, tr("attend.late_syntax"));
    const TraineeRow& t = enrolled("--late", parts[0]);
    override_once("--late", t.code);
    const Minutes missed = flag_value("--late", spec, [&](const std::string&) { return parse_minutes(parts[1]); });
    if (missed <= 0 || missed > session->minutes)
      throw InputError::flag("--late", spec, tr("attend.late_range", fmt::arg("minutes", session->minutes)));
    Mark& m = marks[t.code];
    m.present = true;
    m.missed = missed;
    m.absence = parts.size() == 3 ? "justified" : "unjustified";
  }
  for (const auto& id : unsigned_ids) {
    const TraineeRow& t = enrolled("--unsigned", id);
    Mark& m = marks[t.code];
    if (m.missed == session->minutes) throw InputError::flag("--unsigned", t.code, tr("attend.unsigned_absent"));
    m.present = true;
    m.trainee_signed = false;
  }
  if (marks.empty()) throw InputError::flag("--date", day, tr("attend.nobody_enrolled"));
  std::string missing;
  for (const auto& t : st.trainees)
    if (t.enrolled_on(day) && !marks.contains(t.code)) missing += (missing.empty() ? "" : ", ") + t.code;
  if (!missing.empty())
    throw InputError::flag("--present", missing, tr("attend.no_status"));

  const std::string sheet = opts.sheet.empty() ? sheet_id(st.convention.ref, module.code, day, slot) : trim(opts.sheet);
  ProblemList problems;
  int present = 0, absent = 0;
  for (const auto& [code, mark] : marks) {
    EntryValues e;
    e.session_id = session->id;
    e.trainee_id = st.trainee(code)->id;
    e.minutes = session->minutes - mark.missed;
    e.absence = mark.missed > 0 ? mark.absence : "";
    e.trainee_signed = e.minutes > 0 && mark.trainee_signed;
    e.trainer_signed = !opts.trainer_unsigned;
    e.proof = trim(opts.proof);
    if (e.proof.empty() && session->elearning && sheet_scan) e.proof = evidence_reference(sheet_scan->sha256, sheet_scan->type);
    e.sheet = sheet;
    book.append_first(e, Origin{}, code, problems);
    (e.minutes > 0 ? present : absent)++;
  }
  problems.throw_if_any();
  std::optional<Attached> attached;
  if (sheet_scan)
    attached = attach_evidence(ledger, txn, book, st, EvidenceTarget{&module, session->id, std::nullopt}, *sheet_scan,
                               default_evidence_kind(sheet_scan->type, true), std::nullopt, "", "--scan");
  txn.commit();
  out << tr("attend.recorded", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
            fmt::arg("sheet", sheet), fmt::arg("present", trn("attend.present", present)),
            fmt::arg("absent", trn("attend.absent", absent)))
      << '\n';
  if (attached)
    out << tr("attend.scan_attached", fmt::arg("id", attached->id), fmt::arg("name", sheet_scan->name), fmt::arg("sha256", sheet_scan->sha256)) << '\n';
  if (session->elearning && trim(opts.proof).empty() && !sheet_scan) err << tr("attend.elearning_note") << '\n';
  return 0;
}

int record_file(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts) {
  std::ifstream file = io::open_input_file("--file", opts.file);
  std::error_code size_error;
  const auto size = std::filesystem::file_size(opts.file, size_error);
  io::CsvReader csv(file, opts.file);
  csv.expect_columns({"convention", "module", "date", "slot", "trainee", "minutes", "absence", "trainee_signed",
                      "trainer_signed", "proof", "sheet", "scan"},
                     {"module", "date", "slot", "trainee", "minutes", "trainee_signed", "trainer_signed"});
  const bool several = convention_refs(ledger).size() > 1;
  if (several && !csv.column("convention") && opts.convention.empty())
    throw InputError({opts.file + ":1", "header", "convention", tr("attend.several_conventions")});
  const auto col_convention = csv.column("convention"), col_absence = csv.column("absence"), col_proof = csv.column("proof"),
             col_sheet = csv.column("sheet"), col_scan = csv.column("scan");
  const std::size_t col_module = *csv.column("module"), col_date = *csv.column("date"), col_slot = *csv.column("slot"),
                    col_trainee = *csv.column("trainee"), col_minutes = *csv.column("minutes"),
                    col_signed = *csv.column("trainee_signed"), col_trainer = *csv.column("trainer_signed");

  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  ProblemList problems;
  io::Progress progress(err, opts.progress, "attend " + opts.file, size_error ? 0 : size);
  std::vector<std::string> f;
  std::uint64_t lines = 0, recorded = 0;
  // The lines of one sheet repeat its convention, module, date and slot: what was parsed and
  // looked up for the previous line is reused while they stay the same, so a million lines cost
  // no repeated date parsing, session lookup or sheet id. Every line is still checked in full.
  Origin o{opts.file + ":"};
  const std::size_t origin_prefix = o.where.size();
  std::string ref, last_ref;
  const ConventionState* st = nullptr;
  Remembered<std::string> day_of, slot_of;
  const SessionInfo* cached_session = nullptr;
  const ModuleRow* session_module = nullptr;
  std::string session_day, session_slot, default_sheet;
  EntryValues e;
  // Each `scan` cell: a sheet's file, relative to the CSV, examined once and attached once per
  // half-day after every line is recorded.
  struct ScanUse {
    std::string where;
    const ConventionState* st;
    const ModuleRow* module;
    std::int64_t session_id;
    const EvidenceFile* file;
  };
  std::map<std::string, EvidenceFile> scans;
  std::map<std::pair<std::string, std::int64_t>, ScanUse> scan_uses;
  while (csv.next(f)) {
    ++lines;
    if ((lines & 0x3FF) == 0) progress.update(csv.bytes_read(), lines);
    o.where.resize(origin_prefix);
    fmt::format_to(std::back_inserter(o.where), "{}", csv.line());
    const std::size_t before = problems.count();
    ref = col_convention ? f[*col_convention] : std::string();
    if (ref.empty()) ref = opts.convention;
    if (st == nullptr || ref != last_ref) {
      st = nullptr;
      try {
        st = &book.convention(ref);
      } catch (const InputError& ex) {
        problems.add(o.problem("convention", ref, ex.problems().front().why));
        continue;
      }
      last_ref = ref;
      session_module = nullptr;
    }
    const ModuleRow* module = st->module(f[col_module]);
    if (module == nullptr) problems.add(o.problem("module", f[col_module], tr("convention.no_such_module", fmt::arg("ref", st->convention.ref))));
    const auto* day = day_of.get(problems, o, "date", f[col_date], [](const std::string& v) { return format_date(parse_date(v)); });
    const auto* slot = slot_of.get(problems, o, "slot", f[col_slot], [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
    const TraineeRow* trainee = st->trainee(trim(f[col_trainee]));
    if (trainee == nullptr) problems.add(o.problem("trainee", f[col_trainee], tr("convention.no_such_trainee", fmt::arg("ref", st->convention.ref))));
    const auto minutes = field<Minutes>(problems, o, "minutes", f[col_minutes], parse_minutes);
    const auto trainee_signed = field<bool>(problems, o, "trainee_signed", f[col_signed], parse_bool);
    const auto trainer_signed = field<bool>(problems, o, "trainer_signed", f[col_trainer], parse_bool);
    const std::string absence = col_absence ? field<std::string>(problems, o, "absence", f[*col_absence], parse_absence).value_or("") : "";
    const SessionInfo* session = nullptr;
    if (module != nullptr && day && slot) {
      if (module != session_module || *day != session_day || *slot != session_slot) {
        cached_session = book.session(module->id, *day, *slot);
        session_module = module;
        session_day = *day;
        session_slot = *slot;
        default_sheet = sheet_id(st->convention.ref, module->code, *day, *slot);
      }
      session = cached_session;
      if (session == nullptr)
        problems.add(o.problem("date", *day, tr("attend.not_planned", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)), fmt::arg("slot", slot_label(*slot)))));
      else if (session->cancelled) problems.add(o.problem("date", *day, tr("attend.cancelled")));
      else if (session->ahead) problems.add(o.problem("date", *day, ahead_of_time(*day, txn.today())));
      else if (auto why = denounced_refusal(*st, *module, *day)) problems.add(o.problem("date", *day, *why));
    }
    if (session != nullptr && minutes && *minutes > session->minutes)
      problems.add(o.problem("minutes", f[col_minutes], tr("attend.above_half_day", fmt::arg("minutes", session->minutes))));
    if (trainee != nullptr && day && !trainee->enrolled_on(*day))
      problems.add(o.problem("trainee", trainee->code, attend_not_enrolled(*trainee, *day)));
    if (problems.count() != before) continue;
    e.session_id = session->id;
    e.trainee_id = trainee->id;
    e.minutes = *minutes;
    e.absence = *minutes < session->minutes ? absence : "";
    e.trainee_signed = *trainee_signed;
    e.trainer_signed = *trainer_signed;
    assign_trimmed(e.proof, col_proof ? std::string_view(f[*col_proof]) : std::string_view());
    assign_trimmed(e.sheet, col_sheet ? std::string_view(f[*col_sheet]) : std::string_view());
    if (e.sheet.empty()) e.sheet = default_sheet;
    if (col_scan && !trim(f[*col_scan]).empty()) {
      const std::string path = (std::filesystem::path(opts.file).parent_path() / trim(f[*col_scan])).string();
      auto it = scans.find(path);
      if (it == scans.end()) {
        try {
          it = scans.emplace(path, examine_evidence_file(path, o.where, "scan")).first;
        } catch (const InputError& ex) {
          for (const auto& p : ex.problems()) problems.add(p);
          continue;
        }
      }
      if (e.proof.empty() && session->elearning) e.proof = evidence_reference(it->second.sha256, it->second.type);
      scan_uses.emplace(std::pair(path, session->id), ScanUse{o.where, st, session_module, session->id, &it->second});
    }
    if (book.append_first(e, o, trainee->code, problems)) ++recorded;
  }
  progress.finish(lines);
  problems.throw_if_any();
  for (const auto& [key, use] : scan_uses)
    attach_evidence(ledger, txn, book, *use.st, EvidenceTarget{use.module, use.session_id, std::nullopt}, *use.file,
                    default_evidence_kind(use.file->type, true), std::nullopt, use.where, "scan");
  txn.commit();
  out << trn("attend.recorded_file", static_cast<std::int64_t>(recorded), fmt::arg("file", opts.file)) << '\n';
  if (!scan_uses.empty()) out << trn("attend.scans_attached", std::ssize(scan_uses)) << '\n';
  return 0;
}

}  // namespace

int run_attend(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts) {
  return run_attend_with_scan(ledger, clock, out, err, opts, "");
}

int run_attend_with_scan(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts,
                         const std::string& scan) {
  return opts.file.empty() ? record_half_day(ledger, clock, out, err, opts, scan) : record_file(ledger, clock, out, err, opts);
}

namespace {
void setup_attend(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendOptions>();
  auto scan = std::make_shared<std::string>();
  auto& cmd = command_group(app, "attend", tr("help.cmd.attend"));
  cmd.require_subcommand(0, 1);
  cmd.add_option("--module", opts->module, tr("help.opt.module.module_code"));
  cmd.add_option("--date", opts->date, tr("help.opt.date.date_of"));
  cmd.add_option("--slot", opts->slot, tr("help.opt.slot"));
  cmd.add_option("--sheet", opts->sheet, tr("help.opt.sheet"));
  cmd.add_flag("--all-present", opts->all_present, tr("help.opt.all_present"));
  cmd.add_option("--present", opts->present, tr("help.opt.present"))->delimiter(',');
  cmd.add_option("--absent", opts->absent, tr("help.opt.absent"));
  cmd.add_option("--late", opts->late, tr("help.opt.late"));
  cmd.add_option("--unsigned", opts->unsigned_ids, tr("help.opt.unsigned"))->delimiter(',');
  cmd.add_flag("--trainer-unsigned", opts->trainer_unsigned, tr("help.opt.trainer_unsigned"));
  cmd.add_option("--proof", opts->proof, tr("help.opt.proof.proof_reference_for"));
  cmd.add_option("--scan", *scan, tr("help.opt.attend_scan"));
  cmd.add_option("--file", opts->file,
                 tr("help.opt.file.csv_module_date_slot_trainee"));
  cmd.add_flag("--progress", opts->force_progress, tr("help.opt.progress"));
  add_convention_option(cmd, ctx);
  cmd.callback([&ctx, opts, scan, &cmd] {
    if (!cmd.get_subcommands().empty()) return;  // `attend correct` / `attend history`
    if (opts->file.empty()) {
      for (const char* required : {"--module", "--date", "--slot"})
        if (cmd.count(required) == 0) throw InputError::flag(required, "", tr("attend.required_or_file"));
      if (!opts->all_present && opts->present.empty())
        throw InputError::flag("--all-present", "", tr("attend.start_from"));
    } else {
      for (const char* single : {"--module", "--date", "--slot", "--all-present", "--present", "--absent", "--late", "--unsigned", "--scan"})
        if (cmd.count(single) > 0) throw InputError::flag(single, "", tr("attend.not_with_file"));

    }
    opts->progress = ctx.progress ? io::Progress::Style::bar
                                  : (opts->force_progress ? io::Progress::Style::lines : io::Progress::Style::none);
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_attend_with_scan(*ledger, ctx.clock(), *ctx.out, *ctx.err, *opts, *scan);
  });
}
const bool attend_registered = register_command(60, setup_attend);
}  // namespace

}  // namespace ledger
