// A convention as the user writes it (TOML, `ledger convention import`) and as the ledger holds it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/values.hpp"

namespace ledger {

class Ledger;
class Query;
class WriteTransaction;

struct Clauses {
  std::optional<std::int64_t> beneficiary_notice_days, of_notice_days;
  std::optional<BasisPoints> beneficiary_percent_bp, of_percent_bp, partial_percent_bp;
  std::optional<Cents> beneficiary_amount_cents, of_amount_cents, partial_amount_cents;
};

struct PartySpec {
  std::string name, siret;
  std::optional<std::string> address, representative, title, icom;
};

struct OrgSpec {
  std::string key;
  PartySpec party;
  std::optional<std::string> nda;
  BasisPoints vat_rate_bp = 2000;
  bool consolidates_grades = false;
  bool internal = false;
};

// A pedagogical activity of an e-learning module and its estimated time (D. 6313-3-1).
struct ActivitySpec {
  std::string code, label, kind;  // kind: content, quiz, assignment or virtual_class
  Minutes minutes = 0;
};

struct ModuleSpec {
  std::string code, label, org;
  Minutes minutes = 0;
  std::optional<Minutes> training_minutes, support_minutes, evaluation_minutes;
  std::optional<std::int64_t> days_x100;
  bool elearning = false;
  std::optional<std::string> place;
  Cents price_ht_cents = 0;
  std::vector<ActivitySpec> activities;  // `[[module.activity]]`, e-learning modules only
};

struct TraineeSpec {
  std::string code, last_name, first_name;
  std::optional<std::string> birth_date, function, contract_start, contract_end;
  std::optional<std::string> joins;  // a later entry into the convention; none: from the start
  std::optional<std::string> email;  // to match LMS exports
  Minutes weekly_minutes = 35 * 60;
};

struct FundingSpec {
  std::string ref, funder;
  std::optional<std::string> decided;
  Cents hourly_rate_cents = 0;
  std::optional<Minutes> cap_minutes;
  std::optional<Cents> cap_cents;
  std::vector<std::string> modules, trainees;  // empty: all
  std::string basis = "ht";
  bool subrogation = false;
};

struct ConventionSpec {
  std::string ref, title, option, nature, starts, ends;
  BasisPoints max_training_share_bp = 7000;
  std::optional<std::string> signed_place, signed_on;
  Clauses clauses;
  PartySpec beneficiary;
  std::vector<OrgSpec> orgs;
  std::vector<ModuleSpec> modules;
  std::vector<TraineeSpec> trainees;
  std::vector<FundingSpec> fundings;
  std::string source;
  // The line of each key read, by its path in the file (`convention.ends`, `module[2].hours`,
  // `module[2]` for the table itself), to point at it from a later check (`convention amend`).
  std::map<std::string, std::int64_t> lines;
};

// The scheme's proper French name (catalogue), for `convention show`, the tables and documents.
std::string scheme_name(const std::string& nature);
// Why a convention of this nature cannot start on `starts` (domain/schemes.cpp gives the laws),
// or nothing when it can; an unknown nature is refused too (without `starts`, only that).
std::optional<std::string> scheme_refusal(const std::string& nature, const std::string& starts);

inline constexpr const char* kDefaultTitle = "CQP Conseiller offres de service de la Sécurité sociale";

// Parses and validates a convention file; every problem is reported as `FILE:LINE: key: value: why`.
ConventionSpec read_convention_toml(const std::string& bytes, const std::string& file_name);

// Records it (the caller's transaction); refuses an existing ref. Returns the convention's id.
std::int64_t record_convention(Ledger& ledger, WriteTransaction& txn, const ConventionSpec& spec);

// Records the day trainee `trainee_id` joins (a fact of its own, schema/004_trainee_joins.sql).
void record_joins(WriteTransaction& txn, std::int64_t trainee_id, const std::string& joins);
// Records a trainee's e-mail address (schema/010_foad.sql).
void record_email(WriteTransaction& txn, std::int64_t trainee_id, const std::string& email);

// ---- What the ledger holds, loaded once per command ----

struct ModuleRow {
  std::int64_t id = 0;
  std::string code, label, org_key, org_name;
  std::int64_t org_id = 0;
  Minutes minutes = 0;
  bool elearning = false;
  Cents price_ht_cents = 0;
  std::string place;
};

struct TraineeRow {
  std::int64_t id = 0;
  std::string code, last_name, first_name, function;
  std::optional<std::string> left_on;  // departure date (trainee leave)
  std::optional<std::string> joins;    // joining date (trainee.joins, trainee add --joins); none: from the start
  std::optional<std::string> email;    // to match LMS exports

  // Half-days dated before joining are not the trainee's; from the departure on, they no longer attend.
  bool joined_by(const std::string& date) const { return !joins || date >= *joins; }
  bool enrolled_on(const std::string& date) const { return joined_by(date) && (!left_on || date < *left_on); }
};

struct OrgRow {
  std::int64_t id = 0;
  std::string key, name, nda;
  BasisPoints vat_rate_bp = 0;
};

struct ConventionRow {
  std::int64_t id = 0;
  std::string ref, title, option, nature, starts, ends;
  BasisPoints max_training_share_bp = 7000;
  Clauses clauses;
  // The version in force (1: as imported; avenant n° k makes k + 1) and, once amended, the date
  // its latest avenant was recorded. `ends`, the clauses and module hours and prices are its.
  std::int64_t version = 1;
  std::optional<std::string> amended_on;
};

// The renouncement of the whole convention (Art. 14), when one is recorded.
struct Renouncement {
  std::string by_party;                // "of" or "beneficiary"
  std::optional<std::string> org_key;  // the renouncing body, when by_party is "of"
  std::string notified, reason;
};

// The denunciation of the convention with a month's notice (Art. 15), when one is recorded.
struct Denunciation {
  std::string by_party;                // "of" or "beneficiary"
  std::optional<std::int64_t> org_id;  // the denouncing body, when by_party is "of"
  std::optional<std::string> org_key;
  std::string notified, ends_on, reason;  // ends_on: E
  // Whether a half-day of `module` dated `date` lies after E and counts as cancelled on
  // `notified` by the denouncing party (a training body's: its own modules only).
  bool covers(const ModuleRow& module, const std::string& date) const {
    return date > ends_on && (by_party == "beneficiary" || org_id == module.org_id);
  }
};

struct ConventionState {
  ConventionRow convention;
  std::optional<Renouncement> renounced;
  std::optional<Denunciation> denounced;
  std::vector<OrgRow> orgs;
  std::vector<ModuleRow> modules;    // by code
  std::vector<TraineeRow> trainees;  // by code

  const ModuleRow* module(std::string_view code) const;
  const TraineeRow* trainee(std::string_view code) const;
  const OrgRow* org(std::string_view key) const;
  const ModuleRow& module_or_flag(std::string_view code, const char* flag) const;
  const TraineeRow& trainee_or_flag(std::string_view code, const char* flag) const;
};

// The clauses of Art. 13 in a row of `convention_terms` or `convention_version` (schema 11).
Clauses clauses_of(const Query& q);

// The convention `ref` in its latest version (queries/convention_get.sql reads
// `convention_terms`, queries/convention_modules.sql `module_terms`: every command computes with
// the latest avenant's terms), or the only one when `ref` is empty; a clear error otherwise.
ConventionState load_convention(Ledger& ledger, const std::string& ref);
std::vector<std::string> convention_refs(Ledger& ledger);
// The chain ids of every entry of the convention (queries/convention_chain_ids.sql).
std::vector<std::int64_t> convention_chain_ids(Ledger& ledger, std::int64_t convention_id);

// The date of the first half-day not cancelled (when training starts), else the convention's start.
std::string first_session_date(Ledger& ledger, const ConventionRow& convention);

std::optional<Renouncement> find_renouncement(Ledger& ledger, std::int64_t convention_id);
std::optional<Denunciation> find_denunciation(Ledger& ledger, std::int64_t convention_id);
// Why no write is taken for this half-day (one after a denounced convention's end, Art. 15), or
// nothing.
std::optional<std::string> denounced_refusal(const ConventionState& st, const ModuleRow& module, const std::string& date);

// ---- Amendments (avenants, `convention amend`, schema/011_amendments.sql) ----

// "version 2 (avenant n° 1 du 20 novembre 2026)": how reports and documents say which version
// of an amended convention they computed with.
std::string version_note(std::int64_t version, const std::string& amended_on);
// The convention's reference as documents print it: "REF", or once amended "REF, version 2
// (avenant n° 1 du 20 novembre 2026)".
std::string convention_label(const ConventionRow& c);

// One difference between two versions, as the convention file writes it: `field` is
// `convention.ends`, `clauses.partial_percent`, `module[CODE].price_ht`, or `module[CODE]`,
// `trainee[ID]`, `funding[REF]` for an addition (old value empty, new value its label or name).
struct AmendmentChange {
  std::string field, old_value, new_value;
};

// The convention as its latest version stands, in the shape of a convention file: every module,
// trainee (joining dates included) and agreement recorded, those added by commands too.
ConventionSpec recorded_spec(Ledger& ledger, const ConventionState& st);

// What `file` changes in `recorded`: `ends`, clauses, module hours and prices, and the modules,
// trainees and agreements it adds. Any other difference, or a recorded item the file leaves out,
// is refused as `FILE:LINE: field: new value: why (recorded value)`, every one listed.
std::vector<AmendmentChange> amendment_changes(const ConventionSpec& recorded, const ConventionSpec& file, const std::string& file_name);

// Records `file` as the next version of the convention (the caller's transaction), after refusing
// what contradicts the ledger (a renounced or denounced convention, `ends` before a planned
// half-day, a module's hours below its planned half-days, an amendment that changes nothing).
// Returns the new version's number.
std::int64_t record_amendment(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const ConventionSpec& file,
                              const std::string& file_name, const std::string& reason);

// A funding agreement of the convention by its ref, with its decision date once decided.
struct FundingRow {
  std::int64_t id = 0;
  std::string funder;
  std::optional<std::string> decided_on;
};
std::optional<FundingRow> find_funding(Ledger& ledger, std::int64_t convention_id, const std::string& ref);

}  // namespace ledger
