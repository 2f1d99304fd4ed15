// Files compiled into the binary (schema/, queries/, reports/, data/), by their path in the repo.
#pragma once

#include <span>
#include <string_view>

namespace ledger {

struct Resource {
  std::string_view path;
  std::string_view bytes;
};

std::span<const Resource> all_resources();

// The bytes of `path` (e.g. "queries/session_insert.sql"); throws std::logic_error if absent,
// since a missing resource is a build mistake, not a user's.
std::string_view resource(std::string_view path);

}  // namespace ledger
