// `ledger attend correct`: a new entry superseding the latest one, for one trainee or (--all) every
// trainee of the half-day whose entry the fields change; fields not given keep their value. A
// correction that changes nothing is refused: it would only add noise to the history.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/attendance.hpp"

namespace ledger {


namespace {

// The fields a correction sets, read from the flags once; those not given keep the entry's value.
EntryValues attend_correct_apply(const AttendCorrectOptions& opts, const SessionInfo& session, EntryValues e) {
  if (!opts.minutes.empty()) {
    e.minutes = flag_value("--minutes", opts.minutes, parse_minutes);
    if (e.minutes > session.minutes)
      throw InputError::flag("--minutes", opts.minutes, tr("attend.above_half_day", fmt::arg("minutes", session.minutes)));
  }
  if (!opts.absence.empty()) {
    const std::string absence = code_key(opts.absence);
    if (absence != "justified" && absence != "unjustified" && absence != "none")
      throw InputError::flag("--absence", opts.absence, tr("attend.correct_absence_values"));
    e.absence = absence == "none" ? "" : absence;
  }
  if (e.minutes == session.minutes) e.absence = "";
  if (!opts.trainee_signed.empty()) e.trainee_signed = flag_value("--signed", opts.trainee_signed, parse_bool);
  if (!opts.trainer_signed.empty()) e.trainer_signed = flag_value("--trainer-signed", opts.trainer_signed, parse_bool);
  if (opts.proof_given) e.proof = trim(opts.proof);
  e.reason = trim(opts.reason);
  return e;
}

bool attend_correct_changes(const EntryValues& before, const EntryValues& after) {
  return before.minutes != after.minutes || before.absence != after.absence || before.trainee_signed != after.trainee_signed ||
         before.trainer_signed != after.trainer_signed || before.proof != after.proof;
}

std::string attend_correct_details(const EntryValues& e) {
  std::string details = format_hours(e.minutes) + ", " + (e.trainee_signed ? tr("attend.signed") : tr("attend.not_signed")) + ", " +
                        (e.trainer_signed ? tr("attend.trainer_signed") : tr("attend.trainer_not_signed"));
  if (!e.absence.empty())
    details += ", " + (e.absence == "justified" ? tr("attend.absence_justified") : tr("attend.absence_unjustified"));
  if (!e.proof.empty()) details += ", " + tr("attend.with_proof", fmt::arg("proof", e.proof));
  return details;
}

}  // namespace

int run_attend_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const AttendCorrectOptions& opts) {
  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  const ConventionState& st = book.convention(opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  if (opts.all == !opts.trainee.empty())
    throw InputError::flag(opts.all ? "--all" : "--trainee", opts.trainee, tr("lifecycle.correct_trainee_or_all"));
  const TraineeRow* trainee = opts.all ? nullptr : &st.trainee_or_flag(opts.trainee, "--trainee");
  if (trim(opts.reason).empty()) throw InputError::flag("--reason", opts.reason, tr("attend.correct_reason"));
  const SessionInfo* session = book.session(module.id, day, slot);
  if (session == nullptr)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  if (session->ahead) throw InputError::flag("--date", day, ahead_of_time(day, txn.today()));
  if (auto why = denounced_refusal(st, module, day)) throw InputError::flag("--date", day, *why);

  if (trainee != nullptr) {
    const auto last = book.latest(session->id, trainee->id);
    if (!last) throw InputError::flag("--trainee", trainee->code, tr("attend.correct_no_entry"));
    if (last->voided) throw InputError::flag("--trainee", trainee->code, tr("lifecycle.voided_pair"));
    const EntryValues e = attend_correct_apply(opts, *session, last->values);
    if (!attend_correct_changes(last->values, e))
      throw InputError::flag("--trainee", trainee->code, tr("lifecycle.correct_no_change", fmt::arg("entry", *e.supersedes)));
    book.append_correction(e);
    txn.commit();
    out << tr("attend.corrected", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
              fmt::arg("trainee", trainee->code), fmt::arg("details", attend_correct_details(e)), fmt::arg("entry", *e.supersedes))
        << '\n';
    return 0;
  }
  // --all: one sheet at once (a trainer's missing signature), every trainee whose entry the
  // fields change; the others (already so, voided, or without an entry) are left as they are.
  std::string corrected;
  std::int64_t count = 0;
  for (const auto& t : st.trainees) {
    const auto last = book.latest(session->id, t.id);
    if (!last || last->voided) continue;
    const EntryValues e = attend_correct_apply(opts, *session, last->values);
    if (!attend_correct_changes(last->values, e)) continue;
    book.append_correction(e);
    corrected += (corrected.empty() ? "" : ", ") + t.code;
    ++count;
  }
  if (count == 0) throw InputError::flag("--all", "", tr("lifecycle.correct_all_no_change"));
  txn.commit();
  out << trn("lifecycle.corrected_all", count, fmt::arg("module", module.code), fmt::arg("date", french_date(day)),
             fmt::arg("slot", slot_label(slot)), fmt::arg("trainees", corrected))
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
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"));
  cmd->add_flag("--all", opts->all, tr("help.opt.all_trainees"));
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
