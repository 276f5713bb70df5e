#include "map/gazetteer.h"

#include "files/bounded_read.h"
#include "map/located_json.h"

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

// Code points of a (folded) name for edit distances; malformed bytes count as one each.
std::vector<char32_t> decode(std::string_view s) {
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t start = i;
        auto cp = nextCodePoint(s, i);
        out.push_back(cp ? *cp : static_cast<unsigned char>(s[start]));
    }
    return out;
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

std::size_t editDistance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::optional<PlaceKind> kindNamed(std::string_view name) {
    if (name == "city") return PlaceKind::City;
    if (name == "country") return PlaceKind::Country;
    if (name == "region") return PlaceKind::Region;
    return std::nullopt;
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
                              "use \"city\", \"country\" or \"region\"");
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
        if (gazetteer.index_.contains(foldCase(place.id))) {
            diagnostics.error(at, "gazetteer-duplicate", "place id \"" + place.id + "\" is used twice");
            continue;
        }
        const std::size_t position = gazetteer.places_.size();
        gazetteer.index_[foldCase(place.id)] = position;
        for (const auto& [language, list] : place.names) {
            for (const std::string& name : list) {
                const auto [it, added] = gazetteer.index_.emplace(foldCase(name), position);
                if (!added && it->second != position) {
                    diagnostics.warning(at, "gazetteer-ambiguous-name",
                                        "the name \"" + name + "\" of \"" + place.id + "\" already names \"" +
                                            gazetteer.places_[it->second].id + "\"; lookups find the first");
                }
            }
        }
        gazetteer.places_.push_back(std::move(place));
    }
    return gazetteer;
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

std::optional<Place> Gazetteer::find(std::string_view idOrName) const {
    auto it = index_.find(foldCase(idOrName));
    if (it == index_.end()) return std::nullopt;
    return places_[it->second];
}

std::optional<std::string> Gazetteer::suggest(std::string_view unknown) const {
    const std::vector<char32_t> query = decode(foldCase(unknown));
    const std::size_t allowed = std::max<std::size_t>(1, query.size() / typoCharactersPerEdit);
    std::optional<std::string> best;
    std::size_t bestDistance = allowed + 1;
    for (const Place& place : places_) {
        // Names before the id, so that an equally near name (as a person writes it) wins.
        std::vector<std::string> candidates;
        for (const auto& [language, list] : place.names) candidates.insert(candidates.end(), list.begin(), list.end());
        candidates.push_back(place.id);
        for (const std::string& candidate : candidates) {
            const std::size_t d = editDistance(query, decode(foldCase(candidate)));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
    }
    return best;
}

}  // namespace vitrine::map
