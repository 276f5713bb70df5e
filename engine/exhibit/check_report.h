#pragma once
// What `vitrine check` prints: diagnostics as editors parse them, then a summary.

#include <string>

#include "exhibit/exhibit_loader.h"

namespace vitrine {

/// Exit status of `vitrine check`: 0 clean, 1 warnings only, 2 errors.
int checkExitCode(const LoadedExhibit& exhibit);

/// "N scenes, 9:40 total, 12 media files referenced, 0 missing; 0 errors, 2 warnings".
std::string checkSummary(const LoadedExhibit& exhibit);

/// Diagnostics one per line (with hints), then the summary line.
std::string checkReportText(const LoadedExhibit& exhibit);

/// The same as a JSON object: {"file", "diagnostics": [...], "summary": {...}}.
std::string checkReportJson(const LoadedExhibit& exhibit, const std::string& file);

/// Scene table for `vitrine scenes`: id, start, duration, title.
std::string sceneTable(const Show& show);

}  // namespace vitrine
