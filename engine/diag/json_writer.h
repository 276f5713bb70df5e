#pragma once
// A tiny JSON writer for reports (check --json, status APIs). Writing only; reading
// JSON is nlohmann-json's job where needed.

#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace vitrine {

/// `s` as a quoted JSON string, with control characters escaped.
std::string jsonString(std::string_view s);

/// One diagnostic as a JSON object: {"file", "line", "column", "severity", "code",
/// "message", "hint"}, as `check --json` prints it for exhibits and installation files.
std::string diagnosticJson(const Diagnostic& d);

}  // namespace vitrine
