#include "io/progress.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

namespace ledger::io {

Progress::Progress(std::ostream& err, Style style, std::string label, std::uint64_t total_bytes)
    : err_(err), style_(style), label_(std::move(label)), total_(total_bytes == 0 ? 1 : total_bytes) {}

void Progress::update(std::uint64_t bytes_done, std::uint64_t items) {
  if (style_ == Style::none) return;
  const int percent = static_cast<int>(std::min<std::uint64_t>(100, bytes_done * 100 / total_));
  if (style_ == Style::bar && percent != last_percent_) {
    const int filled = percent / 4;
    err_ << tr("progress.bar", fmt::arg("label", label_), fmt::arg("bar", std::string(filled, '#') + std::string(25 - filled, ' ')),
                           fmt::arg("percent", fmt::format("{:3}", percent)), fmt::arg("lines", items))
         << std::flush;
  } else if (style_ == Style::lines && percent / 10 != last_percent_ / 10) {
    err_ << tr("progress.line", fmt::arg("label", label_), fmt::arg("percent", percent), fmt::arg("lines", items)) << '\n' << std::flush;
  }
  last_percent_ = percent;
}

void Progress::finish(std::uint64_t items) {
  if (style_ == Style::bar) err_ << fmt::format("\r{} done: {} lines{}\n", label_, items, std::string(30, ' '));
}

}  // namespace ledger::io
