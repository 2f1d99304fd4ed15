// A plain-text table for people: columns aligned by display width (UTF-8 aware), numbers right.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ledger {

class TextTable {
 public:
  enum class Align { left, right };

  // A header ending in ">" is right-aligned (the ">" is not printed).
  explicit TextTable(std::vector<std::string> headers);
  void add(std::vector<std::string> row);
  void add_rule();  // a line of dashes, e.g. before totals
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

// Display width of UTF-8 text: one column per code point.
std::size_t display_width(const std::string& text);

}  // namespace ledger
