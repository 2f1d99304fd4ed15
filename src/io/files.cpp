#include "io/files.hpp"
#include "app/text.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "app/error.hpp"

namespace ledger::io {

std::string read_input_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({"", "FILE", path, tr("io.unreadable_because", fmt::arg("reason", std::strerror(errno)))});
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace ledger::io
