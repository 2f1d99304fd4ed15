// ledger_bench: how fast `ledger` is at national scale, side by side with SQLite's own limit.
//
//   ledger_bench --ledger BIN --gen BIN --work DIR [--entries 100000,1000000] [--sqlite3 sqlite3]
//                [--pg-cluster tests/pg/cluster.sh]
//
// For each size it generates data with ledger_gen (50 trainees × 200 half-days per convention,
// so N entries are N / 10,000 conventions), prepares a ledger (init, conventions, sessions) and
// times, as separate processes (wall time, CPU time, peak resident memory through wait4):
//   * `sqlite3 DB < import.sql`: the shell's `.import` of the same CSV into a plain table with a
//     UNIQUE(convention, module, date, slot, trainee) index, WAL, the shell's defaults;
//   * `ledger attend --file` of that CSV (every validation, the chain, synchronous=FULL);
//   * one `ledger attend` of a 50-trainee half-day on the full ledger (median of 5);
//   * `ledger report reimbursement` for one convention and month, `ledger verify`,
//     `ledger export proofs` of one convention (each when the binary has the command);
//   * `ledger proof attach` of a 20 MiB PDF and of a 100,000-line LMS export (CSV), and
//     `ledger proof get` of the PDF: the files are streamed, so peak memory stays far below
//     their size.
// With --pg-cluster (a cluster of tests/pg/cluster.sh running, LEDGER_PG_HOST set), the same CSV
// into a PostgreSQL ledger against psql's `\copy` into a plain table with the same unique index,
// eight concurrent writers of 50-trainee half-days (none lost), and the month report there.
// Run through tests/bench/run.sh, which builds Release first. Not a CTest test: timings depend on
// the machine.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  double wall = 0, cpu = 0;  // seconds
  double max_rss_mib = 0;
  std::string out;  // captured stdout+stderr, for error messages
};

// Starts argv with LEDGER_DB=db, stdin from `input` (or /dev/null), stdout+stderr to a file.
pid_t spawn(const std::vector<std::string>& argv, const std::string& db, const fs::path& log, const std::string& input = "/dev/null") {
  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e)
    if (std::strncmp(*e, "LEDGER_DB=", 10) != 0) env_strings.emplace_back(*e);
  env_strings.push_back("LEDGER_DB=" + db);
  std::vector<char*> envp, args;
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);
  std::vector<std::string> argv_copy = argv;
  for (auto& a : argv_copy) args.push_back(a.data());
  args.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, input.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = 0;
  if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data()) != 0) {
    std::cerr << "ledger_bench: cannot run " << argv[0] << "\n";
    std::exit(1);
  }
  posix_spawn_file_actions_destroy(&actions);
  return pid;
}

// Waits for a process spawned at `start`, writing to `log`.
Run finish(pid_t pid, std::chrono::steady_clock::time_point start, const fs::path& log) {
  Run r;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  r.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.cpu = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
          static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;
  std::ifstream in(log);
  std::stringstream ss;
  ss << in.rdbuf();
  r.out = ss.str();
  return r;
}

Run run(const std::vector<std::string>& argv, const std::string& db, const fs::path& log, const std::string& input = "/dev/null") {
  const auto start = std::chrono::steady_clock::now();
  return finish(spawn(argv, db, log, input), start, log);
}

void exit_unless_done(const std::vector<std::string>& argv, const Run& r) {
  if (r.status == 0) return;
  std::cerr << "ledger_bench: `" << argv[0];
  for (std::size_t i = 1; i < argv.size(); ++i) std::cerr << ' ' << argv[i];
  std::cerr << "` failed (" << r.status << "):\n" << r.out << "\n";
  std::exit(1);
}

Run must(const std::vector<std::string>& argv, const std::string& db, const fs::path& log, const std::string& input = "/dev/null") {
  Run r = run(argv, db, log, input);
  exit_unless_done(argv, r);
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

struct Options {
  std::string ledger, gen, work, sqlite3 = "sqlite3";
  std::string pg_cluster;  // tests/pg/cluster.sh of a running cluster: the PostgreSQL part
  std::vector<long> sizes = {100000, 1000000};
};

// One row of the printed table: a measure, its value at each size, its target.
struct Table {
  std::vector<std::string> order;
  std::map<std::string, std::map<long, std::string>> cells;
  std::map<std::string, std::string> targets;
  void set(const std::string& row, long size, const std::string& value, const std::string& target = "") {
    if (!cells.contains(row)) order.push_back(row);
    cells[row][size] = value;
    if (!target.empty()) targets[row] = target;
  }
};

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

fs::path log_of(const fs::path& dir) { return dir / "last.log"; }

bool has_command(const Options& o, const std::vector<std::string>& words, const fs::path& log) {
  std::vector<std::string> argv{o.ledger};
  argv.insert(argv.end(), words.begin(), words.end());
  argv.push_back("--help");
  return run(argv, "/nonexistent.db", log).status == 0;
}

// A 20 MiB PDF (a header, then pseudo-random bytes as a scan's compressed images are) and a
// 100,000-line LMS export, attached, then the PDF got back.
void bench_evidence(const Options& o, const fs::path& dir, const std::string& db, const std::string& ref, long entries, Table& t) {
  const fs::path pdf = dir / "scan.pdf", csv = dir / "lms.csv";
  {
    std::ofstream out(pdf, std::ios::binary);
    out << "%PDF-1.4\n";
    std::uint64_t x = 88172645463325252ULL;
    std::string block(1 << 16, '\0');
    for (int b = 0; b < 20 * 16; ++b) {
      for (auto& c : block) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        c = static_cast<char>(x);
      }
      out << block;
    }
    out << "\n%%EOF\n";
  }
  {
    std::ofstream out(csv, std::ios::binary);
    out << "trainee,module,date,started,minutes,score\n";
    for (int i = 0; i < 100000; ++i)
      out << "T" << (i % 50 + 1) << ",OPT-FAM,2027-03-0" << (i % 5 + 1) << ",09:" << (i % 50 + 10) << "," << (i % 180) << "," << (i % 100)
          << "\n";
  }
  std::cerr << "bench: proof attach\n";
  const Run a = must({o.ledger, "proof", "attach", pdf.string(), "--convention", ref, "--module", "OPT-FAM", "--trainee", "T001"}, db, log_of(dir));
  const Run l = must({o.ledger, "proof", "attach", csv.string(), "--convention", ref, "--module", "OPT-FAM", "--date", "2027-03-01", "--slot", "am"},
                     db, log_of(dir));
  const fs::path back = dir / "back.pdf";
  fs::remove(back);
  // "pièce n° ID jointe …": the PDF's evidence id.
  const std::string marker = "n\u00b0 ";
  const std::size_t at = a.out.find(marker) + marker.size();
  const std::string id = a.out.substr(at, a.out.find_first_not_of("0123456789", at) - at);
  const Run g = must({o.ledger, "proof", "get", id, "--convention", ref, "--out", back.string()}, db, log_of(dir));
  const double mib = static_cast<double>(fs::file_size(pdf)) / 1048576.0, csv_mib = static_cast<double>(fs::file_size(csv)) / 1048576.0;
  t.set("proof attach " + fixed(mib, 0) + " MiB PDF, s (peak MiB)", entries, fixed(a.wall, 2) + " (" + fixed(a.max_rss_mib, 1) + ")");
  t.set("proof attach 100,000-line CSV (" + fixed(csv_mib, 1) + " MiB), s (peak MiB)", entries, fixed(l.wall, 2) + " (" + fixed(l.max_rss_mib, 1) + ")");
  t.set("proof get of the PDF, s (peak MiB)", entries, fixed(g.wall, 2) + " (" + fixed(g.max_rss_mib, 1) + ")");
  fs::remove(pdf);
  fs::remove(csv);
  fs::remove(back);
}

// A fresh database NAME of the cluster (tests/pg/cluster.sh): its --db URL.
std::string pg_database(const Options& o, const std::string& name, const fs::path& log) {
  must({"bash", o.pg_cluster, "drop", name}, "", log);
  std::string url = must({"bash", o.pg_cluster, "url", name}, "", log).out;
  while (!url.empty() && url.back() == '\n') url.pop_back();
  return url;
}

long pg_count(const std::string& url, const std::string& sql, const fs::path& log) {
  return std::stol(must({"psql", url, "-v", "ON_ERROR_STOP=1", "-tAc", sql}, "", log).out);
}

// What the last load left the server to do, done before the next timed one (as `sync` before the
// SQLite timings): autovacuum's VACUUM and ANALYZE of a table just loaded, and the checkpoint that
// writes its pages out, would otherwise run during it on the same two cores.
void pg_settle(const std::string& url, const fs::path& log) {
  must({"psql", url, "-v", "ON_ERROR_STOP=1", "-qc", "VACUUM ANALYZE", "-qc", "CHECKPOINT"}, "", log);
}

// The same on PostgreSQL: `attend --file` against psql's `\copy` of the CSV into a plain table
// with the same unique index; eight writers at once, each recording five 50-trainee half-days in
// a convention of its own; the month report.
void bench_postgres(const Options& o, long entries, const fs::path& dir, const fs::path& csv, const std::string& ref, Table& t) {
  const fs::path log = dir / "pg.log";
  const std::string name = "bench_" + std::to_string(entries);
  const std::string db = pg_database(o, name, log), plain = pg_database(o, name + "_plain", log);
  std::cerr << "bench: PostgreSQL: preparing\n";
  must({o.ledger, "init"}, db, log);
  std::vector<fs::path> tomls;
  for (const auto& entry : fs::directory_iterator(dir / "conventions")) tomls.push_back(entry.path());
  std::sort(tomls.begin(), tomls.end());
  for (const auto& toml : tomls) must({o.ledger, "convention", "import", toml.string()}, db, log);
  must({o.ledger, "session", "plan", "--file", (dir / "sessions.csv").string()}, db, log);
  constexpr int kWriters = 8;
  const std::vector<std::string> dates = {"2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"};
  const bool writers = tomls.size() >= kWriters;
  std::vector<std::string> writer_refs;
  for (int w = 0; writers && w < kWriters; ++w) {
    writer_refs.push_back(tomls[static_cast<std::size_t>(w)].stem().string());
    for (const auto& d : dates)
      must({o.ledger, "session", "plan", "--convention", writer_refs.back(), "--module", "PREMSS", "--date", d, "--slot", "am",
            "--start", "09:00", "--end", "12:30"},
           db, log);
  }
  {
    std::ofstream sql(dir / "copy.sql");
    sql << "CREATE TABLE attendance(convention text, module text, date text, slot text, trainee text, minutes text,\n"
           "  absence text, trainee_signed text, trainer_signed text, proof text, sheet text,\n"
           "  UNIQUE(convention, module, date, slot, trainee));\n"
           "\\copy attendance FROM '"
        << csv.string() << "' WITH (FORMAT csv, HEADER true)\n";
  }
  pg_settle(db, log);
  std::cerr << "bench: PostgreSQL: psql \\copy\n";
  const Run copy = must({"psql", plain, "-v", "ON_ERROR_STOP=1", "-q", "-f", (dir / "copy.sql").string()}, "", log);
  pg_settle(plain, log);
  std::cerr << "bench: PostgreSQL: ledger attend --file\n";
  const Run import = must({o.ledger, "attend", "--file", csv.string()}, db, log);
  t.set("PostgreSQL: psql \\copy, wall s", entries, fixed(copy.wall, 2));
  t.set("PostgreSQL: ledger attend --file, wall s (cpu s)", entries, fixed(import.wall, 2) + " (" + fixed(import.cpu, 2) + ")");
  t.set("PostgreSQL: ratio ledger / psql \\copy, wall", entries, fixed(import.wall / copy.wall, 2), "<= 2");
  t.set("PostgreSQL: ledger import peak memory, MiB", entries, fixed(import.max_rss_mib, 1));

  if (writers) {
    std::cerr << "bench: PostgreSQL: " << kWriters << " writers\n";
    const long before = pg_count(db, "SELECT count(*) FROM attendance", log);
    std::vector<std::vector<std::string>> argvs;
    for (const auto& r : writer_refs) {
      std::string script = "for d in";
      for (const auto& d : dates) script += " " + d;
      script += "; do \"$0\" attend --convention " + r + " --module PREMSS --date \"$d\" --slot am --all-present || exit 1; done";
      argvs.push_back({"sh", "-c", script, o.ledger});
    }
    const auto start = std::chrono::steady_clock::now();
    std::vector<pid_t> pids;
    for (std::size_t w = 0; w < argvs.size(); ++w) pids.push_back(spawn(argvs[w], db, dir / ("writer" + std::to_string(w) + ".log")));
    double wall = 0;
    for (std::size_t w = 0; w < argvs.size(); ++w) {
      const Run r = finish(pids[w], start, dir / ("writer" + std::to_string(w) + ".log"));
      exit_unless_done(argvs[w], r);
      wall = std::max(wall, r.wall);
    }
    const long half_days = kWriters * static_cast<long>(dates.size());
    const long added = pg_count(db, "SELECT count(*) FROM attendance", log) - before;
    t.set("PostgreSQL: 8 writers, 50-trainee half-days per s", entries, fixed(static_cast<double>(half_days) / wall, 1));
    t.set("PostgreSQL: 8 writers, entries recorded / expected", entries, std::to_string(added) + " / " + std::to_string(half_days * 50),
          "equal");
  } else {
    t.set("PostgreSQL: 8 writers, 50-trainee half-days per s", entries, "(needs 80,000 entries)");
  }

  std::vector<double> ms;
  for (int i = 0; i < 3; ++i)
    ms.push_back(1000 * must({o.ledger, "report", "reimbursement", "--convention", ref, "--month", "2026-10", "--format", "csv"}, db, log).wall);
  t.set("PostgreSQL: report reimbursement, one convention and month, ms", entries, fixed(median(ms), 1), "<= 100");
  must({"bash", o.pg_cluster, "drop", name}, "", log);
  must({"bash", o.pg_cluster, "drop", name + "_plain"}, "", log);
}

void bench_size(const Options& o, long entries, Table& t) {
  const long conventions = std::max(1L, entries / 10000);
  const fs::path dir = fs::path(o.work) / ("n" + std::to_string(entries));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path log = dir / "last.log";
  std::cerr << "bench: " << entries << " entries (" << conventions << " conventions): generating and preparing\n";
  must({o.gen, "--out", dir.string(), "--conventions", std::to_string(conventions), "--trainees", "50", "--half-days", "200"}, "", log);
  const std::string db = (dir / "ledger.db").string();
  must({o.ledger, "init"}, db, log);
  std::vector<fs::path> tomls;
  for (const auto& entry : fs::directory_iterator(dir / "conventions")) tomls.push_back(entry.path());
  std::sort(tomls.begin(), tomls.end());
  for (const auto& toml : tomls) must({o.ledger, "convention", "import", toml.string()}, db, log);
  must({o.ledger, "session", "plan", "--file", (dir / "sessions.csv").string()}, db, log);
  // Five half-days left for the single `attend` after the import, in the first convention.
  const std::string ref = "NAT-2026-0001";
  const std::vector<std::string> spare_dates = {"2027-03-01", "2027-03-02", "2027-03-03", "2027-03-04", "2027-03-05"};
  for (const auto& d : spare_dates)
    must({o.ledger, "session", "plan", "--convention", ref, "--module", "OPT-FAM", "--date", d, "--slot", "am", "--start",
          "09:00", "--end", "12:30"},
         db, log);

  const fs::path csv = dir / "attendance.csv";
  {
    std::ofstream sql(dir / "import.sql");
    sql << "PRAGMA journal_mode=WAL;\n"
           "CREATE TABLE attendance(convention TEXT, module TEXT, date TEXT, slot TEXT, trainee TEXT, minutes TEXT,\n"
           "  absence TEXT, trainee_signed TEXT, trainer_signed TEXT, proof TEXT, sheet TEXT,\n"
           "  UNIQUE(convention, module, date, slot, trainee));\n"
           ".import --csv --skip 1 '"
        << csv.string() << "' attendance\n";
  }
  std::cerr << "bench: sqlite3 .import\n";
  const Run sqlite = must({o.sqlite3, (dir / "plain.db").string()}, "", log, (dir / "import.sql").string());
  std::cerr << "bench: ledger attend --file\n";
  const Run import = must({o.ledger, "attend", "--file", csv.string()}, db, log);
  t.set("sqlite3 .import, wall s (cpu s)", entries, fixed(sqlite.wall, 2) + " (" + fixed(sqlite.cpu, 2) + ")");
  t.set("ledger attend --file, wall s (cpu s)", entries, fixed(import.wall, 2) + " (" + fixed(import.cpu, 2) + ")");
  t.set("ratio ledger / sqlite3, wall (cpu)", entries, fixed(import.wall / sqlite.wall, 2) + " (" + fixed(import.cpu / sqlite.cpu, 2) + ")",
        "<= 1.5");
  t.set("ledger import peak memory, MiB", entries, fixed(import.max_rss_mib, 1), "<= 64");
  t.set("sqlite3 import peak memory, MiB", entries, fixed(sqlite.max_rss_mib, 1));
  t.set("ledger file size, MiB", entries, fixed(static_cast<double>(fs::file_size(db)) / 1048576.0, 1));

  // Each command below is timed from a quiet disk, not while the kernel still writes back the
  // import's hundreds of megabytes (which slows every fsync for a few seconds).
  ::sync();
  std::vector<double> attend_ms;
  for (const auto& d : spare_dates)
    attend_ms.push_back(1000 * must({o.ledger, "attend", "--convention", ref, "--module", "OPT-FAM", "--date", d, "--slot", "am",
                                     "--all-present", "--late", "T007=30", "--absent", "T013=justified", "--unsigned", "T021"},
                                    db, log)
                                   .wall);
  t.set("one 50-trainee half-day attend, ms (median of 5)", entries, fixed(median(attend_ms), 1), "<= 20");

  if (has_command(o, {"report", "reimbursement"}, log)) {
    std::vector<double> ms;
    for (int i = 0; i < 3; ++i)
      ms.push_back(1000 * must({o.ledger, "report", "reimbursement", "--convention", ref, "--month", "2026-10", "--format", "csv"}, db, log).wall);
    t.set("report reimbursement, one convention and month, ms", entries, fixed(median(ms), 1), "<= 100");
  } else {
    t.set("report reimbursement, one convention and month, ms", entries, "(no such command yet)", "<= 100");
  }
  if (has_command(o, {"verify"}, log)) {
    const Run v = must({o.ledger, "verify"}, db, log);
    t.set("verify the whole chain, s", entries, fixed(v.wall, 2), "<= 3");
  } else {
    t.set("verify the whole chain, s", entries, "(no such command yet)", "<= 3");
  }
  if (has_command(o, {"export", "proofs"}, log)) {
    const fs::path out = dir / "proofs";
    fs::remove_all(out);
    const Run e = must({o.ledger, "export", "proofs", "--convention", ref, "--out", out.string()}, db, log);
    t.set("export proofs of one convention, s", entries, fixed(e.wall, 2));
  } else {
    t.set("export proofs of one convention, s", entries, "(no such command yet)");
  }
  if (has_command(o, {"proof", "attach"}, log)) bench_evidence(o, dir, db, ref, entries, t);
  if (!o.pg_cluster.empty()) bench_postgres(o, entries, dir, csv, ref, t);
  // The data takes disk space: keep only the figures.
  fs::remove(csv);
  fs::remove(dir / "plain.db");
}

}  // namespace

int main(int argc, char** argv) {
  // The generated conventions run 2026-09-01..2027-08-31 and attendance is refused ahead of time:
  // every command the benchmark runs reads the clock at their end.
  setenv("LEDGER_NOW", "2027-08-31T12:00:00Z", 1);
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--ledger") o.ledger = v;
    else if (a == "--gen") o.gen = v;
    else if (a == "--work") o.work = v;
    else if (a == "--sqlite3") o.sqlite3 = v;
    else if (a == "--pg-cluster") o.pg_cluster = v;
    else if (a == "--entries") {
      o.sizes.clear();
      std::stringstream ss(v);
      std::string n;
      while (std::getline(ss, n, ',')) o.sizes.push_back(std::stol(n));
    } else {
      std::cerr << "ledger_bench: unknown option " << a << "\n";
      return 2;
    }
  }
  if (o.ledger.empty() || o.gen.empty() || o.work.empty()) {
    std::cerr << "usage: ledger_bench --ledger BIN --gen BIN --work DIR [--entries 100000,1000000] [--sqlite3 BIN] [--pg-cluster CLUSTER_SH]\n";
    return 2;
  }
  Table t;
  for (long n : o.sizes) bench_size(o, n, t);

  std::size_t width = 10;
  for (const auto& row : t.order) width = std::max(width, row.size());
  std::printf("%-*s", static_cast<int>(width), "entries");
  for (long n : o.sizes) std::printf("  %22ld", n);
  std::printf("  %s\n", "target");
  for (const auto& row : t.order) {
    std::printf("%-*s", static_cast<int>(width), row.c_str());
    for (long n : o.sizes) std::printf("  %22s", t.cells[row][n].c_str());
    std::printf("  %s\n", t.targets[row].c_str());
  }
  return 0;
}
