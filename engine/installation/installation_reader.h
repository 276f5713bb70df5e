#pragma once
// What every part of the installation file's parse shares: a reader of one file's XML
// elements that reports problems at file:line:col, and the parsers of the values its
// attributes hold (integers in a range, points, pixel rectangles).

#include <tinyxml2.h>

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "installation/installation.h"

namespace vitrine::installation {

constexpr int kMaxPort = 65535;
constexpr int kMaxResolution = 16384;

// Reads one file's XML elements and reports problems at file:line:col.
class Reader {
public:
    Reader(std::string_view text, std::filesystem::path file, Diagnostics& d);

    SourceLocation at(const tinyxml2::XMLElement& e, const char* attribute = nullptr) const;

    void error(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
               std::string hint = {});
    void warning(const tinyxml2::XMLElement& e, const char* attribute, std::string code, std::string message,
                 std::string hint = {});

    // Warns about attributes this element does not take (a typo would otherwise be silent).
    void onlyAttributes(const tinyxml2::XMLElement& e, std::initializer_list<std::string_view> known);

    const std::filesystem::path& file() const { return file_; }

private:
    int columnOf(int line, const std::string& needle, int from = 1) const;

    std::filesystem::path file_;
    Diagnostics& diagnostics_;
    std::vector<std::string> lines_;
};

std::vector<std::string_view> splitOn(std::string_view s, char sep);
std::string_view trimmed(std::string_view s);
/// A whole number from `low` to `high`; nullopt for anything else.
std::optional<int> parseInteger(std::string_view s, int low, int high);
/// "x,y".
std::optional<Point> parsePoint(std::string_view s);
/// "x,y,width,height" in whole pixels.
std::optional<PixelRect> parsePixelRect(std::string_view s);

}  // namespace vitrine::installation
