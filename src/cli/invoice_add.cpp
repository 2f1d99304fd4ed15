// `ledger invoice add`: a training body's invoice, numbered per body, of one kind: training (for a
// module), indemnity (Art. 13, never imputable) or expenses (Art. 9 footnote 2).
#include <fmt/format.h>

#include "cli/context.hpp"
#include "cli/money.hpp"
#include "domain/convention.hpp"
#include "report/reimbursement_arith.hpp"

namespace ledger {

int run_invoice_add(Ledger& ledger, const Clock& clock, std::ostream& out, const InvoiceAddOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  const OrgRow* org = st.org(opts.org);
  if (org == nullptr) throw InputError::flag("--org", opts.org, "no such training body in " + st.convention.ref);
  const std::string number = trim(opts.number);
  if (number.empty()) throw InputError::flag("--number", opts.number, "required");
  const std::string day = date_flag("--date", opts.date);
  if (opts.kind != "training" && opts.kind != "indemnity" && opts.kind != "expenses")
    throw InputError::flag("--kind", opts.kind, "expected training, indemnity or expenses");

  std::vector<const ModuleRow*> delivered;
  for (const auto& m : st.modules)
    if (m.org_id == org->id) delivered.push_back(&m);
  const ModuleRow* module = nullptr;
  if (!opts.module.empty()) {
    module = &st.module_or_flag(opts.module, "--module");
    if (module->org_id != org->id)
      throw InputError::flag("--module", opts.module, fmt::format("delivered by {}, not {}", module->org_key, org->key));
  } else if (opts.kind == "training") {
    // Training money is accounted per module (refunds under Art. 12 are): say which one.
    if (delivered.size() != 1) {
      std::string codes;
      for (const auto* m : delivered) codes += (codes.empty() ? "" : ", ") + m->code;
      throw InputError::flag("--module", "", fmt::format("a training invoice names its module ({} delivers {})", org->key,
                                                         codes.empty() ? "none" : codes));
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
      throw InputError::flag("--number", number, fmt::format("{} already has an invoice with this number (dated {})", org->key,
                                                             existing.text("date")));
  existing.reset();

  WriteTransaction txn(ledger, clock);
  txn.append("invoice", {{"org_id", org->id}, {"number", number}, {"date", day}, {"kind", opts.kind},
                         {"module_id", module ? Value(module->id) : Value()}, {"amount_ht_cents", ht}, {"vat_rate_bp", vat},
                         {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
  out << fmt::format("invoice {} of {} ({}{}) dated {}: {} HT + VAT {} = {} TTC\n", number, org->key, opts.kind,
                     module ? ", " + module->code : "", day, format_euros(ht), format_hundredths_fr(vat) + " %",
                     format_euros(with_vat(ht, vat)));
  return 0;
}

namespace {
void setup_invoice_add(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InvoiceAddOptions>();
  auto& group = command_group(app, "invoice", "Training bodies' invoices");
  group.require_subcommand(1);
  auto* cmd = group.add_subcommand("add", "Record a training body's invoice");
  cmd->add_option("--org", opts->org, "The training body's key")->required();
  cmd->add_option("--number", opts->number, "Invoice number (unique per training body)")->required();
  cmd->add_option("--date", opts->date, "Invoice date")->required();
  cmd->add_option("--kind", opts->kind, "training, indemnity (Art. 13) or expenses (meals, nights, transport...)")->required();
  cmd->add_option("--module", opts->module, "Module invoiced (required for training unless the body delivers only one)");
  cmd->add_option("--amount-ht", opts->amount_ht, "Amount before VAT, in euros (1200, 1200.50, 1200,50)")->required();
  cmd->add_option("--vat-rate", opts->vat_rate, "VAT percent (default: the training body's rate; 0 when exempt)");
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
