// Every output meant for a person is French: the golden outputs of every command (tests/golden)
// hold none of a list of English words. Left out: CSV and JSON (machine formats, English field
// names and codes), files the tests print themselves (bundles, HTML), commands quoted in
// backticks, codes (words with `_`), and in error lines everything before `why`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace {

namespace fs = std::filesystem;

// English words with no business in a French text (words French shares, such as "argument",
// "information", "note", "total", "module", or the codes "of" and "no", are not listed).
const std::set<std::string>& english_words() {
  static const std::set<std::string> words{
      "the", "and", "with", "without", "is", "are", "was", "not", "from", "for", "by", "to", "at", "yet", "or",
      "entry", "entries", "error", "errors", "warning", "warnings", "recorded", "planned", "cancelled", "superseded",
      "current", "onsite", "elearning", "hours", "trainee", "trainees", "invoice", "payment", "refund", "pending",
      "decided", "none", "nothing", "written", "wrote", "file", "files", "half-day", "half-days", "sheet", "missing",
      "required", "expected", "unknown", "already", "must", "cannot", "usage", "subcommands", "subcommand", "print",
      "help", "exit", "display", "following", "run", "more", "ready", "covers", "claim", "due", "paid", "agreement",
      "funding", "training", "body", "bodies", "so", "far", "month", "totals", "amount", "fix", "before", "after",
      "only", "every"};
  return words;
}

// Whether a block's command prints something not meant for a person, or not the ledger's.
bool machine_output(const std::string& command) {
  static const std::regex machine(
      R"(--format[ =](csv|json)|--version|\bcat\b|\bcut\b|\btail\b|\bgrep\b|sha256sum|--out|convention template|certificate|sheet\b)");
  return command.find("ledger ") == std::string::npos || std::regex_search(command, machine);
}

// The part of a line a person reads as prose: the `why` of an error line, the whole line otherwise.
std::string prose_of(const std::string& line) {
  static const std::string prefix = "ledger: error: ";
  if (!line.starts_with(prefix)) return line;
  // The `why` follows the last `: ` that French typography did not put there (no no-break space before).
  std::size_t why = prefix.size();
  for (std::size_t at = line.find(": ", why); at != std::string::npos; at = line.find(": ", at + 1)) {
    const bool french = (at >= 2 && line.compare(at - 2, 2, "\xC2\xA0") == 0) || (at >= 3 && line.compare(at - 3, 3, "\xE2\x80\xAF") == 0);
    if (!french) why = at + 2;
  }
  return line.substr(why);
}

std::string without_backticks(const std::string& text) {
  static const std::regex quoted("`[^`]*`");
  return std::regex_replace(text, quoted, " ");
}

TEST(FrenchOutputs, NoEnglishWordInGoldenOutputs) {
  // Words with their apostrophes (l'OF), non-ASCII letters (notées) and leading dashes (--help).
  const std::regex token("[-A-Za-z\x80-\xff'][-A-Za-z0-9_.'\x80-\xff]*");
  int blocks = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(LEDGER_SOURCE_DIR) / "tests" / "golden")) {
    if (entry.path().extension() != ".test") continue;
    std::ifstream in(entry.path());
    std::string line, command;
    bool skip = true;
    int number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.starts_with("$ ")) {
        command = line.substr(2);
        skip = machine_output(command);
        blocks += skip ? 0 : 1;
        continue;
      }
      if (skip || line.starts_with("## ") || line.starts_with("[exit ")) continue;
      // A command the demo narrates (`| $ ledger …`) is a command, not prose.
      if (line.find("$ ledger ") != std::string::npos) continue;
      const std::string prose = prose_of(without_backticks(line));
      for (std::sregex_iterator m(prose.begin(), prose.end(), token), end; m != end; ++m) {
        std::string word = m->str();
        // Codes, ids, file names, flags, French words.
        if (word.find_first_of("_0123456789.'") != std::string::npos || word.starts_with("-")) continue;
        if (std::any_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) continue;
        while (!word.empty() && word.back() == '-') word.pop_back();
        for (auto& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_FALSE(english_words().contains(word))
            << entry.path().filename().string() << ":" << number << ": \"" << word << "\" in: " << line << "\n  (command: " << command << ")";
      }
    }
  }
  EXPECT_GT(blocks, 100);
}

}  // namespace
