#include "installation/installation_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <sstream>

#include "script/values.h"

namespace vitrine::installation {

Reader::Reader(std::string_view text, std::filesystem::path file, Diagnostics& d)
    : file_(std::move(file)), diagnostics_(d) {
    std::string line;
    std::istringstream in{std::string(text)};
    while (std::getline(in, line)) lines_.push_back(line);
}

SourceLocation Reader::at(const tinyxml2::XMLElement& e, const char* attribute) const {
    int line = e.GetLineNum();
    int column = columnOf(line, std::string("<") + e.Name());
    if (attribute) {
        // An attribute may sit on a later line of a multi-line tag.
        for (int l = line; l < line + 32 && l <= static_cast<int>(lines_.size()); ++l) {
            int c = columnOf(l, std::string(attribute) + "=", l == line ? column : 1);
            if (c > 0) return {file_.string(), l, c};
        }
    }
    return {file_.string(), line, std::max(column, 1)};
}

void Reader::error(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
                   std::string hint) {
    diagnostics_.error(at(e, attribute), std::move(code), std::move(message), std::move(hint));
}

void Reader::warning(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
                     std::string hint) {
    diagnostics_.warning(at(e, attribute), std::move(code), std::move(message), std::move(hint));
}

void Reader::onlyAttributes(const tinyxml2::XMLElement& e, std::initializer_list<std::string_view> known) {
    for (auto a = e.FirstAttribute(); a; a = a->Next())
        if (std::find(known.begin(), known.end(), a->Name()) == known.end()) {
            std::string list;
            for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            warning(e, a->Name(), "unknown-attribute",
                    "<" + std::string(e.Name()) + "> has no attribute '" + a->Name() + "'; it is ignored",
                    list.empty() ? std::string() : "attributes here: " + list);
        }
}

int Reader::columnOf(int line, const std::string& needle, int from) const {
    if (line < 1 || line > static_cast<int>(lines_.size())) return 0;
    const auto& text = lines_[line - 1];
    auto pos = text.find(needle, static_cast<std::size_t>(std::max(from - 1, 0)));
    return pos == std::string::npos ? 0 : static_cast<int>(pos) + 1;
}

std::vector<std::string_view> splitOn(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        auto pos = s.find(sep, start);
        parts.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

std::optional<int> parseInteger(std::string_view s, int low, int high) {
    auto v = parseNumber(s);
    // The range is checked before any conversion: converting 1e300 to an integer is undefined.
    if (!v || !(*v >= low && *v <= high) || *v != std::floor(*v)) return std::nullopt;
    return static_cast<int>(*v);
}

std::optional<Point> parsePoint(std::string_view s) {
    auto parts = splitOn(s, ',');
    if (parts.size() != 2) return std::nullopt;
    auto x = parseNumber(parts[0]), y = parseNumber(parts[1]);
    if (!x || !y) return std::nullopt;
    return Point{*x, *y};
}

std::optional<PixelRect> parsePixelRect(std::string_view s) {
    auto parts = splitOn(s, ',');
    if (parts.size() != 4) return std::nullopt;
    int v[4];
    for (int i = 0; i < 4; ++i) {
        auto n = parseInteger(parts[i], i < 2 ? -kMaxResolution : 1, kMaxResolution);
        if (!n) return std::nullopt;
        v[i] = *n;
    }
    return PixelRect{v[0], v[1], v[2], v[3]};
}

}  // namespace vitrine::installation
