// `ledger attend correct`: a new entry superseding the latest one; fields not given keep their value.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/attendance.hpp"

namespace ledger {


int run_attend_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const AttendCorrectOptions& opts) {
  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  const ConventionState& st = book.convention(opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, "say why the entry is corrected");
  const SessionInfo* session = book.session(module.id, day, slot);
  if (session == nullptr) throw InputError::flag("--date", day, fmt::format("no half-day of {} is planned on {} {}", module.code, day, slot));

  auto q = ledger.query("attendance_latest");
  q.bind(1, session->id);
  q.bind(2, trainee.id);
  if (!q.next())
    throw InputError::flag("--trainee", trainee.code, "has no entry for this half-day yet: record it with `ledger attend`");
  EntryValues e;
  e.session_id = session->id;
  e.trainee_id = trainee.id;
  e.minutes = q.i64("minutes");
  e.absence = q.text("absence");
  e.trainee_signed = q.flag("trainee_signed");
  e.trainer_signed = q.flag("trainer_signed");
  e.proof = q.text("proof");
  e.sheet = q.text("sheet");
  e.supersedes = q.i64("id");
  q.reset();
  e.reason = trim(opts.reason);

  if (!opts.minutes.empty()) {
    e.minutes = flag_value("--minutes", opts.minutes, parse_minutes);
    if (e.minutes > session->minutes)
      throw InputError::flag("--minutes", opts.minutes, fmt::format("above the half-day's {} minutes", session->minutes));
  }
  if (!opts.absence.empty()) {
    e.absence = same_code(opts.absence, "none") ? "" : flag_value("--absence", opts.absence, parse_absence);
  }
  if (e.minutes == session->minutes) e.absence = "";
  if (!opts.trainee_signed.empty()) e.trainee_signed = flag_value("--signed", opts.trainee_signed, parse_bool);
  if (!opts.trainer_signed.empty()) e.trainer_signed = flag_value("--trainer-signed", opts.trainer_signed, parse_bool);
  if (opts.proof_given) e.proof = trim(opts.proof);
  book.append_correction(e);
  txn.commit();
  out << fmt::format("corrected {} {} {} {}: {} min, {}signed, trainer {}signed{}{} (supersedes entry {})\n", module.code, day, slot,
                     trainee.code, e.minutes, e.trainee_signed ? "" : "not ", e.trainer_signed ? "" : "not ",
                     e.absence.empty() ? "" : ", absence " + e.absence, e.proof.empty() ? "" : ", proof " + e.proof, *e.supersedes);
  return 0;
}

namespace {
void setup_attend_correct(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendCorrectOptions>();
  auto& group = command_group(app, "attend", "Record attendance: one half-day, or digitised sheets with --file");
  auto* cmd = group.add_subcommand("correct", "Correct one trainee's entry: a new entry supersedes it, with a reason");
  cmd->add_option("--module", opts->module, "Module code")->required();
  cmd->add_option("--date", opts->date, "Date of the half-day")->required();
  cmd->add_option("--slot", opts->slot, "am or pm")->required();
  cmd->add_option("--trainee", opts->trainee, "Trainee id")->required();
  cmd->add_option("--minutes", opts->minutes, "Attended minutes");
  cmd->add_option("--absence", opts->absence, "justified, unjustified or none");
  cmd->add_option("--signed", opts->trainee_signed, "Trainee signed: yes or no");
  cmd->add_option("--trainer-signed", opts->trainer_signed, "Trainer signed: yes or no");
  auto* proof = cmd->add_option("--proof", opts->proof, "Proof reference (scan file, LMS log)");
  cmd->add_option("--reason", opts->reason, "Why the entry is corrected")->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, proof] {
    opts->proof_given = proof->count() > 0;
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_attend_correct(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool attend_correct_registered = register_command(61, setup_attend_correct);
}  // namespace

}  // namespace ledger
