// `ledger proof …`: evidence files held in the ledger (attach, retract, list, get), callable in-process.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "app/command.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct ProofAttachOptions {
  std::string convention, file, module, date, slot, trainee, kind, note;
};

struct ProofRetractOptions {
  std::string convention, id, reason;
};

struct ProofListOptions {
  std::string convention, module, date, trainee;
  Format format = Format::table;
  Output output;
};

struct ProofGetOptions {
  std::string convention, id, out;
};

// sheet, attestation, lms, other: how people read them.
CodeLabels proof_kind_labels();

// The evidence row ID (as typed) of the convention, from queries/evidence_list.sql; an error naming
// ID when there is none.
Query find_evidence(Ledger& ledger, std::int64_t convention_id, const std::string& id_text);

// `attend` (cli/spine.hpp) whose half-day's sheet `scan` (a file, or empty) is attached with the
// entries, in one transaction; with --file, the scan column does the same for each half-day.
struct AttendOptions;
int run_attend_with_scan(Ledger& ledger, const Clock& clock, std::ostream& out, std::ostream& err, const AttendOptions& opts,
                         const std::string& scan);

int run_proof_attach(Ledger& ledger, const Clock& clock, std::ostream& out, const ProofAttachOptions& opts);
int run_proof_retract(Ledger& ledger, const Clock& clock, std::ostream& out, const ProofRetractOptions& opts);
Dataset proof_list(Ledger& ledger, const ProofListOptions& opts);
int run_proof_list(Ledger& ledger, std::ostream& out, const ProofListOptions& opts);
int run_proof_get(Ledger& ledger, std::ostream& out, const ProofGetOptions& opts);

}  // namespace ledger
