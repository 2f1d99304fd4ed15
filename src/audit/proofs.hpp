// The auditor bundle of DESIGN.md section 6: attendance.csv, sessions.csv, trainees.csv,
// corrections.csv, evidence.csv with the evidence files under evidence/, summary.csv, README.txt
// and MANIFEST.sha256 (accepted by `sha256sum -c`, its
// last line `# chain-head HEX entries N`).
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "io/csv.hpp"
#include "store/chain.hpp"
#include "store/ledger.hpp"

namespace ledger::audit {

struct BundleRequest {
  std::vector<std::string> conventions;  // refs
  std::string from = "0001-01-01", to = "9999-12-31";  // half-days dated from..to, both included
  io::Dialect dialect = io::Dialect::rfc4180;
};

struct BundleFile {
  std::string name;
  std::string sha256;  // hex
};

struct Bundle {
  std::vector<BundleFile> files;  // MANIFEST.sha256 last
  ChainHead head;
};

// A stored evidence file whose bytes no longer match their digest: the bundle is not written.
class EvidenceChanged : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Writes every file into `dir` (which must exist) as `.NAME.partial`, then renames them in place,
// so that a failure leaves no complete-looking bundle. The caller holds a read transaction and has
// verified the chain: `head` is what the manifest records.
Bundle write_bundle(Ledger& ledger, const Clock& clock, const BundleRequest& request, const ChainHead& head,
                    const std::filesystem::path& dir);

// The bundle's file names, in the order of the manifest.
const std::vector<std::string>& bundle_file_names();

}  // namespace ledger::audit
