#pragma once
// Why a time-based media file (audio or video) could not be opened or decoded.

#include <string>

namespace vitrine {

/// The kinds of failure callers react to differently (a missing file may appear later; a
/// corrupt one will not mend).
enum class MediaError {
    None,
    FileNotFound,
    Unreadable,   // exists but cannot be opened or read (permissions, a directory, I/O error)
    EmptyFile,
    NoStream,     // a readable file with no stream of the wanted kind (not audio / not video)
    Corrupt,      // damaged data, or a stream whose decoder cannot start
    OutOfMemory,
};

/// Short stable name of an error kind: "file-not-found", "no-stream", ...
const char* mediaErrorName(MediaError error);

}  // namespace vitrine
