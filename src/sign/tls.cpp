#include "sign/tls.hpp"

#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <stdexcept>

namespace ledger::sign {

namespace {
void ok(int result, const char* what) {
  if (result <= 0) throw std::runtime_error(std::string("certificate: ") + what + " failed");
}
}  // namespace

Certificate make_certificate(const std::string& host) {
  Certificate c;
  c.key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!c.key) throw std::runtime_error("certificate: key generation failed");
  c.x509.reset(X509_new());
  X509* x = c.x509.get();
  ok(X509_set_version(x, 2), "version");
  unsigned char serial[16];
  ok(RAND_bytes(serial, sizeof serial), "serial");
  serial[0] &= 0x7f;  // a positive serial number (RFC 5280)
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  ok(bn != nullptr && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(x)) != nullptr, "serial");
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(x), -300);
  X509_gmtime_adj(X509_getm_notAfter(x), 24 * 3600);
  ok(X509_set_pubkey(x, c.key.get()), "public key");
  X509_NAME* name = X509_get_subject_name(x);
  ok(X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(host.c_str()), -1, -1, 0), "name");
  ok(X509_set_issuer_name(x, name), "issuer");
  const bool ip = host.find_first_not_of("0123456789.") == std::string::npos;
  const std::string alt = (ip ? "IP:" : "DNS:") + host;
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, NID_subject_alt_name, alt.c_str());
  ok(ext != nullptr && X509_add_ext(x, ext, -1), "subjectAltName");
  X509_EXTENSION_free(ext);
  ok(X509_sign(x, c.key.get(), EVP_sha256()), "signature");
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  ok(X509_digest(x, EVP_sha256(), digest, &n), "fingerprint");
  static constexpr char digits[] = "0123456789ABCDEF";
  for (unsigned int i = 0; i < n; ++i) {
    if (i > 0) c.fingerprint += ':';
    c.fingerprint += digits[digest[i] >> 4];
    c.fingerprint += digits[digest[i] & 15];
  }
  return c;
}

}  // namespace ledger::sign
