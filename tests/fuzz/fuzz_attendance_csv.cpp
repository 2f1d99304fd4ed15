// libFuzzer target: the attendance CSV reader (io/csv.cpp) and the cell parsers `attend --file`
// applies to every line. Any input must end in records or an InputError / invalid_argument
// refusal: never a crash, a hang, or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "app/error.hpp"
#include "domain/values.hpp"
#include "io/csv.hpp"

namespace {
template <typename Fn>
void parse_cell(const std::string& cell, Fn parse) {
  try {
    parse(cell);
  } catch (const std::invalid_argument&) {
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ledger;
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  try {
    io::CsvReader csv(in, "fuzz.csv");
    csv.expect_columns({"convention", "module", "date", "slot", "trainee", "minutes", "absence", "trainee_signed",
                        "trainer_signed", "proof", "sheet"},
                       {});
    std::vector<std::string> fields;
    while (csv.next(fields)) {
      if (fields.size() != csv.header().size()) __builtin_trap();
      for (const auto& cell : fields) {
        parse_cell(cell, [](const std::string& v) { return format_date(parse_date(v)); });
        parse_cell(cell, [](const std::string& v) { return parse_slot(v); });
        parse_cell(cell, [](const std::string& v) { return parse_minutes(v); });
        parse_cell(cell, [](const std::string& v) { return parse_bool(v); });
        parse_cell(cell, [](const std::string& v) { return parse_money(v); });
      }
    }
  } catch (const InputError&) {
  }
  return 0;
}
