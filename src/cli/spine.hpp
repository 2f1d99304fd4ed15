// The spine's commands, callable in-process: each takes a ledger, a clock and an output stream.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "app/command.hpp"
#include "io/progress.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct InitOptions {};

struct ConventionImportOptions {
  std::string file;
};

struct ConventionShowOptions {
  std::string ref;
  std::int64_t version = 0;  // 0: the latest
};

struct ConventionAmendOptions {
  std::string file, reason;
};

struct ConventionCancelOptions {
  std::string convention, by, org, notified, reason;
};

struct ConventionDenounceOptions {
  std::string convention, by, org, notified, reason;
};

struct TraineeAddOptions {
  std::string convention, id, last_name, first_name, birth_date, function, contract_start, contract_end, weekly_hours;
  std::string joins;  // empty: from the start
  std::string email;  // to match LMS exports; empty: none
};

struct TraineeLeaveOptions {
  std::string convention, trainee, on, reason;
};

struct FundingDecideOptions {
  std::string convention, funding, decided;
};

struct SessionPlanOptions {
  std::string convention;
  std::string module, date, slot, minutes, start, end, trainer, place, mode;
  std::string file;
};

struct SessionListOptions {
  std::string convention, module, from, to;
  Format format = Format::table;
  Output output;
};

struct SessionCancelOptions {
  std::string convention, module, date, slot, by, notified, reason;
};

struct SessionMoveOptions {
  std::string convention, module, date, slot, to_date, to_slot, start, end, by, notified, reason;
};

struct AttendOptions {
  std::string convention, module, date, slot, sheet, proof;
  bool all_present = false;
  std::vector<std::string> present, absent, late, unsigned_ids;
  bool trainer_unsigned = false;
  std::string file;
  io::Progress::Style progress = io::Progress::Style::none;
  bool force_progress = false;
};

struct AttendCorrectOptions {
  std::string convention, module, date, slot, trainee, minutes, absence, trainee_signed, trainer_signed, proof, reason;
  bool proof_given = false;
  bool all = false;  // every trainee of the half-day, instead of --trainee
};

struct AttendVoidOptions {
  std::string convention, module, date, slot, trainee, reason;
};

struct AttendHistoryOptions {
  std::string convention, trainee, module, from, to;
  Format format = Format::table;
  Output output;
};

int run_init(Ledger& ledger, std::ostream& out, const InitOptions&);
int run_convention_template(std::ostream& out);
int run_convention_import(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionImportOptions& opts);
int run_convention_list(Ledger& ledger, std::ostream& out);
int run_convention_show(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionShowOptions& opts);
int run_convention_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionCancelOptions& opts);
int run_convention_amend(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionAmendOptions& opts);
int run_convention_denounce(Ledger& ledger, const Clock& clock, std::ostream& out, const ConventionDenounceOptions& opts);
int run_trainee_add(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeAddOptions& opts);
int run_trainee_leave(Ledger& ledger, const Clock& clock, std::ostream& out, const TraineeLeaveOptions& opts);
int run_funding_decide(Ledger& ledger, const Clock& clock, std::ostream& out, const FundingDecideOptions& opts);
int run_session_plan(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionPlanOptions& opts);
Dataset session_list(Ledger& ledger, const SessionListOptions& opts);
int run_session_list(Ledger& ledger, std::ostream& out, const SessionListOptions& opts);
int run_session_cancel(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionCancelOptions& opts);
int run_session_move(Ledger& ledger, const Clock& clock, std::ostream& out, const SessionMoveOptions& opts);
int run_attend(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts);
int run_attend_correct(Ledger& ledger, const Clock& clock, std::ostream& out, const AttendCorrectOptions& opts);
int run_attend_void(Ledger& ledger, const Clock& clock, std::ostream& out, const AttendVoidOptions& opts);
Dataset attendance_history(Ledger& ledger, const AttendHistoryOptions& opts);
int run_attend_history(Ledger& ledger, std::ostream& out, const AttendHistoryOptions& opts);

}  // namespace ledger
