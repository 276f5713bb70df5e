#include "script/language_names.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace vitrine {
namespace {

bool sameLetters(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// Whether `names` ("Spanish; Castilian") lists `name`.
bool listsName(std::string_view names, std::string_view name) {
    while (true) {
        size_t semicolon = names.find(';');
        std::string_view one = names.substr(0, semicolon);
        while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
        if (sameLetters(one, name)) return true;
        if (semicolon == std::string_view::npos) return false;
        names.remove_prefix(semicolon + 1);
    }
}

}  // namespace

std::optional<std::string> languageCodeNamed(std::string_view name, const std::filesystem::path& list) {
    std::ifstream in(list, std::ios::binary);
    if (!in) return std::nullopt;
    const nlohmann::json document = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (!document.is_object() || !document.contains("639-2") || !document["639-2"].is_array()) return std::nullopt;
    for (const auto& language : document["639-2"]) {
        if (!language.is_object() || !listsName(language.value("name", ""), name)) continue;
        // BCP 47 takes the two-letter code where ISO 639-1 has one (RFC 5646 section 2.2.1).
        std::string code = language.value("alpha_2", language.value("alpha_3", ""));
        if (!code.empty()) return code;
    }
    return std::nullopt;
}

}  // namespace vitrine
