// `ledger attend void`: removes an entry recorded by mistake (a trainee marked on the wrong
// half-day). Append-only like a correction: a void names the entry, with a reason, and the pair
// then has no entry (to record again, or withdrawn once the trainee has left).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/spine.hpp"
#include "domain/attendance.hpp"

namespace ledger {

int run_attend_void(Ledger& ledger, const Clock& clock, std::ostream& out, const AttendVoidOptions& opts) {
  WriteTransaction txn(ledger, clock);
  AttendanceBook book(ledger, txn);
  const ConventionState& st = book.convention(opts.convention);
  const ModuleRow& module = st.module_or_flag(opts.module, "--module");
  const std::string day = date_flag("--date", opts.date);
  const std::string slot = flag_value("--slot", opts.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  const TraineeRow& trainee = st.trainee_or_flag(opts.trainee, "--trainee");
  const std::string reason = trim(opts.reason);
  if (reason.empty()) throw InputError::flag("--reason", opts.reason, tr("lifecycle.void_reason"));
  const SessionInfo* session = book.session(module.id, day, slot);
  if (session == nullptr)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  const auto last = book.latest(session->id, trainee.id);
  if (!last) throw InputError::flag("--trainee", trainee.code, tr("lifecycle.void_no_entry"));
  if (last->voided) throw InputError::flag("--trainee", trainee.code, tr("lifecycle.voided_pair"));
  const std::int64_t entry = *last->values.supersedes;
  book.append_void(entry, reason);
  txn.commit();
  out << tr("lifecycle.voided", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot)),
            fmt::arg("trainee", trainee.code), fmt::arg("entry", entry))
      << '\n';
  return 0;
}

namespace {
void setup_attend_void(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AttendVoidOptions>();
  auto& group = command_group(app, "attend", tr("help.cmd.attend"));
  auto* cmd = group.add_subcommand("void", tr("help.cmd.attend_void"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_of"))->required();
  cmd->add_option("--slot", opts->slot, tr("help.opt.slot"))->required();
  cmd->add_option("--trainee", opts->trainee, tr("help.opt.trainee.trainee_id"))->required();
  cmd->add_option("--reason", opts->reason, tr("help.opt.reason.why_voided"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_attend_void(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool attend_void_registered = register_command(63, setup_attend_void);
}  // namespace

}  // namespace ledger
