#include <gtest/gtest.h>

#include <sstream>

#include "app/error.hpp"
#include "io/csv.hpp"

namespace ledger::io {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text, char* separator = nullptr) {
  std::istringstream in(text);
  CsvReader csv(in, "t.csv");
  if (separator != nullptr) *separator = csv.separator();
  std::vector<std::vector<std::string>> rows{csv.header()};
  std::vector<std::string> f;
  while (csv.next(f)) rows.push_back(f);
  return rows;
}

TEST(CsvReader, SpreadsheetExport) {
  char sep = 0;
  const auto rows = read_all("\xEF\xBB\xBFmodule;minutes\r\nPASS;240\r\n\r\nPREMSS;\"3,5\"\r\n", &sep);
  EXPECT_EQ(sep, ';');
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"module", "minutes"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"PASS", "240"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"PREMSS", "3,5"}));
}

TEST(CsvReader, QuotesInsideCells) {
  std::istringstream in("a,b\n\"x, \"\"y\"\"\",\"\tz\"\nlast,\n");
  CsvReader csv(in, "t.csv");
  std::vector<std::string> f;
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"x, \"y\"", "\tz"}));
  EXPECT_EQ(csv.line(), 2u);
  ASSERT_TRUE(csv.next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"last", ""}));
  EXPECT_EQ(csv.line(), 3u);
  EXPECT_FALSE(csv.next(f));
}

// A quoted cell may span lines, but a line break is a control character: the cell is refused,
// named by its line and column, and the lines after it are read as records again.
TEST(CsvReader, ALineBreakInsideACellIsRefused) {
  std::istringstream in("a,b\nx,\"two\nlines\"\n");
  CsvReader csv(in, "t.csv");
  std::vector<std::string> f;
  try {
    csv.next(f);
    FAIL() << "a cell holding a line break was read";
  } catch (const InputError& e) {
    EXPECT_EQ(e.problems()[0].where, "t.csv:2");
    EXPECT_EQ(e.problems()[0].field, "b");
    EXPECT_EQ(e.problems()[0].value, "two\\x0Alines");
  }
}

TEST(Text, ControlCharactersAndLengthRefused) {
  EXPECT_FALSE(text_refusal("Zoé\tMartin"));
  EXPECT_TRUE(text_refusal(std::string("a\0b", 3)));
  EXPECT_TRUE(text_refusal("\x1b[31m"));
  EXPECT_FALSE(text_refusal(std::string(kMaxTextCharacters, 'x')));
  EXPECT_TRUE(text_refusal(std::string(kMaxTextCharacters + 1, 'x')));
  std::string accents;
  for (std::size_t i = 0; i < kMaxTextCharacters; ++i) accents += "é";  // two bytes each, still one character
  EXPECT_FALSE(text_refusal(accents));
  EXPECT_EQ(shown("a\nb"), "a\\x0Ab");
}

TEST(CsvReader, MissingTrailingCellsAreEmpty) {
  const auto rows = read_all("a,b,c\n1\n");
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", "", ""}));
}

TEST(CsvReader, RefusesMalformedRecords) {
  EXPECT_THROW(read_all("a,b\n1,2,3\n"), InputError);
  EXPECT_THROW(read_all("a,b\n\"open,2\n"), InputError);
  EXPECT_THROW(read_all("a,b\n\"x\"y,2\n"), InputError);
  EXPECT_THROW(read_all("a,b\n\xE9t\xE9,2\n"), InputError);
  EXPECT_THROW(read_all(""), InputError);
  EXPECT_THROW(read_all("a,a\n"), InputError);
}

TEST(CsvReader, NamesUnknownAndMissingColumns) {
  std::istringstream in("module,colour\n");
  CsvReader csv(in, "t.csv");
  try {
    csv.expect_columns({"module", "date"}, {"module", "date"});
    FAIL() << "expected an error";
  } catch (const InputError& e) {
    ASSERT_EQ(e.problems().size(), 2u);
    EXPECT_EQ(e.problems()[0].value, "colour");
    EXPECT_EQ(e.problems()[1].value, "date");
  }
}

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_TRUE(valid_utf8("Léa Nguyễn €"));
  EXPECT_FALSE(valid_utf8("\xC0\xAF"));
  EXPECT_FALSE(valid_utf8("\xED\xA0\x80"));
  EXPECT_FALSE(valid_utf8("\xF4\x90\x80\x80"));
  EXPECT_FALSE(valid_utf8("\xE2\x82"));
}

TEST(CsvWriter, DefusesFormulasAndKeepsThemReadable) {
  std::ostringstream out;
  CsvWriter csv(out, Dialect::rfc4180);
  csv.row({"=HYPERLINK(\"x\")", "+33 1", "-5", "@SUM(A1)", "\tx", "plain", Cell::integer(-5)});
  EXPECT_EQ(out.str(), "\"'=HYPERLINK(\"\"x\"\")\",'+33 1,'-5,'@SUM(A1),'\tx,plain,-5\r\n");
}

TEST(CsvWriter, ExcelFrenchDialect) {
  std::ostringstream out;
  CsvWriter csv(out, Dialect::excel_fr);
  csv.row({"a;b", Cell::hundredths(123456), Cell::hundredths(-5)});
  EXPECT_EQ(out.str(), "\xEF\xBB\xBF\"a;b\";1234,56;-0,05\r\n");
}

}  // namespace
}  // namespace ledger::io
