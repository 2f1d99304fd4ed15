// CLI11's own words in French: the labels of `--help` and its parse errors, rewritten in the shape
// of the ledger's errors (`--flag: value: why`) so that scripts parse them alike.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace ledger {

// Labels (Usage, OPTIONS, REQUIRED…), option and subcommand groups and value types of `app` and
// of every subcommand, from the catalogue. Only printing help needs them: call it then.
void translate_help(CLI::App& app);

// The lines `WHERE: value: why` (without `ledger: error: `) saying what was wrong with the command
// line. `args` are the arguments after the program's name.
std::vector<std::string> parse_error_lines(const CLI::ParseError& error, const CLI::App& app, const std::vector<std::string>& args);

}  // namespace ledger
