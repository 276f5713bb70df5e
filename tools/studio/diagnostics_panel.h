#pragma once
// The studio's diagnostics: every error and warning of the exhibit, each with its line and,
// on hover, its hint. Clicking one returns it; the studio selects what it names.

#include <optional>
#include <string>

#include "diag/diagnostic.h"

namespace vitrine::studio {

/// Draws `diagnostics` in a panel at (x, y), w × h; the one clicked this frame, if any.
/// Problems in other files than `exhibitFile` (caption files, includes) name their file.
std::optional<Diagnostic> drawDiagnostics(const Diagnostics& diagnostics, const std::string& exhibitFile, float x,
                                          float y, float w, float h);

}  // namespace vitrine::studio
