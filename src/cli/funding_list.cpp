// `ledger funding list`: the funding agreements with what the OPCA paid under each, or with
// `--receipts` each receipt.
#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/records.hpp"

namespace ledger {

namespace {
Dataset funding_list_receipts(Ledger& ledger, const ConventionState& st) {
  auto q = ledger.query("funding_receipts");
  q.bind(":convention", st.convention.id);
  Dataset d;
  d.columns = {{"entry_id", tr("col.entry_id"), ColumnKind::integer},
               {"date", tr("col.date"), ColumnKind::date},
               {"funding", tr("col.records.funding")},
               {"funder", tr("col.records.funder")},
               {"amount_cents", tr("col.records.received"), ColumnKind::cents},
               {"recorded_at", tr("col.recorded_at")},
               {"recorded_by", tr("col.recorded_by")}};
  while (q.next())
    d.add({q.i64("id"), q.text("date"), q.text("funding"), q.text("funder"), q.i64("amount_cents"), q.text("recorded_at"),
           q.text("recorded_by")});
  return d;
}
}  // namespace

Dataset funding_list(Ledger& ledger, const RecordListOptions& opts) {
  const ConventionState st = load_convention(ledger, opts.convention);
  if (opts.receipts) return funding_list_receipts(ledger, st);
  auto q = ledger.query("funding_list");
  q.bind(":convention", st.convention.id);
  Dataset d;
  d.columns = {{"funding", tr("col.records.funding")},
               {"funder", tr("col.records.funder")},
               {"status", tr("col.status"), ColumnKind::text, {{"decided", tr("records.funding_decided")}, {"pending", tr("records.funding_pending")}}},
               {"decided", tr("col.records.decided"), ColumnKind::date},
               {"hourly_rate_cents", tr("col.records.hourly_rate"), ColumnKind::cents},
               {"cap_min", tr("col.records.cap_hours"), ColumnKind::minutes},
               {"cap_cents", tr("col.records.cap_amount"), ColumnKind::cents},
               {"basis", tr("col.records.basis"), ColumnKind::text, {{"ht", tr("records.basis_ht")}, {"ttc", tr("records.basis_ttc")}}},
               {"subrogation", tr("col.records.subrogation"), ColumnKind::boolean},
               {"modules", tr("col.records.modules")},
               {"trainees", tr("col.records.trainees")},
               {"receipts", tr("col.records.receipts"), ColumnKind::integer},
               {"received_cents", tr("col.records.received"), ColumnKind::cents}};
  auto number = [&](const char* col) { return q.is_null(col) ? Datum() : Datum(q.i64(col)); };
  while (q.next())
    d.add({q.text("ref"), q.text("funder"), std::string(q.is_null("decided") ? "pending" : "decided"), text_or_null(q, "decided"),
           q.i64("hourly_rate_cents"), number("cap_minutes"), number("cap_cents"), q.text("basis"), q.flag("subrogation"),
           text_or_null(q, "modules"), text_or_null(q, "trainees"), q.i64("receipts"), q.i64("received_cents")});
  return d;
}

namespace {
void setup_funding_list(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RecordListOptions>();
  auto& group = command_group(app, "funding", tr("help.cmd.funding"));
  auto* cmd = group.add_subcommand("list", tr("help.cmd.funding_list"));
  cmd->add_flag("--receipts", opts->receipts, tr("help.opt.receipts"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = print_record_list(funding_list(*ledger, *opts),
                                      opts->receipts ? tr("records.no_receipt") : tr("records.no_funding"), *ctx.out, *opts);
  });
}
const bool funding_list_registered = register_command(52, setup_funding_list);
}  // namespace

}  // namespace ledger
