// How a subcommand plugs into `ledger`: each src/cli/*.cpp file registers one setup function
// that adds its subcommand (options struct + callback calling run_x) to the app.
#pragma once

#include <CLI/CLI.hpp>

#include <chrono>

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>

#include "app/clock.hpp"

namespace ledger {

namespace io {
enum class Dialect;  // io/csv.hpp: rfc4180 (0, the default) or excel_fr
}

// What the whole command line shares: global options and the process's streams.
struct Context {
  std::string db_flag;          // --db
  std::string convention;       // --convention (empty: the only one)
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  bool progress = false;        // stderr is a terminal: show progress bars
  int exit_code = 0;

  // The database path: --db, else $LEDGER_DB, else ./ledger.db.
  std::string db_path() const;
  Clock clock() const { return Clock::from_environment(); }
};

using SetupFn = void (*)(CLI::App& app, Context& ctx);

// `order` sets where the command appears in `ledger --help`.
bool register_command(int order, SetupFn setup);
void setup_all_commands(CLI::App& app, Context& ctx);

// The subcommand `name` of `app`, created on first use: groups such as `convention` or `session`
// whose subcommands live in separate files.
CLI::App& command_group(CLI::App& app, const std::string& name, const std::string& description);

// Shared flags.
void add_convention_option(CLI::App& cmd, Context& ctx);
enum class Format { table, csv, json, xlsx };

// Where a report goes besides its format: the CSV dialect, and for xlsx the workbook's file, its
// sheet's name and its creation time (the command's clock, so that the same ledger gives the same bytes).
struct Output {
  io::Dialect dialect{};  // rfc4180
  std::string file;
  std::string sheet;
  std::chrono::sys_seconds created{};
};

}  // namespace ledger
