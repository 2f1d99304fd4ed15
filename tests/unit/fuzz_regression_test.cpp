// Inputs the fuzz targets (tests/fuzz) found troublesome, kept as regression tests.
#include <gtest/gtest.h>

#include <sstream>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "io/csv.hpp"

namespace ledger {
namespace {

// fuzz_convention_toml, seed 1: a non-ASCII character after a value, outside any string or
// comment (a stray `é`, `«` or `€` typed after a number), sends toml++ 3.3.0 into
// is_non_ascii_horizontal_whitespace(), which reaches __builtin_unreachable() for most code
// points below U+049A (UBSan: "execution reached an unreachable program point"). The file must be
// refused as a TOML syntax error on its line, nothing else.
TEST(FuzzRegression, NonAsciiAfterAValueIsASyntaxError) {
  for (const char* text : {"a = 1 \xC3\xA9\n", "[convention]\nref = \"X\" \xC2\xAB\n", "hours = 40 \xE2\x82\xAC\n"}) {
    try {
      read_convention_toml(text, "c.toml");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const InputError& e) {
      ASSERT_FALSE(e.problems().empty());
      EXPECT_NE(e.problems().front().message().find("syntaxe TOML"), std::string::npos) << e.problems().front().message();
    }
  }
}

}  // namespace
}  // namespace ledger
