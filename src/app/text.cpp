#include "app/text.hpp"

#include <cstdlib>
#include <deque>
#include <string>
#include <unordered_map>

#include "app/resources.hpp"

namespace ledger {

namespace {

// Keys and most texts are views into the embedded bytes, which live as long as the program; only
// texts with a `\n` escape are copied (into `unescaped`, whose strings never move).
struct Catalogue {
  std::unordered_map<std::string_view, std::string_view> texts;
  std::deque<std::string> unescaped;
};

std::string unescape(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += raw[i];
    }
  }
  return out;
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

void load(Catalogue& into, std::string_view folder) {
  for (const auto& r : all_resources()) {
    if (!r.path.starts_with(folder) || !r.path.ends_with(".txt")) continue;
    std::string_view rest = r.bytes;
    while (!rest.empty()) {
      const auto eol = rest.find('\n');
      const std::string_view line = strip(rest.substr(0, eol));
      rest = eol == std::string_view::npos ? std::string_view{} : rest.substr(eol + 1);
      if (line.empty() || line.front() == '#') continue;
      const auto eq = line.find('=');
      if (eq == std::string_view::npos) continue;
      const std::string_view key = strip(line.substr(0, eq)), value = strip(line.substr(eq + 1));
      if (value.find('\\') == std::string_view::npos) into.texts.try_emplace(key, value);
      else if (!into.texts.contains(key)) into.texts.emplace(key, into.unescaped.emplace_back(unescape(value)));
    }
  }
}

// Filled in place, never moved: its views into `unescaped` stay valid.
const Catalogue& catalogue() {
  static Catalogue c;
  static const bool loaded = [] {
    c.texts.reserve(1024);
    if (const char* lang = std::getenv("LEDGER_LANG"); lang != nullptr && *lang != '\0' && std::string_view(lang) != "fr")
      load(c, "data/messages/" + std::string(lang) + "/");
    load(c, "data/messages/fr/");
    return true;
  }();
  (void)loaded;
  return c;
}


}  // namespace

std::string_view catalogue_text(std::string_view key) {
  const auto& texts = catalogue().texts;
  const auto it = texts.find(key);
  return it == texts.end() ? key : it->second;
}

std::vector<std::string_view> catalogue_keys() {
  std::vector<std::string_view> keys;
  for (const auto& [key, value] : catalogue().texts) keys.push_back(key);
  return keys;
}

std::string format_text(std::string_view key, fmt::format_args args) {
  const std::string_view pattern = catalogue_text(key);
  try {
    return fmt::vformat(pattern, args);
  } catch (const fmt::format_error&) {
    return std::string(pattern);
  }
}

}  // namespace ledger
