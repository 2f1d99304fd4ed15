// `ledger`: builds the command line from every registered subcommand and maps errors to exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/error.hpp"
#include "cli/context.hpp"
#include "io/csv.hpp"
#include "store/errors.hpp"

int main(int argc, char** argv) {
  using namespace ledger;
  CLI::App app{
      "ledger: attendance and reimbursement ledger for French continuing-training agreements\n"
      "(conventions de formation professionnelle continue). Start with `ledger demo`."};
  app.name("ledger");
  app.footer(
      "\nA first ledger:\n"
      "  ledger init\n"
      "  ledger convention template > convention.toml   (fill it in)\n"
      "  ledger convention import convention.toml\n"
      "  ledger session plan --module M --date D --slot am --start 09:00 --end 12:30\n"
      "  ledger attend --module M --date D --slot am --all-present [--absent ID] [--late ID=N]\n"
      "  ledger report reimbursement --month YYYY-MM\n"
      "`ledger COMMAND --help` tells more. Exit codes: 0 ok, 1 findings (check, verify), 2 bad input, 3 database.");
  app.require_subcommand(1);
  app.fallthrough();
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  ctx.progress = isatty(STDERR_FILENO) == 1;
  app.add_option("--db", ctx.db_flag, "Ledger database (default: $LEDGER_DB, else ./ledger.db)");
  app.set_version_flag("--version", "ledger 0.1.0");
  setup_all_commands(app, ctx);

  // Text given on the command line is held to the rule for text from files (DESIGN section 4).
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto why = io::text_refusal(arg);
    if (!why) continue;
    const auto equals = arg.find('=');
    const bool inline_value = arg.starts_with("--") && equals != std::string_view::npos;
    const std::string flag(inline_value ? arg.substr(0, equals) : i > 1 && argv[i - 1][0] == '-' ? argv[i - 1] : "argument");
    const InputProblem problem{"", flag, io::shown(inline_value ? arg.substr(equals + 1) : arg), *why};
    std::cerr << "ledger: error: " << problem.message() << "\n";
    return kBadInput;
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "ledger: error: " << e.what() << "\n";
    if (e.get_exit_code() != 0) std::cerr << "Run with --help for more information.\n";
    return kBadInput;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) std::cerr << "ledger: error: " << p.message() << "\n";
    return kBadInput;
  } catch (const DatabaseError& e) {
    std::cerr << "ledger: error: " << e.what() << "\n";
    return kDatabase;
  } catch (const StoreError& e) {
    std::cerr << "ledger: error: " << e.what() << "\n";
    return kDatabase;
  } catch (const std::exception& e) {
    std::cerr << "ledger: error: " << e.what() << "\n";
    return kDatabase;
  }
  std::cout.flush();
  return ctx.exit_code;
}
