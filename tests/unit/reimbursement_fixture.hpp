// Shared by the reimbursement and money tests: a convention (the template's, with more trainees)
// and one-line helpers that record half-days through the commands themselves.
#pragma once

#include <functional>

#include "fixture.hpp"

namespace ledger::testing {

// A [[trainee]] block to append to a convention file.
inline std::string trainee_toml(const std::string& id, const std::string& last, const std::string& first) {
  return "\n[[trainee]]\nid = \"" + id + "\"\nlast_name = \"" + last + "\"\nfirst_name = \"" + first + "\"\n";
}

struct ReimbursementFixture : LedgerFixture {
  void attend(const std::string& module, const std::string& date, const std::string& slot,
              const std::function<void(AttendOptions&)>& marks) {
    AttendOptions o;
    o.module = module, o.date = date, o.slot = slot;
    marks(o);
    run_attend(*ledger, clock, out, err, o);
  }
  void all_present(const std::string& module, const std::string& date, const std::string& slot, const std::string& proof = "") {
    attend(module, date, slot, [&](AttendOptions& o) { o.all_present = true, o.proof = proof; });
  }
  void cancel(const std::string& module, const std::string& date, const std::string& slot, const std::string& by,
              const std::string& notified) {
    SessionCancelOptions o;
    o.module = module, o.date = date, o.slot = slot, o.by = by, o.notified = notified, o.reason = "test";
    run_session_cancel(*ledger, clock, out, o);
  }
  void leave(const std::string& trainee, const std::string& on) {
    TraineeLeaveOptions o;
    o.trainee = trainee, o.on = on, o.reason = "test";
    run_trainee_leave(*ledger, clock, out, o);
  }
  void correct(const std::string& module, const std::string& date, const std::string& slot, const std::string& trainee,
               const std::function<void(AttendCorrectOptions&)>& change) {
    AttendCorrectOptions o;
    o.module = module, o.date = date, o.slot = slot, o.trainee = trainee, o.reason = "test";
    change(o);
    run_attend_correct(*ledger, clock, out, o);
  }
  std::int64_t convention_id() { return load_convention(*ledger, "").convention.id; }
};

}  // namespace ledger::testing
