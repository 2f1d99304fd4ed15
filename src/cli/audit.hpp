// The auditor's commands, callable in-process: verify, export proofs, check, certificate, backup.
#pragma once

#include <iosfwd>
#include <string>

#include "app/clock.hpp"
#include "app/command.hpp"
#include "report/dataset.hpp"
#include "store/ledger.hpp"

namespace ledger {

struct VerifyOptions {};

struct ExportProofsOptions {
  std::string convention;  // empty: every convention of the ledger
  std::string out, from, to;
  std::string dialect = "rfc4180";
  bool force = false;
};

struct CheckOptions {
  std::string convention;  // empty: every convention of the ledger
  Format format = Format::table;
  Output output;
};

enum class DocumentFormat { html, text };

struct CertificateOptions {
  std::string convention, trainee;
  DocumentFormat format = DocumentFormat::html;
};

struct BackupOptions {
  std::string file;
};

struct CopyOptions {
  std::string to;  // a file or a PostgreSQL server, as --db takes them
};

// Each returns the exit code: 0, or 1 when the chain or a check found a problem.
int run_verify(Ledger& ledger, std::ostream& out, const VerifyOptions& opts);
int run_export_proofs(Ledger& ledger, const Clock& clock, std::ostream& out, const ExportProofsOptions& opts);
int run_check(Ledger& ledger, const Clock& clock, std::ostream& out, const CheckOptions& opts);
int run_certificate(Ledger& ledger, const Clock& clock, std::ostream& out, const CertificateOptions& opts);
int run_backup(Ledger& ledger, std::ostream& out, const BackupOptions& opts);
int run_copy(Ledger& ledger, std::ostream& out, const CopyOptions& opts, const Clock& clock);

}  // namespace ledger
