#pragma once
// A tiny JSON writer for reports (check --json, status APIs). Writing only; reading
// JSON is nlohmann-json's job where needed.

#include <string>
#include <string_view>

namespace vitrine {

/// `s` as a quoted JSON string, with control characters escaped.
std::string jsonString(std::string_view s);

}  // namespace vitrine
