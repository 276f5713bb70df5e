#pragma once
// Writes calibrated keystone corners back into installation.xml, keeping the rest of
// the file (comments included), through a temporary file, fsync and rename: a power cut
// mid-save leaves the old file or the new one, never half of one.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "installation/keystone.h"

namespace vitrine::installation {

/// Sets <keystone tl tr br bl> of the <output> whose id is `outputId` (or, when no output
/// has an id, the `outputIndex`-th one; an <output> is created when there is none).
/// Returns an error message, or nullopt when saved.
std::optional<std::string> saveKeystone(const std::filesystem::path& file, std::string_view outputId,
                                        std::size_t outputIndex, const Quad& corners);

/// Replaces `path`'s content with `bytes` atomically (temp file in the same folder, fsync,
/// rename, fsync of the folder). Returns an error message, or nullopt.
std::optional<std::string> writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace vitrine::installation
