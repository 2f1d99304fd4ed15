// French public holidays (jours fériés, code du travail L3133-1), for `ledger check`.
#pragma once

#include <optional>
#include <string>

#include <date/date.h>

namespace ledger::audit {

// Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher).
date::year_month_day easter_sunday(date::year year);

// The holiday's French name when `day` is one of the eleven national public holidays
// (1 January, Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August,
// 1 November, 11 November, 25 December); nullopt otherwise. Alsace-Moselle's local days are not
// national and are left out.
std::optional<std::string> french_public_holiday(date::year_month_day day);

}  // namespace ledger::audit
