// `ledger invoice add`: a training body's invoice, numbered per body, of one kind: training (for a
// module), indemnity (Art. 13, never imputable) or expenses (Art. 9 footnote 2).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"
#include "domain/sessions.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_invoice_add(Ledger& ledger, const Clock& clock, std::ostream& out, const InvoiceAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const OrgRow* org = st.org(opts.org);
  if (org == nullptr) throw InputError::flag("--org", opts.org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
  const std::string number = trim(opts.number);
  if (number.empty()) throw InputError::flag("--number", opts.number, tr("common.required"));
  const std::string day = date_flag("--date", opts.date);
  if (opts.kind != "training" && opts.kind != "indemnity" && opts.kind != "expenses")
    throw InputError::flag("--kind", opts.kind, tr("invoice.kind_values"));
  // Indemnity and expenses invoices settle a renounced convention; training is no longer bought.
  if (opts.kind == "training") refuse_if_renounced(st);

  std::vector<const ModuleRow*> delivered;
  for (const auto& m : st.modules)
    if (m.org_id == org->id) delivered.push_back(&m);
  const ModuleRow* module = nullptr;
  if (!opts.module.empty()) {
    module = &st.module_or_flag(opts.module, "--module");
    if (module->org_id != org->id)
      throw InputError::flag("--module", opts.module, tr("invoice.other_org", fmt::arg("org", module->org_key), fmt::arg("given", org->key)));
  } else if (opts.kind == "training") {
    // Training money is accounted per module (refunds under Art. 12 are): say which one.
    if (delivered.size() != 1) {
      std::string codes;
      for (const auto* m : delivered) codes += (codes.empty() ? "" : ", ") + m->code;
      throw InputError::flag("--module", "", codes.empty() ? tr("invoice.module_required_none", fmt::arg("org", org->key))
                                                           : tr("invoice.module_required", fmt::arg("org", org->key), fmt::arg("modules", codes)));
    }
    module = delivered.front();
  }
  const Cents ht = flag_value("--amount-ht", opts.amount_ht, parse_money);
  const BasisPoints vat = opts.vat_rate.empty() ? org->vat_rate_bp : flag_value("--vat-rate", opts.vat_rate, parse_percent);

  auto existing = ledger.query("money_invoice_find");
  existing.bind(":convention", st.convention.id);
  existing.bind(":number", number);
  while (existing.next())
    if (existing.text("org_key") == org->key)
      throw InputError::flag("--number", number, tr("invoice.number_taken", fmt::arg("org", org->key),
                                                    fmt::arg("date", french_date(existing.text("date")))));
  existing.reset();

  WriteTransaction txn(ledger, clock);
  txn.append("invoice", {{"org_id", org->id}, {"number", number}, {"date", day}, {"kind", opts.kind},
                         {"module_id", module ? Value(module->id) : Value()}, {"amount_ht_cents", ht}, {"vat_rate_bp", vat},
                         {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  const std::string kind = opts.kind == "training" ? tr("invoice.kind_training")
                           : opts.kind == "indemnity" ? tr("invoice.kind_indemnity")
                                                      : tr("invoice.kind_expenses");
  out << tr("invoice.recorded", fmt::arg("number", number), fmt::arg("org", org->key), fmt::arg("kind", kind + (module ? ", " + module->code : "")),
            fmt::arg("date", french_date(day)), fmt::arg("ht", format_euros(ht)), fmt::arg("vat", format_hundredths_fr(vat)),
            fmt::arg("ttc", format_euros(with_vat(ht, vat))))
      << '\n';

  return 0;
}

namespace {
void setup_invoice_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InvoiceAddOptions>();
  auto& group = command_group(app, "invoice", tr("help.cmd.invoice"));
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", tr("help.cmd.invoice_add"));
  cmd->add_option("--org", opts->org, tr("help.opt.org.the_training_body_s_key"))->required();
  cmd->add_option("--number", opts->number, tr("help.opt.number"))->required();
  cmd->add_option("--date", opts->date, tr("help.opt.date.invoice_date"))->required();
  cmd->add_option("--kind", opts->kind, tr("help.opt.kind"))->required();
  cmd->add_option("--module", opts->module, tr("help.opt.module.module_invoiced"));
  cmd->add_option("--amount-ht", opts->amount_ht, tr("help.opt.amount_ht"))->required();
  cmd->add_option("--vat-rate", opts->vat_rate, tr("help.opt.vat_rate"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = run_invoice_add(*ledger, ctx.clock(), *ctx.out, *opts);
  });
}
const bool invoice_add_registered = register_command(70, setup_invoice_add);
}  // namespace

}  // namespace ledger
