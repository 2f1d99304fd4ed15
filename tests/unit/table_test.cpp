// Text tables for people: aligned columns, and a terminal's width respected.
#include <gtest/gtest.h>

#include <sstream>

#include "report/table.hpp"

namespace ledger {
namespace {

std::string printed(const TextTable& t) {
  std::ostringstream out;
  t.print(out);
  return out.str();
}

TextTable wide() {
  TextTable t({"stagiaire", "module", "prévues>", "suivies>", "absences>"});
  t.set_key_columns(2);
  t.add({"T01 Nom", "PREMSS", "13 h 30", "7 h", "3 h"});
  t.add({"T10 Durand", "PASS", "5 h", "0 h", "2 h"});
  return t;
}

struct TableWidth : ::testing::Test {
  void TearDown() override { set_table_width(0); }
};

TEST_F(TableWidth, WithoutLimitOneBlock) {
  EXPECT_EQ(printed(wide()),
            "stagiaire   module  prévues  suivies  absences\n"
            "----------------------------------------------\n"
            "T01 Nom     PREMSS  13 h 30      7 h       3 h\n"
            "T10 Durand  PASS        5 h      0 h       2 h\n");
}

TEST_F(TableWidth, NarrowTerminalGivesBlocksLedByTheKeyColumns) {
  set_table_width(30);
  EXPECT_EQ(printed(wide()),
            "stagiaire   module  prévues\n"
            "---------------------------\n"
            "T01 Nom     PREMSS  13 h 30\n"
            "T10 Durand  PASS        5 h\n"
            "\n"
            "stagiaire   module  suivies\n"
            "---------------------------\n"
            "T01 Nom     PREMSS      7 h\n"
            "T10 Durand  PASS        0 h\n"
            "\n"
            "stagiaire   module  absences\n"
            "----------------------------\n"
            "T01 Nom     PREMSS       3 h\n"
            "T10 Durand  PASS         2 h\n");
}

TEST_F(TableWidth, EveryLineFitsWhenTheKeysAndAColumnFit) {
  for (std::size_t width = 28; width < 50; ++width) {  // 28: the keys and the widest column
    set_table_width(width);
    std::istringstream lines(printed(wide()));
    for (std::string line; std::getline(lines, line);) EXPECT_LE(display_width(line), width) << line;
  }
}

TEST_F(TableWidth, OneWideRowIsStacked) {
  TextTable t({"dû HT>", "imputable>", "non imputable>", "demande OPCA>"});
  t.add({"1 234,56 €", "1 000,00 €", "234,56 €", "900,00 €"});
  set_table_width(40);
  EXPECT_EQ(printed(t),
            "dû HT          1 234,56 €\n"
            "imputable      1 000,00 €\n"
            "non imputable    234,56 €\n"
            "demande OPCA     900,00 €\n");
}

TEST_F(TableWidth, ColumnsFromTheEnvironment) {
  ::setenv("COLUMNS", "72", 1);
  EXPECT_EQ(terminal_width(-1), 72u);
  ::setenv("COLUMNS", "wide", 1);
  EXPECT_EQ(terminal_width(-1), 0u);  // not a number, and no terminal on fd -1
  ::unsetenv("COLUMNS");
}

}  // namespace
}  // namespace ledger
