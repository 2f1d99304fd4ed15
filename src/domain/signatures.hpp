// Signatures given in a browser (`ledger sign`, schema/012): strokes checked and kept as SVG,
// each one an evidence file of the half-day with its signature row, in the chain for good.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention.hpp"
#include "store/ledger.hpp"

namespace ledger {

// Strokes as the pages send them: SVG path data made only of `M x y` and `L x y` with integer
// coordinates inside the canvas. Anything else is refused (InputError on `strokes`), so that what
// is stored, and later shown in pages and sheets, is a plain drawing and never markup.
struct Strokes {
  std::string path;  // canonical: `M1 2L3 4M…`
  int width = 0, height = 0;
};
Strokes parse_strokes(const std::string& path, int width, int height);

// The image kept as evidence: the strokes in black on the canvas's frame.
std::string signature_svg(const Strokes& strokes);

// Who signs a half-day's sheet: a trainee, or the trainer (trainee_id empty).
struct Signer {
  const ConventionState* st = nullptr;
  const ModuleRow* module = nullptr;
  std::int64_t session_id = 0;
  std::string sheet;
  std::optional<std::int64_t> trainee_id;
  std::string trainee_code;  // with trainee_id: names the image `SHEET-CODE.svg`
};

struct GivenSignature {
  std::int64_t evidence_id = 0;
  std::optional<std::string> trainee;  // its code; empty: the trainer
  std::string signed_at;               // UTC, ISO 8601
  std::string svg;
};

// Records one signature (evidence file, evidence row, signature row) in one transaction, at the
// clock's time. `pointer` is pen, touch or mouse.
GivenSignature record_signature(Ledger& ledger, const Clock& clock, const Signer& signer, const Strokes& strokes,
                                const std::string& pointer);

// Sets a signature aside (its evidence retracted, with `reason`) so that it is given again.
void reject_signature(Ledger& ledger, const Clock& clock, std::int64_t evidence_id, const std::string& reason);

// The signatures of a half-day that stand, oldest first, with their images.
std::vector<GivenSignature> standing_signatures(Ledger& ledger, std::int64_t session_id);

}  // namespace ledger
