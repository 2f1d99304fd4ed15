// What was recorded, listed (`trainee list`, `invoice list`, `payment list`, `refund list`,
// `funding list`): each a dataset for `--format table|csv|json|xlsx`. Callable in-process.
#pragma once

#include <iosfwd>
#include <string>

#include "app/command.hpp"
#include "domain/convention.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct RecordListOptions {
  std::string convention;
  std::string org;  // invoice, payment and refund lists: one training body only
  bool receipts = false;  // funding list: the receipts one by one rather than the agreements
  Format format = Format::table;
  Output output;
};

Dataset trainee_list(Ledger& ledger, const RecordListOptions& opts);
Dataset invoice_list(Ledger& ledger, const RecordListOptions& opts);
Dataset payment_list(Ledger& ledger, const RecordListOptions& opts);
Dataset refund_list(Ledger& ledger, const RecordListOptions& opts);
Dataset funding_list(Ledger& ledger, const RecordListOptions& opts);
Dataset convention_history(Ledger& ledger, const RecordListOptions& opts);

// Renders `data`; an empty table is the sentence `none` instead.
int print_record_list(const Dataset& data, const std::string& none, std::ostream& out, const RecordListOptions& opts);

// Adds `GROUP list [--org KEY] [--format …]` to `app`: the dataset `list` computes, or the sentence
// `none` when a table would be empty. For the invoice, payment and refund lists.
using RecordLister = Dataset (*)(Ledger&, const RecordListOptions&);
void add_org_record_list(CLI::App& app, Context& ctx, const std::string& group, const std::string& group_help,
                         const std::string& help, RecordLister list, std::string none);

// Binds `:org` of a list's query: the body --org names (matched as codes are), or NULL for all.
void bind_org_filter(Query& q, const ConventionState& st, const std::string& org);

}  // namespace ledger
