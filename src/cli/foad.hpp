// Distance learning (FOAD, D. 6313-3-1) commands, callable in-process: `lms import` and `assist add`.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct LmsImportOptions {
  std::string convention, file, module;
};

struct AssistAddOptions {
  std::string convention, module, trainee, date, kind, staff, minutes, note;
};

int run_lms_import(Ledger& ledger, const Clock& clock, std::ostream& out, const LmsImportOptions& opts);
int run_assist_add(Ledger& ledger, const Clock& clock, std::ostream& out, const AssistAddOptions& opts);

}  // namespace ledger
