#pragma once
// The places the exhibit's map can name: a places file (assets/maps/places.json, or an
// exhibit's own) of cities and label points for countries and regions, each with names in
// several languages, and the world gazetteer (world_places.cpp) behind it. Lookups accept
// an id or any name in any language, ignoring case and accents; "Name, CC" (an ISO country
// code or a country's name) picks among places of the same name, and otherwise the one
// with the largest population wins (in a places file, which has none, the first).

#include "diag/diagnostic.h"
#include "map/geometry.h"

#include <cstdint>
#include <filesystem>
#include <functional>
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
    Water,    // a label point for a sea, gulf, bay or lake ("sea" in a places file)
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
    std::string country;          // ISO 3166-1 alpha-2 code ("FR"); may be empty
    std::int64_t population = 0;  // 0 when unknown

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
    /// Reads the world gazetteer's tab-separated lines (tools/install-map-data writes them:
    /// kind, name, other names separated by "|", country code, population, lon, lat); a bad
    /// line is diagnosed and skipped. Places get no id: they are found by name.
    static Gazetteer parseWorld(std::string_view text, const std::string& file, Diagnostics& diagnostics);
    static Gazetteer loadWorld(const std::filesystem::path& path, Diagnostics& diagnostics);

    /// The place with this id or name (any language, ignoring case and accents), or "Name, CC"
    /// / "Name, Country"; else the fallback's; nullopt when none has it.
    std::optional<Place> find(std::string_view idOrName) const;
    /// The known id or name closest to `unknown` by edit distance, for "did you mean" (here
    /// or in the fallback); nullopt when nothing is near enough to be a plausible typo.
    std::optional<std::string> suggest(std::string_view unknown) const;
    /// Every place, in file order (not the fallback's).
    const std::vector<Place>& places() const { return places_; }

    /// The gazetteer asked for what this one lacks; it is called at the first such lookup
    /// (so a large one is read only when needed) and may return nullptr.
    void setFallback(std::function<const Gazetteer*()> fallback) { fallback_ = std::move(fallback); }

private:
    void add(Place place, const SourceLocation& at, Diagnostics& diagnostics, bool warnAmbiguous);
    std::optional<std::size_t> findHere(std::string_view idOrName) const;
    std::optional<std::pair<std::size_t, std::string>> nearestHere(std::string_view unknown) const;

    std::vector<Place> places_;
    std::multimap<std::string, std::size_t> index_;  // matchKey(id or name) → positions in places_
    std::map<std::string, std::string> countryCodes_;  // matchKey(country name) → its code
    std::function<const Gazetteer*()> fallback_;
};

/// `text` with letters folded to lower case for matching, for Latin (incl. Azerbaijani),
/// Cyrillic and Armenian; dotted and dotless i fold together; other characters and
/// malformed UTF-8 bytes pass through unchanged.
std::string foldCase(std::string_view text);

/// `text` folded for looking names up: foldCase, then Latin letters without their accents
/// ("Créac'h" and "CREAC'H" match, "ß" is "ss") and combining marks dropped.
std::string matchKey(std::string_view text);

}  // namespace vitrine::map
