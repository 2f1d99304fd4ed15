// `ledger`: builds the command line from every registered subcommand and maps errors to exit codes.
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <iostream>

#include "app/error.hpp"
#include "cli/context.hpp"
#include "io/csv.hpp"
#include "store/errors.hpp"
#include "app/cli_text.hpp"
#include "app/command.hpp"
#include "app/text.hpp"
#include "report/table.hpp"

int main(int argc, char** argv) {
  using namespace ledger;
  CLI::App app{tr("help.ledger")};
  app.name("ledger");
  app.footer(tr("help.ledger_footer"));
  app.set_help_flag("-h,--help", tr("cli.help"));
  app.require_subcommand(1);
  app.fallthrough();
  Context ctx;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  ctx.progress = isatty(STDERR_FILENO) == 1;
  set_table_width(terminal_width(STDOUT_FILENO));
  app.add_option("--db", ctx.db_flag, tr("help.opt.db"));
  app.set_version_flag("--version", "ledger 0.1.0", tr("cli.version"));
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
    // Every command refuses a malformed test clock, not only those that read the clock.
    (void)Clock::from_environment();
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    translate_help(app);  // only when help is printed: it walks every option of every command
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    translate_help(app);
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    for (const auto& line : parse_error_lines(e, app, std::vector<std::string>(argv + 1, argv + argc)))
      std::cerr << "ledger: error: " << line << "\n";
    std::cerr << tr("cli.more") << "\n";
    return kBadInput;
  } catch (const InputError& e) {
    for (const auto& p : e.problems()) std::cerr << "ledger: error: " << p.message() << "\n";
    return kBadInput;
  } catch (const Interrupted& e) {
    std::cerr << "ledger: error: " << e.what() << "\n";
    return 128 + e.signal();
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
