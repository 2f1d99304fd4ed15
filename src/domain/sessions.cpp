#include "domain/sessions.hpp"

#include "app/text.hpp"
#include "store/ledger.hpp"

namespace ledger {

std::optional<SessionRow> find_session(Ledger& ledger, std::int64_t module_id, const std::string& date, const std::string& slot) {
  auto q = ledger.query("session_find");
  q.bind(1, module_id);
  q.bind(2, date);
  q.bind(3, slot);
  if (!q.next()) return std::nullopt;
  auto text = [&](const char* col) -> std::optional<std::string> {
    return q.opt_text(col);
  };
  SessionRow s;
  s.id = q.i64("id");
  s.module_id = module_id;
  s.module_code = q.text("module_code");
  s.date = date;
  s.slot = slot;
  s.minutes = q.i64("minutes");
  s.start_time = text("start_time");
  s.end_time = text("end_time");
  s.trainer = text("trainer");
  s.place = text("place");
  s.mode = q.text("mode");
  s.cancelled_by = text("cancelled_by");
  return s;
}

void refuse_if_renounced(const ConventionState& st, const Origin& origin) {
  if (!st.renounced) return;
  const Renouncement& r = *st.renounced;
  const std::string party = r.by_party == "of" ? tr("party.of") + (r.org_key ? " " + *r.org_key : "") : tr("party.beneficiary");
  throw InputError(origin.problem("convention", st.convention.ref,
                                  tr("lifecycle.renounced", fmt::arg("party", party), fmt::arg("date", french_date(r.notified)))));
}

std::string sheet_id(const std::string& convention_ref, const std::string& module_code, const std::string& date,
                     const std::string& slot) {
  std::string compact;
  for (char c : date)
    if (c != '-') compact += c;
  return convention_ref + "-" + module_code + "-" + compact + "-" + (slot == "am" ? "AM" : "PM");
}

}  // namespace ledger
