// The certificat de réalisation (arrêté du 21 décembre 2018): one page per training body, signed
// by it, attesting the hours the trainee followed in its modules. Hours are the ledger's followed
// minutes (reports/quantities.sql), so they equal the sheets' and the reports'.
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
  bool elearning = false;
  std::optional<std::string> first_date, last_date;  // half-days attended
};

// One training body's certificate.
struct CertificatePage {
  std::string org_name, org_siret, org_nda, org_address, org_representative, org_title;
  bool internal = false;
  std::vector<CertificateModule> modules;
  Minutes followed = 0, unproven = 0;
  std::optional<std::string> first_date, last_date;
};

struct Certificate {
  std::string convention_ref, title, option;
  std::string trainee_code, last_name, first_name;
  std::string employer_name, employer_siret, employer_address;
  std::string issued_on;  // ISO
  std::vector<CertificatePage> pages;
};

Certificate load_certificate(Ledger& ledger, const Clock& clock, const ConventionState& st, const TraineeRow& trainee);

std::string render_certificate_html(const Certificate& c);
void render_certificate_text(const Certificate& c, std::ostream& out);

}  // namespace ledger::audit
