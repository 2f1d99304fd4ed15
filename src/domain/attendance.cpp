#include "domain/attendance.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "store/errors.hpp"

namespace ledger {

AttendanceBook::AttendanceBook(Ledger& ledger, WriteTransaction& txn)
    : ledger_(ledger),
      txn_(txn),
      entries_(txn.appender("attendance", {"session_id", "trainee_id", "minutes", "absence", "trainee_signed", "trainer_signed",
                                           "proof", "sheet", "supersedes", "reason", "recorded_at", "recorded_by"})) {}

namespace {
void session_key(std::string& out, std::int64_t module_id, const std::string& date, const std::string& slot) {
  out.clear();
  fmt::format_to(std::back_inserter(out), "{}|{}|{}", module_id, date, slot);
}
}  // namespace

const ConventionState& AttendanceBook::convention(const std::string& ref) {
  auto it = states_.find(ref);
  if (it == states_.end()) it = states_.emplace(ref, load_convention(ledger_, ref)).first;
  refuse_if_renounced(it->second);
  return it->second;
}

bool AttendanceBook::ModuleReads::next_is_whole(std::int64_t module) {
  if (asked.insert(module).second && whole.empty()) return false;
  whole.insert(module);
  return true;
}

void AttendanceBook::load_sessions(std::int64_t module_id, const std::optional<std::string>& date, const std::string& slot) {
  auto q = ledger_.query("attendance_session");
  q.bind(1, module_id);
  q.bind(2, opt(date));
  q.bind(3, slot);
  std::string key;
  while (q.next()) {
    const std::string day = q.text("date");
    session_key(key, module_id, day, q.text("slot"));
    const SessionInfo info{q.i64("id"), q.i64("minutes"), q.text("mode") == "elearning", !q.is_null("cancelled_by"),
                           day > txn_.today()};
    sessions_.insert_or_assign(key, info);
    module_of_[info.id] = module_id;
  }
}

const SessionInfo* AttendanceBook::session(std::int64_t module_id, const std::string& date, const std::string& slot) {
  session_key(key_, module_id, date, slot);
  auto it = sessions_.find(key_);
  if (it == sessions_.end() && !session_reads_.whole.contains(module_id)) {
    load_sessions(module_id, session_reads_.next_is_whole(module_id) ? std::nullopt : std::optional(date), slot);
    session_key(key_, module_id, date, slot);
    it = sessions_.find(key_);
  }
  // A half-day that does not exist is remembered too: a file may name it on many lines.
  if (it == sessions_.end()) it = sessions_.emplace(key_, std::nullopt).first;
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

std::optional<LatestEntry> AttendanceBook::latest(std::int64_t session_id, std::int64_t trainee_id) {
  auto q = ledger_.query("attendance_latest");
  q.bind(1, session_id);
  q.bind(2, trainee_id);
  if (!q.next()) return std::nullopt;
  LatestEntry l;
  EntryValues& e = l.values;
  e.session_id = session_id;
  e.trainee_id = trainee_id;
  e.minutes = q.i64("minutes");
  e.absence = q.text("absence");
  e.trainee_signed = q.flag("trainee_signed");
  e.trainer_signed = q.flag("trainer_signed");
  e.proof = q.text("proof");
  e.sheet = q.text("sheet");
  e.supersedes = q.i64("id");
  l.voided = q.flag("voided");
  return l;
}

namespace {
// Adds `trainee` to the sorted `trainees`; false when it is there already.
bool add_trainee(std::vector<std::int64_t>& trainees, std::int64_t trainee) {
  const auto at = std::lower_bound(trainees.begin(), trainees.end(), trainee);
  if (at != trainees.end() && *at == trainee) return false;
  trainees.insert(at, trainee);
  return true;
}
}  // namespace

void AttendanceBook::load_entered(std::int64_t module_id, std::optional<std::int64_t> session_id) {
  auto q = ledger_.query("attendance_entered");
  q.bind(1, module_id);
  q.bind(2, opt(session_id));
  while (q.next()) add_trainee(entered_[q.i64("session_id")], q.i64("trainee_id"));
}

std::vector<std::int64_t>& AttendanceBook::entered(std::int64_t session_id) {
  if (const auto it = entered_.find(session_id); it != entered_.end()) return it->second;
  const auto module = module_of_.find(session_id);
  if (module == module_of_.end()) throw std::logic_error(fmt::format("half-day {} not looked up by session()", session_id));
  const std::int64_t module_id = module->second;
  if (!entered_reads_.whole.contains(module_id))
    load_entered(module_id, entered_reads_.next_is_whole(module_id) ? std::nullopt : std::optional(session_id));
  return entered_[session_id];
}

bool AttendanceBook::append_first(const EntryValues& e, const Origin& origin, const std::string& trainee_code,
                                  ProblemList& problems) {
  // The writer holds the chain's lock, so no other can enter the pair meanwhile.
  if (txn_.batches_new_rows() && !e.supersedes && add_trainee(entered(e.session_id), e.trainee_id)) {
    entries_.append_new(row(e));
    return true;
  }
  try {
    entries_.append(row(e));
    return true;
  } catch (const DuplicateEntry&) {
    // Only a clash costs this lookup, so a bulk file of first entries pays nothing for voids.
    if (const auto last = latest(e.session_id, e.trainee_id); last && last->voided) {
      EntryValues after_void = e;
      after_void.supersedes = last->values.supersedes;
      entries_.append(row(after_void));
      return true;
    }
    problems.add(origin.problem("trainee", trainee_code,
                                tr("attend.entry_exists")));
    return false;
  }
}

std::string ahead_of_time(const std::string& date, const std::string& today) {
  return tr("timeline.ahead", fmt::arg("date", french_date(date)), fmt::arg("today", french_date(today)));
}

void AttendanceBook::append_correction(const EntryValues& e) { entries_.append(row(e)); }

std::int64_t AttendanceBook::append_void(std::int64_t entry_id, const std::string& reason) {
  return txn_.append("attendance_void", {{"entry_id", entry_id}, {"reason", reason}, {"recorded_at", txn_.recorded_at()},
                                         {"recorded_by", txn_.recorded_by()}});
}

}  // namespace ledger
