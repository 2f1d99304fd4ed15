#include "audit/proofs.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "domain/sessions.hpp"
#include "domain/values.hpp"
#include "app/resources.hpp"

namespace ledger::audit {

namespace fs = std::filesystem;

namespace {

// A file written through a stream whose bytes are hashed on their way to the disk, so that the
// manifest never needs the whole file in memory (a bundle may hold a million entries).
class DigestingBuffer : public std::streambuf {
 public:
  explicit DigestingBuffer(const fs::path& path) {
    if (file_.open(path, std::ios::out | std::ios::binary | std::ios::trunc) == nullptr)
      throw InputError::flag("--out", path.parent_path().string(), tr("export.cannot_write", fmt::arg("file", path.filename().string())));
  }
  DigestingBuffer(const DigestingBuffer&) = delete;
  DigestingBuffer& operator=(const DigestingBuffer&) = delete;

  // Closes the file (throwing if the disk refused a byte) and returns the hex digest.
  std::string finish() {
    if (file_.close() == nullptr || failed_) throw std::runtime_error(tr("export.write_failed"));
    return hex(sha_.finish());
  }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    sha_.add(std::string_view(s, static_cast<std::size_t>(n)));
    const auto written = file_.sputn(s, n);
    if (written != n) failed_ = true;
    return written;
  }
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }

 private:
  std::filebuf file_;
  Sha256 sha_;
  bool failed_ = false;
};

// How a query column becomes a CSV cell.
enum class As { text, integer, yes_no, hours_from_minutes, sheet };

struct Col {
  const char* name;    // CSV header
  const char* column;  // query column (unused for `sheet`)
  As as = As::text;
};

io::Cell cell(Query& q, const Col& c) {
  if (c.as == As::sheet)
    return sheet_id(q.text("convention"), q.text("module"),
                    q.text("date"), q.text("slot"));
  if (q.is_null(c.column)) return io::Cell("");
  switch (c.as) {
    case As::integer: return io::Cell::integer(q.i64(c.column));
    case As::yes_no: return io::Cell(q.i64(c.column) != 0 ? "yes" : "no");
    // Contractual and weekly hours come from hours with at most two decimals: exact hundredths.
    case As::hours_from_minutes: return io::Cell::hundredths(round_half_up_div(q.i64(c.column) * 100, 60));
    default: return io::Cell(q.text(c.column));
  }
}

void header(io::CsvWriter& csv, const std::vector<Col>& cols) {
  std::vector<io::Cell> cells;
  for (const auto& c : cols) cells.emplace_back(c.name);
  csv.row(cells);
}

void rows(io::CsvWriter& csv, Query q, const std::vector<Col>& cols) {
  std::vector<io::Cell> cells;
  while (q.next()) {
    cells.clear();
    for (const auto& c : cols) cells.push_back(cell(q, c));
    csv.row(cells);
  }
}

const std::vector<Col> kAttendance{
    {"convention", "convention"}, {"org", "org"}, {"org_nda", "org_nda"}, {"module", "module"},
    {"module_label", "module_label"}, {"date", "date"}, {"slot", "slot"}, {"start", "start_time"}, {"end", "end_time"},
    {"session_minutes", "session_minutes", As::integer}, {"mode", "mode"}, {"place", "place"}, {"trainer", "trainer"},
    {"trainee_id", "trainee_id"}, {"last_name", "last_name"}, {"first_name", "first_name"}, {"status", "status"},
    {"minutes", "minutes", As::integer}, {"absence", "absence"}, {"trainee_signed", "trainee_signed", As::yes_no},
    {"trainer_signed", "trainer_signed", As::yes_no}, {"proof_complete", "proof_complete", As::yes_no},
    {"sheet", "sheet"}, {"proof", "proof"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"entry_id", "entry_id", As::integer}, {"supersedes", "supersedes", As::integer}, {"correction_reason", "reason"},
    {"hash", "hash"}};

const std::vector<Col> kSessions{
    {"convention", "convention"}, {"org", "org"}, {"org_nda", "org_nda"}, {"module", "module"},
    {"module_label", "module_label"}, {"date", "date"}, {"slot", "slot"}, {"start", "start_time"}, {"end", "end_time"},
    {"minutes", "minutes", As::integer}, {"mode", "mode"}, {"place", "place"}, {"trainer", "trainer"},
    {"sheet", "", As::sheet}, {"cancelled_by", "cancelled_by"}, {"notified", "notified"},
    {"cancellation_reason", "cancellation_reason"}, {"trainees_recorded", "trainees_recorded", As::integer},
    {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"}, {"entry_id", "entry_id", As::integer},
    {"hash", "hash"}, {"cancellation_entry_id", "cancellation_entry_id", As::integer},
    {"cancellation_hash", "cancellation_hash"}};

const std::vector<Col> kTrainees{
    {"convention", "convention"}, {"trainee_id", "trainee_id"}, {"last_name", "last_name"},
    {"first_name", "first_name"}, {"birth_date", "birth_date"}, {"function", "function"},
    {"contract_start", "contract_start"}, {"contract_end", "contract_end"},
    {"weekly_hours", "weekly_minutes", As::hours_from_minutes}, {"left_on", "left_on"},
    {"leave_reason", "leave_reason"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"entry_id", "entry_id", As::integer}, {"hash", "hash"},
    {"departure_entry_id", "departure_entry_id", As::integer}, {"departure_hash", "departure_hash"}};

const std::vector<Col> kCorrections{
    {"convention", "convention"}, {"module", "module"}, {"date", "date"}, {"slot", "slot"},
    {"trainee_id", "trainee_id"}, {"last_name", "last_name"}, {"first_name", "first_name"},
    {"entry_id", "entry_id", As::integer}, {"minutes", "minutes", As::integer}, {"absence", "absence"},
    {"trainee_signed", "trainee_signed", As::yes_no}, {"trainer_signed", "trainer_signed", As::yes_no},
    {"proof", "proof"}, {"sheet", "sheet"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"hash", "hash"}, {"superseded_by", "superseded_by", As::integer}, {"reason", "reason"},
    {"corrected_at", "corrected_at"}, {"corrected_by", "corrected_by"}};

// The section 5 quantities, exactly as reports/quantities.sql computes them for every report.
const std::vector<std::string> kQuantities{"delivered_min",          "followed_min",           "unproven_min",
                                           "absent_justified_min",   "absent_unjustified_min", "unrecorded_min",
                                           "not_delivered_min",      "withdrawn_min"};

// The parameters a query takes besides :convention.
enum class Params { convention, period, period_and_today };

class Writer {
 public:
  Writer(Ledger& ledger, const Clock& clock, const BundleRequest& request, const fs::path& dir)
      : ledger_(ledger), request_(request), dir_(dir), today_(format_date(clock.today())) {}

  template <typename Fill>
  void file(const std::string& name, Fill fill) {
    const fs::path partial = dir_ / ("." + name + ".partial");
    partials_.push_back(partial);
    DigestingBuffer buffer(partial);
    std::ostream out(&buffer);
    fill(out);
    out.flush();
    bundle_.files.push_back({name, buffer.finish()});
  }

  void csv(const std::string& name, const std::string& query, const std::vector<Col>& cols, Params params) {
    file(name, [&](std::ostream& out) {
      io::CsvWriter csv(out, request_.dialect);
      header(csv, cols);
      for (const auto& ref : request_.conventions) rows(csv, bind(query, ref, params), cols);
    });
  }

  void summary() {
    file("summary.csv", [&](std::ostream& out) {
      io::CsvWriter csv(out, request_.dialect);
      std::vector<io::Cell> head{"convention", "trainee_id", "last_name", "first_name", "module", "contractual_hours"};
      for (const auto& q : kQuantities) head.emplace_back(q);
      csv.row(head);
      for (const auto& ref : request_.conventions) {
        std::map<std::string, Minutes> contractual;
        auto m = bind("export_contract_minutes", ref, Params::convention);
        while (m.next()) contractual[m.text("module")] = m.i64("minutes");
        auto q = bind("reports/quantities", ref, Params::period);
        while (q.next()) {
          const std::string module = q.text("module");
          std::vector<io::Cell> cells{ref, q.text("trainee_id"), q.text("last_name"),
                                      q.text("first_name"), module,
                                      io::Cell::hundredths(round_half_up_div(contractual.at(module) * 100, 60))};
          for (const auto& name : kQuantities) cells.push_back(io::Cell::integer(q.i64(name)));
          csv.row(cells);
        }
      }
    });
  }

  void readme() {
    file("README.txt", [&](std::ostream& out) { out << resource("reports/export-proofs-README.txt"); });
  }

  void manifest(const Clock& clock, const ChainHead& head) {
    std::vector<BundleFile> listed = bundle_.files;
    std::sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    file("MANIFEST.sha256", [&](std::ostream& out) {
      // Two spaces between digest and name: sha256sum's text mode, which it reads back with -c.
      for (const auto& f : listed) out << f.sha256 << "  " << f.name << '\n';
      out << fmt::format("# ledger export proofs, {} by {}: {}; half-days {} to {}; dialect {}\n", clock.timestamp(),
                         current_user(), fmt::join(request_.conventions, ", "), request_.from, request_.to,
                         request_.dialect == io::Dialect::excel_fr ? "excel-fr" : "rfc4180");
      out << fmt::format("# chain-head {} entries {}\n", hex(head.hash), head.seq);
    });
    bundle_.head = head;
  }

  // Puts every file in place at once, at the end.
  Bundle commit() {
    for (std::size_t i = 0; i < partials_.size(); ++i) fs::rename(partials_[i], dir_ / bundle_.files[i].name);
    partials_.clear();
    return bundle_;
  }

  ~Writer() {
    std::error_code ignored;
    for (const auto& p : partials_) fs::remove(p, ignored);
  }

 private:
  Query bind(const std::string& query, const std::string& ref, Params params) {
    auto q = ledger_.query(query);
    q.bind(":convention", convention_id(ref));
    if (params != Params::convention) {
      q.bind(":from", request_.from);
      q.bind(":to", request_.to);
    }
    if (params == Params::period_and_today) q.bind(":today", today_);
    return q;
  }
  std::int64_t convention_id(const std::string& ref) {
    auto it = ids_.find(ref);
    if (it == ids_.end()) it = ids_.emplace(ref, load_convention(ledger_, ref).convention.id).first;
    return it->second;
  }

  Ledger& ledger_;
  const BundleRequest& request_;
  fs::path dir_;
  std::string today_;
  std::map<std::string, std::int64_t> ids_;
  std::vector<fs::path> partials_;
  Bundle bundle_;
};

}  // namespace

const std::vector<std::string>& bundle_file_names() {
  static const std::vector<std::string> names{"MANIFEST.sha256", "README.txt",  "attendance.csv", "corrections.csv",
                                              "sessions.csv",    "summary.csv", "trainees.csv"};
  return names;
}

Bundle write_bundle(Ledger& ledger, const Clock& clock, const BundleRequest& request, const ChainHead& head,
                    const fs::path& dir) {
  Writer w(ledger, clock, request, dir);
  w.csv("attendance.csv", "export_attendance", kAttendance, Params::period_and_today);
  w.csv("sessions.csv", "export_sessions", kSessions, Params::period);
  w.csv("trainees.csv", "export_trainees", kTrainees, Params::convention);
  w.csv("corrections.csv", "export_corrections", kCorrections, Params::period);
  w.summary();
  w.readme();
  w.manifest(clock, head);
  return w.commit();
}

}  // namespace ledger::audit
