// The arithmetic of DESIGN section 5, on integers only (cents, minutes, basis points), each
// function one rule, so that the report and the money commands share one definition of each.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/values.hpp"

namespace ledger {

// v(x) = round_half_up(price × x / P): the value of x minutes of a module of P contractual minutes
// priced `price` cents per trainee.
Cents value_of_minutes(Cents price, Minutes contractual, Minutes minutes);

// TTC = HT + round_half_up(HT × VAT bp / 10000).
Cents with_vat(Cents ht, BasisPoints vat_bp);

// The HT part of a payment of `amount` (TTC) on an invoice of `ht` / `ttc`:
// round_half_up(amount × HT / TTC); a zero invoice has no HT part.
Cents paid_ht(Cents amount, Cents invoice_ht, Cents invoice_ttc);

// round_half_up(bp × base / 10000): a percent clause applied to a base.
Cents percent_of(BasisPoints bp, Cents base);

// Per (month, trainee, module): min(round_half_up(rate × covered / 60), v(covered)), `price` being
// the HT or the TTC price per the agreement's basis.
Cents opca_claim(Cents hourly_rate, Minutes covered, Cents price, Minutes contractual);

// The euro cap walked over claims already in order (month, trainee id, module code): each claim
// is kept until the cap is reached, the one crossing it kept in part, the rest 0. No cap: as is.
std::vector<Cents> apply_euro_cap(const std::vector<Cents>& claims, std::optional<Cents> cap);

// Art. 12, L6354-1: max(0, training paid HT − refunds − Σ over trainees of v(min(P, scheduled))).
Cents refund_due(Cents training_paid_ht, Cents refunded, Cents still_owed);

// Art. 15: a convention denounced on `notified` ends on E, the earlier of its `ends` and
// `notified` plus one month (the same day number, or that month's last day). ISO dates.
std::string denunciation_end(const std::string& ends, const std::string& notified);

}  // namespace ledger
