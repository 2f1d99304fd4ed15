// ledger_gen: deterministic, national-scale test data for `ledger`.
//
//   ledger_gen --out DIR [--conventions 100] [--trainees 50] [--half-days 200] [--seed 1]
//
// writes DIR/conventions/REF.toml (one convention each: beneficiary, two training bodies, three
// modules, trainees, a decided funding agreement, clauses), DIR/sessions.csv (every planned
// half-day, with a `convention` column) and DIR/attendance.csv (one line per trainee and half-day,
// with a `convention` column: mostly present and signed, some absences, late arrivals, unsigned
// lines and unsigned trainers, e-learning lines with an LMS proof reference). The defaults give
// 100 × 50 × 200 = 1,000,000 attendance lines. The same flags always give the same bytes: the
// generator uses its own PRNG and integer arithmetic only.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace {

// splitmix64: tiny, portable, the same sequence everywhere (std distributions are not).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform enough in [0, n) for test data.
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

 private:
  std::uint64_t state_;
};

struct Options {
  std::string out;
  int conventions = 100;
  int trainees = 50;
  int half_days = 200;
  std::uint64_t seed = 1;
};

[[noreturn]] void usage(const std::string& why) {
  std::cerr << "ledger_gen: " << why << "\n"
            << "usage: ledger_gen --out DIR [--conventions N] [--trainees N] [--half-days N] [--seed S]\n";
  std::exit(2);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) usage(a + " needs a value");
    const std::string v = argv[++i];
    auto number = [&](long min, long max) {
      char* end = nullptr;
      const long n = std::strtol(v.c_str(), &end, 10);
      if (end == v.c_str() || *end != '\0' || n < min || n > max)
        usage(a + ": expected a number from " + std::to_string(min) + " to " + std::to_string(max));
      return n;
    };
    if (a == "--out") o.out = v;
    else if (a == "--conventions") o.conventions = static_cast<int>(number(1, 9999));
    else if (a == "--trainees") o.trainees = static_cast<int>(number(1, 999));
    // A convention runs from September to the next August: about 250 working days, two slots each.
    else if (a == "--half-days") o.half_days = static_cast<int>(number(3, 480));
    else if (a == "--seed") o.seed = static_cast<std::uint64_t>(number(0, 2147483647));
    else usage("unknown option " + a);
  }
  if (o.out.empty()) usage("--out DIR is required");
  return o;
}

// ---- dates (civil calendar, integer arithmetic) ----

struct Day {
  int y, m, d;
};

int days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Day civil_from_days(int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Day{y + (m <= 2), static_cast<int>(m), static_cast<int>(d)};
}

std::string iso(int days) {
  const Day c = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
  return buf;
}

// Working days: no weekend, no fixed French public holiday (movable ones only draw a warning).
bool working_day(int days) {
  const int weekday = ((days % 7) + 11) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
  if (weekday >= 5) return false;
  const Day c = civil_from_days(days);
  static const int fixed[][2] = {{1, 1}, {5, 1}, {5, 8}, {7, 14}, {8, 15}, {11, 1}, {11, 11}, {12, 25}};
  for (const auto& h : fixed)
    if (c.m == h[0] && c.d == h[1]) return false;
  return true;
}

// ---- identifiers ----

std::string digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.below(10));
  return s;
}

// 13 random digits and the Luhn key that src/domain/values.cpp's parse_siret checks.
std::string siret(Rng& rng) {
  std::string s = digits(rng, 13);
  if (s.starts_with("356000000")) s[0] = '4';  // not La Poste: plain Luhn
  for (char key = '0'; key <= '9'; ++key) {
    const std::string candidate = s + key;
    int sum = 0;
    for (std::size_t i = 0; i < candidate.size(); ++i) {
      int d = candidate[i] - '0';
      if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 == 0) return candidate;
  }
  return {};  // unreachable: one key always fits
}

const std::vector<std::string> kLastNames = {
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent",
    "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard",
    "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Müller", "Lefebvre", "Faure", "André",
    "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson",
    "N'Diaye", "Da Silva", "Nguyen", "Benali", "Le Gall"};
const std::vector<std::string> kFirstNames = {
    "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Emma", "Jade", "Louise", "Zoé", "Lucas", "Hugo",
    "Louis", "Nathan", "Gabriel", "Jules", "Arthur", "Adam", "Raphaël", "Théo", "Amélie", "Hélène", "Noémie",
    "Anaïs", "Éloïse", "Jérôme", "Stéphane", "Gaëlle", "Yasmine", "Mamadou", "Karim", "Sofia", "Océane"};
const std::vector<std::string> kCities = {"Lyon", "Lille", "Marseille", "Toulouse", "Nantes", "Rennes", "Strasbourg",
                                          "Bordeaux", "Montpellier", "Dijon", "Clermont-Ferrand", "Rouen", "Tours",
                                          "Limoges", "Besançon", "Orléans", "Amiens", "Caen", "Nancy", "Grenoble"};
const std::vector<std::string> kFunds = {"CAF", "CPAM", "URSSAF", "CARSAT", "CGSS", "MSA"};

struct Module {
  std::string code;
  bool elearning;
  int first, count;  // half-days [first, first + count) of the convention's calendar
};

struct HalfDay {
  std::string date;  // ISO
  std::string compact;  // YYYYMMDD
  bool pm;
};

std::string convention_ref(int c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "NAT-2026-%04d", c + 1);
  return buf;
}

std::string trainee_id(int t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%03d", t + 1);
  return buf;
}

// The three modules of a parcours share the convention's half-days: 20 %, 30 %, the rest.
std::vector<Module> modules_of(int half_days, bool famille) {
  const int pass = half_days / 5 > 0 ? half_days / 5 : 1;
  const int prem = half_days * 3 / 10 > 0 ? half_days * 3 / 10 : 1;
  return {{"PASS", true, 0, pass},
          {"PREMSS", false, pass, prem},
          {famille ? "OPT-FAM" : "OPT-REC", false, pass + prem, half_days - pass - prem}};
}

constexpr int kSlotMinutes = 210;  // 09:00-12:30 and 13:30-17:00

std::vector<HalfDay> calendar(int starts, int half_days) {
  std::vector<HalfDay> out;
  for (int day = starts; static_cast<int>(out.size()) < half_days; ++day) {
    if (!working_day(day)) continue;
    const std::string date = iso(day);
    const std::string compact = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
    out.push_back({date, compact, false});
    if (static_cast<int>(out.size()) < half_days) out.push_back({date, compact, true});
  }
  return out;
}

std::string hours_text(int half_days) {
  const int minutes = half_days * kSlotMinutes;
  return std::to_string(minutes / 60) + (minutes % 60 == 30 ? ".5" : "");
}

// Every third convention (from the third) has its last trainee join at a quarter of its
// half-days; every third (from the second) has an agreement on the TTC basis against a body
// charging 20 % VAT.
bool has_joiner(int c, const Options& o) { return c % 3 == 2 && o.trainees > 1; }
bool on_ttc_basis(int c) { return c % 3 == 1; }

void write_convention(const std::filesystem::path& path, int c, const Options& o, Rng& rng, const std::vector<Module>& modules,
                      bool famille, const std::string& starts, const std::string& ends, const std::string& joins) {
  const std::string city = rng.pick(kCities);
  const std::string fund = rng.pick(kFunds);
  std::ofstream f(path, std::ios::binary);
  f << "# Generated by ledger_gen (seed " << o.seed << ", convention " << c + 1 << ")\n"
    << "[convention]\nref = \"" << convention_ref(c) << "\"\n"
    << "option = \"" << (famille ? "famille" : "recouvrement") << "\"\n"
    // Today's schemes: the période de reconversion replaced Pro-A on 1 January 2026 (loi n° 2025-989).
    << "nature = \"" << (c % 4 == 3 ? "periode_reconversion" : "contrat_pro") << "\"\n"
    << "starts = " << starts << "\nends = " << ends << "\nmax_training_share = 70\n"
    << "signed_place = \"" << city << "\"\n\n"
    << "[beneficiary]\nname = \"" << fund << " de " << city << "\"\nsiret = \"" << siret(rng) << "\"\n"
    << "address = \"" << 1 + rng.below(120) << " rue de la République, " << city << "\"\n"
    << "representative = \"" << rng.pick(kFirstNames) << " " << rng.pick(kLastNames) << "\"\ntitle = \"Directeur\"\n"
    << "icom = \"ICOM-" << digits(rng, 6) << "\"\n\n";
  for (const char* key : {"crf", "ucanss"}) {
    f << "[[training_org]]\nkey = \"" << key << "\"\nname = \""
      << (std::string(key) == "crf" ? "Centre régional de formation de " + city : "Institut national de formation " + std::to_string(c + 1))
      << "\"\nsiret = \"" << siret(rng) << "\"\nnda = \"" << digits(rng, 11) << "\"\nvat_rate = "
      << (on_ttc_basis(c) && std::string(key) == "crf" ? 20 : 0) << "\n"
      << "consolidates_grades = " << (std::string(key) == "crf" ? "true" : "false") << "\n\n";
  }
  for (const auto& m : modules) {
    f << "[[module]]\ncode = \"" << m.code << "\"\nlabel = \"" << m.code << "\"\norg = \"" << (m.code.starts_with("OPT") ? "ucanss" : "crf")
      << "\"\nhours = \"" << hours_text(m.count) << "\"\nelearning = " << (m.elearning ? "true" : "false")
      << "\nplace = \"" << (m.elearning ? "À distance" : city) << "\"\n"
      // 30 € per contractual hour, in cents: 3000 × minutes / 60.
      << "price_ht = \"" << m.count * kSlotMinutes * 50 / 100 << "." << (m.count * kSlotMinutes * 50 % 100 < 10 ? "0" : "")
      << m.count * kSlotMinutes * 50 % 100 << "\"\n\n";
    // D. 6313-3-1: an e-learning module's activities, whose estimated time makes its hours.
    if (m.elearning)
      f << "[[module.activity]]\nid = \"" << m.code << "-COURS\"\nlabel = \"Parcours en ligne\"\nminutes = "
        << m.count * kSlotMinutes - 30 << "\nkind = \"content\"\n\n"
        << "[[module.activity]]\nid = \"" << m.code << "-QUIZ\"\nlabel = \"Quiz de validation\"\nminutes = 30\nkind = \"quiz\"\n\n";
  }
  for (int t = 0; t < o.trainees; ++t) {
    char birth[32];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", 1970 + static_cast<int>(rng.below(35)), 1 + static_cast<int>(rng.below(12)),
                  1 + static_cast<int>(rng.below(28)));
    f << "[[trainee]]\nid = \"" << trainee_id(t) << "\"\nlast_name = \"" << rng.pick(kLastNames) << "\"\nfirst_name = \""
      << rng.pick(kFirstNames) << "\"\nbirth_date = " << birth << "\nfunction = \"Conseiller offres de service\"\n"
      << "contract_start = " << starts << "\ncontract_end = " << ends << "\nweekly_hours = 35\n";
    if (has_joiner(c, o) && t == o.trainees - 1) f << "joins = " << joins << "\n";
    f << "\n";
  }
  f << "[[funding]]\nref = \"UNIF-" << convention_ref(c) << "\"\nfunder = \"Uniformation\"\ndecided = 2026-08-25\n"
    << "hourly_rate = \"9.15\"\nbasis = \"" << (on_ttc_basis(c) ? "ttc" : "ht") << "\"\nsubrogation = false\n\n"
    << "[clauses]\nbeneficiary_notice_days = 15\nbeneficiary_percent = 30\nof_notice_days = 15\nof_percent = 30\n"
    << "partial_percent = 50\n";
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = parse(argc, argv);
  namespace fs = std::filesystem;
  fs::create_directories(fs::path(o.out) / "conventions");
  std::ofstream sessions(fs::path(o.out) / "sessions.csv", std::ios::binary);
  std::ofstream attendance(fs::path(o.out) / "attendance.csv", std::ios::binary);
  sessions << "convention,module,date,slot,minutes,start,end,trainer,place,mode\n";
  attendance << "convention,module,date,slot,trainee,minutes,absence,trainee_signed,trainer_signed,proof,sheet\n";

  const int starts = days_from_civil(2026, 9, 1);
  const std::string starts_iso = iso(starts), ends_iso = iso(days_from_civil(2027, 8, 31));
  std::string line;
  std::uint64_t lines = 0;
  for (int c = 0; c < o.conventions; ++c) {
    // One stream per convention: its data does not depend on how many conventions follow.
    Rng rng(o.seed * 1000003 + static_cast<std::uint64_t>(c));
    const bool famille = c % 2 == 0;
    const std::string ref = convention_ref(c);
    const auto modules = modules_of(o.half_days, famille);
    const auto days = calendar(starts, o.half_days);
    const std::string joins = days[o.half_days / 4].date;
    write_convention(fs::path(o.out) / "conventions" / (ref + ".toml"), c, o, rng, modules, famille, starts_iso, ends_iso, joins);
    // Coordinators' spreadsheets differ in how they write booleans.
    static const char* const kYes[] = {"yes", "oui", "1", "true"};
    static const char* const kNo[] = {"no", "non", "0", "false"};
    const char* yes = kYes[c % 4];
    const char* no = kNo[c % 4];
    for (const auto& m : modules) {
      const std::string trainer = rng.pick(kFirstNames) + " " + rng.pick(kLastNames);
      for (int h = m.first; h < m.first + m.count; ++h) {
        const HalfDay& hd = days[h];
        const char* slot = hd.pm ? "pm" : "am";
        sessions << ref << ',' << m.code << ',' << hd.date << ',' << slot << ',' << kSlotMinutes << ','
                 << (hd.pm ? "13:30,17:00," : "09:00,12:30,") << trainer << ',' << (m.elearning ? "À distance" : "Salle 2")
                 << ',' << (m.elearning ? "elearning" : "onsite") << '\n';
        const bool trainer_signed = m.elearning || rng.below(100) != 0;
        const std::string scan = "scan/" + ref + "/" + m.code + "-" + hd.compact + (hd.pm ? "-PM.pdf" : "-AM.pdf");
        for (int t = 0; t < o.trainees; ++t) {
          const auto r = rng.below(1000);
          int minutes = kSlotMinutes;
          const char* absence = "";
          bool signed_by_trainee = true;
          if (r < 40) {  // absent, justified half the time
            minutes = 0;
            absence = r < 20 ? "justified" : "unjustified";
            signed_by_trainee = false;
          } else if (r < 75) {  // late arrival or early departure, 15 to 120 minutes
            minutes = kSlotMinutes - 15 * (1 + static_cast<int>(rng.below(8)));
            absence = r < 50 ? "justified" : (r < 60 ? "unjustified" : "");
          } else if (r < 85) {
            signed_by_trainee = false;  // present, forgot to sign
          }
          const std::string id = trainee_id(t);
          if (has_joiner(c, o) && t == o.trainees - 1 && hd.date < joins) continue;  // not theirs yet
          line.clear();
          line += ref; line += ','; line += m.code; line += ','; line += hd.date; line += ','; line += slot; line += ',';
          line += id; line += ','; line += std::to_string(minutes); line += ','; line += absence; line += ',';
          line += signed_by_trainee ? yes : no; line += ','; line += trainer_signed ? yes : no; line += ',';
          if (m.elearning) {
            if (minutes > 0) line += "LMS-" + ref + "-" + hd.compact + (hd.pm ? "-PM-" : "-AM-") + id;
          } else {
            line += scan;
          }
          line += ",\n";  // the sheet id is left to the ledger
          attendance << line;
          ++lines;
        }
      }
    }
  }
  std::cerr << "ledger_gen: " << o.conventions << " conventions, " << lines << " attendance lines in " << o.out << "\n";
  return 0;
}
