// The certificat de réalisation, on the Ministry of Labour's model that OPCOs have required since
// 2020 for the contrôle de service fait (R6332-26): one page per training body, signed by it,
// attesting the hours the trainee followed in its modules. Hours are the ledger's followed
// minutes (reports/quantities.sql), so they equal the sheets' and the reports'. While half-days
// are still planned after the certificate's date it says the training is under way.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/clock.hpp"
#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger::audit {

struct CertificateModule {
  std::string code, label;
  Minutes contractual = 0, followed = 0, unproven = 0;
  Minutes planned = 0;  // half-days still planned after the certificate's date
  bool elearning = false;
  std::optional<std::string> first_date, last_date;  // half-days attended
  std::optional<std::string> held_first, held_last;  // half-days held by the certificate's date
  std::optional<std::string> planned_last;
};

// One training body's certificate.
struct CertificatePage {
  std::string org_name, org_siret, org_nda, org_address, org_representative, org_title;
  bool internal = false;
  std::vector<CertificateModule> modules;
  Minutes followed = 0, unproven = 0, planned = 0;
  Minutes followed_elearning = 0;  // of `followed`, in e-learning modules (FOAD)
  std::optional<std::string> first_date, last_date, held_first, held_last, planned_last;
  bool under_way() const { return planned > 0; }
};

struct Certificate {
  std::string convention_ref, title, option, scheme;  // scheme: its proper French name
  std::string convention_label;  // the ref, with the version in force once amended
  std::string trainee_code, last_name, first_name;
  std::string employer_name, employer_siret, employer_address;
  std::string issued_on;  // ISO
  std::vector<CertificatePage> pages;  // the bodies in whose modules the trainee followed hours
};

// A trainee who followed nothing has no certificate: refused (InputError on --trainee).
Certificate load_certificate(Ledger& ledger, const Clock& clock, const ConventionState& st, const TraineeRow& trainee);

std::string render_certificate_html(const Certificate& c);
void render_certificate_text(const Certificate& c, std::ostream& out);

}  // namespace ledger::audit
