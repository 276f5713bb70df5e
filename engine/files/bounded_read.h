#pragma once
// Reading a file whose size someone else chose, without holding more of it than a loader
// accepts: every loader has a size limit, and a file over it is one error at the line
// where the limit falls, not a process that swells until the kernel kills it.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.h"

namespace vitrine {

/// At most `limit + 1` bytes of `path`: one more than the caller accepts, so it can tell
/// a file over its limit without reading the rest. nullopt when it cannot be read.
std::optional<std::string> readFileUpTo(const std::filesystem::path& path, std::size_t limit);

/// When `text`, read from `file`, is longer than `limit` bytes: one "file-too-large" error
/// at the line where the limit falls, saying the limit and what kind of file (`what`, e.g.
/// "caption file") this is, and true (none of it is to be read). False when within.
bool refuseTooLarge(std::string_view text, const std::string& file, std::size_t limit, std::string_view what,
                    Diagnostics& diagnostics);

}  // namespace vitrine
