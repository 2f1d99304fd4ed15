#include "app/cli_text.hpp"

#include <algorithm>
#include <regex>

#include "app/text.hpp"

namespace ledger {

namespace {

struct HelpWords {
  std::string options = tr("cli.options"), subcommands = tr("cli.subcommands"), text = tr("cli.type_text"),
              integer = tr("cli.type_int");
};

// Subcommands took their parent's formatter when they were created: each gets the French one.
void translate_groups(CLI::App& app, const HelpWords& words, const std::shared_ptr<CLI::Formatter>& formatter) {
  app.formatter(formatter);
  for (CLI::Option* opt : app.get_options()) {
    if (opt->get_group() == "Options") opt->group(words.options);
    const std::string type = opt->get_type_name();
    if (type == "TEXT") opt->type_name(words.text);
    else if (type == "INT" || type == "UINT") opt->type_name(words.integer);
  }
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_group() == "Subcommands") sub->group(words.subcommands);
    translate_groups(*sub, words, formatter);
  }
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

// The deepest subcommand the command line chose: where an unexpected word was meant to be a
// subcommand.
const CLI::App& chosen(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands({}))
    if (sub->parsed()) return chosen(*sub);
  return app;
}

std::string command_path(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a != nullptr && a->get_parent() != nullptr; a = a->get_parent())
    path = a->get_name() + (path.empty() ? "" : " " + path);
  return path.empty() ? "ledger" : path;
}

// `ledger bogus`, `ledger convention shw`: which command was not understood, and the nearest one.
std::string unknown_word(const CLI::App& app, const std::string& word) {
  const CLI::App& at = chosen(app);
  const auto names = subcommand_names(at);
  if (names.empty() || std::any_of(names.begin(), names.end(), [](const std::string& n) { return n.empty(); }))
    return word + ": " + tr("cli.extra_argument");
  std::string best = names.front();
  for (const auto& n : names)
    if (edit_distance(word, n) < edit_distance(word, best)) best = n;
  // A suggestion only when it is close: a third of the word's letters wrong at most.
  if (edit_distance(word, best) > std::max<std::size_t>(2, word.size() / 3)) return word + ": " + tr("cli.unknown_command_plain");
  const std::string command = at.get_parent() == nullptr ? "ledger " + best : "ledger " + command_path(at) + " " + best;
  return word + ": " + tr("cli.unknown_command", fmt::arg("command", command));
}

// The value given after `flag` on the command line (`--format xml` or `--format=xml`).
std::string value_of(const std::vector<std::string>& args, const std::string& flag) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == flag && i + 1 < args.size()) return args[i + 1];
    if (args[i].starts_with(flag + "=")) return args[i].substr(flag.size() + 1);
  }
  return "";
}

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto space = std::min(text.find(' ', start), text.size());
    if (space > start) words.push_back(text.substr(start, space - start));
    start = space + 1;
  }
  return words;
}

template <typename T>
bool is(const CLI::ParseError& error) {
  return dynamic_cast<const T*>(&error) != nullptr;
}

}  // namespace

void translate_help(CLI::App& app) {
  auto formatter = std::make_shared<CLI::Formatter>();
  formatter->label("Usage", tr("cli.usage"));
  formatter->label("OPTIONS", tr("cli.options_badge"));
  formatter->label("SUBCOMMAND", tr("cli.subcommand_badge"));
  formatter->label("SUBCOMMANDS", tr("cli.subcommands_badge"));
  formatter->label("REQUIRED", tr("cli.required"));
  formatter->label("Positionals", tr("cli.positionals"));
  formatter->label("Env", tr("cli.env"));
  formatter->label("Needs", tr("cli.needs"));
  formatter->label("Excludes", tr("cli.excludes"));
  translate_groups(app, HelpWords{}, formatter);
}

std::vector<std::string> parse_error_lines(const CLI::ParseError& error, const CLI::App& app, const std::vector<std::string>& args) {
  const std::string what = error.what();
  std::smatch m;
  if (is<CLI::ExtrasError>(error)) {
    static const std::regex extras("(?:was|were) not expected: (.*)$");
    std::vector<std::string> lines;
    if (std::regex_search(what, m, extras)) {
      auto words = split_words(m[1]);
      std::reverse(words.begin(), words.end());  // CLI11 lists them last first
      for (const auto& w : words)
        lines.push_back(w.starts_with("-") ? w + ": " + tr("cli.unknown_option") : unknown_word(app, w));
    }
    if (!lines.empty()) return lines;
  }
  if (is<CLI::RequiredError>(error)) {
    if (what.starts_with("A subcommand")) {
      // A word left over is a command that was not understood (`ledger bogus`).
      for (const auto& word : app.remaining())
        if (!word.starts_with("-")) return {unknown_word(app, word)};
      const CLI::App& at = chosen(app);
      std::string names;
      for (const auto& n : subcommand_names(at)) names += (names.empty() ? "" : ", ") + n;
      return {command_path(at) + ": " + tr("cli.subcommand_required", fmt::arg("commands", names))};
    }
    static const std::regex required("^(\\S+) is required$");
    if (std::regex_search(what, m, required)) return {m.str(1) + ": " + tr("common.required")};
  }
  if (is<CLI::ArgumentMismatch>(error)) {
    static const std::regex flag_first("^(-[^:\\s]+)"), flag_after("arguments? to (-\\S+?),");
    if (std::regex_search(what, m, flag_first) || std::regex_search(what, m, flag_after))
      return {m.str(1) + ": " + tr("cli.value_missing")};
  }
  if (is<CLI::ValidationError>(error) || is<CLI::ConversionError>(error)) {
    static const std::regex flag_first("^(-[^:\\s]+):"), flag_after("allowed value for (-\\S+)");
    if (std::regex_search(what, m, flag_first) || std::regex_search(what, m, flag_after)) {
      const std::string flag = m.str(1), value = value_of(args, flag);
      return {flag + ": " + (value.empty() ? "" : value + ": ") + tr("cli.bad_value")};
    }
  }
  if (is<CLI::ExcludesError>(error)) {
    static const std::regex excludes("^(\\S+) excludes (\\S+)$");
    if (std::regex_search(what, m, excludes)) return {m.str(1) + ": " + tr("cli.excludes_option", fmt::arg("other", m.str(2)))};
  }
  if (is<CLI::RequiresError>(error)) {
    static const std::regex requires_re("^(\\S+) requires (\\S+)$");
    if (std::regex_search(what, m, requires_re)) return {m.str(1) + ": " + tr("cli.requires_option", fmt::arg("other", m.str(2)))};
  }
  return {tr("cli.command_line") + ": " + tr("cli.invalid")};
}

}  // namespace ledger
