#include "cli/records.hpp"

#include <fmt/format.h>

#include "app/error.hpp"
#include "app/text.hpp"
#include "cli/context.hpp"

namespace ledger {

int print_record_list(const Dataset& data, const std::string& none, std::ostream& out, const RecordListOptions& opts) {
  if (data.rows.empty() && opts.format == Format::table) {
    out << none << '\n';
    return 0;
  }
  render(data, opts.format, out, opts.output);
  return 0;
}

void add_org_record_list(CLI::App& app, Context& ctx, const std::string& group, const std::string& group_help,
                         const std::string& help, RecordLister list, std::string none) {
  auto opts = std::make_shared<RecordListOptions>();
  auto* cmd = command_group(app, group, group_help).add_subcommand("list", help);
  cmd->add_option("--org", opts->org, tr("help.opt.org.only_this"));
  add_format_option(*cmd, opts->format, opts->output);
  add_convention_option(*cmd, ctx);
  cmd->callback([&ctx, opts, list, none = std::move(none)] {
    opts->convention = ctx.convention;
    auto ledger = open_ledger(ctx);
    ctx.exit_code = print_record_list(list(*ledger, *opts), none, *ctx.out, *opts);
  });
}

void bind_org_filter(Query& q, const ConventionState& st, const std::string& org) {
  if (org.empty()) {
    q.bind(":org", Value());
    return;
  }
  const OrgRow* row = st.org(org);
  if (row == nullptr) throw InputError::flag("--org", org, tr("convention.no_such_org", fmt::arg("ref", st.convention.ref)));
  q.bind(":org", row->id);
}

}  // namespace ledger
