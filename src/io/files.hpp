#pragma once

#include <fstream>
#include <string>

namespace ledger::io {

// The whole file, for small inputs (a convention); refused with a clear error when unreadable.
std::string read_input_file(const std::string& path);

// A file to read as a stream (a CSV given with --file): a directory, or a file that cannot be
// read, is refused as `field: path: why`.
std::ifstream open_input_file(const std::string& field, const std::string& path);

}  // namespace ledger::io
