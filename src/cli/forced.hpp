// `--force NAME --reason TEXT` on a money command (DESIGN section 4): the write goes ahead against
// the one refusal NAME names, and the reason is chained beside it (schema/008_forced_writes.sql).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/error.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct Forcing {
  std::vector<std::string> refusals;  // --force, once per refusal overridden
  std::string reason;                 // --reason
};

// --force NAME (repeatable) and --reason TEXT; `names` lists the refusals the command may be told
// to override, for its help.
void add_force_options(CLI::App& cmd, Forcing& forcing, const std::string& names);

// Matches the names given as coded values are (trimmed, any case) and refuses one naming none of
// `known`, a --force without --reason and a --reason without --force, before anything is read.
void check_forcing(Forcing& forcing, const std::vector<std::string_view>& known);

// The refusal `name`: when `refused`, throws `refusal` (saying how to force it) unless --force
// names it; when not refused, a --force naming it is refused too: there is nothing to override.
void refuse_unless_forced(const Forcing& forcing, std::string_view name, bool refused, const InputProblem& refusal);

enum class ForcedOn { payment, refund };

// Chains one forced_write row per refusal overridden, beside the payment or refund `id` written
// in the same transaction.
void record_forcing(WriteTransaction& txn, const Forcing& forcing, ForcedOn on, std::int64_t id);

}  // namespace ledger
