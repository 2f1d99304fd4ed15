// The errors a command can end with, and the exit code each maps to.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace ledger {

enum ExitCode : int { kOk = 0, kFindings = 1, kBadInput = 2, kDatabase = 3 };

// Bad input: printed as `ledger: error: WHERE: field: value: why` (the value left out when
// empty), exit 2, nothing written.
// `where` is `FILE:LINE` for a file, empty for a command-line flag (then `field` is the flag).
struct InputProblem {
  std::string where;
  std::string field;
  std::string value;
  std::string why;

  std::string message() const;
};

class InputError : public std::runtime_error {
 public:
  explicit InputError(InputProblem problem);
  explicit InputError(std::vector<InputProblem> problems);
  // A flag's problem: `--flag: value: why`.
  static InputError flag(std::string flag, std::string value, std::string why);

  const std::vector<InputProblem>& problems() const { return problems_; }

 private:
  std::vector<InputProblem> problems_;
};

// The database cannot be opened, is of another version, or refused a write: exit 3.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Collects the problems of a bulk file so that every bad line is reported, not just the first.
class ProblemList {
 public:
  static constexpr std::size_t kMaxReported = 100;

  void add(InputProblem problem);
  bool empty() const { return problems_.empty() && dropped_ == 0; }
  std::size_t count() const { return problems_.size() + dropped_; }
  // Throws InputError with every collected problem, noting how many were left out.
  void throw_if_any() const;

 private:
  std::vector<InputProblem> problems_;
  std::size_t dropped_ = 0;
};

}  // namespace ledger
