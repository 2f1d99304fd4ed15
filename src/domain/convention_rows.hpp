// The rows of a convention's parts, written by `convention import` and by `convention amend`
// (the modules, trainees and agreements an avenant adds), so that both encode them alike.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger {

std::int64_t append_module(WriteTransaction& txn, std::int64_t convention_id, std::int64_t org_id, const ModuleSpec& m);
// The `[[module.activity]]` rows of an e-learning module (D. 6313-3-1), in the file's order.
void append_activities(WriteTransaction& txn, std::int64_t module_id, const ModuleSpec& m);
// The trainee's row; its joining date and e-mail are record_joins's and record_email's, written
// after every trainee of the file.
std::int64_t append_trainee(WriteTransaction& txn, std::int64_t convention_id, const TraineeSpec& t);
std::int64_t append_funding(WriteTransaction& txn, std::int64_t convention_id, const FundingSpec& f);
// The (module, trainee) pairs of `f`'s scope in `spec` (every module or trainee of it when the
// agreement names none) that `wanted` keeps, by module code and trainee id.
void append_scope(WriteTransaction& txn, const ConventionSpec& spec, const FundingSpec& f, std::int64_t funding_id,
                  const std::map<std::string, std::int64_t>& module_ids, const std::map<std::string, std::int64_t>& trainee_ids,
                  const std::function<bool(const std::string&, const std::string&)>& wanted);

}  // namespace ledger
