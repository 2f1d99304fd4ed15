#include "paper/text.hpp"
#include "app/text.hpp"

#include <array>
#include <stdexcept>

#include "domain/values.hpp"

namespace ledger::paper {

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& html) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    const auto open = tmpl.find("{{", pos);
    if (open == std::string_view::npos) break;
    const auto close = tmpl.find("}}", open);
    if (close == std::string_view::npos) throw std::logic_error("template: unclosed {{");
    out.append(tmpl.substr(pos, open - pos));
    const std::string name(tmpl.substr(open + 2, close - open - 2));
    const auto value = html.find(name);
    if (value == html.end()) throw std::logic_error("template: no value for {{" + name + "}}");
    out += value->second;
    pos = close + 2;
  }
  out.append(tmpl.substr(pos));
  return out;
}

std::string long_french_date(const std::string& iso) {
  static const std::array<std::string, 7> weekdays{tr("date.weekday.0"), tr("date.weekday.1"), tr("date.weekday.2"),
                                                   tr("date.weekday.3"), tr("date.weekday.4"), tr("date.weekday.5"),
                                                   tr("date.weekday.6")};
  const date::weekday wd{date::sys_days{parse_date(iso)}};
  return weekdays[wd.c_encoding()] + " " + french_date(iso);
}

std::string short_french_date(const std::string& iso) {
  const auto day = parse_date(iso);
  char buf[11];
  std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", unsigned(day.day()), unsigned(day.month()), int(day.year()));
  return buf;
}

std::string option_label(const std::string& option) {
  return option == "famille" ? tr("convention.option_famille") : tr("convention.option_recouvrement");
}

}  // namespace ledger::paper
