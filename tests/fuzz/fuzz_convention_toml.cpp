// libFuzzer target: the convention reader (domain/convention_toml.cpp) with toml++ compiled
// header-only into this binary, so that the parser itself is instrumented too. Any input must
// end in a ConventionSpec or an InputError: never a crash, a hang, or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "app/error.hpp"
#include "domain/convention.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto spec = ledger::read_convention_toml(std::string(reinterpret_cast<const char*>(data), size), "fuzz.toml");
    if (spec.ref.empty()) __builtin_trap();  // a convention read without error has its required ref
  } catch (const ledger::InputError&) {
  }
  return 0;
}
