#include "cli/context.hpp"

namespace ledger {

std::unique_ptr<Ledger> open_ledger(const Context& ctx, Ledger::Open how) { return Ledger::open(ctx.db_path(), how); }

}  // namespace ledger
