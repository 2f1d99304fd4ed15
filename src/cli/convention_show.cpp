// `ledger convention show [REF]`: what was recorded, in the convention's own words.
#include <fmt/format.h>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "cli/paper.hpp"
#include "paper/text.hpp"
#include "cli/spine.hpp"
#include "domain/convention.hpp"
#include "report/table.hpp"

namespace ledger {


namespace {

std::string text(const std::optional<std::string>& c, const char* missing = "—") { return c ? *c : missing; }

std::string hours_or_dash(const std::optional<std::int64_t>& c) { return c ? format_hours(*c) : "—"; }


// Whole years between a birth date and today.
std::string age(const std::string& birth, date::year_month_day today) {
  const auto b = parse_date(birth);
  int years = int(today.year()) - int(b.year());
  if (today.month() < b.month() || (today.month() == b.month() && today.day() < b.day())) --years;
  return std::to_string(years);
}

std::string clause(const std::optional<std::int64_t>& bp, const std::optional<Cents>& cents) {
  if (bp) return format_percent(*bp);
  if (cents) return format_euros(*cents);
  return tr("show.not_given");
}

}  // namespace

int run_convention_show(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionShowOptions& opts) {
  const ConventionState state = load_convention(ledger, opts.ref);
  const auto& c = state.convention;
  // The version shown (`--version N`, else the latest): its terms, and the rows recorded before
  // the next avenant.
  const std::int64_t version = opts.version == 0 ? c.version : opts.version;
  if (version < 1 || version > c.version)
    throw InputError::flag("--version", std::to_string(opts.version), tr("amend.no_such_version", fmt::arg("ref", c.ref), fmt::arg("latest", c.version)));
  auto v = ledger.query("convention_version_get");
  v.bind(":convention", c.id);
  v.bind(":version", version);
  v.next();
  const Value before = v.is_null("next_id") ? Value() : Value(v.i64("next_id"));
  out << tr("show.header", fmt::arg("ref", c.ref), fmt::arg("title", c.title), fmt::arg("option", paper::option_label(c.option)),
            fmt::arg("nature", scheme_name(c.nature)), fmt::arg("starts", c.starts), fmt::arg("ends", v.text("ends")),
            fmt::arg("share", format_percent(c.max_training_share_bp)))
      << '\n';
  if (c.version > 1)
    out << (version == 1 ? tr("amend.show.original", fmt::arg("latest", c.version))
                         : tr("amend.show.version", fmt::arg("version", version), fmt::arg("number", version - 1),
                              fmt::arg("date", french_date(v.text("recorded_at").substr(0, 10))), fmt::arg("reason", v.text("reason")),
                              fmt::arg("latest", c.version)))
        << '\n';

  {
    auto q = ledger.query("convention_beneficiary");
    q.bind(1, c.id);
    if (q.next()) {
      out << '\n'
          << tr("show.beneficiary", fmt::arg("name", q.text("name")), fmt::arg("siret", q.text("siret")),
                fmt::arg("icom", text(q.opt_text("icom"))), fmt::arg("address", text(q.opt_text("address"))),
                fmt::arg("representative", text(q.opt_text("representative"))), fmt::arg("title", text(q.opt_text("title"))))
          << '\n';
    }
  }

  out << '\n' << tr("show.orgs_title") << '\n';
  {
    TextTable t({tr("show.col.key"), tr("show.col.name"), "SIRET", "NDA", tr("show.col.vat") + ">", tr("show.col.note")});
    auto q = ledger.query("convention_orgs");
    q.bind(1, c.id);
    while (q.next()) {
      std::string note;
      if (q.flag("internal")) note = tr("show.internal");
      if (q.flag("consolidates_grades")) note += (note.empty() ? "" : ", ") + tr("show.consolidates");
      t.add({q.text("key"), q.text("name"), q.text("siret"),
             text(q.opt_text("nda")), format_percent(q.i64("vat_rate_bp")), note});
    }
    t.print(out, "  ");
  }

  out << '\n' << tr("show.modules_title") << '\n';
  {
    TextTable t({tr("show.col.code"), tr("show.col.label"), tr("show.col.org"), tr("show.col.hours") + ">", tr("show.col.training") + ">",
                 tr("show.col.support") + ">", tr("show.col.evaluation") + ">", tr("show.col.days") + ">", tr("show.col.elearning"),
                 tr("show.col.place"), tr("show.col.price") + ">"});
    auto q = ledger.query("convention_modules_full");
    q.bind(":convention", c.id);
    q.bind(":version", version);
    while (q.next())
      t.add({q.text("code"), q.text("label"), q.text("org_key"),
             format_hours(q.i64("minutes")), hours_or_dash(q.opt_i64("training_minutes")),
             hours_or_dash(q.opt_i64("support_minutes")), hours_or_dash(q.opt_i64("evaluation_minutes")),
             q.is_null("days_x100") ? "—" : format_hundredths_fr(q.i64("days_x100")),
             q.flag("elearning") ? tr("common.yes") : tr("common.no"), text(q.opt_text("place")),
             format_euros(q.i64("price_ht_cents"))});
    t.print(out, "  ");
  }
  {
    // D. 6313-3-1: the e-learning modules' activities and their estimated time, when declared.
    TextTable t({tr("show.col.module"), tr("show.col.activity"), tr("show.col.label"), tr("show.col.kind"), tr("show.col.estimated") + ">"});
    auto q = ledger.query("convention_activities");
    q.bind(1, c.id);
    while (q.next()) {
      const std::string kind = q.text("kind");
      t.add({q.text("module"), q.text("code"), q.text("label"),
             kind == "content" ? tr("show.kind_content") : kind == "quiz" ? tr("show.kind_quiz")
             : kind == "assignment" ? tr("show.kind_assignment") : tr("show.kind_virtual_class"),
             format_hours(q.i64("minutes"))});
    }
    if (!t.empty()) {
      out << '\n' << tr("show.activities_title") << '\n';
      t.print(out, "  ");
    }
  }

  {
    TextTable t({tr("show.col.id"), tr("col.last_name"), tr("col.first_name"), tr("show.col.age") + ">", tr("show.col.function"),
                 tr("show.col.contract"), tr("show.col.weekly") + ">", tr("show.col.left")});
    auto q = ledger.query("convention_trainees");
    q.bind(":convention", c.id);
    q.bind(":before", before);
    std::size_t count = 0;
    while (q.next()) {
      ++count;
      const auto start = q.opt_text("contract_start"), end = q.opt_text("contract_end");
      std::string contract = !start && !end ? "—" : fmt::format("{} → {}", text(start, "?"), text(end, "?"));
      t.add({q.text("code"), q.text("last_name"), q.text("first_name"),
             q.is_null("birth_date") ? "—" : age(q.text("birth_date"), clock.today()),
             text(q.opt_text("function")), contract, format_hours(q.i64("weekly_minutes")),
             text(q.opt_text("left_on"), "")});
    }
    out << '\n' << tr("show.trainees_title", fmt::arg("count", count)) << '\n';
    t.print(out, "  ");
  }

  out << '\n' << tr("show.fundings_title") << '\n';
  {
    TextTable t({tr("show.col.funding"), tr("show.col.funder"), tr("show.col.decision"), tr("show.col.rate") + ">",
                 tr("show.col.cap_hours") + ">", tr("show.col.cap_amount") + ">", tr("show.col.basis"), tr("show.col.subrogation"),
                 tr("show.col.modules"), tr("show.col.trainees")});
    auto q = ledger.query("convention_fundings");
    q.bind(":convention", c.id);
    q.bind(":before", before);
    while (q.next())
      t.add({q.text("ref"), q.text("funder"), text(q.opt_text("decided_on"), tr("report.status_pending").c_str()),
             format_euros(q.i64("hourly_rate_cents")),
             q.is_null("cap_minutes") ? "—" : format_hours(q.i64("cap_minutes")),
             q.is_null("cap_cents") ? "—" : format_euros(q.i64("cap_cents")),
             q.text("basis") == "ht" ? "HT" : "TTC", q.flag("subrogation") ? tr("common.yes") : tr("common.no"),
             text(q.opt_text("modules"), tr("show.all").c_str()), text(q.opt_text("trainees"), tr("show.all").c_str())});
    if (t.empty()) out << "  " << tr("show.none") << '\n';
    else t.print(out, "  ");
  }

  const Clauses cl = clauses_of(v);
  out << '\n'
      << tr("show.clauses", fmt::arg("beneficiary_days", cl.beneficiary_notice_days ? std::to_string(*cl.beneficiary_notice_days) : "?"),
            fmt::arg("beneficiary", clause(cl.beneficiary_percent_bp, cl.beneficiary_amount_cents)),
            fmt::arg("of_days", cl.of_notice_days ? std::to_string(*cl.of_notice_days) : "?"),
            fmt::arg("of", clause(cl.of_percent_bp, cl.of_amount_cents)),
            fmt::arg("partial", clause(cl.partial_percent_bp, cl.partial_amount_cents)))
      << '\n';
  {
    if (const auto q = find_renouncement(ledger, c.id))
      out << '\n'
          << tr("show.cancelled",
                fmt::arg("by", q->by_party == "of" ? tr("show.cancelled_by_of", fmt::arg("org", text(q->org_key, "")))
                                                   : tr("show.cancelled_by_beneficiary")),
                fmt::arg("date", q->notified), fmt::arg("reason", q->reason))
          << '\n';
    if (state.denounced)
      out << '\n'
          << tr("law.show.denounced",
                fmt::arg("by", state.denounced->by_party == "of" ? tr("show.cancelled_by_of", fmt::arg("org", text(state.denounced->org_key, "")))
                                                                 : tr("show.cancelled_by_beneficiary")),
                fmt::arg("notified", state.denounced->notified), fmt::arg("ends", state.denounced->ends_on),
                fmt::arg("reason", state.denounced->reason))
          << '\n';
  }
  return 0;
}

namespace {
void setup_convention_show(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionShowOptions>();
  auto tables = std::make_shared<ConventionTablesOptions>();
  auto& group = command_group(app, "convention", tr("help.cmd.convention"));
  auto* cmd = group.add_subcommand("show", tr("help.cmd.convention_show"));
  cmd->add_option("REF", opts->ref, tr("help.opt.ref"));
  auto with_tables = std::make_shared<bool>(false);
  cmd->add_flag("--tables", *with_tables, tr("help.opt.tables"));
  cmd->add_option("--version", opts->version, tr("amend.help.version"));
  add_format_option(*cmd, tables->format, tables->output);
  cmd->add_option("--section", tables->section,
                  tr("help.opt.section.with_tables"));
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, tables, with_tables] {
    if (opts->ref.empty()) opts->ref = ctx.convention;
    auto ledger = open_ledger(ctx);
    if (*with_tables) {
      tables->ref = opts->ref;
      ctx.exit_code = run_convention_tables(*ledger, *ctx.out, *tables);
    } else {
      ctx.exit_code = run_convention_show(*ledger, ctx.clock(), *ctx.out, *opts);
    }
  });
}
const bool convention_show_registered = register_command(22, setup_convention_show);
}  // namespace

}  // namespace ledger
