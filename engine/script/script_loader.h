#pragma once
// Reads exhibit XML into a Script, splicing <include> files, collecting every problem.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"
#include "script/script.h"

namespace vitrine {

/// Reads a file's bytes; nullopt when it cannot be read. Tests and the fuzzer pass
/// their own so that no disk is touched.
using FileReader = std::function<std::optional<std::string>(const std::filesystem::path&)>;

/// Reads files from disk, at most kMaxScriptBytes + 1 bytes of each (see bounded_read.h).
FileReader diskFileReader();

/// Loads `file` and its includes. Returns nullopt only when the main file cannot be
/// read or parsed at all; problems in includes are reported and the include is skipped.
std::optional<Script> loadScript(const std::filesystem::path& file, Diagnostics& diagnostics,
                                 const FileReader& reader = diskFileReader());

/// Loads a script from text as if it had been read from `fileName`; includes are
/// resolved against `fileName`'s folder through `reader`.
std::optional<Script> loadScriptFromText(std::string_view text, const std::filesystem::path& fileName,
                                         Diagnostics& diagnostics, const FileReader& reader);

/// The deepest include nesting accepted; deeper is surely a mistake.
inline constexpr int kMaxIncludeDepth = 16;

/// The deepest element nesting accepted, counted through includes. An exhibit needs a
/// handful of levels (exhibit, seq, scene, par, text, span); validate, compile and
/// evaluate walk the tree recursively, so this also bounds their depth. Deeper elements
/// are one "element-too-deep" error and are left out.
inline constexpr int kMaxElementDepth = 64;

/// The largest exhibit file (or included fragment) read: a long exhibit's script is tens
/// of kilobytes, so this is a damaged or wrong file, never a real one.
inline constexpr std::size_t kMaxScriptBytes = std::size_t{16} << 20;

}  // namespace vitrine
