#pragma once
// Text that came from a client (an HTTP path, an OSC address or scene id). A log line
// carrying it must stay one line of readable text: a newline in a path would otherwise
// start a forged line in the journal, and a 60 KB id would fill it.

#include <cstddef>
#include <string>
#include <string_view>

namespace vitrine::control {

/// The longest scene id a client may send (the exhibit's ids are short words).
inline constexpr std::size_t kMaxSceneIdBytes = 128;
/// How much of a client's text a log line quotes.
inline constexpr std::size_t kLoggedBytes = 80;

/// `text` fit for a log line: control characters, backslashes and bytes that are not
/// UTF-8 become \xNN; after `maxBytes` bytes of `text` the rest becomes "…".
std::string escapeForLog(std::string_view text, std::size_t maxBytes = kLoggedBytes);

/// A scene id a client may ask for: 1 to kMaxSceneIdBytes bytes of UTF-8, no control characters.
bool validSceneId(std::string_view id);

}  // namespace vitrine::control
