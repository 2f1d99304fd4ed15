// Text for printed documents: HTML escaping, `{{name}}` templates embedded from reports/, and the
// French wording of dates and of the convention's option.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace ledger::paper {

std::string escape_html(std::string_view text);

// Replaces every `{{name}}` of `tmpl` with html.at(name): values are HTML, so text must have gone
// through escape_html. A placeholder without a value is a build mistake (std::logic_error).
std::string fill_template(std::string_view tmpl, const std::map<std::string, std::string>& html);

// `2026-10-05` -> `lundi 5 octobre 2026`.
std::string long_french_date(const std::string& iso);
// `2026-10-05` -> `05/10/2026`.
std::string short_french_date(const std::string& iso);

// The option box the seed has ticked in Art. 1, 4, 6 and 8.
std::string option_label(const std::string& option);

}  // namespace ledger::paper
