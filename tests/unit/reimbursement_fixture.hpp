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

// A convention with one body (crf, VAT `vat_percent`), trainees T01, T2, T10 and two modules:
// PASS 1 220,00 € for 40 h (e-learning), PREMSS 1 830,00 € for 61 h (v(x) = 50·x cents).
inline std::string convention_toml(const std::string& fundings, const std::string& clauses = "", int vat_percent = 0) {
  return R"([convention]
ref = "CQP-EDGE"
option = "famille"
nature = "contrat_pro"
starts = 2026-09-01
ends = 2027-06-30
[beneficiary]
name = "Caisse"
siret = "78250100000015"
[[training_org]]
key = "crf"
name = "CRF"
siret = "13000000000013"
nda = "84691234569"
vat_rate = )" + std::to_string(vat_percent) +
         R"(
[[module]]
code = "PASS"
org = "crf"
hours = 40
elearning = true
price_ht = "1220.00"
[[module]]
code = "PREMSS"
org = "crf"
hours = 61
price_ht = "1830.00"
[[trainee]]
id = "T01"
last_name = "Un"
first_name = "A"
[[trainee]]
id = "T2"
last_name = "Deux"
first_name = "B"
[[trainee]]
id = "T10"
last_name = "Dix"
first_name = "C"
)" + fundings + (clauses.empty() ? "" : "[clauses]\n" + clauses);
}

inline const std::string kOpenFunding = "[[funding]]\nref = \"F1\"\nfunder = \"Uniformation\"\ndecided = 2026-08-25\nhourly_rate = \"9.15\"\n";

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
