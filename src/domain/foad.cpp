#include "domain/foad.hpp"

#include <fmt/format.h>

#include <map>
#include <set>
#include <tuple>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/attendance.hpp"
#include "domain/sessions.hpp"
#include "io/csv.hpp"

namespace ledger {

std::vector<Activity> module_activities(Ledger& ledger, std::int64_t module_id) {
  std::vector<Activity> out;
  auto q = ledger.query("foad_activities");
  q.bind(":module", module_id);
  while (q.next()) out.push_back({q.i64("id"), q.text("code"), q.text("label"), q.text("kind"), q.i64("minutes")});
  return out;
}

Minutes estimated_minutes(const std::vector<Activity>& activities) {
  Minutes total = 0;
  for (const auto& a : activities) total += a.minutes;
  return total;
}

namespace {

std::string known_codes(const std::vector<Activity>& activities) {
  std::string list;
  for (const auto& a : activities) list += (list.empty() ? "" : ", ") + a.code;
  return list;
}

const TraineeRow* by_email(const ConventionState& st, const std::string& email) {
  for (const auto& t : st.trainees)
    if (t.email && code_key(*t.email) == code_key(email)) return &t;
  return nullptr;
}

}  // namespace

std::vector<Completion> read_lms_export(std::istream& in, const std::string& file, const ConventionState& st, const ModuleRow& module,
                                        const std::vector<Activity>& activities, const std::string& today) {
  io::CsvReader csv(in, file);
  csv.expect_columns({"trainee", "email", "activity", "completed", "score"}, {"activity", "completed"});
  const auto trainee_col = csv.column("trainee"), email_col = csv.column("email");
  if (!trainee_col && !email_col) throw InputError({file + ":1", "header", "trainee", tr("lms.trainee_or_email")});
  const auto activity_col = *csv.column("activity"), completed_col = *csv.column("completed");
  const auto score_col = csv.column("score");

  ProblemList problems;
  std::vector<Completion> out;
  std::set<std::tuple<std::int64_t, std::int64_t, std::string>> seen;
  std::vector<std::string> f;
  while (csv.next(f)) {
    const Origin origin{fmt::format("{}:{}", file, csv.line())};
    const std::size_t before = problems.count();
    Completion c;
    c.where = origin.where;
    const std::string code = trainee_col ? trim(f[*trainee_col]) : "", email = email_col ? trim(f[*email_col]) : "";
    const TraineeRow* named = code.empty() ? nullptr : st.trainee(code);
    const TraineeRow* mailed = email.empty() ? nullptr : by_email(st, email);
    if (code.empty() && email.empty())
      problems.add(origin.problem(trainee_col ? "trainee" : "email", "", tr("lms.no_trainee")));
    else if (!code.empty() && named == nullptr)
      problems.add(origin.problem("trainee", code, tr("convention.no_such_trainee", fmt::arg("ref", st.convention.ref))));
    else if (!email.empty() && mailed == nullptr)
      problems.add(origin.problem("email", email, tr("lms.no_such_email", fmt::arg("ref", st.convention.ref))));
    else if (named != nullptr && mailed != nullptr && named != mailed)
      problems.add(origin.problem("email", email, tr("lms.email_of_other", fmt::arg("trainee", mailed->code), fmt::arg("given", named->code))));
    c.trainee = named != nullptr ? named : mailed;

    const std::string activity = trim(f[activity_col]);
    for (const auto& a : activities)
      if (same_code(activity, a.code)) c.activity = &a;
    if (c.activity == nullptr)
      problems.add(origin.problem("activity", activity, tr("lms.no_such_activity", fmt::arg("known", known_codes(activities)))));

    if (auto day = field<std::string>(problems, origin, "completed", f[completed_col],
                                      [](const std::string& v) { return format_date(parse_date(v)); })) {
      c.completed = *day;
      if (c.completed > today)
        problems.add(origin.problem("completed", c.completed, tr("lms.after_today", fmt::arg("today", french_date(today)))));
      else if (c.trainee != nullptr && !c.trainee->enrolled_on(c.completed))
        problems.add(origin.problem("completed", c.completed,
                                    c.trainee->joined_by(c.completed)
                                        ? tr("lms.after_departure", fmt::arg("trainee", c.trainee->code), fmt::arg("date", french_date(*c.trainee->left_on)))
                                        : tr("lms.before_joining", fmt::arg("trainee", c.trainee->code), fmt::arg("date", french_date(*c.trainee->joins)))));
      else if (auto why = denounced_refusal(st, module, c.completed))
        problems.add(origin.problem("completed", c.completed, *why));
    }
    if (score_col && !trim(f[*score_col]).empty())
      c.score_x100 = field<std::int64_t>(problems, origin, "score", f[*score_col], [](const std::string& v) { return parse_hundredths(v); });
    if (problems.count() != before) continue;
    if (seen.emplace(c.trainee->id, c.activity->id, c.completed).second) out.push_back(std::move(c));
  }
  problems.throw_if_any();
  if (out.empty()) throw InputError({file + ":2", "activity", "", tr("lms.empty")});
  return out;
}

LmsImported record_completions(Ledger& ledger, WriteTransaction& txn, const ConventionState& st, const ModuleRow& module,
                               const std::vector<Completion>& completions, const EvidenceFile& file) {
  std::vector<const Completion*> fresh;
  LmsImported done;
  for (const auto& c : completions) {
    auto q = ledger.query("foad_completion_held");
    q.bind(":activity", c.activity->id).bind(":trainee", c.trainee->id).bind(":completed", c.completed);
    if (q.next()) ++done.already;
    else fresh.push_back(&c);
  }
  // The export stands behind the module of each trainee it brings something new for, in trainee
  // code order so that the chain does not depend on the file's order.
  std::map<std::string, std::int64_t> evidence;  // trainee code -> evidence row
  for (const auto* c : fresh) evidence.emplace(c->trainee->code, 0);
  AttendanceBook book(ledger, txn);
  for (auto& [code, id] : evidence) {
    EvidenceTarget target;
    target.module = &module;
    target.trainee_id = st.trainee(code)->id;
    const Attached a = attach_evidence(ledger, txn, book, st, target, file, "lms", std::nullopt, "", "FILE");
    id = a.id;
    done.completed_proofs += a.completed;
    if (!done.first_evidence) done.first_evidence = a.id;
  }
  auto rows = txn.appender("activity_completion",
                           {"activity_id", "trainee_id", "completed", "score_x100", "evidence_id", "recorded_at", "recorded_by"});
  for (const auto* c : fresh)
    rows.append({c->activity->id, c->trainee->id, c->completed, opt(c->score_x100), evidence.at(c->trainee->code),
                 txn.recorded_at(), txn.recorded_by()});
  done.recorded = std::ssize(fresh);
  done.trainees = std::ssize(evidence);
  return done;
}

std::int64_t record_assistance(WriteTransaction& txn, const AssistanceInput& a) {
  return txn.append("assistance", {{"module_id", a.module->id}, {"trainee_id", a.trainee ? Value(a.trainee->id) : Value()},
                                   {"date", a.date}, {"kind", a.kind}, {"staff", a.staff}, {"minutes", opt(a.minutes)},
                                   {"note", a.note}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
}

}  // namespace ledger
