#pragma once
// Saving a designer's file so that, whatever fails and whenever, the file on disk is
// either the old text or the new one: never empty, never cut short.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"

namespace vitrine {

/// The steps of a save, in order, each of which can fail.
enum class SaveStep { Open, Write, Flush, Sync, Close, Rename, SyncFolder };

/// Name of a step, for messages and test names.
const char* saveStepName(SaveStep step);

/// Called before each step; returning true makes that step fail as if the system had
/// refused it (a failing Write writes half the text first). Tests inject failures with it.
using SaveFailureInjector = std::function<bool(SaveStep)>;

/// Writes `text` to a new temporary file beside `path` (created exclusively, under a name
/// no one can predict), flushes and fsyncs it, renames it over `path` and fsyncs the
/// folder. The file keeps its permissions; when `path` is a symbolic link, its target is
/// saved and the link stays. Returns the Error naming `path`, the step and the system's
/// reason (the temporary is removed, `path` untouched), or nullopt on success.
std::optional<Error> saveFileAtomically(const std::filesystem::path& path, std::string_view text,
                                        const SaveFailureInjector& inject = {});

}  // namespace vitrine
