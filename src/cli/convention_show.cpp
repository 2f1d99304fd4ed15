// `ledger convention show [REF]`: what was recorded, in the convention's own words.
#include <fmt/format.h>

#include "app/command.hpp"
#include "cli/paper.hpp"
#include "cli/spine.hpp"
#include "domain/convention.hpp"
#include "report/table.hpp"

namespace ledger {


namespace {

std::string text(const SQLite::Column& c, const char* missing = "—") { return c.isNull() ? missing : c.getString(); }

std::string hours_or_dash(const SQLite::Column& c) { return c.isNull() ? "—" : format_hours(c.getInt64()); }

std::string percent(std::int64_t bp) { return format_hundredths_fr(bp) + " %"; }

std::string option_label(const std::string& option) {
  return option == "famille" ? "Conseiller service à l'utilisateur (CSU) – branche Famille"
                             : "Conseiller offres de service de la branche Recouvrement";
}

std::string nature_label(const std::string& nature) {
  return nature == "contrat_pro" ? "Contrat de professionnalisation" : "Période de professionnalisation";
}

// Whole years between a birth date and today.
std::string age(const std::string& birth, date::year_month_day today) {
  const auto b = parse_date(birth);
  int years = int(today.year()) - int(b.year());
  if (today.month() < b.month() || (today.month() == b.month() && today.day() < b.day())) --years;
  return std::to_string(years);
}

std::string clause(const std::optional<std::int64_t>& bp, const std::optional<Cents>& cents) {
  if (bp) return percent(*bp);
  if (cents) return format_euros(*cents);
  return "non renseigné";
}

}  // namespace

int run_convention_show(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionShowOptions& opts) {
  const ConventionState state = load_convention(ledger, opts.ref);
  const auto& c = state.convention;
  out << fmt::format("Convention {}\n", c.ref);
  out << fmt::format("  Intitulé            {}\n", c.title);
  out << fmt::format("  Option              {}\n", option_label(c.option));
  out << fmt::format("  Nature              {}\n", nature_label(c.nature));
  out << fmt::format("  Validité (Art. 14)  du {} au {}\n", c.starts, c.ends);
  out << fmt::format("  Part maximale de formation (Art. 7)  {}\n", percent(c.max_training_share_bp));

  {
    auto& q = ledger.query("convention_beneficiary");
    q.bind(1, c.id);
    if (q.executeStep()) {
      out << "\nOrganisme bénéficiaire\n";
      out << fmt::format("  {}, SIRET {}, N° ICOM {}\n", q.getColumn("name").getString(), q.getColumn("siret").getString(),
                         text(q.getColumn("icom")));
      out << fmt::format("  {} ; représenté par {}, {}\n", text(q.getColumn("address")), text(q.getColumn("representative")),
                         text(q.getColumn("title")));
    }
  }

  out << "\nOrganismes de formation (Art. 6)\n";
  {
    TextTable t({"clé", "raison sociale", "SIRET", "NDA", "TVA>", "note"});
    auto& q = ledger.query("convention_orgs");
    q.bind(1, c.id);
    while (q.executeStep()) {
      std::string note;
      if (q.getColumn("internal").getInt() != 0) note = "service interne (Art. 3)";
      if (q.getColumn("consolidates_grades").getInt() != 0) note += std::string(note.empty() ? "" : ", ") + "consolide les notes (Art. 8)";
      t.add({q.getColumn("key").getString(), q.getColumn("name").getString(), q.getColumn("siret").getString(),
             text(q.getColumn("nda")), percent(q.getColumn("vat_rate_bp").getInt64()), note});
    }
    t.print(out, "  ");
  }

  out << "\nModules (Art. 7 et 9)\n";
  {
    TextTable t({"code", "intitulé", "organisme", "heures>", "formation>", "accompagnement>", "évaluation>", "jours>",
                 "e-learning", "lieu", "prix HT / stagiaire>"});
    auto& q = ledger.query("convention_modules_full");
    q.bind(1, c.id);
    while (q.executeStep())
      t.add({q.getColumn("code").getString(), q.getColumn("label").getString(), q.getColumn("org_key").getString(),
             format_hours(q.getColumn("minutes").getInt64()), hours_or_dash(q.getColumn("training_minutes")),
             hours_or_dash(q.getColumn("support_minutes")), hours_or_dash(q.getColumn("evaluation_minutes")),
             q.getColumn("days_x100").isNull() ? "—" : format_hundredths_fr(q.getColumn("days_x100").getInt64()),
             q.getColumn("elearning").getInt() != 0 ? "oui" : "non", text(q.getColumn("place")),
             format_euros(q.getColumn("price_ht_cents").getInt64())});
    t.print(out, "  ");
  }

  out << fmt::format("\nStagiaires (Art. 5) : {} au total\n", state.trainees.size());
  {
    TextTable t({"id", "nom", "prénom", "âge>", "fonction", "contrat", "hebdo>", "départ"});
    auto& q = ledger.query("convention_trainees");
    q.bind(1, c.id);
    while (q.executeStep()) {
      const auto start = q.getColumn("contract_start"), end = q.getColumn("contract_end");
      std::string contract = start.isNull() && end.isNull() ? "—" : fmt::format("{} → {}", text(start, "?"), text(end, "?"));
      t.add({q.getColumn("code").getString(), q.getColumn("last_name").getString(), q.getColumn("first_name").getString(),
             q.getColumn("birth_date").isNull() ? "—" : age(q.getColumn("birth_date").getString(), clock.today()),
             text(q.getColumn("function")), contract, format_hours(q.getColumn("weekly_minutes").getInt64()),
             text(q.getColumn("left_on"), "")});
    }
    t.print(out, "  ");
  }

  out << "\nAccords de prise en charge OPCA (Art. 11)\n";
  {
    TextTable t({"accord", "financeur", "décision", "taux horaire>", "plafond heures>", "plafond €>", "base", "subrogation",
                 "modules", "stagiaires"});
    auto& q = ledger.query("convention_fundings");
    q.bind(1, c.id);
    while (q.executeStep())
      t.add({q.getColumn("ref").getString(), q.getColumn("funder").getString(), text(q.getColumn("decided_on"), "en attente"),
             format_euros(q.getColumn("hourly_rate_cents").getInt64()),
             q.getColumn("cap_minutes").isNull() ? "—" : format_hours(q.getColumn("cap_minutes").getInt64()),
             q.getColumn("cap_cents").isNull() ? "—" : format_euros(q.getColumn("cap_cents").getInt64()),
             q.getColumn("basis").getString() == "ht" ? "HT" : "TTC", q.getColumn("subrogation").getInt() != 0 ? "oui" : "non",
             text(q.getColumn("modules"), "tous"), text(q.getColumn("trainees"), "tous")});
    if (t.empty()) out << "  aucun\n";
    else t.print(out, "  ");
  }

  const auto& cl = c.clauses;
  out << "\nDédit ou abandon (Art. 13)\n";
  out << fmt::format("  14-1 renoncement du bénéficiaire moins de {} jours avant le démarrage : {}\n",
                     cl.beneficiary_notice_days ? std::to_string(*cl.beneficiary_notice_days) : "?",
                     clause(cl.beneficiary_percent_bp, cl.beneficiary_amount_cents));
  out << fmt::format("  14-2 renoncement d'un organisme de formation moins de {} jours avant le démarrage : {}\n",
                     cl.of_notice_days ? std::to_string(*cl.of_notice_days) : "?", clause(cl.of_percent_bp, cl.of_amount_cents));
  out << fmt::format("  14-3 réalisation partielle (demi-journée annulée à moins du délai de prévenance) : {}\n",
                     clause(cl.partial_percent_bp, cl.partial_amount_cents));
  out << "  14-4 annulation par le bénéficiaire le premier jour : prestation intégrale\n";
  {
    auto& q = ledger.query("convention_cancel_get");
    q.bind(1, c.id);
    if (q.executeStep())
      out << fmt::format("\nRenoncement enregistré : par {} notifié le {} ({})\n",
                         q.getColumn("by_party").getString() == "of" ? "l'organisme de formation " + text(q.getColumn("org_key"), "")
                                                                    : std::string("l'organisme bénéficiaire"),
                         q.getColumn("notified").getString(), q.getColumn("reason").getString());
  }
  return 0;
}

namespace {
void setup_convention_show(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<ConventionShowOptions>();
  auto tables = std::make_shared<ConventionTablesOptions>();
  auto& group = command_group(app, "convention", "Record and read conventions");
  auto* cmd = group.add_subcommand("show", "Show what was recorded of a convention");
  cmd->add_option("REF", opts->ref, "Convention ref (default: --convention, or the only one)");
  auto with_tables = std::make_shared<bool>(false);
  cmd->add_flag("--tables", *with_tables, "Art. 7 (durations, 70 % rule) and Art. 9 (costs) filled in from the convention");
  add_format_option(*cmd, tables->format, tables->output);
  cmd->add_option("--section", tables->section,
                  "With --tables, one table: art7, art7-bodies, art7-trainees, art9, art9-bodies (csv: art7 by default)");
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, tables, with_tables] {
    if (opts->ref.empty()) opts->ref = ctx.convention;
    auto ledger = ctx.open();
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
