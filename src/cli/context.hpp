// What the commands need beyond app/command.hpp: the ledger the command line names. Kept out of
// app so that app does not depend on store.
#pragma once

#include <memory>

#include "app/command.hpp"
#include "store/ledger.hpp"

namespace ledger {

// The ledger at ctx.db_path().
std::unique_ptr<Ledger> open_ledger(const Context& ctx, Ledger::Open how = Ledger::Open::existing);

}  // namespace ledger
