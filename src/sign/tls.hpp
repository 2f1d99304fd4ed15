// The certificate `ledger sign` serves HTTPS with off 127.0.0.1: generated at start, self-signed,
// valid for a day; people check it by the SHA-256 fingerprint the terminal prints.
#pragma once

#include <memory>
#include <string>

#include <openssl/evp.h>
#include <openssl/x509.h>

namespace ledger::sign {

struct Certificate {
  std::unique_ptr<X509, void (*)(X509*)> x509{nullptr, X509_free};
  std::unique_ptr<EVP_PKEY, void (*)(EVP_PKEY*)> key{nullptr, EVP_PKEY_free};
  std::string fingerprint;  // SHA-256 of the DER, `AB:CD:…`
};

// An EC P-256 key and a certificate for `host` (its subject and subjectAltName, IP or DNS).
Certificate make_certificate(const std::string& host);

}  // namespace ledger::sign
