// `ledger demo`: build a fresh demo ledger from the embedded demo data and show what it holds.
// Every step goes through the same commands a user runs, printed as the command line it stands
// for, so the demo also teaches the commands.
#include <unistd.h>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/context.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "app/error.hpp"
#include "cli/foad.hpp"
#include "cli/money.hpp"
#include "cli/paper.hpp"
#include "cli/report.hpp"
#include "cli/spine.hpp"
#include "domain/convention.hpp"
#include "report/dataset.hpp"
#include "app/resources.hpp"

namespace ledger {

namespace {

constexpr const char* kDemoMonth = "2026-10";
// The demo's own clock, whatever the machine's (LEDGER_NOW included): a Friday after its last
// sheets (24 November 2026), so that none is ahead of time and its last half-days are to come.
Clock demo_clock() { return Clock(date::sys_days{date::year{2026} / 11 / 27} + std::chrono::hours{16}); }

// A scratch directory for the embedded CSV files, removed when the demo ends.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "ledger-demo-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw DatabaseError(tr("demo.no_temp_dir"));
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  std::string prefix() const { return path_.string() + "/"; }
  std::string write(const std::string& name, std::string_view bytes) const {
    const auto file = (path_ / name).string();
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

 private:
  std::filesystem::path path_;
};

// Refuses to replace anything but an earlier demo ledger.
void remove_earlier_demo(const std::string& path) {
  namespace fs = std::filesystem;
  if (!fs::exists(path)) return;
  bool is_demo = false;
  try {
    auto earlier = Ledger::open(path, Ledger::Open::existing);
    is_demo = earlier->meta("demo") == std::optional<std::string>("1");
  } catch (const std::exception&) {
    is_demo = false;
  }
  if (!is_demo)
    throw InputError::flag("--db", path, tr("demo.not_a_demo"));
  for (const auto& suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
}

// Prints `$ ledger ARGS` and the command's output, indented, with the scratch directory's path
// taken out of file names.
class Narrator {
 public:
  Narrator(std::ostream& out, std::string scratch) : out_(out), scratch_(std::move(scratch)) {}
  template <typename Fn>
  void step(const std::string& command, Fn run) {
    std::ostringstream captured;
    run(captured);
    out_ << "$ ledger " << command << "\n";
    std::istringstream lines(captured.str());
    for (std::string line; std::getline(lines, line);) {
      for (auto at = line.find(scratch_); at != std::string::npos; at = line.find(scratch_)) line.erase(at, scratch_.size());
      out_ << "  " << line << "\n";
    }
  }

 private:
  std::ostream& out_;
  std::string scratch_;
};

// The section 5 quantities from the convention's start to today.
Dataset attendance_so_far(Ledger& ledger, const Clock& clock) {
  const ConventionState st = load_convention(ledger, "");
  auto q = ledger.query("reports/quantities");
  q.bind(":convention", st.convention.id);
  q.bind(":from", st.convention.starts);
  q.bind(":to", format_date(clock.today()));
  q.bind(":today", clock.paris_date());
  Dataset d;
  d.columns = {{"trainee_id", tr("col.trainee_id")}, {"name", tr("col.name")}, {"module", tr("col.module")},
               {"delivered_min", tr("col.delivered_min"), ColumnKind::minutes}, {"followed_min", tr("col.followed_min"), ColumnKind::minutes},
               {"unproven_min", tr("col.unproven_min"), ColumnKind::minutes},
               {"absent_min", tr("col.absent_min"), ColumnKind::minutes}, {"unrecorded_min", tr("col.unrecorded_min"), ColumnKind::minutes},
               {"not_delivered_min", tr("col.not_delivered_min"), ColumnKind::minutes}, {"withdrawn_min", tr("col.withdrawn_min"), ColumnKind::minutes}};
  while (q.next())
    d.add({q.text("trainee_id"),
           q.text("first_name") + " " + q.text("last_name"), q.text("module"),
           q.i64("delivered_min"), q.i64("followed_min"), q.i64("unproven_min"),
           q.i64("absent_justified_min") + q.i64("absent_unjustified_min"),
           q.i64("unrecorded_min"), q.i64("not_delivered_min"), q.i64("withdrawn_min")});
  return d;
}

}  // namespace

int run_demo(const std::string& path, const Clock& clock, std::ostream& out) {
  remove_earlier_demo(path);
  auto ledger = Ledger::open(path, Ledger::Open::create);
  ledger->migrate();
  {
    WriteTransaction txn(*ledger, clock);
    txn.set_meta("demo", "1");
    txn.commit();
  }
  ScratchDir scratch;
  const std::string convention = scratch.write("demo-convention.toml", resource("data/demo-convention.toml"));
  const std::string sessions = scratch.write("demo-sessions.csv", resource("data/demo-sessions.csv"));
  const std::string attendance = scratch.write("demo-attendance.csv", resource("data/demo-attendance.csv"));
  std::ostringstream ignored_err;

  out << tr("demo.title", fmt::arg("path", path)) << "\n\n";
  Narrator n(out, scratch.prefix());
  n.step("convention import demo-convention.toml", [&](std::ostream& o) {
    run_convention_import(*ledger, clock, o, ConventionImportOptions{convention});
  });
  n.step("session plan --file demo-sessions.csv", [&](std::ostream& o) {
    SessionPlanOptions opts;
    opts.file = sessions;
    run_session_plan(*ledger, clock, o, opts);
  });
  n.step("session cancel --module PREMSS --date 2026-10-12 --slot pm --by of --notified 2026-10-09 --reason \"Formateur indisponible\"",
         [&](std::ostream& o) {
           run_session_cancel(*ledger, clock, o, SessionCancelOptions{"", "PREMSS", "2026-10-12", "pm", "of", "2026-10-09", "Formateur indisponible"});
         });
  n.step("trainee leave --trainee T05 --on 2026-10-13 --reason \"Démission\"", [&](std::ostream& o) {
    run_trainee_leave(*ledger, clock, o, TraineeLeaveOptions{"", "T05", "2026-10-13", "Démission"});
  });
  n.step("attend --file demo-attendance.csv", [&](std::ostream& o) {
    AttendOptions opts;
    opts.file = attendance;
    run_attend(*ledger, clock, o, ignored_err, opts);
  });
  n.step("attend --module PREMSS --date 2026-10-14 --slot pm --all-present --trainer-unsigned", [&](std::ostream& o) {
    AttendOptions opts;
    opts.module = "PREMSS", opts.date = "2026-10-14", opts.slot = "pm";
    opts.all_present = true;
    opts.trainer_unsigned = true;
    run_attend(*ledger, clock, o, ignored_err, opts);
  });
  n.step("attend correct --module PREMSS --date 2026-10-08 --slot am --trainee T04 --signed yes --reason \"Signature retrouvée sur la feuille papier\"",
         [&](std::ostream& o) {
           AttendCorrectOptions opts;
           opts.module = "PREMSS", opts.date = "2026-10-08", opts.slot = "am", opts.trainee = "T04";
           opts.trainee_signed = "yes";
           opts.reason = "Signature retrouvée sur la feuille papier";
           run_attend_correct(*ledger, clock, o, opts);
         });
  // The e-learning module's assistance and evaluations (D. 6313-3-1).
  n.step("assist add --module PASS --date 2026-09-14 --kind technical --staff \"Support plateforme\" --minutes 20 --note \"Ouverture des accès\"",
         [&](std::ostream& o) {
           run_assist_add(*ledger, clock, o, AssistAddOptions{"", "PASS", "", "2026-09-14", "technical", "Support plateforme", "20", "Ouverture des accès"});
         });
  n.step("assist add --module PASS --date 2026-09-21 --kind pedagogical --staff \"Nadia Roux\" --minutes 60 --note \"Tutorat : exercices corrigés\"",
         [&](std::ostream& o) {
           run_assist_add(*ledger, clock, o,
                          AssistAddOptions{"", "PASS", "", "2026-09-21", "pedagogical", "Nadia Roux", "60", "Tutorat : exercices corrigés"});
         });
  for (const auto& [trainee, score] : std::vector<std::pair<std::string, std::string>>{
           {"T01", "16.5"}, {"T02", "14"}, {"T03", "17"}, {"T04", "12.5"}, {"T05", "15"}})
    n.step(fmt::format("grade add --trainee {} --module PASS --test \"Quiz final\" --score {}", trainee, score), [&](std::ostream& o) {
      run_grade_add(*ledger, clock, o, GradeAddOptions{"", trainee, "PASS", "Quiz final", score, ""});
    });
  // Issue 3: money movements and the month-end report.
  n.step("invoice add --org crf-est --number FE-2026-031 --date 2026-10-01 --kind training --module PREMSS --amount-ht 9150",
         [&](std::ostream& o) {
           run_invoice_add(*ledger, clock, o, InvoiceAddOptions{"", "crf-est", "FE-2026-031", "2026-10-01", "training", "PREMSS", "9150", ""});
         });
  n.step("payment add --invoice FE-2026-031 --date 2026-10-16 --amount 9150", [&](std::ostream& o) {
    run_payment_add(*ledger, clock, o, PaymentAddOptions{"", "FE-2026-031", "", "2026-10-16", "9150", {}});
  });
  n.step("invoice add --org crf-ouest --number FO-1107 --date 2026-10-26 --kind training --module CSU --amount-ht 6300",
         [&](std::ostream& o) {
           run_invoice_add(*ledger, clock, o, InvoiceAddOptions{"", "crf-ouest", "FO-1107", "2026-10-26", "training", "CSU", "6300", ""});
         });
  n.step("payment add --invoice FO-1107 --date 2026-10-30 --amount 3780", [&](std::ostream& o) {
    run_payment_add(*ledger, clock, o, PaymentAddOptions{"", "FO-1107", "", "2026-10-30", "3780", {}});
  });
  n.step("funding receipt --funding UNIF-2026-0412 --date 2026-10-28 --amount 450", [&](std::ostream& o) {
    run_funding_receipt(*ledger, clock, o, FundingReceiptOptions{"", "UNIF-2026-0412", "2026-10-28", "450"});
  });

  out << "\n";
  run_convention_show(*ledger, clock, out, ConventionShowOptions{});
  out << '\n' << tr("demo.attendance_title", fmt::arg("date", french_date(format_date(clock.today())))) << '\n';
  render_table(attendance_so_far(*ledger, clock), out, "  ");
  out << "\n";
  n.step(fmt::format("report reimbursement --month {}", kDemoMonth), [&](std::ostream& o) {
    ReportReimbursementOptions opts;
    opts.month = kDemoMonth;
    run_report_reimbursement(*ledger, clock, o, opts);
  });
  return 0;
}

namespace {
void setup_demo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("demo", tr("help.cmd.demo"));
  cmd->callback([&ctx] {
    // The demo never touches $LEDGER_DB: only --db, else ./demo.db.
    ctx.exit_code = run_demo(ctx.db_flag.empty() ? "demo.db" : ctx.db_flag, demo_clock(), *ctx.out);
  });
}
const bool demo_registered = register_command(1, setup_demo);
}  // namespace

}  // namespace ledger
