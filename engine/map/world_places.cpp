// The world gazetteer (Gazetteer::parseWorld): tools/install-map-data writes it from
// Natural Earth's countries and GeoNames' towns of 1,000 people and more, one place a line,
// fields separated by tabs. It holds about 135,000 places, so it is read as plain lines
// (a JSON document of that size would take several times the memory while read).

#include "map/gazetteer.h"

#include "files/bounded_read.h"
#include "map/located_json.h"

#include <charconv>
#include <cmath>

namespace vitrine::map {

namespace {

enum Field { KindField, NameField, OtherNamesField, CountryField, PopulationField, LonField, LatField, FieldCount };

std::vector<std::string_view> split(std::string_view line, char separator) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const std::size_t end = line.find(separator, start);
        out.push_back(line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
    }
}

template <class T>
std::optional<T> number(std::string_view text) {
    T value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

}  // namespace

Gazetteer Gazetteer::parseWorld(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    Gazetteer gazetteer;
    int lineNumber = 0;
    for (std::string_view line : split(text, '\n')) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        const SourceLocation at{file, lineNumber, 1};
        const std::vector<std::string_view> fields = split(line, '\t');
        const auto population = fields.size() == FieldCount ? number<std::int64_t>(fields[PopulationField]) : std::nullopt;
        const auto lon = fields.size() == FieldCount ? number<double>(fields[LonField]) : std::nullopt;
        const auto lat = fields.size() == FieldCount ? number<double>(fields[LatField]) : std::nullopt;
        const std::string_view kind = fields[KindField];
        if (fields.size() != FieldCount || fields[NameField].empty() || !population || !lon || !lat ||
            !std::isfinite(*lon) || !std::isfinite(*lat) || std::abs(*lon) > 180 || std::abs(*lat) > 90 ||
            (kind != "city" && kind != "country" && kind != "sea")) {
            diagnostics.error(at, "world-places-line",
                              "expected kind (city, country or sea), name, other names, country code, population, "
                              "longitude and latitude, separated by tabs",
                              "reinstall the map data: tools/install-map-data");
            continue;
        }
        Place place;
        place.kind = kind == "city" ? PlaceKind::City : kind == "country" ? PlaceKind::Country : PlaceKind::Water;
        std::vector<std::string>& names = place.names["en"];
        names.emplace_back(fields[NameField]);
        if (!fields[OtherNamesField].empty())
            for (std::string_view other : split(fields[OtherNamesField], '|')) names.emplace_back(other);
        place.country = std::string(fields[CountryField]);
        place.population = *population;
        place.lonLat = {*lon, *lat};
        place.source = "world gazetteer";
        gazetteer.add(std::move(place), at, diagnostics, false);
    }
    return gazetteer;
}

Gazetteer Gazetteer::loadWorld(const std::filesystem::path& path, Diagnostics& diagnostics) {
    auto text = readTextFile(path);
    if (!text) {
        diagnostics.error(SourceLocation{path.string(), 0, 0}, "file-unreadable",
                          "cannot read the world gazetteer " + path.string());
        return {};
    }
    if (refuseTooLarge(*text, path.string(), kMaxMapFileBytes, "world gazetteer", diagnostics)) return {};
    return parseWorld(*text, path.string(), diagnostics);
}

}  // namespace vitrine::map
