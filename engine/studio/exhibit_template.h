#pragma once
// The exhibit `vitrine-studio new NAME` starts from: small, commented, and clean under
// `vitrine check`, so a designer begins from something that works.

#include <filesystem>
#include <optional>
#include <string>

#include "base/error.h"

namespace vitrine::studio {

/// The template's text, titled `title`.
std::string exhibitTemplate(const std::string& title);

/// Creates `folder`/exhibit.xml from the template (the folder may exist; the file may not).
/// Returns the file's path, or the Error saying why it was not made.
Result<std::filesystem::path> createExhibit(const std::filesystem::path& folder);

}  // namespace vitrine::studio
