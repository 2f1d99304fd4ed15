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
  // The leading columns that say what a row is (a trainee, a module): when the table is wider
  // than the terminal, it is printed in blocks of columns, each repeating these.
  void set_key_columns(std::size_t count) { key_columns_ = count; }
  bool empty() const { return rows_.empty(); }
  void print(std::ostream& out, const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> aligns_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
  std::size_t key_columns_ = 1;

  void print_columns(std::ostream& out, const std::string& indent, const std::vector<std::size_t>& columns,
                     const std::vector<std::size_t>& widths) const;
};

// The width tables must fit, in display columns; 0 (the default, and piped output) is no limit.
// Set once by main from $COLUMNS or the terminal's width.
void set_table_width(std::size_t width);
// $COLUMNS when it is a positive number, else the width of the terminal on `fd`, else 0.
std::size_t terminal_width(int fd);

// Display width of UTF-8 text: one column per code point.
std::size_t display_width(const std::string& text);

}  // namespace ledger
