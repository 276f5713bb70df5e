#include "base/number_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <system_error>

namespace vitrine {

std::string_view trimWhitespace(std::string_view s) {
    auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
    return s;
}

namespace {
// Numbers as designers write them ("44", "0.8", "-12.5"), read without from_chars: a
// mantissa of at most 15 digits divided by an exact power of ten is correctly rounded,
// which is what from_chars would give. Anything else returns nullopt and takes the long way.
std::optional<double> parseSimpleDecimal(std::string_view s) {
    static constexpr double kPowersOfTen[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                              1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    constexpr int kMaxDigits = 15;
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && s[i] == '-') {
        negative = true;
        ++i;
    }
    std::int64_t mantissa = 0;
    int digits = 0, fractionDigits = 0;
    bool inFraction = false;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            if (++digits > kMaxDigits) return std::nullopt;
            mantissa = mantissa * 10 + (c - '0');
            if (inFraction) ++fractionDigits;
        } else if (c == '.' && !inFraction) {
            inFraction = true;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (inFraction && fractionDigits == 0)) return std::nullopt;
    double v = static_cast<double>(mantissa) / kPowersOfTen[fractionDigits];
    return negative ? -v : v;
}
}  // namespace

namespace {
// The format's number grammar (exhibits/README.md, "Numbers"), the one the schema's patterns
// spell too: an optional sign, then digits with at most one point, a digit on at least one
// side of it; at most 15 digits before the point once leading zeros are dropped, so that no
// number overflows a double. No exponent, NaN or INF: a bound could not be checked by a
// pattern in the schema if "1e2" could stand for 100.
struct DecimalText {
    bool negative = false;
    std::string_view whole, fraction;  // the digits before and after the point
};

std::optional<DecimalText> splitDecimal(std::string_view s) {
    DecimalText d;
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        d.negative = s.front() == '-';
        s.remove_prefix(1);
    }
    size_t point = s.find('.');
    d.whole = s.substr(0, point);
    if (point != std::string_view::npos) d.fraction = s.substr(point + 1);
    auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(d.whole) || !digits(d.fraction) || d.whole.size() + d.fraction.size() == 0) return std::nullopt;
    d.whole.remove_prefix(std::min(d.whole.find_first_not_of('0'), d.whole.size()));
    if (d.whole.size() > 15) return std::nullopt;
    return d;
}
}  // namespace

std::optional<double> parseNumber(std::string_view text) {
    std::string_view s = trimWhitespace(text);
    if (s.empty()) return std::nullopt;
    if (auto quick = parseSimpleDecimal(s)) return quick;
    auto d = splitDecimal(s);
    if (!d) return std::nullopt;
    std::string_view unsignedText = s.substr(s.front() == '-' || s.front() == '+' ? 1 : 0);
    double v = 0;
    auto [end, error] = std::from_chars(unsignedText.data(), unsignedText.data() + unsignedText.size(), v,
                                        std::chars_format::fixed);
    // Only a long fraction of zeros ("0.000…1") is out of range now: too small for a double.
    if (error == std::errc::result_out_of_range) v = 0;
    else if (error != std::errc() || end != unsignedText.data() + unsignedText.size()) return std::nullopt;
    // A double cannot tell 1.000…001 from 1, but the schema's patterns can: a value rounded
    // onto a whole number it is not is moved one step towards what was written, so that
    // ranges (all bounded by whole numbers) judge it as the schema does.
    const bool exact = d->fraction.find_first_not_of('0') == std::string_view::npos;
    if (!exact && v == std::floor(v)) {
        double written = 0;
        std::from_chars(d->whole.data(), d->whole.data() + d->whole.size(), written);
        v = std::nextafter(v, written == v ? std::numeric_limits<double>::infinity() : 0.0);
    }
    return d->negative ? -v : v;
}

}  // namespace vitrine
