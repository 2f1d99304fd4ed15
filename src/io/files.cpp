#include "io/files.hpp"
#include "app/text.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/error.hpp"

namespace ledger::io {

std::ifstream open_input_file(const std::string& field, const std::string& path) {
  // A directory opens as a stream that reads nothing: it would pass for an empty file.
  std::error_code ignored;
  if (std::filesystem::is_directory(path, ignored)) throw InputError({"", field, path, tr("io.directory")});
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({"", field, path, tr("io.unreadable_because", fmt::arg("reason", std::strerror(errno)))});
  return in;
}

std::string read_input_file(const std::string& path) {
  std::ifstream in = open_input_file("FILE", path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace ledger::io
