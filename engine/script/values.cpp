#include "script/values.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "base/number_text.h"

namespace vitrine {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    while (true) {
        size_t pos = s.find(sep, start);
        parts.push_back(trimWhitespace(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start)));
        if (pos == std::string_view::npos) break;
        start = pos + 1;
    }
    return parts;
}

// Splits "a → b" or "a -> b" into its two sides.
std::optional<std::pair<std::string_view, std::string_view>> splitArrow(std::string_view s) {
    for (std::string_view arrow : {std::string_view("\xE2\x86\x92"), std::string_view("->")}) {
        size_t pos = s.find(arrow);
        if (pos != std::string_view::npos) return std::pair{trimWhitespace(s.substr(0, pos)), trimWhitespace(s.substr(pos + arrow.size()))};
    }
    return std::nullopt;
}

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::optional<Color> parseHexColor(std::string_view hex) {
    for (char c : hex)
        if (hexDigit(c) < 0) return std::nullopt;
    auto pair = [&](size_t i) { return static_cast<std::uint8_t>(hexDigit(hex[i]) * 16 + hexDigit(hex[i + 1])); };
    auto single = [&](size_t i) { return static_cast<std::uint8_t>(hexDigit(hex[i]) * 17); };
    switch (hex.size()) {
        case 3: return Color{single(0), single(1), single(2), 255};
        case 4: return Color{single(0), single(1), single(2), single(3)};
        case 6: return Color{pair(0), pair(2), pair(4), 255};
        case 8: return Color{pair(0), pair(2), pair(4), pair(6)};
        default: return std::nullopt;
    }
}

std::optional<Color> parseFunctionalColor(std::string_view s, bool withAlpha) {
    auto parts = split(s, ',');
    if (parts.size() != (withAlpha ? 4u : 3u)) return std::nullopt;
    Color c;
    std::uint8_t* channels[] = {&c.r, &c.g, &c.b};
    for (int i = 0; i < 3; ++i) {
        auto v = parseNumber(parts[i]);
        if (!v || *v < 0 || *v > 255) return std::nullopt;
        *channels[i] = static_cast<std::uint8_t>(std::lround(*v));
    }
    if (withAlpha) {
        auto a = parseNumber(parts[3]);
        if (!a || *a < 0 || *a > 1) return std::nullopt;
        c.a = static_cast<std::uint8_t>(std::lround(*a * 255));
    }
    return c;
}

std::optional<LengthRect> parseLengthRect(std::string_view s) {
    // Read in place: scripts hold thousands of pan-zooms, and a vector per value adds up.
    LengthRect r;
    Length* fields[] = {&r.x, &r.y, &r.width, &r.height};
    for (int i = 0; i < 4; ++i) {
        size_t comma = s.find(',');
        if ((comma == std::string_view::npos) != (i == 3)) return std::nullopt;
        auto l = parseLength(s.substr(0, comma));
        if (!l) return std::nullopt;
        *fields[i] = *l;
        if (comma != std::string_view::npos) s.remove_prefix(comma + 1);
    }
    if (r.width.value <= 0 || r.height.value <= 0) return std::nullopt;
    return r;
}

struct TransitionName {
    const char* name;
    TransitionSpec::Kind kind;
};
constexpr TransitionName kTransitions[] = {
    {"cut", TransitionSpec::Kind::Cut},           {"fade", TransitionSpec::Kind::Fade},
    {"crossfade", TransitionSpec::Kind::Fade},    {"dip", TransitionSpec::Kind::Dip},
    {"slide-left", TransitionSpec::Kind::SlideLeft}, {"slide-right", TransitionSpec::Kind::SlideRight},
    {"slide-up", TransitionSpec::Kind::SlideUp},  {"slide-down", TransitionSpec::Kind::SlideDown},
};

constexpr double kMaxLength = 1e6;  // beyond any canvas; guards against overflow later

}  // namespace

std::string_view trimValue(std::string_view text) { return trimWhitespace(text); }

std::optional<Color> parseColor(std::string_view text) {
    std::string_view s = trimWhitespace(text);
    if (s == "black") return Color{0, 0, 0, 255};
    if (s == "white") return Color{255, 255, 255, 255};
    if (s == "transparent") return Color{0, 0, 0, 0};
    if (!s.empty() && s.front() == '#') return parseHexColor(s.substr(1));
    auto functional = [&](std::string_view prefix) -> std::optional<std::string_view> {
        if (s.substr(0, prefix.size()) == prefix && s.back() == ')')
            return s.substr(prefix.size(), s.size() - prefix.size() - 1);
        return std::nullopt;
    };
    if (auto inner = functional("rgba(")) return parseFunctionalColor(*inner, true);
    if (auto inner = functional("rgb(")) return parseFunctionalColor(*inner, false);
    return std::nullopt;
}

std::optional<Length> parseLength(std::string_view text) {
    std::string_view s = trimWhitespace(text);
    Length l;
    if (!s.empty() && s.back() == '%') {
        l.percent = true;
        s.remove_suffix(1);
    } else if (s.size() > 2 && s.substr(s.size() - 2) == "px") {
        s.remove_suffix(2);
    }
    auto v = parseNumber(s);
    if (!v || std::abs(*v) > kMaxLength) return std::nullopt;
    l.value = *v;
    return l;
}

std::optional<PixelSize> parseSize(std::string_view text) {
    std::string_view s = trimWhitespace(text);
    size_t x = s.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    // Whole pixels, written as digits alone (no sign or point), as the schema's pattern has it.
    auto whole = [](std::string_view part) -> std::optional<int> {
        part = trimWhitespace(part);
        part.remove_prefix(std::min(part.find_first_not_of('0'), part.size()));
        int v = 0;
        auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), v);
        if (part.size() > 5 || error != std::errc() || end != part.data() + part.size()) return std::nullopt;
        return v;
    };
    auto w = whole(s.substr(0, x));
    auto h = whole(s.substr(x + 1));
    constexpr int kMaxCanvas = 32768;
    if (!w || !h || *w < 1 || *h < 1 || *w > kMaxCanvas || *h > kMaxCanvas) return std::nullopt;
    return PixelSize{*w, *h};
}

std::optional<bool> parseBool(std::string_view text) {
    std::string_view s = trimWhitespace(text);
    if (s == "true" || s == "yes" || s == "1") return true;
    if (s == "false" || s == "no" || s == "0") return false;
    return std::nullopt;
}

std::optional<double> parseRepeat(std::string_view text) {
    if (trimWhitespace(text) == "indefinite") return std::numeric_limits<double>::infinity();
    auto v = parseNumber(text);
    if (!v || *v <= 0) return std::nullopt;
    return v;
}

std::optional<TransitionSpec> parseTransition(std::string_view text) {
    // Words apart at any whitespace, which the schema's xs:token makes one space.
    std::vector<std::string_view> words;
    constexpr std::string_view kWhitespace = " \t\n\r\f\v";
    for (std::string_view rest = trimWhitespace(text); !rest.empty();) {
        const size_t end = std::min(rest.find_first_of(kWhitespace), rest.size());
        words.push_back(rest.substr(0, end));
        rest = trimWhitespace(rest.substr(end));
    }
    if (words.empty() || words.size() > 3) return std::nullopt;
    TransitionSpec spec;
    bool known = false;
    for (const auto& t : kTransitions)
        if (words[0] == t.name) {
            spec.kind = t.kind;
            known = true;
        }
    if (!known) return std::nullopt;
    if (spec.kind == TransitionSpec::Kind::Cut) return words.size() == 1 ? std::optional(spec) : std::nullopt;
    if (words.size() < 2) return std::nullopt;  // a fade needs a duration
    // No sign: a transition's time is a duration, never negative (the schema's pattern agrees).
    auto d = words[1].front() == '-' ? std::nullopt : parseTimeValue(words[1]);
    if (!d) return std::nullopt;
    spec.duration = *d;
    if (words.size() == 3) {
        auto e = parseEasing(words[2]);
        if (!e) return std::nullopt;
        spec.easing = *e;
    }
    // A fade over no time is a cut, as a designer who shortens one to 0s expects.
    if (spec.duration == 0) spec = TransitionSpec{};
    return spec;
}

std::optional<PanZoomSpec> parsePanZoom(std::string_view text) {
    auto sides = splitArrow(text);
    if (!sides) return std::nullopt;
    auto from = parseLengthRect(sides->first);
    auto to = parseLengthRect(sides->second);
    if (!from || !to) return std::nullopt;
    return PanZoomSpec{*from, *to};
}

AnchorPoint parseAnchor(std::string_view text) {
    auto fraction = [&](std::string_view low, std::string_view high) {
        return text.find(low) != std::string_view::npos ? 0.0 : text.find(high) != std::string_view::npos ? 1.0 : 0.5;
    };
    return {fraction("left", "right"), fraction("top", "bottom")};
}

std::optional<LonLat> parseLonLat(std::string_view text) {
    auto parts = split(text, ',');
    if (parts.size() != 2) return std::nullopt;
    auto lon = parseNumber(parts[0]);
    auto lat = parseNumber(parts[1]);
    if (!lon || !lat || *lon < -180 || *lon > 180 || *lat < -90 || *lat > 90) return std::nullopt;
    return LonLat{*lon, *lat};
}

std::optional<std::pair<LonLat, LonLat>> parseView(std::string_view text) {
    auto sides = splitArrow(text);
    if (!sides) return std::nullopt;
    auto a = parseLonLat(sides->first);
    auto b = parseLonLat(sides->second);
    if (!a || !b) return std::nullopt;
    return std::pair{*a, *b};
}

namespace {

bool allOf(std::string_view s, int (*is)(int)) {
    for (char c : s)
        if (!is(static_cast<unsigned char>(c))) return false;
    return true;
}
bool alpha(std::string_view s, size_t from, size_t to) { return s.size() >= from && s.size() <= to && allOf(s, std::isalpha); }
bool alnum(std::string_view s, size_t from, size_t to) { return s.size() >= from && s.size() <= to && allOf(s, std::isalnum); }

}  // namespace

bool isWellFormedLanguageTag(std::string_view tag) {
    // RFC 5646 section 2.1, "langtag" and "privateuse":
    //   language ["-" script] ["-" region] *("-" variant) *("-" extension) ["-" privateuse]
    // Subtags are taken in that order, each kind optional after the language.
    auto subtags = split(tag, '-');
    if (subtags.empty() || std::any_of(subtags.begin(), subtags.end(), [](auto s) { return s.empty(); }))
        return false;
    size_t i = 0;
    auto privateUse = [&] {  // "x" 1*("-" (1*8alphanum)), to the end
        if (subtags.size() - i < 2) return false;
        for (size_t j = i + 1; j < subtags.size(); ++j)
            if (!alnum(subtags[j], 1, 8)) return false;
        return true;
    };
    auto isX = [&] { return subtags[i] == "x" || subtags[i] == "X"; };
    if (isX()) return privateUse();
    // language: 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA; extlang: 3ALPHA *2("-" 3ALPHA)
    if (!alpha(subtags[i], 2, 8)) return false;
    bool shortLanguage = subtags[i].size() <= 3;
    ++i;
    if (shortLanguage)
        for (int n = 0; n < 3 && i < subtags.size() && alpha(subtags[i], 3, 3); ++n) ++i;
    if (i < subtags.size() && alpha(subtags[i], 4, 4)) ++i;  // script
    if (i < subtags.size() &&
        (alpha(subtags[i], 2, 2) || (subtags[i].size() == 3 && allOf(subtags[i], std::isdigit))))
        ++i;  // region
    // variant: 5*8alphanum / (DIGIT 3alphanum)
    while (i < subtags.size() && (alnum(subtags[i], 5, 8) ||
                                  (alnum(subtags[i], 4, 4) && std::isdigit(static_cast<unsigned char>(subtags[i][0])))))
        ++i;
    // extension: singleton 1*("-" (2*8alphanum)), singleton any alphanumeric but x
    while (i < subtags.size() && subtags[i].size() == 1 && !isX() && alnum(subtags[i], 1, 1)) {
        ++i;
        size_t first = i;
        while (i < subtags.size() && alnum(subtags[i], 2, 8)) ++i;
        if (i == first) return false;
    }
    if (i < subtags.size() && isX()) return privateUse();
    return i == subtags.size();
}

std::optional<std::vector<std::string>> parseLanguages(std::string_view text) {
    std::vector<std::string> langs;
    std::string current;
    auto flush = [&] {
        if (!current.empty()) langs.push_back(current);
        current.clear();
    };
    for (char c : text) {
        if (c == ' ' || c == ',') {
            flush();
        } else {
            current.push_back(c);
        }
    }
    flush();
    for (const auto& tag : langs)
        if (!isWellFormedLanguageTag(tag)) return std::nullopt;
    if (langs.empty()) return std::nullopt;
    return langs;
}

std::vector<std::string> transitionNames() {
    std::vector<std::string> names;
    for (const auto& t : kTransitions) names.emplace_back(t.name);
    return names;
}

}  // namespace vitrine
