// Recording attendance entries: one validated path for `attend`, `attend --file`, the demo and
// the benchmark. Each half-day is looked up once and kept, and from a module's second half-day on
// the whole module is looked up at once, as is every module named after that: a bulk file costs
// two queries per module, not one per line or per half-day, and one half-day costs one query. On
// PostgreSQL each query ends the COPY under way (store/ledger.cpp), and the server waits for the
// next rows meanwhile.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "domain/sessions.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct SessionInfo {
  std::int64_t id = 0;
  Minutes minutes = 0;
  bool elearning = false;
  bool cancelled = false;
  bool ahead = false;  // dated after today (Europe/Paris): not yet held, no entry taken
};

// Why a half-day dated after today takes no entry (or correction).
std::string ahead_of_time(const std::string& date, const std::string& today);

struct EntryValues {
  std::int64_t session_id = 0;
  std::int64_t trainee_id = 0;
  Minutes minutes = 0;
  std::string absence;  // "", "justified", "unjustified"
  bool trainee_signed = false;
  bool trainer_signed = false;
  std::string proof, sheet;
  std::optional<std::int64_t> supersedes;
  std::optional<std::string> reason;
};

// The latest entry of a trainee at a half-day (the one nothing supersedes), as a correction's
// starting point: `values.supersedes` is its id.
struct LatestEntry {
  EntryValues values;
  bool voided = false;  // `attend void` removed it: the pair has no entry
};

class AttendanceBook {
 public:
  AttendanceBook(Ledger& ledger, WriteTransaction& txn);

  // Refused (InputError) when the convention was renounced: refuse_if_renounced.
  const ConventionState& convention(const std::string& ref);
  // The half-day, or nullptr.
  const SessionInfo* session(std::int64_t module_id, const std::string& date, const std::string& slot);

  std::optional<LatestEntry> latest(std::int64_t session_id, std::int64_t trainee_id);

  // Appends a first entry; a second one for the same trainee and half-day is refused by the
  // database's unique index and reported as `problem` (returns false), unless the latest entry
  // was voided: the new one then supersedes it. Where the store batches rows, the half-day's
  // first entries are looked up once and a pair not among them is sent without waiting.
  bool append_first(const EntryValues& e, const Origin& origin, const std::string& trainee_code, ProblemList& problems);
  void append_correction(const EntryValues& e);
  // Removes the latest entry `entry_id` (schema/005): the pair then has no entry.
  std::int64_t append_void(std::int64_t entry_id, const std::string& reason);

 private:
  // Fills row_ in place, in the order of entries_' columns: its strings keep their buffers from
  // one entry to the next.
  const std::vector<Value>& row(const EntryValues& e);
  // The trainees with a first entry at the half-day, this write's included, in order; `session_id`
  // as session() returned it. A sorted vector, not a hash set: a million-line file keeps a million
  // of them, 8 bytes each instead of about 40.
  std::vector<std::int64_t>& entered(std::int64_t session_id);
  // Runs queries/attendance_session.sql for one half-day (`date` set) or the whole module.
  void load_sessions(std::int64_t module_id, const std::optional<std::string>& date, const std::string& slot);
  // Runs queries/attendance_entered.sql for one half-day (`session_id` set) or the whole module.
  void load_entered(std::int64_t module_id, std::optional<std::int64_t> session_id);

  Ledger& ledger_;
  WriteTransaction& txn_;
  Appender entries_;
  std::map<std::string, ConventionState> states_;
  std::unordered_map<std::string, std::optional<SessionInfo>> sessions_;  // by module id, date and slot
  std::unordered_map<std::int64_t, std::vector<std::int64_t>> entered_;  // by session id
  std::unordered_map<std::int64_t, std::int64_t> module_of_;  // session id to module id
  // The modules read one half-day at a time, and those read whole.
  struct ModuleReads {
    std::unordered_set<std::int64_t> asked, whole;
    // Records a read of `module`; true when it is to be of the whole module: from the module's
    // second read on, and for every module once one was read whole (a bulk file).
    bool next_is_whole(std::int64_t module);
  };
  ModuleReads session_reads_, entered_reads_;
  std::vector<Value> row_;
  std::string key_;
};

}  // namespace ledger
