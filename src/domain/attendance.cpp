#include "domain/attendance.hpp"
#include "app/text.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

namespace ledger {

namespace {
void session_key(std::string& out, std::int64_t module_id, const std::string& date, const std::string& slot) {
  out.clear();
  fmt::format_to(std::back_inserter(out), "{}|{}|{}", module_id, date, slot);
}
}  // namespace

const ConventionState& AttendanceBook::convention(const std::string& ref) {
  auto it = states_.find(ref);
  if (it == states_.end()) it = states_.emplace(ref, load_convention(ledger_, ref)).first;
  return it->second;
}

const SessionInfo* AttendanceBook::session(std::int64_t module_id, const std::string& date, const std::string& slot) {
  session_key(key_, module_id, date, slot);
  auto it = sessions_.find(key_);
  if (it == sessions_.end()) {
    auto& q = ledger_.query("attendance_session");
    q.bind(1, module_id);
    q.bind(2, date);
    q.bind(3, slot);
    std::optional<SessionInfo> found;
    if (q.executeStep())
      found = SessionInfo{q.getColumn("id").getInt64(), q.getColumn("minutes").getInt64(),
                          q.getColumn("mode").getString() == "elearning", !q.getColumn("cancelled_by").isNull()};
    it = sessions_.emplace(key_, found).first;
  }
  return it->second ? &*it->second : nullptr;
}

const std::vector<Value>& AttendanceBook::row(const EntryValues& e) {
  row_.resize(12);
  row_[0] = e.session_id;
  row_[1] = e.trainee_id;
  row_[2] = e.minutes;
  row_[3] = e.absence;
  row_[4] = flag(e.trainee_signed);
  row_[5] = flag(e.trainer_signed);
  row_[6] = e.proof;
  row_[7] = e.sheet;
  row_[8] = opt(e.supersedes);
  if (e.reason) row_[9] = *e.reason; else row_[9] = std::monostate{};
  row_[10] = txn_.recorded_at();
  row_[11] = txn_.recorded_by();
  return row_;
}

bool AttendanceBook::append_first(const EntryValues& e, const Origin& origin, const std::string& trainee_code,
                                  ProblemList& problems) {
  try {
    txn_.append("attendance", row(e));
    return true;
  } catch (const SQLite::Exception& ex) {
    if (ex.getExtendedErrorCode() != SQLITE_CONSTRAINT_UNIQUE) throw;
    problems.add(origin.problem("trainee", trainee_code,
                                tr("attend.entry_exists")));
    return false;
  }
}

void AttendanceBook::append_correction(const EntryValues& e) { txn_.append("attendance", row(e)); }

}  // namespace ledger
