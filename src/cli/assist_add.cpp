// `ledger assist add`: technical or pedagogical assistance given to the trainees of an e-learning
// module (D. 6313-3-1: who assists them, when, and how long).
#include <fmt/format.h>

#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"
#include "cli/foad.hpp"
#include "domain/foad.hpp"
#include "domain/sessions.hpp"

namespace ledger {

namespace {
// A required text flag, trimmed and not empty (main.cpp refuses control characters in every argument).
std::string text_flag(const std::string& flag, const std::string& value) {
  const std::string text = trim(value);
  if (text.empty()) throw InputError::flag(flag, value, tr("toml.empty"));
  return text;
}
}  // namespace

int run_assist_add(Ledger& ledger, const Clock& clock, std::ostream& out, const AssistAddOptions& opts) {
  WriteTransaction txn(ledger, clock);
  const ConventionState st = load_convention(ledger, opts.convention);
  refuse_if_renounced(st);
  AssistanceInput a;
  a.module = &st.module_or_flag(opts.module, "--module");
  if (!a.module->elearning) throw InputError::flag("--module", a.module->code, tr("foad.module_onsite"));
  a.date = date_flag("--date", opts.date);
  if (a.date > txn.today())
    throw InputError::flag("--date", a.date, tr("lms.after_today", fmt::arg("today", french_date(txn.today()))));
  if (auto why = denounced_refusal(st, *a.module, a.date)) throw InputError::flag("--date", a.date, *why);
  if (!opts.trainee.empty()) {
    a.trainee = &st.trainee_or_flag(opts.trainee, "--trainee");
    if (!a.trainee->enrolled_on(a.date)) throw InputError::flag("--date", a.date, tr("assist.not_enrolled", fmt::arg("trainee", a.trainee->code)));
  }
  a.kind = code_key(opts.kind);
  if (a.kind != "technical" && a.kind != "pedagogical") throw InputError::flag("--kind", opts.kind, tr("assist.kind_values"));
  a.staff = text_flag("--staff", opts.staff);
  a.note = text_flag("--note", opts.note);
  if (!opts.minutes.empty()) {
    a.minutes = flag_value("--minutes", opts.minutes, [](const std::string& v) { return parse_minutes(v); });
    if (*a.minutes == 0) throw InputError::flag("--minutes", opts.minutes, tr("assist.minutes_positive"));
  }
  const std::int64_t id = record_assistance(txn, a);
  txn.commit();
  out << tr("assist.recorded", fmt::arg("kind", a.kind == "technical" ? tr("assist.technical") : tr("assist.pedagogical")),
            fmt::arg("module", a.module->code), fmt::arg("who", a.trainee ? a.trainee->code : tr("assist.everyone")),
            fmt::arg("date", french_date(a.date)), fmt::arg("staff", a.staff),
            fmt::arg("duration", a.minutes ? " (" + format_hours(*a.minutes) + ")" : std::string()), fmt::arg("entry", id))
      << '\n';
  return 0;
}

namespace {
void setup_assist_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<AssistAddOptions>();
  auto& group = command_group(app, "assist", tr("assist.help.group"));
  auto* cmd = group.add_subcommand("add", tr("assist.help.add"));
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_code"))->required();
  cmd->add_option("--trainee", opts->trainee, tr("assist.help.trainee"));
  cmd->add_option("--date", opts->date, tr("help.opt.date.date_yyyy"))->required();
  cmd->add_option("--kind", opts->kind, tr("assist.help.kind"))->required();
  cmd->add_option("--staff", opts->staff, tr("assist.help.staff"))->required();
  cmd->add_option("--minutes", opts->minutes, tr("assist.help.minutes"));
  cmd->add_option("--note", opts->note, tr("assist.help.note"))->required();
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_assist_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool assist_add_registered = register_command(88, setup_assist_add);
}  // namespace

}  // namespace ledger
