// What the commands need beyond app/command.hpp: the ledger the command line names. Kept out of
// app so that app does not depend on store.
#pragma once

#include <memory>

#include "app/command.hpp"
#include "store/ledger.hpp"

namespace ledger {

// The ledger at ctx.db_path().
std::unique_ptr<Ledger> open_ledger(const Context& ctx, Ledger::Open how = Ledger::Open::existing);

// --format table|csv|json|xlsx, --dialect rfc4180|excel-fr and --out FILE (xlsx only, then required).
void add_format_option(CLI::App& cmd, Format& format, Output& output);

}  // namespace ledger
