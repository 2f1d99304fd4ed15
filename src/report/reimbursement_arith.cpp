#include "report/reimbursement_arith.hpp"

#include <algorithm>
#include <stdexcept>

namespace ledger {

Cents value_of_minutes(Cents price, Minutes contractual, Minutes minutes) {
  if (contractual <= 0) throw std::logic_error("a module has contractual minutes above 0");
  return round_half_up_div(price * minutes, contractual);
}

Cents with_vat(Cents ht, BasisPoints vat_bp) { return ht + round_half_up_div(ht * vat_bp, 10000); }

Cents paid_ht(Cents amount, Cents invoice_ht, Cents invoice_ttc) {
  return invoice_ttc == 0 ? 0 : round_half_up_div(amount * invoice_ht, invoice_ttc);
}

Cents percent_of(BasisPoints bp, Cents base) { return round_half_up_div(bp * base, 10000); }

Cents opca_claim(Cents hourly_rate, Minutes covered, Cents price, Minutes contractual) {
  return std::min(round_half_up_div(hourly_rate * covered, 60), value_of_minutes(price, contractual, covered));
}

std::vector<Cents> apply_euro_cap(const std::vector<Cents>& claims, std::optional<Cents> cap) {
  if (!cap) return claims;
  std::vector<Cents> kept;
  kept.reserve(claims.size());
  Cents left = *cap;
  for (const Cents claim : claims) {
    const Cents k = std::clamp<Cents>(left, 0, claim);
    kept.push_back(k);
    left -= k;
  }
  return kept;
}

Cents refund_due(Cents training_paid_ht, Cents refunded, Cents still_owed) {
  return std::max<Cents>(0, training_paid_ht - refunded - still_owed);
}

std::string denunciation_end(const std::string& ends, const std::string& notified) {
  return std::min(ends, add_months(notified, 1));  // ISO dates order as text
}

}  // namespace ledger
