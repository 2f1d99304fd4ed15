#include "app/error.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

namespace ledger {

std::string InputProblem::message() const {
  std::string text;
  if (!where.empty()) text += where + ": ";
  if (!field.empty()) text += field + ": ";
  // An empty value (a missing key, a syntax error) would print as `field: : why`.
  if (!value.empty()) text += value + ": ";
  text += why;
  return text;
}

namespace {
std::string join_messages(const std::vector<InputProblem>& problems) {
  std::string text;
  for (const auto& p : problems) {
    if (!text.empty()) text += '\n';
    text += p.message();
  }
  return text;
}
}  // namespace

InputError::InputError(InputProblem problem) : InputError(std::vector<InputProblem>{std::move(problem)}) {}

InputError::InputError(std::vector<InputProblem> problems)
    : std::runtime_error(join_messages(problems)), problems_(std::move(problems)) {}

InputError InputError::flag(std::string flag, std::string value, std::string why) {
  return InputError(InputProblem{"", std::move(flag), std::move(value), std::move(why)});
}

void ProblemList::add(InputProblem problem) {
  if (problems_.size() < kMaxReported)
    problems_.push_back(std::move(problem));
  else
    ++dropped_;
}

void ProblemList::throw_if_any() const {
  if (empty()) return;
  auto all = problems_;
  if (dropped_ > 0)
    all.push_back({"", "", trn("errors.more", static_cast<std::int64_t>(dropped_)), tr("errors.not_listed")});
  throw InputError(std::move(all));
}

}  // namespace ledger
