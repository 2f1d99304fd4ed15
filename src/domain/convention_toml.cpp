// Reading a convention file (TOML). Keys are documented in data/convention-template.toml.
#include <toml++/toml.h>

#include <fmt/format.h>

#include <functional>
#include <set>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/convention.hpp"
#include "io/csv.hpp"

namespace ledger {

namespace {

// The file being read: its name for messages, its bytes to quote values as written.
struct Source {
  const std::string& file;
  const std::string& bytes;
  std::map<std::string, std::int64_t>& lines;  // the spec's: where each key was read

  // The text of a value in the file. toml++ counts columns in code points, the end excluded.
  std::string written(const toml::node& n) const {
    const auto& region = n.source();
    std::size_t pos = 0;
    for (auto line = 1u; line < region.begin.line && pos != std::string::npos; ++line) {
      pos = bytes.find('\n', pos);
      if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos || region.end.line != region.begin.line) return {};
    auto advance = [&](std::size_t from, std::size_t code_points) {
      while (code_points > 0 && from < bytes.size() && bytes[from] != '\n') {
        ++from;
        while (from < bytes.size() && (static_cast<unsigned char>(bytes[from]) & 0xC0) == 0x80) ++from;
        --code_points;
      }
      return from;
    };
    const std::size_t first = advance(pos, region.begin.column - 1);
    const std::size_t last = advance(first, region.end.column - region.begin.column);
    return bytes.substr(first, last - first);
  }
};

// A TOML float's text as a plain decimal for parse_hundredths: digit separators dropped; an
// exponent, inf or nan refused (amounts, hours and percents are written as decimals).
std::string plain_decimal(std::string text) {
  std::erase(text, '_');
  if (!text.empty() && text[0] == '+') text.erase(0, 1);
  if (text.find_first_of("eEin") != std::string::npos) throw std::invalid_argument(tr("value.plain_decimal"));
  return text;
}

// The codes a file declares (training body keys, module codes, trainee ids), matched as everywhere
// else: trimmed, without regard to case. A reference is rewritten to the declared spelling.
class Codes {
 public:
  bool declare(const std::string& code) { return by_key_.emplace(code_key(code), code).second; }
  std::optional<std::string> find(const std::string& given) const {
    const auto it = by_key_.find(code_key(given));
    if (it == by_key_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<std::string> all() const {
    std::vector<std::string> out;
    for (const auto& [key, code] : by_key_) out.push_back(code);
    return out;
  }

 private:
  std::map<std::string, std::string> by_key_;
};

// Reads the keys of one TOML table, collecting every problem with its line.
class Section {
 public:
  Section(const toml::table& table, std::string name, const Source& source, ProblemList& problems)
      : table_(table), name_(std::move(name)), source_(source), problems_(problems) {
    source_.lines[name_] = table_.source().begin.line;
  }

  ~Section() = default;

  // Reports keys nobody asked for: most often a typo.
  void finish() {
    for (const auto& [key, node] : table_)
      if (!asked_.contains(std::string(key.str())))
        problem(&node, std::string(key.str()), "", tr("toml.unknown_key"));
  }

  std::optional<std::string> text(const std::string& key, bool required = false) {
    const toml::node* n = get(key, required);
    if (n == nullptr) return std::nullopt;
    if (const auto* s = n->as_string()) {
      if (auto why = io::text_refusal(s->get())) {
        problem(n, key, io::shown(s->get()), *why);
        return std::nullopt;
      }
      const std::string value = trim(s->get());
      if (value.empty() && required) problem(n, key, "", tr("toml.empty"));
      if (value.empty()) return std::nullopt;
      return value;
    }
    problem(n, key, describe(*n), tr("toml.text"));
    return std::nullopt;
  }

  std::optional<std::string> date(const std::string& key, bool required = false) {
    const toml::node* n = get(key, required);
    if (n == nullptr) return std::nullopt;
    if (const auto* d = n->as_date()) {
      const auto& v = d->get();
      return checked(n, key, fmt::format("{:04}-{:02}-{:02}", v.year, v.month, v.day), [](const std::string& s) {
        return format_date(parse_date(s));
      });
    }
    if (const auto* s = n->as_string()) return checked(n, key, s->get(), [](const std::string& t) { return format_date(parse_date(t)); });
    problem(n, key, describe(*n), tr("toml.date"));
    return std::nullopt;
  }

  // A decimal with at most two decimals, as hundredths; integers, floats and strings accepted.
  std::optional<std::int64_t> hundredths(const std::string& key, bool required = false) {
    const toml::node* n = get(key, required);
    if (n == nullptr) return std::nullopt;
    try {
      if (const auto* i = n->as_integer()) {
        if (i->get() < 0) throw std::invalid_argument(tr("value.negative"));
        return i->get() * 100;
      }
      // A float is read from its text in the file, never through a double: 1830.001 has three
      // decimals, however close the double is to 1830.00.
      if (n->is_floating_point()) return parse_hundredths(plain_decimal(source_.written(*n)));
      if (const auto* s = n->as_string()) return parse_hundredths(s->get());
      throw std::invalid_argument(tr("toml.number"));
    } catch (const std::invalid_argument& e) {
      problem(n, key, describe(*n), e.what());
      return std::nullopt;
    }
  }

  // A percent, at most 100, as basis points.
  std::optional<BasisPoints> percent(const std::string& key) {
    const auto bp = hundredths(key);
    if (bp && *bp > 10000) {
      problem(node(key), key, describe(*node(key)), tr("value.above_100"));
      return std::nullopt;
    }
    return bp;
  }

  std::optional<Minutes> hours(const std::string& key, bool required = false) {
    const auto h = hundredths(key, required);
    if (!h) return std::nullopt;
    if ((*h * 60) % 100 != 0) {
      problem(get(key, false), key, format_hundredths(*h), tr("value.not_whole_minutes"));
      return std::nullopt;
    }
    return *h * 60 / 100;
  }

  std::optional<std::int64_t> whole(const std::string& key) {
    const toml::node* n = get(key, false);
    if (n == nullptr) return std::nullopt;
    if (const auto* i = n->as_integer(); i != nullptr && i->get() >= 0) return i->get();
    problem(n, key, describe(*n), tr("toml.whole"));
    return std::nullopt;
  }

  bool boolean(const std::string& key, bool fallback) {
    const toml::node* n = get(key, false);
    if (n == nullptr) return fallback;
    if (const auto* b = n->as_boolean()) return b->get();
    problem(n, key, describe(*n), tr("toml.bool"));
    return fallback;
  }

  std::vector<std::string> list(const std::string& key) {
    std::vector<std::string> out;
    const toml::node* n = get(key, false);
    if (n == nullptr) return out;
    const auto* arr = n->as_array();
    if (arr == nullptr) {
      problem(n, key, describe(*n), tr("toml.list"));
      return out;
    }
    for (const auto& item : *arr) {
      const auto* s = item.as_string();
      if (s == nullptr)
        problem(&item, key, describe(item), tr("toml.text"));
      else if (auto why = io::text_refusal(s->get()))
        problem(&item, key, io::shown(s->get()), *why);
      else
        out.push_back(trim(s->get()));
    }
    return out;
  }

  template <typename Fn>
  std::optional<std::string> checked(const toml::node* n, const std::string& key, const std::string& value, Fn parse) {
    try {
      return parse(value);
    } catch (const std::invalid_argument& e) {
      problem(n, key, value, e.what());
      return std::nullopt;
    }
  }

  void problem(const toml::node* n, const std::string& key, const std::string& value, const std::string& why) {
    const auto line = n != nullptr ? n->source().begin.line : table_.source().begin.line;
    problems_.add({fmt::format("{}:{}", source_.file, line), name_.empty() ? key : name_ + "." + key, value, why});
  }

  const toml::node* node(const std::string& key) const { return table_.get(key); }
  // A nested key read by its own code (`[[module.activity]]`): asked, so not unknown.
  const toml::node* nested(const std::string& key) { return get(key, false); }
  const std::string& name() const { return name_; }

 private:
  const toml::node* get(const std::string& key, bool required) {
    asked_.insert(key);
    const toml::node* n = table_.get(key);
    if (n != nullptr) source_.lines[name_ + "." + key] = n->source().begin.line;
    if (n == nullptr && required) problem(nullptr, key, tr("toml.missing"), tr("toml.required_key"));
    return n;
  }

  // A value as the user wrote it (a float printed back would show binary noise such as 130.50899999999999).
  std::string describe(const toml::node& n) const {
    if (const auto* s = n.as_string()) return s->get();
    return source_.written(n);
  }

  const toml::table& table_;
  std::string name_;
  const Source& source_;
  ProblemList& problems_;
  std::set<std::string> asked_;
};

template <typename T, typename Fn>
std::optional<T> parsed(Section& s, const std::string& key, const std::optional<std::string>& value, Fn parse) {
  if (!value) return std::nullopt;
  try {
    return parse(*value);
  } catch (const std::invalid_argument& e) {
    s.problem(s.node(key), key, *value, e.what());
    return std::nullopt;
  }
}

PartySpec read_party(Section& s) {
  PartySpec p;
  p.name = s.text("name", true).value_or("");
  p.siret = parsed<std::string>(s, "siret", s.text("siret", true), parse_siret).value_or("");
  p.address = s.text("address");
  p.representative = s.text("representative");
  p.title = s.text("title");
  p.icom = s.text("icom");
  return p;
}

// Each [[name]] entry of `n` (the node of key `name`, or null), as a table named `prefix` +
// `name[i]`; a non-table entry is a problem.
std::vector<std::pair<std::string, const toml::table*>> entries(const toml::node* n, const std::string& prefix, const std::string& name,
                                                                 const std::string& file, ProblemList& problems) {
  std::vector<std::pair<std::string, const toml::table*>> out;
  if (n == nullptr) return out;
  const std::string full = prefix + name;
  const auto* arr = n->as_array();
  if (arr == nullptr) {
    problems.add({fmt::format("{}:{}", file, n->source().begin.line), full, "", tr("toml.array_table", fmt::arg("name", full))});
    return out;
  }
  for (std::size_t i = 0; i < arr->size(); ++i) {
    const auto* t = (*arr)[i].as_table();
    if (t == nullptr)
      problems.add({fmt::format("{}:{}", file, (*arr)[i].source().begin.line), full, "", tr("toml.array_table", fmt::arg("name", full))});
    else
      out.emplace_back(fmt::format("{}[{}]", full, i + 1), t);
  }
  return out;
}

std::vector<std::pair<std::string, const toml::table*>> entries(const toml::table& root, const std::string& name,
                                                                 const std::string& file, ProblemList& problems) {
  return entries(root.get(name), "", name, file, problems);
}

// The module's `[[module.activity]]` (D. 6313-3-1: an e-learning module's pedagogical activities
// with the time estimated to carry each out); activities on an on-site module are refused.
std::vector<ActivitySpec> read_activities(Section& module, bool elearning, const Source& source, ProblemList& problems) {
  std::vector<ActivitySpec> out;
  const toml::node* n = module.nested("activity");
  if (n != nullptr && !elearning)
    module.problem(n, "activity", "", tr("foad.activity_onsite"));
  Codes ids;
  for (const auto& [name, t] : entries(n, module.name() + ".", "activity", source.file, problems)) {
    Section s(*t, name, source, problems);
    ActivitySpec a;
    a.code = s.text("id", true).value_or("");
    if (!a.code.empty() && !ids.declare(a.code)) s.problem(s.node("id"), "id", a.code, tr("foad.activity_id_taken"));
    a.label = s.text("label").value_or(a.code);
    if (s.node("minutes") == nullptr) s.problem(nullptr, "minutes", tr("toml.missing"), tr("toml.required_key"));
    const auto minutes = s.whole("minutes");
    if (minutes && *minutes == 0) s.problem(s.node("minutes"), "minutes", "0", tr("foad.activity_minutes"));
    a.minutes = minutes.value_or(0);
    a.kind = s.text("kind", true).value_or("");
    if (!a.kind.empty()) {
      const std::string kind = code_key(a.kind);
      if (kind != "content" && kind != "quiz" && kind != "assignment" && kind != "virtual_class")
        s.problem(s.node("kind"), "kind", a.kind, tr("foad.activity_kind"));
      a.kind = kind;
    }
    s.finish();
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

ConventionSpec read_convention_toml(const std::string& bytes, const std::string& file) {
  if (!io::valid_utf8(bytes)) throw InputError({file + ":1", "file", "", tr("toml.not_utf8")});
  toml::table root;
  try {
    root = toml::parse(bytes, file);
  } catch (const toml::parse_error& e) {
    throw InputError({fmt::format("{}:{}", file, e.source().begin.line), tr("toml.syntax"), "", tr("toml.syntax_detail", fmt::arg("detail", e.description()))});
  }
  ProblemList problems;
  ConventionSpec spec;
  const Source source{file, bytes, spec.lines};
  spec.source = bytes;

  for (const auto& [key, node] : root) {
    static const std::set<std::string> sections{"convention", "beneficiary", "training_org", "module",
                                                "trainee",    "funding",     "clauses"};
    if (!sections.contains(std::string(key.str())))
      problems.add({fmt::format("{}:{}", file, node.source().begin.line), std::string(key.str()), "", tr("toml.unknown_section")});
  }

  auto table_of = [&](const char* name) -> const toml::table* {
    const toml::node* n = root.get(name);
    if (n == nullptr || n->as_table() == nullptr) {
      problems.add({file + ":1", fmt::format("[{}]", name), tr("toml.missing"), tr("toml.required_section")});
      return nullptr;
    }
    return n->as_table();
  };

  if (const auto* t = table_of("convention")) {
    Section s(*t, "convention", source, problems);
    spec.ref = s.text("ref", true).value_or("");
    spec.title = s.text("title").value_or(kDefaultTitle);
    spec.option = s.text("option", true).value_or("");
    if (!spec.option.empty() && spec.option != "famille" && spec.option != "recouvrement")
      s.problem(s.node("option"), "option", spec.option, tr("toml.option"));
    spec.nature = s.text("nature", true).value_or("");
    spec.starts = s.date("starts", true).value_or("");
    if (!spec.nature.empty())
      if (auto why = scheme_refusal(spec.nature, spec.starts))
        s.problem(s.node("nature"), "nature", spec.nature, *why);
    spec.ends = s.date("ends", true).value_or("");
    if (!spec.starts.empty() && !spec.ends.empty() && spec.ends < spec.starts)
      s.problem(s.node("ends"), "ends", spec.ends, tr("toml.before_starts", fmt::arg("date", spec.starts)));
    if (auto share = s.percent("max_training_share")) spec.max_training_share_bp = *share;
    spec.signed_place = s.text("signed_place");
    spec.signed_on = s.date("signed_on");
    s.finish();
  }
  if (const auto* t = table_of("beneficiary")) {
    Section s(*t, "beneficiary", source, problems);
    spec.beneficiary = read_party(s);
    s.finish();
  }

  Codes org_keys;
  for (const auto& [name, t] : entries(root, "training_org", file, problems)) {
    Section s(*t, name, source, problems);
    OrgSpec o;
    o.key = s.text("key", true).value_or("");
    if (!o.key.empty() && !org_keys.declare(o.key)) s.problem(s.node("key"), "key", o.key, tr("toml.org_key_taken"));
    o.party = read_party(s);
    o.internal = s.boolean("internal", false);
    o.nda = parsed<std::string>(s, "nda", s.text("nda", !o.internal), parse_nda);
    if (auto vat = s.percent("vat_rate")) o.vat_rate_bp = *vat;
    o.consolidates_grades = s.boolean("consolidates_grades", false);
    s.finish();
    spec.orgs.push_back(std::move(o));
  }
  if (spec.orgs.empty()) problems.add({file + ":1", "[[training_org]]", tr("toml.missing"), tr("toml.org_required")});
  if (spec.orgs.size() > 3) problems.add({file + ":1", "[[training_org]]", std::to_string(spec.orgs.size()), tr("toml.org_max")});

  Codes module_codes;
  for (const auto& [name, t] : entries(root, "module", file, problems)) {
    Section s(*t, name, source, problems);
    ModuleSpec m;
    m.code = s.text("code", true).value_or("");
    if (!m.code.empty() && !module_codes.declare(m.code)) s.problem(s.node("code"), "code", m.code, tr("toml.module_code_taken"));
    m.label = s.text("label").value_or(m.code);
    m.org = s.text("org", true).value_or("");
    if (const auto org = org_keys.find(m.org)) m.org = *org;
    else if (!m.org.empty()) s.problem(s.node("org"), "org", m.org, tr("toml.no_such_org"));
    // One bad value gives one error: the checks below apply to hours that could be read.
    const auto hours = s.hours("hours", true);
    m.minutes = hours.value_or(0);
    if (hours && *hours == 0) s.problem(s.node("hours"), "hours", "0", tr("trainee.weekly_positive"));
    m.training_minutes = s.hours("training_hours");
    m.support_minutes = s.hours("support_hours");
    m.evaluation_minutes = s.hours("evaluation_hours");
    if (hours && (m.training_minutes || m.support_minutes || m.evaluation_minutes)) {
      const Minutes parts = m.training_minutes.value_or(0) + m.support_minutes.value_or(0) + m.evaluation_minutes.value_or(0);
      if (parts != m.minutes)
        s.problem(s.node("hours"), "hours", format_hours(m.minutes),
                  tr("toml.hours_parts", fmt::arg("hours", format_hours(parts))));
    }
    m.days_x100 = s.hundredths("days");
    m.elearning = s.boolean("elearning", false);
    m.place = s.text("place");
    m.price_ht_cents = s.hundredths("price_ht", true).value_or(0);
    m.activities = read_activities(s, m.elearning, source, problems);
    s.finish();
    spec.modules.push_back(std::move(m));
  }
  if (spec.modules.empty()) problems.add({file + ":1", "[[module]]", tr("toml.missing"), tr("toml.module_required")});

  Codes trainee_ids, emails;
  for (const auto& [name, t] : entries(root, "trainee", file, problems)) {
    Section s(*t, name, source, problems);
    TraineeSpec trainee;
    trainee.code = s.text("id", true).value_or("");
    if (!trainee.code.empty() && !trainee_ids.declare(trainee.code)) s.problem(s.node("id"), "id", trainee.code, tr("toml.trainee_id_taken"));
    trainee.last_name = s.text("last_name", true).value_or("");
    trainee.first_name = s.text("first_name", true).value_or("");
    trainee.birth_date = s.date("birth_date");
    trainee.function = s.text("function");
    trainee.contract_start = s.date("contract_start");
    trainee.contract_end = s.date("contract_end");
    if (trainee.contract_start && trainee.contract_end && *trainee.contract_end < *trainee.contract_start)
      s.problem(s.node("contract_end"), "contract_end", *trainee.contract_end, tr("toml.before_contract_start"));
    trainee.email = parsed<std::string>(s, "email", s.text("email"), parse_email);
    if (trainee.email && !emails.declare(*trainee.email)) s.problem(s.node("email"), "email", *trainee.email, tr("foad.email_taken"));
    trainee.joins = s.date("joins");
    if (trainee.joins && !spec.ends.empty() && *trainee.joins > spec.ends)
      s.problem(s.node("joins"), "joins", *trainee.joins, tr("timeline.joins_after_end", fmt::arg("date", french_date(spec.ends))));
    if (auto weekly = s.hours("weekly_hours")) {
      if (*weekly == 0) s.problem(s.node("weekly_hours"), "weekly_hours", "0", tr("trainee.weekly_positive"));
      else trainee.weekly_minutes = *weekly;
    }
    s.finish();
    spec.trainees.push_back(std::move(trainee));
  }

  std::set<std::string> funding_refs;
  // (module, trainee) -> the agreement whose scope holds it, to refuse a pair in two scopes.
  std::map<std::pair<std::string, std::string>, std::string> scope_owner;
  for (const auto& [name, t] : entries(root, "funding", file, problems)) {
    Section s(*t, name, source, problems);
    FundingSpec f;
    f.ref = s.text("ref", true).value_or("");
    if (!f.ref.empty() && !funding_refs.insert(f.ref).second) s.problem(s.node("ref"), "ref", f.ref, tr("toml.funding_ref_taken"));
    f.funder = s.text("funder", true).value_or("");
    f.decided = s.date("decided");
    f.hourly_rate_cents = s.hundredths("hourly_rate", true).value_or(0);
    f.cap_minutes = s.hours("cap_hours");
    f.cap_cents = s.hundredths("cap_amount");
    f.modules = s.list("modules");
    f.trainees = s.list("trainees");
    for (auto& m : f.modules)
      if (const auto code = module_codes.find(m)) m = *code;
      else s.problem(s.node("modules"), "modules", m, tr("toml.no_such_module"));
    for (auto& id : f.trainees)
      if (const auto code = trainee_ids.find(id)) id = *code;
      else s.problem(s.node("trainees"), "trainees", id, tr("toml.no_such_trainee"));
    f.basis = s.text("basis").value_or("ht");
    if (f.basis != "ht" && f.basis != "ttc") s.problem(s.node("basis"), "basis", f.basis, tr("toml.basis"));
    f.subrogation = s.boolean("subrogation", false);
    const auto scope_modules = f.modules.empty() ? module_codes.all() : f.modules;
    const auto scope_trainees = f.trainees.empty() ? trainee_ids.all() : f.trainees;
    for (const auto& m : scope_modules)
      for (const auto& id : scope_trainees) {
        const auto [it, fresh] = scope_owner.emplace(std::pair{m, id}, f.ref);
        if (!fresh && it->second != f.ref)
          s.problem(s.node("ref"), "ref", f.ref,
                    tr("toml.scope_twice", fmt::arg("trainee", id), fmt::arg("module", m), fmt::arg("funding", it->second)));
      }
    s.finish();
    spec.fundings.push_back(std::move(f));
  }

  if (const toml::node* n = root.get("clauses")) {
    if (const auto* t = n->as_table()) {
      Section s(*t, "clauses", source, problems);
      auto& c = spec.clauses;
      c.beneficiary_notice_days = s.whole("beneficiary_notice_days");
      c.beneficiary_percent_bp = s.percent("beneficiary_percent");
      c.beneficiary_amount_cents = s.hundredths("beneficiary_amount");
      c.of_notice_days = s.whole("of_notice_days");
      c.of_percent_bp = s.percent("of_percent");
      c.of_amount_cents = s.hundredths("of_amount");
      c.partial_percent_bp = s.percent("partial_percent");
      c.partial_amount_cents = s.hundredths("partial_amount");
      for (const auto* who : {"beneficiary", "of", "partial"}) {
        const std::string pct = std::string(who) + "_percent", amt = std::string(who) + "_amount";
        if (s.node(pct) != nullptr && s.node(amt) != nullptr)
          s.problem(s.node(amt), amt, "", tr("toml.percent_or_amount", fmt::arg("percent", pct), fmt::arg("amount", amt)));
      }
      s.finish();
    } else {
      problems.add({fmt::format("{}:{}", file, n->source().begin.line), "clauses", "", tr("toml.clauses_table")});
    }
  }
  problems.throw_if_any();
  return spec;
}

}  // namespace ledger
