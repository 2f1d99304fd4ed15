#include "report/table.hpp"

#include <algorithm>

namespace ledger {

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (unsigned char c : text)
    if ((c & 0xC0) != 0x80) ++width;
  return width;
}

TextTable::TextTable(std::vector<std::string> headers) {
  for (auto& h : headers) {
    if (!h.empty() && h.back() == '>') {
      h.pop_back();
      aligns_.push_back(Align::right);
    } else {
      aligns_.push_back(Align::left);
    }
    headers_.push_back(std::move(h));
  }
}

void TextTable::add(std::vector<std::string> row) {
  row.resize(headers_.size());
  rows_.push_back(std::move(row));
}

void TextTable::add_rule() { rows_.emplace_back(); }

void TextTable::print(std::ostream& out, const std::string& indent) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& r : rows_)
      if (!r.empty()) widths[c] = std::max(widths[c], display_width(r[c]));
  }
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text = indent;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const std::size_t pad = widths[c] - display_width(cells[c]);
      if (c > 0) text += "  ";
      if (aligns_[c] == Align::right) text += std::string(pad, ' ') + cells[c];
      else if (c + 1 < cells.size()) text += cells[c] + std::string(pad, ' ');
      else text += cells[c];
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(headers_);
  std::size_t total = 0;
  for (auto w : widths) total += w;
  total += 2 * (widths.empty() ? 0 : widths.size() - 1);
  const std::string rule = indent + std::string(total, '-');
  out << rule << '\n';
  for (const auto& r : rows_) {
    if (r.empty()) out << rule << '\n';
    else line(r);
  }
}

}  // namespace ledger
