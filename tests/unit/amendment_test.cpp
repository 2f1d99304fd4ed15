// Amendments (avenants): what a restated convention may change, what it may add, what is refused,
// and that a recorded version is what every command then loads, the import's rows untouched.
#include "app/error.hpp"
#include "fixture.hpp"
#include "store/chain.hpp"

namespace ledger::testing {
namespace {

const std::string kConvention = R"([convention]
ref = "AMD"
option = "famille"
nature = "contrat_pro"
starts = 2026-09-01
ends = 2027-06-30

[beneficiary]
name = "Caisse"
siret = "78250100000015"

[[training_org]]
key = "crf"
name = "Centre"
siret = "13000000000013"
nda = "84691234569"

[[module]]
code = "PREMSS"
org = "crf"
hours = 61
price_ht = "1830.00"

[[trainee]]
id = "T01"
last_name = "Martin"
first_name = "Léa"

[clauses]
partial_percent = 50
)";

ConventionSpec spec(const std::string& toml) { return read_convention_toml(toml, "a.toml"); }

std::vector<AmendmentChange> changes(const std::string& file) { return amendment_changes(spec(kConvention), spec(file), "a.toml"); }

// The single problem a refused comparison reports, as printed.
std::string refusal(const std::string& file) {
  try {
    changes(file);
  } catch (const InputError& e) {
    std::string all;
    for (const auto& p : e.problems()) all += (all.empty() ? "" : "\n") + p.message();
    return all;
  }
  return "accepted";
}

TEST(AmendmentComparison, TheSameConventionChangesNothing) { EXPECT_TRUE(changes(kConvention).empty()); }

TEST(AmendmentComparison, EndsClausesHoursAndPricesMayChange) {
  auto file = replaced(kConvention, "ends = 2027-06-30", "ends = 2027-09-30");
  file = replaced(file, "price_ht = \"1830.00\"", "price_ht = \"2196.00\"");
  file = replaced(file, "hours = 61", "hours = 61.5");
  file = replaced(file, "partial_percent = 50", "partial_amount = \"100\"");
  const auto c = changes(file);
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].field, "convention.ends");
  EXPECT_EQ(c[0].old_value, "2027-06-30");
  EXPECT_EQ(c[0].new_value, "2027-09-30");
  EXPECT_EQ(c[1].field, "module[PREMSS].hours");
  EXPECT_EQ(c[1].old_value, "61");
  EXPECT_EQ(c[1].new_value, "61.50");
  EXPECT_EQ(c[2].field, "module[PREMSS].price_ht");
  EXPECT_EQ(c[2].old_value, "1830.00");
  EXPECT_EQ(c[2].new_value, "2196.00");
  EXPECT_EQ(c[3].field, "clauses.partial_percent");
  EXPECT_EQ(c[3].new_value, "");
  EXPECT_EQ(c[4].field, "clauses.partial_amount");
  EXPECT_EQ(c[4].new_value, "100.00");
}

TEST(AmendmentComparison, ModulesTraineesAndAgreementsMayBeAdded) {
  const auto file = kConvention + R"(
[[module]]
code = "OPT"
label = "Option CSU"
org = "crf"
hours = 14
price_ht = "420.00"

[[trainee]]
id = "T02"
last_name = "Bernard"
first_name = "Hugo"

[[funding]]
ref = "UNIF"
funder = "Uniformation"
hourly_rate = "9.15"
)";
  const auto c = changes(file);
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].field, "module[OPT]");
  EXPECT_EQ(c[0].old_value, "");
  EXPECT_EQ(c[0].new_value, "Option CSU");
  EXPECT_EQ(c[1].field, "trainee[T02]");
  EXPECT_EQ(c[1].new_value, "Bernard Hugo");
  EXPECT_EQ(c[2].field, "funding[UNIF]");
  EXPECT_EQ(c[2].new_value, "Uniformation");
}

TEST(AmendmentComparison, AnyOtherDifferenceIsRefusedWithItsLineAndBothValues) {
  EXPECT_EQ(refusal(replaced(kConvention, "siret = \"78250100000015\"", "siret = \"13000000000013\"")),
            "a.toml:10: beneficiary.siret: 13000000000013: un avenant ne change pas cette valeur (enregistrée\u202f: 78250100000015)");
  EXPECT_EQ(refusal(replaced(kConvention, "nature = \"contrat_pro\"", "nature = \"plan\"")),
            "a.toml:4: convention.nature: plan: un avenant ne change pas cette valeur (enregistrée\u202f: contrat_pro)");
  EXPECT_EQ(refusal(replaced(kConvention, "first_name = \"Léa\"", "first_name = \"Lea\"")),
            "a.toml:27: trainee[T01].first_name: Lea: un avenant ne change pas cette valeur (enregistrée\u202f: Léa)");
}

TEST(AmendmentComparison, WhatWasRecordedMustBeRestated) {
  const auto file = replaced(kConvention, "[[trainee]]\nid = \"T01\"\nlast_name = \"Martin\"\nfirst_name = \"Léa\"\n", "");
  EXPECT_EQ(refusal(file), "a.toml:1: trainee[T01]: T01: enregistré, absent du fichier\u202f: un avenant reprend toute la convention, "
                           "ce qui a été ajouté depuis l'import compris");
}

TEST(AmendmentComparison, NoTrainingBodyIsAdded) {
  const auto file = kConvention + "\n[[training_org]]\nkey = \"of2\"\nname = \"Autre\"\nsiret = \"13000000000013\"\nnda = \"84691234569\"\n";
  EXPECT_NE(refusal(file).find("training_org[of2]: of2: un avenant n'ajoute pas d'organisme de formation"), std::string::npos);
}

struct Amendment : LedgerFixture {
  std::int64_t amend(const std::string& file) {
    const ConventionState st = load_convention(*ledger, "");
    WriteTransaction txn(*ledger, clock);
    const auto version = record_amendment(*ledger, txn, st, spec(file), "a.toml", "avenant");
    txn.commit();
    return version;
  }
  std::string refused(const std::string& file) {
    try {
      amend(file);
    } catch (const InputError& e) {
      return e.problems().front().message();
    }
    return "accepted";
  }
  std::string import_hashes() {
    return sql_rows("SELECT id, hash FROM convention UNION ALL SELECT id, hash FROM module ORDER BY 1, 2");
  }
};

TEST_F(Amendment, TheLatestVersionIsWhatCommandsLoadAndTheImportKeepsItsRows) {
  import(kConvention);
  const std::string before = import_hashes();
  EXPECT_EQ(amend(replaced(kConvention, "price_ht = \"1830.00\"", "price_ht = \"2196.00\"")), 2);
  auto st = load_convention(*ledger, "");
  EXPECT_EQ(st.convention.version, 2);
  EXPECT_EQ(st.modules.front().price_ht_cents, 219600);
  EXPECT_EQ(st.convention.ends, "2027-06-30");
  EXPECT_EQ(import_hashes(), before);
  EXPECT_EQ(amend(replaced(replaced(kConvention, "price_ht = \"1830.00\"", "price_ht = \"2196.00\""), "ends = 2027-06-30", "ends = 2027-07-31")), 3);
  st = load_convention(*ledger, "");
  EXPECT_EQ(st.convention.version, 3);
  EXPECT_EQ(st.convention.ends, "2027-07-31");
  EXPECT_EQ(st.modules.front().price_ht_cents, 219600);  // kept from version 2
  EXPECT_EQ(st.convention.clauses.partial_percent_bp, 5000);
  EXPECT_TRUE(verify_chain(*ledger).ok);
}

TEST_F(Amendment, WhatContradictsTheLedgerIsRefused) {
  import(kConvention);
  plan("PREMSS", "2027-03-01", "am", 210);
  EXPECT_EQ(refused(kConvention), "a.toml:2: convention.ref: AMD: l'avenant ne change rien à la version 1");
  EXPECT_EQ(refused(replaced(kConvention, "ends = 2027-06-30", "ends = 2027-02-28")),
            "a.toml:6: convention.ends: 2027-02-28: avant la demi-journée prévue du 1er mars 2027 (module PREMSS)\u202f: annulez-la d'abord");
  EXPECT_EQ(refused(replaced(kConvention, "hours = 61", "hours = 3")),
            "a.toml:21: module[PREMSS].hours: 3: sous les 3 h 30 prévues en demi-journées non annulées\u202f: annulez-en d'abord");
  EXPECT_EQ(count("convention_amendment"), 0);
}

}  // namespace
}  // namespace ledger::testing
