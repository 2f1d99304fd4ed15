#include "report/table.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

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

namespace {
std::size_t table_width = 0;
}

void set_table_width(std::size_t width) { table_width = width; }

std::size_t terminal_width(int fd) {
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0) return static_cast<std::size_t>(n);
  }
  winsize size{};
  if (isatty(fd) == 1 && ioctl(fd, TIOCGWINSZ, &size) == 0) return size.ws_col;
  return 0;
}

void TextTable::print(std::ostream& out, const std::string& indent) const {
  std::vector<std::size_t> widths(headers_.size());
  for (std::size_t c = 0; c < headers_.size(); ++c) {
    widths[c] = display_width(headers_[c]);
    for (const auto& r : rows_)
      if (!r.empty()) widths[c] = std::max(widths[c], display_width(r[c]));
  }
  std::size_t total = display_width(indent) + 2 * (widths.empty() ? 0 : widths.size() - 1);
  for (auto w : widths) total += w;
  if (table_width > 0 && total > table_width && rows_.size() == 1) {
    // One row too wide (totals): stacked, one line per column.
    std::size_t name_width = 0, value_width = 0;
    for (const auto& h : headers_) name_width = std::max(name_width, display_width(h));
    for (const auto& v : rows_[0]) value_width = std::max(value_width, display_width(v));
    for (std::size_t c = 0; c < headers_.size(); ++c) {
      const std::string& value = rows_[0][c];
      const std::size_t pad = aligns_[c] == Align::right ? value_width - display_width(value) : 0;
      std::string text = indent + headers_[c] + std::string(name_width - display_width(headers_[c]) + 2 + pad, ' ') + value;
      while (!text.empty() && text.back() == ' ') text.pop_back();
      out << text << '\n';
    }
    return;
  }
  // Blocks of columns that fit the width, each led by the key columns; one block when it all fits.
  const std::size_t keys = std::min(key_columns_, headers_.size());
  std::vector<std::vector<std::size_t>> blocks;
  std::size_t used = 0;
  for (std::size_t c = keys; c < headers_.size() || blocks.empty(); ++c) {
    const bool fits = !blocks.empty() && (table_width == 0 || used + 2 + widths[c] <= table_width);
    if (blocks.empty() || (!fits && blocks.back().size() > keys)) {
      blocks.emplace_back();
      used = display_width(indent);
      for (std::size_t k = 0; k < keys; ++k) {
        used += (k > 0 ? 2 : 0) + widths[k];
        blocks.back().push_back(k);
      }
    }
    if (c >= headers_.size()) break;
    used += (blocks.back().empty() ? 0 : 2) + widths[c];
    blocks.back().push_back(c);
  }
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    if (b > 0) out << '\n';
    print_columns(out, indent, blocks[b], widths);
  }
}

void TextTable::print_columns(std::ostream& out, const std::string& indent, const std::vector<std::size_t>& columns,
                              const std::vector<std::size_t>& widths) const {
  auto line = [&](const std::vector<std::string>& cells) {
    std::string text = indent;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      const std::size_t c = columns[i];
      const std::size_t pad = widths[c] - display_width(cells[c]);
      if (i > 0) text += "  ";
      if (aligns_[c] == Align::right) text += std::string(pad, ' ') + cells[c];
      else if (i + 1 < columns.size()) text += cells[c] + std::string(pad, ' ');
      else text += cells[c];
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(headers_);
  std::size_t total = 0;
  for (auto c : columns) total += widths[c];
  total += 2 * (columns.empty() ? 0 : columns.size() - 1);
  const std::string rule = indent + std::string(total, '-');
  out << rule << '\n';
  for (const auto& r : rows_) {
    if (r.empty()) out << rule << '\n';
    else line(r);
  }
}

}  // namespace ledger
