#pragma once
// A JSON document that remembers where each of its objects and arrays began, so
// that problems found after parsing (a bad geometry, a missing field) can name
// file, line and column like a syntax error does. nlohmann::json keeps no
// positions itself, so the document is built through its SAX interface while
// the input is counted.

#include "diag/diagnostic.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace vitrine::map {

/// Line and column (from 1, columns in UTF-8 code points) of the byte at `offset` in `text`.
SourceLocation locationAt(std::string_view text, std::size_t offset, const std::string& file);

/// The largest map data file read (GeoJSON, places): Natural Earth's most detailed world
/// map is about 25 MiB, and parsed JSON takes several times its text in memory.
inline constexpr std::size_t kMaxMapFileBytes = std::size_t{64} << 20;

/// A map data file's bytes, at most kMaxMapFileBytes + 1 of them (refuseTooLarge tells
/// the rest); nullopt when it cannot be opened or read.
std::optional<std::string> readTextFile(const std::filesystem::path& path);

/// The deepest nesting of objects and arrays a document may have. GeoJSON needs about
/// eight levels (a FeatureCollection of MultiPolygons) and a places file three; a deeper
/// file is refused as it is read, before it can exhaust the stack (or the memory) of
/// anything that walks, copies or frees it.
inline constexpr std::size_t kMaxJsonDepth = 64;

class LocatedJson {
public:
    /// Parses `text`; a syntax error becomes one "json-syntax" error in `diagnostics`, and
    /// nesting deeper than kMaxJsonDepth one "json-too-deep" error; either way the document
    /// keeps what was read before it (with the unfinished containers marked).
    static LocatedJson parse(std::string_view text, std::string file, Diagnostics& diagnostics);

    /// The document root; null when nothing could be read.
    const nlohmann::json& root() const { return root_; }
    /// False when a syntax error cut the parse short.
    bool complete() const { return complete_; }
    /// Where the object or array `value` (a part of root()) opened; file only for scalars.
    SourceLocation where(const nlohmann::json& value) const;
    /// False for an object or array that the syntax error left unfinished.
    bool finished(const nlohmann::json& value) const;
    /// The file name given to parse().
    const std::string& file() const { return file_; }

private:
    friend class LocatedJsonBuilder;
    static const void* identity(const nlohmann::json& value);

    nlohmann::json root_;
    std::string file_;
    bool complete_ = true;
    std::unordered_map<const void*, SourceLocation> starts_;
    std::unordered_set<const void*> unfinished_;
};

}  // namespace vitrine::map
