// The unit tests' main: gtest's, but on the PostgreSQL pass (backend.hpp) it skips, with exit code
// 77 and the reason, a run without a cluster or of a test SQLite's by nature; a wider selection
// (the binary run by hand) runs without the latter and says so.
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <string>

#include "backend.hpp"

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  using namespace ledger::testing;
  if (on_postgres_pass() && !GTEST_FLAG_GET(list_tests)) {
    if (std::getenv("LEDGER_PG_HOST") == nullptr) {
      std::cout << "SKIP: no PostgreSQL cluster (eval \"$(bash tests/pg/cluster.sh start)\")\n";
      return 77;
    }
    std::string filter = GTEST_FLAG_GET(filter);
    if (const char* why = sqlite_only_reason(filter)) {
      std::cout << "SKIP: " << filter << " runs on SQLite only: " << why << "\n";
      return 77;
    }
    const bool wide = filter.find_first_of("*?-:") != std::string::npos;
    char separator = filter.find('-') == std::string::npos ? '-' : ':';
    for (const auto& [pattern, why] : sqlite_only_tests()) {
      if (wide) std::cout << "skipped on PostgreSQL: " << pattern << ": " << why << "\n";
      filter += separator + std::string(pattern);
      separator = ':';
    }
    GTEST_FLAG_SET(filter, filter);
  }
  return RUN_ALL_TESTS();
}
