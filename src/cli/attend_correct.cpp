// `ledger attend correct`: a new entry superseding the latest one; fields not given keep their value.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
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
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("attend.correct_reason"));
  const SessionInfo* session = book.session(module.id, day, slot);
  if (session == nullptr)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  if (auto why = denounced_refusal(st, module, day)) throw InputError::flag("--date", day, *why);

  auto q = ledger.query("attendance_latest");
  q.bind(1, session->id);
  q.bind(2, trainee.id);
  if (!q.next())
    throw InputError::flag("--trainee", trainee.code, tr("attend.correct_no_entry"));
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
      throw InputError::flag("--minutes", opts.minutes, tr("attend.above_half_day", fmt::arg("minutes", session->minutes)));
  }
  if (!opts.absence.empty()) {
    const std::string absence = code_key(opts.absence);
    if (absence != "justified" && absence != "unjustified" && absence != "none")
      throw InputError::flag("--absence", opts.absence, tr("attend.correct_absence_values"));
    e.absence = absence == "none" ? "" : absence;
  }
  if (e.minutes == session->minutes) e.absence = "";
  if (!opts.trainee_signed.empty()) e.trainee_signed = flag_value("--signed", opts.trainee_signed, parse_bool);
  if (!opts.trainer_signed.empty()) e.trainer_signed = flag_value("--trainer-signed", opts.trainer_signed, parse_bool);
  if (opts.proof_given) e.proof = trim(opts.proof);
  book.append_correction(e);
  txn.commit();
  std::string details = format_hours(e.minutes) + ", " + (e.trainee_signed ? tr("attend.signed") : tr("attend.not_signed")) + ", " +
                        (e.trainer_signed ? tr("attend.trainer_signed") : tr("attend.trainer_not_signed"));
  if (!e.absence.empty())
    details += ", " + (e.absence == "justified" ? tr("attend.absence_justified") : tr("attend.absence_unjustified"));

  if (!e.proof.empty()) details += ", " + tr("attend.with_proof", fmt::arg("proof", e.proof));
  out << tr("attend.corrected", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
            fmt::arg("trainee", trainee.code), fmt::arg("details", details), fmt::arg("entry", *e.supersedes))
      << '\n';

  return 0;
}

namespace {
void setup_attend_correct(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendCorrectOptions>();
  auto& group = command_group(app, "attend", tr("help.cmd.attend"));
  auto* cmd = group.add_subcommand("correct", tr("help.cmd.attend_correct"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"))->required();
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"))->required();
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  cmd->add_option("--minutes", opts->minutes, tr("help.opt.minutes.attended_minutes"));
  cmd->add_option("--absence", opts->absence, tr("help.opt.absence"));
  cmd->add_option("--signed", opts->trainee_signed, tr("help.opt.signed"));
  cmd->add_option("--trainer-signed", opts->trainer_signed, tr("help.opt.trainer_signed"));
  auto* proof = cmd->add_option("--proof", opts->proof, tr("help.opt.proof.proof_reference_scan"));
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why_the_entry"))->required();
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
