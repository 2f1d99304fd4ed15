#include "cli/records.hpp"

#include <fmt/format.h>

#include "app/error.hpp"
#include "app/text.hpp"

namespace ledger {

int print_record_list(const Dataset& data, const std::string& none, std::ostream& out, const RecordListOptions& opts) {
  if (data.rows.empty() && opts.format == Format::table) {
    out << none << '\n';
    return 0;
  }
  render(data, opts.format, out, opts.output);
  return 0;
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
