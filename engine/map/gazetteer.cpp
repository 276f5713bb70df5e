#include "map/gazetteer.h"

#include "files/bounded_read.h"
#include "map/located_json.h"
#include "script/suggest.h"

#include <algorithm>
#include <cmath>

namespace vitrine::map {

using nlohmann::json;

namespace {

constexpr double maxLongitude = 180.0;
constexpr double maxLatitude = 90.0;
// A suggestion is offered when at most this fraction of the name's characters
// differ (and always for a single typo).
constexpr std::size_t typoCharactersPerEdit = 3;
constexpr char32_t armenianEw = 0x587;   // և
constexpr char32_t armenianEch = 0x565;  // ե
constexpr char32_t armenianVew = 0x57E;  // վ

// The code point starting at s[i], advancing i past it; nullopt (advancing one
// byte) for a malformed sequence.
std::optional<char32_t> nextCodePoint(std::string_view s, std::size_t& i) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int extra = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    if ((b >= 0x80 && b < 0xC0) || b >= 0xF8 || i + extra >= s.size()) {
        ++i;
        return b < 0x80 ? std::optional<char32_t>(b) : std::nullopt;
    }
    char32_t cp = extra == 3 ? b & 0x07 : extra == 2 ? b & 0x0F : extra == 1 ? b & 0x1F : b;
    for (int k = 1; k <= extra; ++k) {
        const auto c = static_cast<unsigned char>(s[i + k]);
        if ((c & 0xC0) != 0x80) {
            ++i;
            return std::nullopt;
        }
        cp = (cp << 6) | (c & 0x3F);
    }
    i += static_cast<std::size_t>(extra) + 1;
    return cp;
}

void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Simple (one-to-one) lower-casing for the scripts the gazetteer's languages use.
char32_t lower(char32_t c) {
    if (c >= U'A' && c <= U'Z') return c + 0x20;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // Latin-1: À..Þ except ×
    // Azerbaijani pairs İ/i and I/ı; without knowing the language a capital I cannot
    // be lowered correctly, so both i's fold together: "BAKI" finds Bakı.
    if (c == 0x130 || c == 0x131) return U'i';
    const bool evenUpper = (c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) ||
                           (c >= 0x14A && c <= 0x177);
    if (evenUpper && c % 2 == 0) return c + 1;                    // Ā ā … Ş ş …
    const bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (oddUpper && c % 2 == 1) return c + 1;
    if (c == 0x18F) return 0x259;                                 // Ə ə
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;                // Ѐ..Џ
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                // А..Я
    if (c >= 0x531 && c <= 0x556) return c + 0x30;                // Armenian Ա..Ֆ
    return c;
}

std::optional<PlaceKind> kindNamed(std::string_view name) {
    if (name == "city") return PlaceKind::City;
    if (name == "country") return PlaceKind::Country;
    if (name == "region") return PlaceKind::Region;
    if (name == "sea") return PlaceKind::Water;
    return std::nullopt;
}

// Latin letters with accents and their plain letters, after lower(): Latin-1, Latin
// Extended-A and the Romanian comma-below letters.
struct Unaccented {
    char32_t first, last;
    const char* plain;
};
constexpr Unaccented unaccented[] = {
    {0xDF, 0xDF, "ss"},    {0xE0, 0xE5, "a"},    {0xE6, 0xE6, "ae"},   {0xE7, 0xE7, "c"},   {0xE8, 0xEB, "e"},
    {0xEC, 0xEF, "i"},     {0xF0, 0xF0, "d"},    {0xF1, 0xF1, "n"},    {0xF2, 0xF6, "o"},   {0xF8, 0xF8, "o"},
    {0xF9, 0xFC, "u"},     {0xFD, 0xFD, "y"},    {0xFE, 0xFE, "th"},   {0xFF, 0xFF, "y"},   {0x100, 0x105, "a"},
    {0x106, 0x10D, "c"},   {0x10E, 0x111, "d"},  {0x112, 0x11B, "e"},  {0x11C, 0x123, "g"}, {0x124, 0x127, "h"},
    {0x128, 0x131, "i"},   {0x132, 0x133, "ij"}, {0x134, 0x135, "j"},  {0x136, 0x138, "k"}, {0x139, 0x142, "l"},
    {0x143, 0x14B, "n"},   {0x14C, 0x151, "o"},  {0x152, 0x153, "oe"}, {0x154, 0x159, "r"}, {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"},   {0x168, 0x173, "u"},  {0x174, 0x175, "w"},  {0x176, 0x178, "y"}, {0x179, 0x17E, "z"},
    {0x17F, 0x17F, "s"},   {0x218, 0x219, "s"},  {0x21A, 0x21B, "t"},
};
constexpr char32_t combiningFirst = 0x300, combiningLast = 0x36F;  // accents typed apart

// Code points in `s` (a malformed byte counts as one): what a typo allowance is measured in.
std::size_t codePoints(std::string_view s) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < s.size();) {
        (void)nextCodePoint(s, i);
        ++n;
    }
    return n;
}

std::string stringMember(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

}  // namespace

std::string foldCase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        if (auto cp = nextCodePoint(text, i)) {
            if (*cp == armenianEw) {
                // The ligature և has no capital; written in capitals it is ԵՎ, so
                // fold it to եվ and "ԵՐԵՎԱՆ" finds Երևան.
                encode(armenianEch, out);
                encode(armenianVew, out);
                continue;
            }
            encode(lower(*cp), out);
        } else {
            out += text[start];  // malformed: keep the byte as it was
        }
    }
    return out;
}

std::string matchKey(std::string_view text) {
    const std::string folded = foldCase(text);
    std::string out;
    out.reserve(folded.size());
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t start = i;
        const auto cp = nextCodePoint(folded, i);
        if (cp && *cp >= combiningFirst && *cp <= combiningLast) continue;
        const char* plain = nullptr;
        if (cp && *cp >= 0xDF)
            for (const Unaccented& u : unaccented)
                if (*cp >= u.first && *cp <= u.last) plain = u.plain;
        if (plain) {
            out += plain;
        } else {
            out.append(folded, start, i - start);
        }
    }
    return out;
}

const std::string& Place::displayName(std::string_view language) const {
    if (auto it = names.find(std::string(language)); it != names.end() && !it->second.empty()) {
        return it->second.front();
    }
    if (auto it = names.find("en"); it != names.end() && !it->second.empty()) return it->second.front();
    return id;
}

Gazetteer Gazetteer::parse(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    Gazetteer gazetteer;
    const LocatedJson doc = LocatedJson::parse(text, file, diagnostics);
    const json& root = doc.root();
    if (root.is_null()) return gazetteer;
    auto list = root.is_object() ? root.find("places") : root.end();
    if (!root.is_object() || list == root.end() || !list->is_array()) {
        if (doc.complete()) {
            diagnostics.error(doc.where(root), "gazetteer-root",
                              "a gazetteer must be an object with a \"places\" array");
        }
        return gazetteer;
    }
    for (const json& entry : *list) {
        if (!doc.finished(entry)) continue;
        const SourceLocation at = doc.where(entry);
        if (!entry.is_object()) {
            diagnostics.error(at, "gazetteer-place", "each place must be a JSON object");
            continue;
        }
        Place place;
        place.id = stringMember(entry, "id");
        if (place.id.empty()) {
            diagnostics.error(at, "gazetteer-place", "a place needs a non-empty string \"id\"");
            continue;
        }
        const std::string kind = stringMember(entry, "kind");
        if (auto k = kindNamed(kind)) {
            place.kind = *k;
        } else {
            diagnostics.error(at, "gazetteer-kind",
                              "place \"" + place.id + "\" has kind \"" + kind + "\"",
                              "use \"city\", \"country\", \"region\" or \"sea\"");
            continue;
        }
        auto lon = entry.find("lon");
        auto lat = entry.find("lat");
        if (lon == entry.end() || lat == entry.end() || !lon->is_number() || !lat->is_number() ||
            std::abs(lon->get<double>()) > maxLongitude || std::abs(lat->get<double>()) > maxLatitude) {
            diagnostics.error(at, "gazetteer-coordinates",
                              "place \"" + place.id + "\" needs numeric \"lon\" in [-180, 180] and "
                              "\"lat\" in [-90, 90]");
            continue;
        }
        place.lonLat = {lon->get<double>(), lat->get<double>()};
        place.source = stringMember(entry, "source");
        if (place.source.empty()) {
            diagnostics.warning(at, "gazetteer-source",
                                "place \"" + place.id + "\" does not say where its coordinates come from",
                                "add a \"source\" string");
        }
        place.note = stringMember(entry, "note");
        if (auto names = entry.find("names"); names != entry.end() && names->is_object()) {
            for (const auto& [language, value] : names->items()) {
                std::vector<std::string>& list = place.names[language];
                if (value.is_string()) list.push_back(value.get<std::string>());
                if (value.is_array()) {
                    for (const json& n : value) {
                        if (n.is_string()) list.push_back(n.get<std::string>());
                    }
                }
            }
        }
        if (gazetteer.index_.contains(matchKey(place.id))) {
            diagnostics.error(at, "gazetteer-duplicate", "place id \"" + place.id + "\" is used twice");
            continue;
        }
        gazetteer.add(std::move(place), at, diagnostics, true);
    }
    return gazetteer;
}

void Gazetteer::add(Place place, const SourceLocation& at, Diagnostics& diagnostics, bool warnAmbiguous) {
    const std::size_t position = places_.size();
    if (!place.id.empty()) index_.emplace(matchKey(place.id), position);
    for (const auto& [language, list] : place.names) {
        for (const std::string& name : list) {
            const std::string key = matchKey(name);
            bool known = false, here = false;
            for (auto [it, end] = index_.equal_range(key); it != end; ++it) {
                here = here || it->second == position;
                if (it->second != position && !known) {
                    known = true;
                    if (warnAmbiguous)
                        diagnostics.warning(at, "gazetteer-ambiguous-name",
                                            "the name \"" + name + "\" of \"" + place.id + "\" already names \"" +
                                                places_[it->second].id + "\"; lookups find the first");
                }
            }
            if (!here) index_.emplace(key, position);
        }
    }
    if (place.kind == PlaceKind::Country && !place.country.empty())
        for (const auto& [language, list] : place.names)
            for (const std::string& name : list) countryCodes_.emplace(matchKey(name), place.country);
    places_.push_back(std::move(place));
}

Gazetteer Gazetteer::load(const std::filesystem::path& path, Diagnostics& diagnostics) {
    auto text = readTextFile(path);
    if (!text) {
        diagnostics.error(SourceLocation{path.string(), 0, 0}, "file-unreadable",
                          "cannot read gazetteer " + path.string());
        return {};
    }
    if (refuseTooLarge(*text, path.string(), kMaxMapFileBytes, "gazetteer", diagnostics)) return {};
    return parse(*text, path.string(), diagnostics);
}

std::optional<std::size_t> Gazetteer::findHere(std::string_view idOrName) const {
    // Of the places of one name, the one with the largest population; on a tie the first.
    auto best = [&](const std::string& key, auto&& accept) -> std::optional<std::size_t> {
        std::optional<std::size_t> found;
        for (auto [it, end] = index_.equal_range(key); it != end; ++it) {
            if (!accept(places_[it->second])) continue;
            if (!found || places_[it->second].population > places_[*found].population) found = it->second;
        }
        return found;
    };
    const std::string key = matchKey(idOrName);
    if (auto found = best(key, [](const Place&) { return true; })) return found;
    // "Paris, FR" or "Paris, France": the name, among places in that country.
    const std::size_t comma = idOrName.rfind(',');
    if (comma == std::string_view::npos) return std::nullopt;
    std::string country = matchKey(idOrName.substr(comma + 1));
    country.erase(0, country.find_first_not_of(' '));
    if (auto named = countryCodes_.find(country); named != countryCodes_.end()) country = matchKey(named->second);
    std::string name = matchKey(idOrName.substr(0, comma));
    name.erase(name.find_last_not_of(' ') + 1);
    return best(name, [&](const Place& p) { return !p.country.empty() && matchKey(p.country) == country; });
}

std::optional<Place> Gazetteer::find(std::string_view idOrName) const {
    if (auto here = findHere(idOrName)) return places_[*here];
    if (const Gazetteer* next = fallback_ ? fallback_() : nullptr) return next->find(idOrName);
    return std::nullopt;
}

std::optional<std::pair<std::size_t, std::string>> Gazetteer::nearestHere(std::string_view unknown) const {
    const std::string query = matchKey(unknown);
    const std::size_t allowed = std::max<std::size_t>(1, codePoints(query) / typoCharactersPerEdit);
    std::optional<std::pair<std::size_t, std::string>> best;
    for (const Place& place : places_) {
        // Names before the id, so that an equally near name (as a person writes it) wins.
        std::vector<const std::string*> candidates;
        for (const auto& [language, list] : place.names)
            for (const std::string& name : list) candidates.push_back(&name);
        if (!place.id.empty()) candidates.push_back(&place.id);
        for (const std::string* candidate : candidates) {
            const std::string key = matchKey(*candidate);
            const std::size_t longer = std::max(key.size(), query.size()), shorter = std::min(key.size(), query.size());
            if (longer - shorter > allowed) continue;  // the distance is at least the difference in length
            const auto d = static_cast<std::size_t>(editDistance(query, key));
            if (d <= allowed && (!best || d < best->first)) best = std::pair(d, *candidate);
        }
    }
    return best;
}

std::optional<std::string> Gazetteer::suggest(std::string_view unknown) const {
    auto best = nearestHere(unknown);
    if (best && best->first == 0) return best->second;
    if (const Gazetteer* next = fallback_ ? fallback_() : nullptr) {
        if (auto there = next->suggest(unknown)) {
            const auto d = static_cast<std::size_t>(editDistance(matchKey(unknown), matchKey(*there)));
            if (!best || d < best->first) return there;
        }
    }
    if (best) return best->second;
    return std::nullopt;
}

}  // namespace vitrine::map
