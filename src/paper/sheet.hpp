// The feuille d'émargement of a half-day (Art. 9-2): what is printed, loaded from the ledger, and
// its HTML (templates reports/sheet*.html): one or more A4 pages per half-day, each tied to it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger::paper {

struct SheetTrainee {
  std::string code, last_name, first_name, function;
  // E-learning half-days (D. 6313-3-1): the trainee's trace, the proof reference of the entry
  // that stands and the activities completed that day (codes), empty when none is recorded.
  std::string proof, activities;
};

// A signature given in a browser (`ledger sign`): its image and when it was given.
struct SheetSignature {
  std::string svg, signed_at;  // signed_at: UTC, ISO 8601
};

struct Sheet {
  std::string id;  // sheet_id(): what `ledger attend --sheet` takes
  std::string convention_ref, convention_title, option, scheme;  // scheme: its proper French name
  std::string convention_label;  // the ref, with the version in force once amended
  std::string beneficiary_name;
  std::string org_name, org_siret, org_nda;
  bool org_internal = false;
  std::string module_code, module_label;
  std::string date, slot, mode;
  Minutes minutes = 0;
  std::optional<std::string> start_time, end_time, trainer, place;
  std::vector<SheetTrainee> trainees;
  std::map<std::string, SheetSignature> signatures;  // by trainee code
  std::optional<SheetSignature> trainer_signature;
};

// The sheet of one half-day; an unknown or cancelled half-day is refused (InputError on --date).
Sheet load_sheet(Ledger& ledger, const ConventionState& st, const ModuleRow& module, const std::string& date,
                 const std::string& slot);
// Every half-day not cancelled of the week (Monday to Sunday) containing `day`, in date, slot,
// module order; a week without any is refused (InputError on --week).
std::vector<Sheet> load_week(Ledger& ledger, const ConventionState& st, const std::string& day);

// Trainee rows of one printed page of a sheet: rows [first, first + count) of Sheet::trainees.
struct SheetPage {
  std::size_t first = 0, count = 0;
  bool operator==(const SheetPage&) const = default;
};

// Rows per A4 page that keep every signature box 12.5 mm tall under the full header, with 15 to
// 20 mm to spare for header lines that wrap (long names and places; measured in Chromium,
// tests/render/sheet.sh): fewer on the last page, which carries the trainer's box.
inline constexpr std::size_t kRowsPerPage = 12;
inline constexpr std::size_t kRowsBesideTrainer = 10;

// The pages of a sheet of `trainees` rows: as few as fit, rows shared evenly, the last page never
// without trainee rows (the trainer certifies the rows beside the box, Art. 9-2); 0 rows: one page.
std::vector<SheetPage> paginate(std::size_t trainees);

// One HTML document; each sheet's pages are explicit, each one numbered "page k / n" of its sheet.
std::string render_sheets(const std::vector<Sheet>& sheets);

}  // namespace ledger::paper
