// Texts for people, from one catalogue: data/messages/<lang>/*.txt, embedded in the binary.
// Each line is `key = text`, `#` starts a comment line; the text is a fmt format string with
// named arguments (`{module}`), `\n` is a line break. French is the default whatever the machine's
// locale; LEDGER_LANG=xx reads data/messages/xx/ first, falling back to French key by key.
// The catalogue is parsed on first use (a few hundred lines: well under a millisecond).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ledger {

// The catalogue's text for `key`; the key itself when absent, so that a missing text shows
// which one instead of stopping the command.
std::string_view catalogue_text(std::string_view key);

// Every key of the catalogue (for its test).
std::vector<std::string_view> catalogue_keys();

std::string format_text(std::string_view key, fmt::format_args args);

// tr("attend.recorded", fmt::arg("module", m)): the text of `key` formatted with its arguments.
// A text that does not format (a bad placeholder) prints as it is rather than failing.
template <typename... Args>
std::string tr(std::string_view key, const Args&... args) {
  return format_text(key, fmt::make_format_args(args...));
}

// French plural: `key.one` for 0 and 1, `key.other` from 2; `{count}` is given.
template <typename... Args>
std::string trn(std::string_view key, std::int64_t count, const Args&... args) {
  const std::string full = std::string(key) + (count == 0 || count == 1 || count == -1 ? ".one" : ".other");
  return format_text(full, fmt::make_format_args(fmt::arg("count", count), args...));
}

}  // namespace ledger
