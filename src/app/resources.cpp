#include "app/resources.hpp"

#include <stdexcept>
#include <string>

namespace ledger {

std::string_view resource(std::string_view path) {
  for (const auto& r : all_resources())
    if (r.path == path) return r.bytes;
  throw std::logic_error("resource not embedded: " + std::string(path));
}

}  // namespace ledger
