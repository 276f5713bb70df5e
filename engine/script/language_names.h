#pragma once
// Language names to BCP 47 codes, for "did you mean 'en'?" when a script writes a
// language's name where its code belongs.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace vitrine {

/// Debian's iso-codes list of ISO 639-2 languages (their English names and two-letter codes).
inline const std::filesystem::path kIsoLanguageList = "/usr/share/iso-codes/json/iso_639-2.json";

/// The shortest code of the language called `name` in English ("English" → "en",
/// "armenian" → "hy"), from `list` in iso-codes' format; nullopt when the list is missing
/// or names no such language.
std::optional<std::string> languageCodeNamed(std::string_view name,
                                             const std::filesystem::path& list = kIsoLanguageList);

}  // namespace vitrine
