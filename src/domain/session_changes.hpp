// Planning and cancelling half-days: the validations `session plan`, `session cancel` and
// `session move` share (a move is a cancellation and a new half-day, checked as each alone).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "domain/sessions.hpp"
#include "store/ledger.hpp"

namespace ledger {

// One planned half-day, as given (flags or a CSV line).
struct SessionInput {
  Origin origin;
  std::string module, date, slot, minutes, start, end, trainer, place, mode;
};

struct SessionPlanner {
  Ledger& ledger;
  std::map<std::string, ConventionState> states;
  std::set<std::tuple<std::int64_t, std::string, std::string>> seen;  // (module, date, slot) in this batch

  // The convention `ref` (loaded once); refused when it was renounced.
  const ConventionState& state(const std::string& ref);
  // Validates one input; returns the row's values in the order of kSessionColumns, or nullopt
  // with its problems recorded.
  std::optional<std::vector<Value>> check(const ConventionState& st, const SessionInput& in, ProblemList& problems,
                                          const WriteTransaction& txn);
};

// The columns of SessionPlanner::check's rows, for WriteTransaction::appender("session", …).
inline const std::vector<std::string_view> kSessionColumns = {"convention_id", "module_id", "date", "slot", "minutes", "start_time",
                                                              "end_time", "trainer", "place", "mode", "recorded_at", "recorded_by"};

// A cancellation checked against the ledger: the half-day is planned, not cancelled yet, and has
// no entry (it did not take place); `by` is of or beneficiary, the reason not empty. Refusals
// name the flags (`--date`, `--by`, `--notified`, `--reason`).
struct Cancellation {
  SessionRow session;
  std::string by, notified, reason;
};
Cancellation check_cancellation(Ledger& ledger, const ConventionState& st, const ModuleRow& module, const std::string& day, const std::string& slot,
                                const std::string& by, const std::string& notified, const std::string& reason);
void append_cancellation(WriteTransaction& txn, const Cancellation& c);

}  // namespace ledger
