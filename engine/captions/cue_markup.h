#pragma once
// Turns a cue's payload (tags and character references) into lines of styled spans.

#include <string>
#include <string_view>
#include <vector>

#include "captions/caption_track.h"
#include "diag/diagnostic.h"

namespace vitrine {

/// Which tags a payload may hold. WebVTT: c, i, b, u, v, lang, ruby, rt and timestamp
/// tags, case-sensitive, other tags dropped with a warning. SRT: i, b, u, font,
/// case-insensitive, anything else kept as literal text, and "{\an8}"-style override
/// codes removed.
enum class CueMarkup { WebVtt, Srt };

/// A payload as styled lines, and the first speaker named in it.
struct CueText {
    std::vector<std::vector<CaptionSpan>> lines;
    std::string firstVoice;
};

/// Parses `payload` (lines joined by '\n'). Tags left open are closed at the end; an end
/// tag closes every tag opened after its match, and one with no match is ignored.
/// `firstLine` locates the payload's first line for warnings about unknown tags.
CueText parseCueMarkup(std::string_view payload, CueMarkup markup, const SourceLocation& firstLine,
                       Diagnostics& diagnostics);

/// Decodes one character reference at `pos` ("&amp;", "&#233;", "&#xE9;"); on success
/// appends its UTF-8 to `out`, advances `pos` past the ';' and returns true. Unknown or
/// unterminated references return false so the caller keeps the '&' as text.
bool decodeCharacterReference(std::string_view text, std::size_t& pos, std::string& out);

}  // namespace vitrine
