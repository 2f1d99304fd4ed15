// The feuille d'émargement of a half-day (Art. 9-2): what is printed, loaded from the ledger, and
// its HTML (templates reports/sheet*.html), one A4 page per half-day.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger::paper {

struct SheetTrainee {
  std::string code, last_name, first_name, function;
};

struct Sheet {
  std::string id;  // sheet_id(): what `ledger attend --sheet` takes
  std::string convention_ref, convention_title, option;
  std::string org_name, org_nda;
  bool org_internal = false;
  std::string module_code, module_label;
  std::string date, slot, mode;
  Minutes minutes = 0;
  std::optional<std::string> start_time, end_time, trainer, place;
  std::vector<SheetTrainee> trainees;
};

// The sheet of one half-day; an unknown or cancelled half-day is refused (InputError on --date).
Sheet load_sheet(Ledger& ledger, const ConventionState& st, const ModuleRow& module, const std::string& date,
                 const std::string& slot);
// Every half-day not cancelled of the week (Monday to Sunday) containing `day`, in date, slot,
// module order; a week without any is refused (InputError on --week).
std::vector<Sheet> load_week(Ledger& ledger, const ConventionState& st, const std::string& day);

// One HTML document, one page per sheet.
std::string render_sheets(const std::vector<Sheet>& sheets);

}  // namespace ledger::paper
