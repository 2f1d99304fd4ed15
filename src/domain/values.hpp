// Parsing and formatting of the ledger's units. Every parser refuses a bad value with a reason
// (std::invalid_argument carrying the "why"); callers add where the value came from.
//
// Units: money in integer cents, time in integer minutes, VAT and percents in basis points,
// days in hundredths. Decimal input accepts `1200`, `1200.5`, `1200,50`; a third decimal is an error.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>

namespace ledger {

using Cents = std::int64_t;
using Minutes = std::int64_t;
using BasisPoints = std::int64_t;

// A non-negative decimal with at most two decimals, as hundredths: "12,5" -> 1250.
// Spaces (also no-break spaces) between digit groups are allowed: "1 234,56".
std::int64_t parse_hundredths(std::string_view text);
Cents parse_money(std::string_view text);
BasisPoints parse_percent(std::string_view text);
// Hours to minutes; the result must be whole minutes ("3.25" -> 195; "1.01" is refused).
Minutes parse_hours(std::string_view text);
// A whole, non-negative number of minutes.
Minutes parse_minutes(std::string_view text);

// ISO `2026-11-27` or French `27/11/2026`; impossible dates (2027-02-30) are refused.
date::year_month_day parse_date(std::string_view text);
std::string format_date(date::year_month_day day);
// `months` calendar months after an ISO date: the same day number, or that month's last day
// (2026-01-31 + 1 month = 2026-02-28), as Art. 15's month of notice is counted.
std::string add_months(std::string_view iso, int months);
// Days from one ISO date to another (negative when `to` is earlier).
std::int64_t days_between(const std::string& from, const std::string& to);
// For prose: `2026-10-05` -> `5 octobre 2026` (tables keep ISO dates); other text as it is.
std::string french_date(std::string_view iso);
// `HH:MM`, 00:00 to 23:59.
std::string parse_time_of_day(std::string_view text);
Minutes minutes_of_day(std::string_view hh_mm);

enum class Slot { am, pm };
// Coded values (module codes, trainee ids, slots, absence, mode, booleans) are matched trimmed and
// without regard to ASCII case, the same way everywhere (DESIGN section 4).
bool same_code(std::string_view given, std::string_view code);
std::string code_key(std::string_view text);  // trimmed, lower case: the form compared
Slot parse_slot(std::string_view text);
std::string parse_absence(std::string_view text);  // "", "justified" or "unjustified"
std::string parse_mode(std::string_view text);     // "onsite" or "elearning"
std::string_view slot_name(Slot slot);
// For people: `am` -> `matin`, `pm` -> `après-midi`; other text as it is.
std::string slot_label(std::string_view slot);


bool parse_bool(std::string_view text);  // yes/no, true/false, 1/0, oui/non

// SIRET: 14 digits passing the Luhn check, or La Poste's (SIREN 356000000) with a digit sum that
// is a multiple of 5. Spaces are ignored; the normalised 14 digits are returned.
std::string parse_siret(std::string_view text);
// N° de déclaration d'activité: 11 digits (spaces ignored).
std::string parse_nda(std::string_view text);
// An e-mail address (to match LMS exports): one `@` with text on both sides and a dot in the
// domain, no space; returned trimmed. Matched without regard to case, like codes.
std::string parse_email(std::string_view text);

std::int64_t round_half_up_div(std::int64_t numerator, std::int64_t denominator);

// For people: `1 234,56 €`, `3 h 30`, `40 h`, `5,5`.
std::string format_euros(Cents cents);
std::string format_hours(Minutes minutes);
std::string format_hundredths_fr(std::int64_t value);
// Basis points as a French percentage for tables: `12,5 %`.
std::string format_percent(std::int64_t basis_points);
// For machines: `1234.56`.
std::string format_hundredths(std::int64_t value);

std::string trim(std::string_view text);

}  // namespace ledger
