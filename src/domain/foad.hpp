// Distance learning (FOAD), article D. 6313-3-1 of the code du travail: an e-learning module's
// pedagogical activities with their estimated time, each trainee's completions as the LMS
// reports them (`lms import`), and the technical and pedagogical assistance given (`assist add`).
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention.hpp"
#include "domain/evidence.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct Activity {
  std::int64_t id = 0;
  std::string code, label, kind;
  Minutes minutes = 0;  // the estimated time to carry it out
};

// The activities the convention file declared for the module, in the file's order.
std::vector<Activity> module_activities(Ledger& ledger, std::int64_t module_id);

// The sum of the activities' estimated time, to set against the module's hours.
Minutes estimated_minutes(const std::vector<Activity>& activities);

// One line of an LMS export: trainee (by id or e-mail), activity, day completed, optional score.
struct Completion {
  const TraineeRow* trainee = nullptr;
  const Activity* activity = nullptr;
  std::string completed;                  // ISO date
  std::optional<std::int64_t> score_x100;  // as the LMS gives it, two decimals at most
  std::string where;                      // FILE:LINE
};

// Reads an LMS export of `module` (CSV: `trainee` or `email`, `activity`, `completed`, optional
// `score`). Every bad line is collected and thrown as one InputError (FILE:LINE: column: value:
// why): an unknown trainee, e-mail or activity, a trainee and an e-mail naming two people, an
// impossible date, one after `today`, before the trainee joins, from their departure on or after
// a denounced convention's end (Art. 15), a bad score. A line repeating an earlier one of the file
// (same trainee, activity and day) is dropped.
std::vector<Completion> read_lms_export(std::istream& in, const std::string& file, const ConventionState& st, const ModuleRow& module,
                                        const std::vector<Activity>& activities, const std::string& today);

struct LmsImported {
  std::int64_t recorded = 0;  // completions new to the ledger
  std::int64_t already = 0;   // completions the ledger already held
  std::int64_t trainees = 0;  // trainees with a new completion: each gets the file as evidence
  std::int64_t completed_proofs = 0;  // e-learning entries whose empty proof reference it filled
  std::optional<std::int64_t> first_evidence;
};

// Records, in the caller's transaction, the completions the ledger does not hold yet, and the
// export as evidence behind each of their trainees' module (attach_evidence, kind `lms`), which
// the completions point at.
LmsImported record_completions(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const ModuleRow& module,
                               const std::vector<Completion>& completions, const EvidenceFile& file);

struct AssistanceInput {
  const ModuleRow* module = nullptr;
  const TraineeRow* trainee = nullptr;  // none: every trainee of the module
  std::string date, kind, staff, note;  // kind: technical or pedagogical
  std::optional<Minutes> minutes;
};

std::int64_t record_assistance(WriteTransaction& txn, const AssistanceInput& a);

}  // namespace ledger
