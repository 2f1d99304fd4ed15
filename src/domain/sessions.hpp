// Half-day sessions: lookup, sheet ids, and where an input value came from (a flag or a CSV cell).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "domain/values.hpp"

namespace ledger {

// Names a value's origin so errors read `--date: …` for a flag and `FILE:LINE: date: …` for a cell.
struct Origin {
  std::string where;  // FILE:LINE, or empty for flags
  InputProblem problem(const std::string& field, const std::string& value, const std::string& why) const {
    return where.empty() ? InputProblem{"", "--" + field, value, why} : InputProblem{where, field, value, why};
  }
};

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t module_id = 0;
  std::string module_code;
  std::string date, slot;
  Minutes minutes = 0;
  std::optional<std::string> start_time, end_time, trainer, place;
  std::string mode;
  std::optional<std::string> cancelled_by;  // "of" or "beneficiary"
};

std::optional<SessionRow> find_session(Ledger& ledger, std::int64_t module_id, const std::string& date, const std::string& slot);

// The sheet id of a half-day: `REF-MODULE-YYYYMMDD-AM`.
std::string sheet_id(const std::string& convention_ref, const std::string& module_code, const std::string& date,
                     const std::string& slot);

// Parses a value with `parse`; on failure records the problem and returns nullopt.
template <typename T, typename Fn>
std::optional<T> field(ProblemList& problems, const Origin& origin, const std::string& name, const std::string& value, Fn parse) {
  try {
    return parse(value);
  } catch (const std::invalid_argument& e) {
    problems.add(origin.problem(name, value, e.what()));
    return std::nullopt;
  }
}

// A flag's value through `parse`; a refusal becomes `--flag: value: why` (exit 2).
template <typename Fn>
auto flag_value(const std::string& flag, const std::string& value, Fn parse) -> decltype(parse(value)) {
  try {
    return parse(value);
  } catch (const std::invalid_argument& e) {
    throw InputError::flag(flag, value, e.what());
  }
}

// Art. 13 (14-1, 14-2): a convention renounced as a whole is not performed, so nothing more of
// its training is recorded (half-days, entries, trainees, grades, training invoices); what settles
// it (indemnity and expenses invoices, payments, refunds, funder receipts) stays open. Throws
// `origin: convention: REF: why` naming the date and the party when `st` was renounced.
void refuse_if_renounced(const ConventionState& st, const Origin& origin = {});

inline std::string date_flag(const std::string& flag, const std::string& value) {
  return flag_value(flag, value, [](const std::string& v) { return format_date(parse_date(v)); });
}

}  // namespace ledger
