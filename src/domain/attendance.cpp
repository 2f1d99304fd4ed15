#include "domain/attendance.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace ledger {

namespace {
std::string session_key(std::int64_t module_id, const std::string& date, const std::string& slot) {
  return fmt::format("{}|{}|{}", module_id, date, slot);
}
}  // namespace

const ConventionState& AttendanceBook::convention(const std::string& ref) {
  auto it = states_.find(ref);
  if (it == states_.end()) it = states_.emplace(ref, load_convention(ledger_, ref)).first;
  return it->second;
}

const SessionInfo* AttendanceBook::session(const ConventionState& st, std::int64_t module_id, const std::string& date,
                                           const std::string& slot) {
  auto cache = sessions_.find(st.convention.id);
  if (cache == sessions_.end()) {
    cache = sessions_.emplace(st.convention.id, std::unordered_map<std::string, SessionInfo>{}).first;
    auto& q = ledger_.query("convention_sessions");
    q.bind(1, st.convention.id);
    while (q.executeStep())
      cache->second.emplace(session_key(q.getColumn("module_id").getInt64(), q.getColumn("date").getString(),
                                        q.getColumn("slot").getString()),
                            SessionInfo{q.getColumn("id").getInt64(), q.getColumn("minutes").getInt64(),
                                        q.getColumn("mode").getString() == "elearning", !q.getColumn("cancelled_by").isNull()});
  }
  const auto it = cache->second.find(session_key(module_id, date, slot));
  return it == cache->second.end() ? nullptr : &it->second;
}

std::vector<Value> AttendanceBook::row(const EntryValues& e) const {
  return {e.session_id, e.trainee_id, e.minutes, e.absence, flag(e.trainee_signed), flag(e.trainer_signed), e.proof, e.sheet,
          opt(e.supersedes), opt(e.reason), txn_.recorded_at(), txn_.recorded_by()};
}

bool AttendanceBook::append_first(const EntryValues& e, const Origin& origin, const std::string& trainee_code,
                                  ProblemList& problems) {
  try {
    txn_.append("attendance", row(e));
    return true;
  } catch (const SQLite::Exception& ex) {
    if (ex.getExtendedErrorCode() != SQLITE_CONSTRAINT_UNIQUE) throw;
    problems.add(origin.problem("trainee", trainee_code,
                                "already has an entry for this half-day; change it with `ledger attend correct`"));
    return false;
  }
}

void AttendanceBook::append_correction(const EntryValues& e) { txn_.append("attendance", row(e)); }

}  // namespace ledger
