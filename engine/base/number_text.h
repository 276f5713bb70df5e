#pragma once
// The format's number grammar (exhibits/README.md, "Numbers"), the one the schema's patterns
// spell too: every number of every value, the Bézier points of an easing included, is
// read by it, so that "1e2" or "0x10" is refused wherever a number is written.

#include <optional>
#include <string_view>

namespace vitrine {

/// The text without the whitespace around it (space, tab, line and page breaks), as XML
/// Schema's xs:token drops it.
std::string_view trimWhitespace(std::string_view text);

/// An optional sign, then digits with at most one point, a digit on at least one side of it,
/// at most 15 digits before the point once leading zeros are dropped; whitespace around is
/// ignored. No exponent, NaN, INF or hexadecimal. Nullopt for anything else.
/// (script/values.h declares it too, with the other value parsers its callers use.)
std::optional<double> parseNumber(std::string_view text);

}  // namespace vitrine
