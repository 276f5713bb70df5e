#pragma once
// The places the exhibit's map can name (assets/maps/places.json): cities and
// label points for countries and regions, each with names in several languages.
// Lookups accept an id or any name in any language, ignoring case.

#include "diag/diagnostic.h"
#include "map/geometry.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vitrine::map {

/// What a place's point stands for.
enum class PlaceKind {
    City,     // a measured city-centre point
    Country,  // a label point for a country
    Region,   // a label point for a region or continent; not a city
};

struct Place {
    std::string id;
    PlaceKind kind = PlaceKind::City;
    /// Names by language code ("en", "hy", "ru", "az"); the first of each list is the one
    /// to display for the exhibit's period, the rest are other names (today's, variants).
    std::map<std::string, std::vector<std::string>> names;
    Point2 lonLat;       // degrees, WGS 84
    std::string source;  // where the coordinates come from
    std::string note;    // may be empty

    /// The display name in `language`, else in English, else the id.
    const std::string& displayName(std::string_view language) const;
};

class Gazetteer {
public:
    /// Reads places from JSON text; `file` names it in diagnostics. Bad entries are
    /// diagnosed and skipped, the others load.
    static Gazetteer parse(std::string_view text, const std::string& file, Diagnostics& diagnostics);
    /// Reads the file at `path`; an unreadable file is one "file-unreadable" error.
    static Gazetteer load(const std::filesystem::path& path, Diagnostics& diagnostics);

    /// The place with this id or name (any language, case-insensitive); nullopt when none.
    std::optional<Place> find(std::string_view idOrName) const;
    /// The known id or name closest to `unknown` by edit distance, for "did you mean";
    /// nullopt when nothing is near enough to be a plausible typo.
    std::optional<std::string> suggest(std::string_view unknown) const;
    /// Every place, in file order.
    const std::vector<Place>& places() const { return places_; }

private:
    std::vector<Place> places_;
    std::map<std::string, std::size_t> index_;  // folded id or name → position in places_
};

/// `text` with letters folded to lower case for matching, for Latin (incl. Azerbaijani),
/// Cyrillic and Armenian; dotted and dotless i fold together; other characters and
/// malformed UTF-8 bytes pass through unchanged.
std::string foldCase(std::string_view text);

}  // namespace vitrine::map
