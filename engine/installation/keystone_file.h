#pragma once
// Writes calibrated keystone corners back into installation.xml, keeping the rest of
// the file (comments included), through a temporary file, fsync and rename: a power cut
// mid-save leaves the old file or the new one, never half of one.

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "installation/keystone.h"

namespace vitrine::installation {

/// New corners for one <output>: the one whose id is `outputId`, or (when that output has
/// no id) the `outputIndex`-th one.
struct KeystoneEdit {
    std::string outputId;
    std::size_t outputIndex = 0;
    Quad corners;
};

/// Applies `edits` to installation XML `text` (as saveKeystones does, without saving);
/// `file` names it in messages. Returns the Error, or nullopt when done.
std::optional<Error> editKeystones(std::string& text, const std::vector<KeystoneEdit>& edits,
                                   const std::filesystem::path& file);

/// Sets <keystone tl tr br bl> of each edited <output> (an <output> is created when none
/// matches) in one atomic rewrite. Returns the Error, or nullopt when saved.
std::optional<Error> saveKeystones(const std::filesystem::path& file, const std::vector<KeystoneEdit>& edits);

/// saveKeystones with one edit.
std::optional<Error> saveKeystone(const std::filesystem::path& file, std::string_view outputId,
                                  std::size_t outputIndex, const Quad& corners);

}  // namespace vitrine::installation
