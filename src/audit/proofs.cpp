#include "audit/proofs.hpp"
#include "app/text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <stdexcept>

#include "app/error.hpp"
#include "domain/convention.hpp"
#include "domain/evidence.hpp"
#include "domain/sessions.hpp"
#include "domain/values.hpp"
#include "app/resources.hpp"
#include "report/xlsx.hpp"
#include "store/evidence.hpp"
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

// How a query column becomes a CSV cell, and a typed cell of the .xlsx copy.
enum class As { text, date, integer, yes_no, hours_from_minutes, sheet, evidence_file };

struct Col {
  const char* name;    // CSV header
  const char* column;  // query column (unused for `sheet` and `evidence_file`)
  As as = As::text;
};

io::Cell cell(Query& q, const Col& c) {
  if (c.as == As::sheet)
    return sheet_id(q.text("convention"), q.text("module"),
                    q.text("date"), q.text("slot"));
  if (c.as == As::evidence_file) return io::Cell(evidence_reference(q.text("sha256"), q.text("type")));
  if (q.is_null(c.column)) return io::Cell("");
  switch (c.as) {
    case As::integer: return io::Cell::integer(q.i64(c.column));
    case As::yes_no: return io::Cell(q.i64(c.column) != 0 ? "yes" : "no");
    // Contractual and weekly hours come from hours with at most two decimals: exact hundredths.
    case As::hours_from_minutes: return io::Cell::hundredths(round_half_up_div(q.i64(c.column) * 100, 60));
    default: return io::Cell(q.text(c.column));
  }
}

// The same value for the workbook: identifiers stay text, dates become dates, yes/no booleans,
// hours numbers.
Datum datum(Query& q, const Col& c, const io::Cell& written) {
  if (c.as == As::sheet || c.as == As::evidence_file) return written.text;
  if (q.is_null(c.column)) return {};
  switch (c.as) {
    case As::integer: return q.i64(c.column);
    case As::yes_no: return q.i64(c.column) != 0;
    case As::hours_from_minutes: return q.i64(c.column);  // minutes, which the workbook writes in hours
    default: return q.text(c.column);
  }
}

std::vector<Column> columns(const std::vector<Col>& cols) {
  std::vector<Column> out;
  for (const auto& c : cols) {
    ColumnKind kind = ColumnKind::text;
    if (c.as == As::date) kind = ColumnKind::date;
    else if (c.as == As::integer) kind = ColumnKind::integer;
    else if (c.as == As::yes_no) kind = ColumnKind::boolean;
    else if (c.as == As::hours_from_minutes) kind = ColumnKind::minutes;
    out.push_back({c.name, "", kind});
  }
  return out;
}

void header(io::CsvWriter& csv, const std::vector<Col>& cols) {
  std::vector<io::Cell> cells;
  for (const auto& c : cols) cells.emplace_back(c.name);
  csv.row(cells);
}

void rows(io::CsvWriter& csv, XlsxWriter& xlsx, Query q, const std::vector<Col>& cols) {
  std::vector<io::Cell> cells;
  std::vector<Datum> data;
  while (q.next()) {
    cells.clear();
    data.clear();
    for (const auto& c : cols) {
      cells.push_back(cell(q, c));
      data.push_back(datum(q, c, cells.back()));
    }
    csv.row(cells);
    xlsx.row(data);
  }
}

const std::vector<Col> kAttendance{
    {"convention", "convention"}, {"org", "org"}, {"org_nda", "org_nda"}, {"module", "module"},
    {"module_label", "module_label"}, {"date", "date", As::date}, {"slot", "slot"}, {"start", "start_time"}, {"end", "end_time"},
    {"session_minutes", "session_minutes", As::integer}, {"mode", "mode"}, {"place", "place"}, {"trainer", "trainer"},
    {"trainee_id", "trainee_id"}, {"last_name", "last_name"}, {"first_name", "first_name"}, {"status", "status"},
    {"minutes", "minutes", As::integer}, {"absence", "absence"}, {"trainee_signed", "trainee_signed", As::yes_no},
    {"trainer_signed", "trainer_signed", As::yes_no}, {"proof_complete", "proof_complete", As::yes_no},
    {"sheet", "sheet"}, {"proof", "proof"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"entry_id", "entry_id", As::integer}, {"supersedes", "supersedes", As::integer}, {"correction_reason", "reason"},
    {"hash", "hash"}};

const std::vector<Col> kSessions{
    {"convention", "convention"}, {"org", "org"}, {"org_nda", "org_nda"}, {"module", "module"},
    {"module_label", "module_label"}, {"date", "date", As::date}, {"slot", "slot"}, {"start", "start_time"}, {"end", "end_time"},
    {"minutes", "minutes", As::integer}, {"mode", "mode"}, {"place", "place"}, {"trainer", "trainer"},
    {"sheet", "", As::sheet}, {"cancelled_by", "cancelled_by"}, {"notified", "notified", As::date},
    {"cancellation_reason", "cancellation_reason"}, {"trainees_recorded", "trainees_recorded", As::integer},
    {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"}, {"entry_id", "entry_id", As::integer},
    {"hash", "hash"}, {"cancellation_entry_id", "cancellation_entry_id", As::integer},
    {"cancellation_hash", "cancellation_hash"}};

const std::vector<Col> kTrainees{
    {"convention", "convention"}, {"trainee_id", "trainee_id"}, {"last_name", "last_name"},
    {"first_name", "first_name"}, {"birth_date", "birth_date", As::date}, {"function", "function"},
    {"contract_start", "contract_start", As::date}, {"contract_end", "contract_end", As::date},
    {"weekly_hours", "weekly_minutes", As::hours_from_minutes}, {"left_on", "left_on", As::date},
    {"leave_reason", "leave_reason"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"entry_id", "entry_id", As::integer}, {"hash", "hash"},
    {"departure_entry_id", "departure_entry_id", As::integer}, {"departure_hash", "departure_hash"},
    {"joins", "joins", As::date}, {"joins_entry_id", "joins_entry_id", As::integer}, {"joins_hash", "joins_hash"}};

const std::vector<Col> kCorrections{
    {"convention", "convention"}, {"module", "module"}, {"date", "date", As::date}, {"slot", "slot"},
    {"trainee_id", "trainee_id"}, {"last_name", "last_name"}, {"first_name", "first_name"},
    {"entry_id", "entry_id", As::integer}, {"minutes", "minutes", As::integer}, {"absence", "absence"},
    {"trainee_signed", "trainee_signed", As::yes_no}, {"trainer_signed", "trainer_signed", As::yes_no},
    {"proof", "proof"}, {"sheet", "sheet"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"},
    {"hash", "hash"}, {"superseded_by", "superseded_by", As::integer}, {"reason", "reason"},
    {"corrected_at", "corrected_at"}, {"corrected_by", "corrected_by"}};

const std::vector<Col> kEvidence{
    {"convention", "convention"}, {"evidence_id", "evidence_id", As::integer}, {"module", "module"},
    {"date", "date", As::date}, {"slot", "slot"}, {"trainee_id", "trainee_id"}, {"kind", "kind"}, {"type", "type"},
    {"size", "size", As::integer}, {"sha256", "sha256"}, {"file", "", As::evidence_file}, {"name", "name"},
    {"note", "note"}, {"recorded_at", "recorded_at"}, {"recorded_by", "recorded_by"}, {"hash", "hash"}};

// The section 5 quantities, exactly as reports/quantities.sql computes them for every report.
const std::vector<std::string> kQuantities{"delivered_min",          "followed_min",           "unproven_min",
                                           "absent_justified_min",   "absent_unjustified_min", "unrecorded_min",
                                           "not_delivered_min",      "withdrawn_min"};

// The parameters a query takes besides :convention.
enum class Params { convention, period, period_and_today };

class Writer {
 public:
  Writer(Ledger& ledger, const Clock& clock, const BundleRequest& request, const fs::path& dir)
      : ledger_(ledger), request_(request), dir_(dir), today_(format_date(clock.today())), created_(clock.now()) {}

  template <typename Fill>
  void file(const std::string& name, Fill fill) {
    partials_.push_back(partial(name));
    DigestingBuffer buffer(partials_.back());
    std::ostream out(&buffer);
    fill(out);
    out.flush();
    bundle_.files.push_back({name, buffer.finish()});
  }

  // A workbook written as a partial file too; close() digests it.
  XlsxWriter workbook(const std::string& stem) {
    partials_.push_back(partial(stem + ".xlsx"));
    return XlsxWriter(partials_.back().string(), created_, "--out", dir_.string());
  }

  void close(XlsxWriter& xlsx, const std::string& stem) {
    xlsx.close();
    const std::string name = stem + ".xlsx";
    std::ifstream in(partial(name), std::ios::binary);
    Sha256 sha;
    std::string chunk(1 << 16, '\0');
    while (in.read(chunk.data(), static_cast<std::streamsize>(chunk.size())) || in.gcount() > 0)
      sha.add(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
    bundle_.files.push_back({name, hex(sha.finish())});
  }

  // STEM.csv and its copy STEM.xlsx (a sheet STEM), written from the same rows.
  void csv(const std::string& stem, const std::string& query, const std::vector<Col>& cols, Params params) {
    XlsxWriter xlsx = workbook(stem);
    xlsx.sheet(stem, columns(cols));
    file(stem + ".csv", [&](std::ostream& out) {
      io::CsvWriter csv(out, request_.dialect);
      header(csv, cols);
      for (const auto& ref : request_.conventions) rows(csv, xlsx, bind(query, ref, params), cols);
    });
    close(xlsx, stem);
  }

  void summary() {
    XlsxWriter xlsx = workbook("summary");
    std::vector<Column> typed;
    for (const char* name : {"convention", "trainee_id", "last_name", "first_name", "module"}) typed.push_back({name, "", ColumnKind::text});
    typed.push_back({"contractual_hours", "", ColumnKind::minutes});
    for (const auto& q : kQuantities) typed.push_back({q, "", ColumnKind::integer});
    xlsx.sheet("summary", typed);
    file("summary.csv", [&](std::ostream& out) {
      io::CsvWriter csv(out, request_.dialect);
      std::vector<io::Cell> head;
      for (const auto& c : typed) head.emplace_back(c.name);
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
          // The workbook's row: the five names as text, the contractual minutes (written in hours), the quantities.
          std::vector<Datum> data;
          for (auto c = cells.begin(); c != cells.begin() + 5; ++c) data.emplace_back(c->text);
          data.emplace_back(contractual.at(module));
          for (auto c = cells.begin() + 6; c != cells.end(); ++c) data.emplace_back(c->number);
          xlsx.row(data);
        }
      }
    });
    close(xlsx, "summary");
  }

  // evidence/SHA256.EXT for each file evidence.csv lists, its bytes rehashed on their way out:
  // a stored file that no longer matches its digest stops the export.
  void evidence_files() {
    std::map<std::string, std::pair<std::int64_t, std::string>> files;  // name -> convention, sha256
    for (const auto& ref : request_.conventions) {
      auto q = bind("export_evidence", ref, Params::period);
      while (q.next()) files.emplace(evidence_reference(q.text("sha256"), q.text("type")), std::pair(convention_id(ref), q.text("sha256")));
    }
    if (files.empty()) return;
    fs::create_directories(dir_ / "evidence");
    for (const auto& [name, held] : files)
      file(name, [&](std::ostream& out) {
        const Digest digest = read_evidence_file(ledger_, held.first, held.second, [&](std::string_view bytes) {
          out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        });
        if (hex(digest) != held.second) throw EvidenceChanged(tr("verify.evidence_changed", fmt::arg("sha256", held.second)));
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
    for (const auto& f : bundle_.files) fs::rename(partial(f.name), dir_ / f.name);
    partials_.clear();
    return bundle_;
  }

  ~Writer() {
    std::error_code ignored;
    for (const auto& p : partials_) fs::remove(p, ignored);
  }

 private:
  // Where a file is written until commit() (the destructor removes the partials_ left).
  fs::path partial(const std::string& name) const {
    const fs::path path(name);
    return dir_ / path.parent_path() / ("." + path.filename().string() + ".partial");
  }

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
  std::chrono::sys_seconds created_;
  std::map<std::string, std::int64_t> ids_;
  std::vector<fs::path> partials_;
  Bundle bundle_;
};

}  // namespace

const std::vector<std::string>& bundle_file_names() {
  static const std::vector<std::string> names{
      "MANIFEST.sha256", "README.txt",    "attendance.csv", "attendance.xlsx", "corrections.csv", "corrections.xlsx",
      "evidence.csv",    "evidence.xlsx", "sessions.csv",   "sessions.xlsx",   "summary.csv",     "summary.xlsx",
      "trainees.csv",    "trainees.xlsx"};
  return names;
}

Bundle write_bundle(Ledger& ledger, const Clock& clock, const BundleRequest& request, const ChainHead& head,
                    const fs::path& dir) {
  Writer w(ledger, clock, request, dir);
  w.csv("attendance", "export_attendance", kAttendance, Params::period_and_today);
  w.csv("sessions", "export_sessions", kSessions, Params::period);
  w.csv("trainees", "export_trainees", kTrainees, Params::convention);
  w.csv("corrections", "export_corrections", kCorrections, Params::period);
  w.csv("evidence", "export_evidence", kEvidence, Params::period);
  w.evidence_files();
  w.summary();
  w.readme();
  w.manifest(clock, head);
  return w.commit();
}

}  // namespace ledger::audit
