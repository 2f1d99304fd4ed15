#include "domain/session_changes.hpp"

#include <fmt/format.h>

#include "app/text.hpp"

namespace ledger {

const ConventionState& SessionPlanner::state(const std::string& ref) {
  auto it = states.find(ref);
  if (it == states.end()) it = states.emplace(ref, load_convention(ledger, ref)).first;
  refuse_if_renounced(it->second);
  return it->second;
}

std::optional<std::vector<Value>> SessionPlanner::check(const ConventionState& st, const SessionInput& in, ProblemList& problems,
                                                        const WriteTransaction& txn) {
  const auto& o = in.origin;
  const std::size_t before = problems.count();
  const ModuleRow* module = st.module(in.module);
  if (module == nullptr) problems.add(o.problem("module", in.module, tr("convention.no_such_module", fmt::arg("ref", st.convention.ref))));
  const auto day = field<std::string>(problems, o, "date", in.date, [](const std::string& v) { return format_date(parse_date(v)); });
  if (day && (*day < st.convention.starts || *day > st.convention.ends))
    problems.add(o.problem("date", *day, tr("session.outside_validity", fmt::arg("starts", french_date(st.convention.starts)),
                                            fmt::arg("ends", french_date(st.convention.ends)))));
  if (module != nullptr && day)
    if (auto why = denounced_refusal(st, *module, *day)) problems.add(o.problem("date", *day, *why));
  const auto slot = field<std::string>(problems, o, "slot", in.slot, [](const std::string& v) { return std::string(slot_name(parse_slot(v))); });
  std::optional<std::string> start, end;
  if (!in.start.empty()) start = field<std::string>(problems, o, "start", in.start, parse_time_of_day);
  if (!in.end.empty()) end = field<std::string>(problems, o, "end", in.end, parse_time_of_day);
  if (in.start.empty() != in.end.empty())
    problems.add(o.problem(in.start.empty() ? "start" : "end", "", tr("session.start_end_both")));
  std::optional<Minutes> span;
  if (start && end) {
    span = minutes_of_day(*end) - minutes_of_day(*start);
    if (*span <= 0) problems.add(o.problem("end", *end, tr("session.end_not_after", fmt::arg("start", *start))));
  }
  std::optional<Minutes> minutes;
  if (!in.minutes.empty()) minutes = field<Minutes>(problems, o, "minutes", in.minutes, parse_minutes);
  if (minutes && *minutes <= 0) problems.add(o.problem("minutes", in.minutes, tr("session.minutes_positive")));
  if (minutes && span && *span > 0 && *minutes != *span)
    problems.add(o.problem("minutes", in.minutes, tr("session.minutes_differ", fmt::arg("minutes", *span))));
  if (!minutes && in.minutes.empty()) {
    if (span) minutes = span;
    else if (in.start.empty() && in.end.empty()) problems.add(o.problem("minutes", "", tr("session.minutes_or_times")));
  }
  if (module != nullptr && minutes && *minutes > module->minutes)
    problems.add(o.problem("minutes", std::to_string(*minutes), tr("session.longer_than_module", fmt::arg("module", module->code), fmt::arg("hours", format_hours(module->minutes)))));
  const std::string mode = trim(in.mode).empty() ? (module != nullptr && module->elearning ? "elearning" : "onsite")
                                                 : field<std::string>(problems, o, "mode", in.mode, parse_mode).value_or("onsite");
  if (module != nullptr && day && slot) {
    if (auto existing = find_session(ledger, module->id, *day, *slot))
      problems.add(o.problem("date", *day,
                             existing->cancelled_by
                                 ? tr("session.already_cancelled", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                      fmt::arg("slot", slot_label(*slot)))
                                 : tr("session.already_planned", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                      fmt::arg("slot", slot_label(*slot)))));


    else if (!seen.emplace(module->id, *day, *slot).second)
      problems.add(o.problem("date", *day, tr("session.twice_in_file", fmt::arg("module", module->code), fmt::arg("date", french_date(*day)),
                                              fmt::arg("slot", slot_label(*slot)))));
  }
  if (problems.count() != before || module == nullptr || !day || !slot || !minutes) return std::nullopt;
  auto text_or_null = [](const std::string& v) { return v.empty() ? Value() : Value(v); };
  return std::vector<Value>{st.convention.id, module->id, *day, *slot, *minutes, opt(start), opt(end),
                            text_or_null(in.trainer), text_or_null(in.place.empty() ? module->place : in.place), mode,
                            txn.recorded_at(), txn.recorded_by()};
}

Cancellation check_cancellation(Ledger& ledger, const ConventionState& st, const ModuleRow& module, const std::string& day, const std::string& slot,
                                const std::string& by, const std::string& notified, const std::string& reason) {
  if (by != "of" && by != "beneficiary") throw InputError::flag("--by", by, tr("common.by_values"));
  const std::string notified_on = date_flag("--notified", notified);
  if (trim(reason).empty()) throw InputError::flag("--reason", reason, tr("session.cancel_reason"));
  // A half-day is cancelled before it takes place, at the latest on its own day.
  if (notified_on > day) throw InputError::flag("--notified", notified_on, tr("timeline.cancel_after", fmt::arg("date", french_date(day))));
  const auto session = find_session(ledger, module.id, day, slot);
  if (!session)
    throw InputError::flag("--date", day, tr("attend.not_planned", fmt::arg("module", module.code), fmt::arg("date", french_date(day)), fmt::arg("slot", slot_label(slot))));
  if (session->cancelled_by) throw InputError::flag("--date", day, tr("session.cancel_twice"));
  if (auto why = denounced_refusal(st, module, day)) throw InputError::flag("--date", day, *why);
  auto count = ledger.query("session_entry_count");
  count.bind(1, session->id);
  count.next();
  if (count.i64(0) > 0)
    throw InputError::flag("--date", day, tr("session.cancel_held"));
  return Cancellation{*session, by, notified_on, trim(reason)};
}

void append_cancellation(WriteTransaction& txn, const Cancellation& c) {
  txn.append("cancellation", {{"session_id", c.session.id}, {"by_party", c.by}, {"notified", c.notified},
                              {"reason", c.reason}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}

}  // namespace ledger
