#pragma once

#include <string>

namespace ledger::io {

// The whole file, for small inputs (a convention); refused with a clear error when unreadable.
std::string read_input_file(const std::string& path);

}  // namespace ledger::io
