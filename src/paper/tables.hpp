// The convention's Art. 7 (organisation: durations) and Art. 9 (costs) tables, computed from the
// recorded convention and laid out as the seed lays them out. Integer minutes, cents, hundredths
// of days, basis points.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/command.hpp"
#include "domain/values.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger::paper {

struct Art7Module {
  std::string code, label, org_key, org_name;
  std::optional<std::int64_t> days_x100;
  Minutes minutes = 0;
  std::optional<Minutes> training, support, evaluation;
  bool elearning = false;
};

// Sums of what is known: a module without a split adds nothing to the "of which" columns.
struct Art7Totals {
  std::int64_t days_x100 = 0;
  Minutes minutes = 0, training = 0, support = 0, evaluation = 0;
};

struct Art7Body {
  std::string key, name;
  std::int64_t days_x100 = 0;
  Minutes minutes = 0;
};

enum class ShareStatus { within, above, unknown, not_applicable };

struct TraineeShare {
  std::string code, last_name, first_name;
  std::optional<std::string> contract_start, contract_end, left_on;
  Minutes weekly_minutes = 0;
  std::optional<std::int64_t> contract_days;   // both ends included
  std::optional<Minutes> working_minutes;      // weekly × days / 7, rounded half up
  std::optional<BasisPoints> share_bp;         // parcours / working time, rounded half up
  ShareStatus status = ShareStatus::unknown;   // decided on the exact ratio, not the rounded one
};

struct Art7 {
  std::vector<Art7Module> modules;
  Art7Totals totals;
  std::vector<Art7Body> bodies;  // external training bodies (Art. 6 a, b)
  Minutes internal_minutes = 0;  // the beneficiary's own service (Art. 3)
  std::int64_t internal_days_x100 = 0;
  Minutes parcours_minutes = 0;
  BasisPoints max_share_bp = 7000;
  bool contrat_pro = true;
  std::vector<TraineeShare> trainees;
};

struct Art9Module {
  std::string code, label, org_key, org_name;
  std::optional<std::string> place, first_date, last_date;
  Cents price_ht = 0, price_ttc = 0;
  BasisPoints vat_bp = 0;
};

struct Art9Body {
  std::string key, name;
  bool internal = false;
  Cents unit_ht = 0;  // Σ price per trainee of its modules
  std::int64_t trainees = 0;
  Cents total_ht = 0, total_ttc = 0;  // TTC on the body's total HT, as it invoices
  BasisPoints vat_bp = 0;
};

struct Art9 {
  std::vector<Art9Module> modules;
  Cents parcours_ht = 0, parcours_ttc = 0;  // per trainee
  std::vector<Art9Body> bodies;
  Cents grand_total_ttc = 0;
};

struct ConventionTables {
  std::string ref, title, option, nature;
  std::string label;         // the ref, with the version in force once amended
  std::int64_t version = 1;  // the convention's version whose hours and prices the tables give
  std::int64_t trainees = 0;
  Art7 art7;
  Art9 art9;
};

// TTC = HT + round_half_up(HT × VAT / 10000).
Cents ttc(Cents ht, BasisPoints vat_bp);
// Working time of a contract: weekly minutes × contract days / 7 (rounded half up).
Minutes working_minutes(Minutes weekly, std::int64_t contract_days);
// Training share of a contract in basis points: parcours / (weekly × days / 7), rounded half up.
BasisPoints training_share_bp(Minutes parcours, Minutes weekly, std::int64_t contract_days);
// Whether a parcours exceeds `max_bp` of the contract's working time, on the exact ratio.
bool share_above(Minutes parcours, Minutes weekly, std::int64_t contract_days, BasisPoints max_bp);
// Whether a parcours is below `min_bp` of the contract's working time, on the exact ratio.
bool share_below(Minutes parcours, Minutes weekly, std::int64_t contract_days, BasisPoints min_bp);

ConventionTables compute_tables(Ledger& ledger, const std::string& ref);

// Machine sections (CSV, JSON): art7, art7-bodies, art7-trainees, art9, art9-bodies.
const std::vector<std::string>& table_sections();
void require_known_section(const std::string& section);  // InputError on --section
Dataset table_section(const ConventionTables& t, const std::string& section);

// For people: the seed's layout; `section` empty prints both articles, else the article it belongs to.
void render_tables_text(const ConventionTables& t, const std::string& section, std::ostream& out);
void render_tables_json(const ConventionTables& t, std::ostream& out);

}  // namespace ledger::paper
