#include "domain/signatures.hpp"

#include <fmt/format.h>

#include "app/error.hpp"
#include "app/text.hpp"
#include "domain/evidence.hpp"
#include "store/evidence.hpp"

namespace ledger {

namespace {
// A canvas larger than any screen, or strokes longer than a signature, are not a signature.
constexpr int kMaxCanvas = 4096;
constexpr std::size_t kMaxPathBytes = 48 * 1024;

[[noreturn]] void bad_strokes(const std::string& why) { throw InputError::flag("strokes", "", why); }
}  // namespace

Strokes parse_strokes(const std::string& path, int width, int height) {
  if (width <= 0 || height <= 0 || width > kMaxCanvas || height > kMaxCanvas)
    bad_strokes(tr("sign.canvas_range", fmt::arg("max", kMaxCanvas)));
  if (path.size() > kMaxPathBytes) bad_strokes(tr("sign.strokes_too_long"));
  Strokes s{"", width, height};
  std::size_t i = 0;
  auto skip = [&] {
    while (i < path.size() && (path[i] == ' ' || path[i] == ',')) ++i;
  };
  auto number = [&](int max) {
    skip();
    const std::size_t start = i;
    while (i < path.size() && path[i] >= '0' && path[i] <= '9' && i - start < 5) ++i;
    if (i == start) bad_strokes(tr("sign.strokes_syntax"));
    const int v = std::stoi(path.substr(start, i - start));
    if (v > max) bad_strokes(tr("sign.strokes_outside"));
    return v;
  };
  skip();
  while (i < path.size()) {
    const char command = path[i++];
    if ((command != 'M' && command != 'L') || (s.path.empty() && command != 'M')) bad_strokes(tr("sign.strokes_syntax"));
    const int x = number(width), y = number(height);
    fmt::format_to(std::back_inserter(s.path), "{}{} {}", command, x, y);
    skip();
  }
  if (s.path.find('L') == std::string::npos) bad_strokes(tr("sign.strokes_empty"));
  return s;
}

std::string signature_svg(const Strokes& strokes) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\"><path d=\"{}\" fill=\"none\" stroke=\"#000\" "
      "stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>\n",
      strokes.width, strokes.height, strokes.path);
}

GivenSignature record_signature(Ledger& ledger, const Clock& clock, const Signer& signer, const Strokes& strokes,
                                const std::string& pointer) {
  GivenSignature g;
  g.svg = signature_svg(strokes);
  WriteTransaction txn(ledger, clock);
  const std::string name = signer.sheet + (signer.trainee_id ? "-" + signer.trainee_code : std::string("-trainer")) + ".svg";
  g.evidence_id = attach_evidence_bytes(ledger, txn, *signer.st, EvidenceTarget{signer.module, signer.session_id, signer.trainee_id},
                                        g.svg, "svg", name, "sheet");
  txn.append("signature", {{"evidence_id", g.evidence_id}, {"session_id", signer.session_id}, {"trainee_id", opt(signer.trainee_id)},
                           {"sheet", signer.sheet}, {"signed_at", txn.recorded_at()}, {"pointer", pointer},
                           {"width", std::int64_t{strokes.width}}, {"height", std::int64_t{strokes.height}},
                           {"recorded_by", txn.recorded_by()}});
  g.signed_at = txn.recorded_at();
  txn.commit();
  return g;
}

void reject_signature(Ledger& ledger, const Clock& clock, std::int64_t evidence_id, const std::string& reason) {
  WriteTransaction txn(ledger, clock);
  txn.append("evidence_retraction",
             {{"evidence_id", evidence_id}, {"reason", reason}, {"recorded_at", txn.recorded_at()}, {"recorded_by", txn.recorded_by()}});
  txn.commit();
}

std::vector<GivenSignature> standing_signatures(Ledger& ledger, std::int64_t session_id) {
  std::vector<GivenSignature> out;
  std::vector<std::pair<std::int64_t, std::string>> files;
  {
    auto q = ledger.query("signatures_standing");
    q.bind(":session", session_id);
    while (q.next()) {
      out.push_back({q.i64("evidence_id"), q.opt_text("trainee"), q.text("signed_at"), ""});
      files.emplace_back(q.i64("convention_id"), q.text("sha256"));
    }
  }
  for (std::size_t k = 0; k < out.size(); ++k)
    read_evidence_file(ledger, files[k].first, files[k].second, [&](std::string_view bytes) { out[k].svg += bytes; });
  return out;
}

}  // namespace ledger
