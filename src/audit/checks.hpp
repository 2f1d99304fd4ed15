// `ledger check`: the consistency rules an auditor would run (DESIGN.md section 7), as findings.
#pragma once

#include <string>
#include <vector>

#include "app/clock.hpp"
#include "domain/convention.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger::audit {

enum class Severity { error, warning };

struct Finding {
  Severity severity = Severity::warning;
  std::string rule;  // a stable name, e.g. "trainer_conflict"
  std::string convention, date, slot, module, trainee, trainer;
  std::string message;  // for people, in French like the documents
};

// Every rule over one convention, in rule order then date order. `clock` says which half-days
// are past (held half-days without entries).
std::vector<Finding> check_convention(Ledger& ledger, const Clock& clock, const ConventionState& st);

Dataset findings_dataset(const std::vector<Finding>& findings);

}  // namespace ledger::audit
