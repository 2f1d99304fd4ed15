// Progress of a long import on stderr: a bar redrawn in place on a terminal; with `--progress`
// on a pipe, one line per tenth (so a script can wait for a point midway).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

namespace ledger::io {

class Progress {
 public:
  enum class Style { none, bar, lines };
  Progress(std::ostream& err, Style style, std::string label, std::uint64_t total_bytes);
  void update(std::uint64_t bytes_done, std::uint64_t items);
  void finish(std::uint64_t items);

 private:
  std::ostream& err_;
  Style style_;
  std::string label_;
  std::uint64_t total_;
  int last_percent_ = -1;
};

}  // namespace ledger::io
