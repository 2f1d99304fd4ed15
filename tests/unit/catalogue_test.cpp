// The catalogue of texts (data/messages/): every key the sources use exists, every entry is used,
// and each entry formats with the arguments given where it is used.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <fmt/args.h>

#include "app/text.hpp"

namespace ledger {
namespace {

namespace fs = std::filesystem;

// The named arguments given at one use of a key.
struct Use {
  std::string file;
  std::set<std::string> args;
};

// Every `tr("key", ...)` and `trn("key", n, ...)` of src/, with the `fmt::arg("name"` names inside
// the call's parentheses. trn uses stand for `key.one` and `key.other`, with `count`.
std::map<std::string, std::vector<Use>> uses_in_sources() {
  std::map<std::string, std::vector<Use>> uses;
  const std::regex arg_name(R"re(fmt::arg\("([A-Za-z_0-9]+)")re");
  for (const auto& entry : fs::recursive_directory_iterator(fs::path(LEDGER_SOURCE_DIR) / "src")) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    if (entry.path().filename() == "text.hpp") continue;  // the helpers themselves
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string src = buf.str();
    for (const std::string head : {"tr(\"", "trn(\""}) {
      for (std::size_t pos = src.find(head); pos != std::string::npos; pos = src.find(head, pos + 1)) {
        if (pos > 0 && (std::isalnum(static_cast<unsigned char>(src[pos - 1])) || src[pos - 1] == '_')) continue;
        const std::size_t key_start = pos + head.size();
        const std::string key = src.substr(key_start, src.find('"', key_start) - key_start);
        int depth = 0;
        std::size_t end = pos + head.size() - 2;
        for (; end < src.size(); ++end) {
          if (src[end] == '(') ++depth;
          else if (src[end] == ')' && --depth == 0) break;
        }
        Use use{entry.path().filename().string(), {}};
        const std::string call = src.substr(pos, end - pos);
        for (std::sregex_iterator m(call.begin(), call.end(), arg_name), stop; m != stop; ++m) use.args.insert((*m)[1]);
        if (head == "trn(\"") {
          use.args.insert("count");
          uses[key + ".one"].push_back(use);
          uses[key + ".other"].push_back(use);
        } else {
          uses[key].push_back(use);
        }
      }
    }
  }
  return uses;
}

// The `{name}` placeholders of a text (`{{` is a literal brace).
std::set<std::string> placeholders(std::string_view text) {
  std::set<std::string> names;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '{') continue;
    if (i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    const auto end = text.find_first_of(":}", i);
    names.insert(std::string(text.substr(i + 1, end - i - 1)));
  }
  return names;
}

TEST(Catalogue, EveryKeyUsedExists) {
  const auto keys = catalogue_keys();
  const std::set<std::string_view> known(keys.begin(), keys.end());
  for (const auto& [key, uses] : uses_in_sources())
    EXPECT_TRUE(known.contains(key)) << key << " (used in " << uses.front().file << ") is not in data/messages/fr/";
}

TEST(Catalogue, EveryEntryIsUsed) {
  const auto uses = uses_in_sources();
  for (const auto key : catalogue_keys())
    EXPECT_TRUE(uses.contains(std::string(key))) << std::string(key) << " is in the catalogue but used nowhere in src/";
}

TEST(Catalogue, EveryEntryFormatsWithTheArgumentsOfItsUses) {
  for (const auto& [key, uses] : uses_in_sources()) {
    const std::string_view pattern = catalogue_text(key);
    for (const auto& use : uses) {
      for (const auto& name : placeholders(pattern))
        EXPECT_TRUE(use.args.contains(name)) << key << " needs {" << name << "}, not given in " << use.file;
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (const auto& name : use.args) args.push_back(fmt::arg(name.c_str(), 7));
      EXPECT_NO_THROW((void)fmt::vformat(pattern, args)) << key;
    }
  }
}

// French typography: a no-break space before `:` `;` `?` `!` `%` and inside « », never a plain one
// that a line could break at.
TEST(Catalogue, FrenchTypography) {
  const std::regex plain_space(" [:;?!%]| »|« ");  // » and « are two bytes each: no [class]
  for (const auto key : catalogue_keys()) {
    const std::string text(catalogue_text(key));
    EXPECT_FALSE(std::regex_search(text, plain_space)) << std::string(key) << " = " << text;
  }
}

TEST(Catalogue, MissingKeyShowsTheKeyAndBadTextDoesNotThrow) {
  EXPECT_EQ(tr("no.such.key", fmt::arg("x", 1)), "no.such.key");
  EXPECT_EQ(trn("no.such.key", 2), "no.such.key.other");
}

TEST(Catalogue, FrenchPlurals) {
  EXPECT_EQ(trn("check.errors", 0), "0 erreur");
  EXPECT_EQ(trn("check.errors", 1), "1 erreur");
  EXPECT_EQ(trn("check.errors", 2), "2 erreurs");
}

}  // namespace
}  // namespace ledger
