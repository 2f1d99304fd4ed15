// The schemes a convention serves (`convention.nature`) and the dates the law gives them.
// * contrat_pro: contrat de professionnalisation, L. 6325-1 and following of the code du travail.
// * periode_pro: période de professionnalisation, repealed on 1 January 2019 by the loi n° 2018-771
//   du 5 septembre 2018 (pour la liberté de choisir son avenir professionnel), which created Pro-A
//   (reconversion ou promotion par alternance, L. 6324-1 as it then stood). Old ledgers and the
//   seed (2010) still hold it, so it is read for conventions starting before 2019.
// * pro_a: from 2019-01-01 until the loi n° 2025-989 du 24 octobre 2025 replaced it, on 1 January
//   2026, by the période de reconversion (L. 6324-1 and following as they now stand).
// * plan: plan de développement des compétences (L. 6321-1), no date bound.
#include "domain/convention.hpp"

#include "app/text.hpp"

namespace ledger {

namespace {
constexpr const char* kProAFrom = "2019-01-01";
constexpr const char* kReconversionFrom = "2026-01-01";
}  // namespace

std::string scheme_name(const std::string& nature) {
  if (nature == "contrat_pro") return tr("law.scheme.contrat_pro");
  if (nature == "periode_pro") return tr("law.scheme.periode_pro");
  if (nature == "pro_a") return tr("law.scheme.pro_a");
  if (nature == "periode_reconversion") return tr("law.scheme.periode_reconversion");
  if (nature == "plan") return tr("law.scheme.plan");
  return nature;
}

std::optional<std::string> scheme_refusal(const std::string& nature, const std::string& starts) {
  if (nature == "contrat_pro" || nature == "plan") return std::nullopt;
  // Without a start date (reported apart) only the name can be checked.
  if (starts.empty()) {
    if (nature == "periode_pro" || nature == "pro_a" || nature == "periode_reconversion") return std::nullopt;
    return tr("toml.nature");
  }
  if (nature == "periode_pro") {
    if (starts < kProAFrom) return std::nullopt;
    if (starts < kReconversionFrom) return tr("law.periode_pro_replaced");
    return tr("law.periode_pro_replaced_twice");
  }
  if (nature == "pro_a") {
    if (starts < kProAFrom) return tr("law.pro_a_not_yet");
    if (starts < kReconversionFrom) return std::nullopt;
    return tr("law.pro_a_replaced");
  }
  if (nature == "periode_reconversion") {
    if (starts < kReconversionFrom) return tr("law.reconversion_not_yet");
    return std::nullopt;
  }
  return tr("toml.nature");
}

}  // namespace ledger
