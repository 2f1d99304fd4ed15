// `ledger sign`: a half-day's sheet signed on a tablet or phone, served as web pages (src/sign/)
// on the half-day's date until the trainer closes it; closing records the entries as `attend`.
#include <fmt/format.h>

#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/spine.hpp"
#include "domain/attendance.hpp"
#include "domain/signatures.hpp"
#include "sign/server.hpp"

namespace ledger {

struct SignOptions {
  std::string convention, module, date, slot, listen = "127.0.0.1:0";
};

namespace {

// The ledger behind the pages: each signature its own transaction at the time it is given (it
// stays if the sheet is never closed), closing one transaction through `attend`.
class LedgerDesk : public sign::Desk {
 public:
  LedgerDesk(Ledger& ledger, std::ostream& out, std::ostream& err, const SignOptions& opts, const ConventionState& st,
             const ModuleRow& module, std::int64_t session_id, std::string sheet)
      : ledger_(ledger), out_(out), err_(err), opts_(opts), st_(st), module_(module), session_id_(session_id), sheet_(std::move(sheet)) {}

  sign::Shown sign(const std::string& trainee, const std::string& path, int width, int height, const std::string& pointer) override {
    const Strokes strokes = parse_strokes(path, width, height);
    Signer signer{&st_, &module_, session_id_, sheet_, std::nullopt, trainee};
    if (!trainee.empty()) signer.trainee_id = st_.trainee(trainee)->id;
    // The server's time when the signature arrives (LEDGER_NOW in tests).
    const GivenSignature g = record_signature(ledger_, Clock::from_environment(), signer, strokes, pointer);
    return {g.evidence_id, g.signed_at, g.svg};
  }

  void reject(std::int64_t evidence_id) override {
    reject_signature(ledger_, Clock::from_environment(), evidence_id, tr("sign.rejected_reason"));
  }

  void close(const sign::Sheet& sheet) override {
    AttendOptions a;
    a.convention = st_.convention.ref;
    a.module = module_.code;
    a.date = opts_.date;
    a.slot = opts_.slot;
    a.sheet = sheet_;
    a.all_present = true;
    a.trainer_unsigned = !sheet.trainer;
    for (const auto& p : sheet.trainees) {
      const auto mark = sheet.marks.find(p.code);
      const bool is_signed = sheet.signatures.contains(p.code);
      if (mark != sheet.marks.end() && mark->second.status == sign::Mark::Status::absent) {
        a.absent.push_back(p.code + (mark->second.justified ? "=justified" : ""));
        continue;
      }
      if (mark != sheet.marks.end())
        a.late.push_back(fmt::format("{}={}{}", p.code, mark->second.missed, mark->second.justified ? "=justified" : ""));
      // Present without a signature: recorded unsigned, as `attend --unsigned`, so that the
      // report lists it to fix (a paper signature found later is a correction).
      if (!is_signed) a.unsigned_ids.push_back(p.code);
    }
    run_attend(ledger_, Clock::from_environment(), out_, err_, a);
  }

 private:
  Ledger& ledger_;
  std::ostream& out_;
  std::ostream& err_;
  const SignOptions& opts_;
  const ConventionState& st_;
  const ModuleRow& module_;
  std::int64_t session_id_;
  std::string sheet_;
};

}  // namespace

int run_sign(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, SignOptions opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  opts.date = date_flag("--date", opts.date);
  opts.slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const sign::Listen listen = sign::parse_listen(opts.listen);
  const auto session = find_session(ledger, module.id, opts.date, opts.slot);
  if (!session)
    throw InputError::flag("--date", opts.date, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(opts.date)),
                                                   fmt::arg("slot", slot_label(opts.slot))));
  if (session->cancelled_by) throw InputError::flag("--date", opts.date, tr("attend.cancelled"));
  // Signed in the room, on the day: not before, not after (Europe/Paris date of the clock).
  if (opts.date != clock.paris_date()) throw InputError::flag("--date", opts.date, tr("sign.not_today", fmt::arg("today", french_date(clock.paris_date()))));
  if (session->mode == "elearning") throw InputError::flag("--date", opts.date, tr("sign.elearning"));
  if (auto why = denounced_refusal(st, module, opts.date)) throw InputError::flag("--date", opts.date, *why);
  {
    auto count = ledger.query("session_entry_count");
    count.bind(1, session->id);
    if (count.next() && count.i64(0) > 0) throw InputError::flag("--date", opts.date, tr("sign.already_recorded"));
  }

  sign::Sheet sheet;
  sheet.id = sheet_id(st.convention.ref, module.code, opts.date, opts.slot);
  sheet.title = fmt::format("{} — {} {}", module.label, french_date(opts.date), slot_label(opts.slot));
  sheet.minutes = session->minutes;
  for (const auto& t : st.trainees)
    if (t.enrolled_on(opts.date)) sheet.trainees.push_back({t.code, t.last_name + " " + t.first_name});
  if (sheet.trainees.empty()) throw InputError::flag("--date", opts.date, tr("attend.nobody_enrolled"));
  // Signatures given before an interrupted `sign` of this half-day still stand.
  for (auto& g : standing_signatures(ledger, session->id)) {
    sign::Shown shown{g.evidence_id, g.signed_at, std::move(g.svg)};
    if (g.trainee) sheet.signatures[*g.trainee] = std::move(shown);
    else sheet.trainer = std::move(shown);
  }

  LedgerDesk desk(ledger, out, err, opts, st, module, session->id, sheet.id);
  if (sign::serve(listen, std::move(sheet), desk, out) == sign::Ending::closed) return 0;
  err << tr("sign.interrupted") << '\n';
  return 130;
}

namespace {
void setup_sign(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<SignOptions>();
  auto* cmd = app.add_subcommand("sign", tr("help.cmd.sign"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"))->required();
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"))->required();
  cmd->add_option("--listen", opts->listen, tr("help.opt.sign_listen"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_sign(*ledger, ctx.clock(), *ctx.out, *ctx.err, *opts);
  });
}
const bool sign_registered = register_command(64, setup_sign);
}  // namespace

}  // namespace ledger
