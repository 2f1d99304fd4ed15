#include "io/csv.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "app/error.hpp"

namespace ledger::io {

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto n = s.size();
  while (i < n) {
    // Attendance files are nearly all ASCII: skip eight such bytes at a time.
    std::uint64_t word = 0;
    if (i + sizeof word <= n && (std::memcpy(&word, s.data() + i, sizeof word), (word & 0x8080808080808080ULL) == 0)) {
      i += sizeof word;
      continue;
    }
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) { ++i; continue; }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return false;
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += len;
  }
  return true;
}

std::optional<std::string> text_refusal(std::string_view text) {
  for (const char c : text)
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t')
      return tr("text.control_character", fmt::arg("code", fmt::format("U+{:04X}", static_cast<unsigned char>(c))));
  if (text.size() > kMaxTextCharacters) {
    const auto characters = std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    if (static_cast<std::size_t>(characters) > kMaxTextCharacters)
      return tr("text.too_long", fmt::arg("max", kMaxTextCharacters));
  }
  return std::nullopt;
}

std::string shown(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t') fmt::format_to(std::back_inserter(out), "\\x{:02X}", static_cast<unsigned char>(c));
    else out += c;
  }
  constexpr std::size_t kShownBytes = 60;
  if (out.size() > kShownBytes) {
    std::size_t cut = kShownBytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

CsvReader::CsvReader(std::istream& in, std::string name) : in_(in), name_(std::move(name)) {
  if (!read_physical_line(record_)) throw InputError({name_ + ":1", "header", "", tr("csv.empty")});
  if (record_.starts_with("\xEF\xBB\xBF")) record_.erase(0, 3);
  record_line_ = 1;
  if (!valid_utf8(record_)) throw InputError({name_ + ":1", "header", "", tr("csv.not_utf8")});
  const auto comma = record_.find(',');
  const auto semicolon = record_.find(';');
  separator_ = (semicolon != std::string::npos && (comma == std::string::npos || semicolon < comma)) ? ';' : ',';
  split(record_, header_, true);
  for (std::size_t i = 0; i < header_.size(); ++i) {
    std::string& h = header_[i];
    const auto first = h.find_first_not_of(' ');
    const auto last = h.find_last_not_of(' ');
    h = first == std::string::npos ? std::string() : h.substr(first, last - first + 1);
    if (h.empty()) throw InputError({name_ + ":1", "header", "", tr("csv.unnamed_column", fmt::arg("column", i + 1))});
    if (!index_.emplace(h, i).second) throw InputError({name_ + ":1", "header", h, tr("csv.column_twice")});
  }
}

void CsvReader::expect_columns(const std::set<std::string>& allowed, const std::set<std::string>& required) const {
  std::vector<InputProblem> problems;
  std::string known;
  for (const auto& a : allowed) known += (known.empty() ? "" : ", ") + a;
  for (const auto& h : header_)
    if (!allowed.contains(h)) problems.push_back({name_ + ":1", "header", h, tr("csv.unknown_column", fmt::arg("known", known))});
  for (const auto& r : required)
    if (!index_.contains(r)) problems.push_back({name_ + ":1", "header", r, tr("csv.missing_column")});
  if (!problems.empty()) throw InputError(std::move(problems));
}

std::optional<std::size_t> CsvReader::column(std::string_view name) const {
  const auto it = index_.find(name);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

bool CsvReader::read_physical_line(std::string& line) {
  if (!std::getline(in_, line)) return false;
  bytes_ += line.size() + 1;
  ++physical_line_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return true;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  do {
    if (!read_physical_line(record_)) return false;
  } while (record_.empty());  // blank lines (a spreadsheet's trailing ones) carry nothing
  record_line_ = physical_line_;
  // A quoted field may hold line breaks: keep reading while a quote is open.
  auto open_quote = [](const std::string& s) {
    bool open = false;
    for (char c : s)
      if (c == '"') open = !open;
    return open;
  };
  while (open_quote(record_)) {
    if (!read_physical_line(buffer_))
      throw InputError({fmt::format("{}:{}", name_, record_line_), "record", "", tr("csv.unclosed_quote")});
    record_ += '\n';
    record_ += buffer_;
  }
  if (!valid_utf8(record_))
    throw InputError({fmt::format("{}:{}", name_, record_line_), "record", "", tr("csv.not_utf8")});
  split(record_, fields, false);
  for (std::size_t i = 0; i < fields.size() && i < header_.size(); ++i)
    if (auto why = text_refusal(fields[i]))
      throw InputError({fmt::format("{}:{}", name_, record_line_), header_[i], shown(fields[i]), *why});
  return true;
}

void CsvReader::split(const std::string& record, std::vector<std::string>& fields, bool header) {
  std::size_t count = 0;
  auto cell = [&]() -> std::string& {
    if (count == fields.size()) fields.emplace_back();
    std::string& c = fields[count++];
    c.clear();
    return c;
  };
  std::size_t i = 0;
  const std::size_t n = record.size();
  while (true) {
    std::string& c = cell();
    if (i < n && record[i] == '"') {
      ++i;
      while (true) {
        if (i >= n) throw InputError({fmt::format("{}:{}", name_, record_line_), "record", "", tr("csv.unclosed_quote")});
        if (record[i] == '"') {
          if (i + 1 < n && record[i + 1] == '"') { c += '"'; i += 2; continue; }
          ++i;
          break;
        }
        c += record[i++];
      }
      if (i < n && record[i] != separator_)
        throw InputError({fmt::format("{}:{}", name_, record_line_), "record", c, tr("csv.after_quote")});
    } else {
      const auto end = record.find(separator_, i);
      const auto stop = end == std::string::npos ? n : end;
      c.append(record, i, stop - i);
      i = stop;
    }
    if (i >= n) break;
    ++i;  // the separator
    if (i == n) { cell(); break; }
  }
  if (header) {
    fields.resize(count);
    return;
  }
  if (count > header_.size()) {
    // Trailing empty cells (a spreadsheet's) are harmless; anything else is a shifted row.
    for (std::size_t k = header_.size(); k < count; ++k)
      if (!fields[k].empty())
        throw InputError({fmt::format("{}:{}", name_, record_line_), "record", fields[k],
                          tr("csv.cell_count", fmt::arg("cells", count), fmt::arg("columns", header_.size()))});
  }
  for (std::size_t k = count; k < header_.size(); ++k) {
    if (k == fields.size()) fields.emplace_back();
    fields[k].clear();
  }
  fields.resize(header_.size());
}

CsvWriter::CsvWriter(std::ostream& out, Dialect dialect)
    : out_(out), dialect_(dialect), separator_(dialect == Dialect::excel_fr ? ';' : ',') {
  if (dialect_ == Dialect::excel_fr) out_ << "\xEF\xBB\xBF";
}

std::string CsvWriter::defuse(std::string_view text) {
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r'))
    return "'" + std::string(text);
  return std::string(text);
}

void CsvWriter::row(const std::vector<Cell>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += separator_;
    const Cell& c = cells[i];
    std::string text;
    switch (c.kind) {
      case Cell::Kind::integer: text = std::to_string(c.number); break;
      case Cell::Kind::hundredths: {
        const char* sign = c.number < 0 ? "-" : "";
        const auto abs = c.number < 0 ? -c.number : c.number;
        text = fmt::format("{}{}{}{:02}", sign, abs / 100, dialect_ == Dialect::excel_fr ? ',' : '.', abs % 100);
        break;
      }
      case Cell::Kind::text: text = defuse(c.text); break;
    }
    if (text.find_first_of(std::string("\"\r\n") + separator_) != std::string::npos) {
      std::string quoted = "\"";
      for (char ch : text) {
        if (ch == '"') quoted += '"';
        quoted += ch;
      }
      quoted += '"';
      text = std::move(quoted);
    }
    line += text;
  }
  line += "\r\n";
  out_ << line;
}

Dialect parse_dialect(std::string_view name) {
  if (name == "rfc4180") return Dialect::rfc4180;
  if (name == "excel-fr") return Dialect::excel_fr;
  throw InputError::flag("--dialect", std::string(name), tr("csv.dialect_values"));
}

}  // namespace ledger::io
