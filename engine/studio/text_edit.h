#pragma once
// A replacement of a span of characters in a file's text, and what finds the spans an edit
// touches (an attribute's value, an element's text) so that an edit changes only those
// characters and keeps the designer's formatting and comments exactly as written.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "base/error.h"
#include "diag/diagnostic.h"

namespace vitrine::studio {

/// Replace `length` characters at `offset` with `replacement`.
struct TextEdit {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string replacement;
};

/// Applies `edit` to `text` and returns the edit that takes the result back to `text`.
TextEdit applyEdit(std::string& text, const TextEdit& edit);

/// The one edit that turns `before` into `after`: the span between their common beginning
/// and common end (empty when they are equal).
TextEdit differingSpan(std::string_view before, std::string_view after);

/// `edit`, made on some text, moved to where it falls once `change` (made on the same text)
/// is applied; nullopt when the two touch the same characters.
std::optional<TextEdit> shiftedPast(TextEdit edit, const TextEdit& change);

/// Where `edit`, made on `original`, belongs in `text` (a version of it another program
/// changed): found by the characters it replaces with the unchanged text around them. An
/// error when `text` no longer holds them, or holds them more than once.
Result<TextEdit> relocatedEdit(std::string_view text, std::string_view original, const TextEdit& edit);

/// Byte offset of a 1-based line and column in `text`; nullopt when outside it.
std::optional<std::size_t> offsetOf(std::string_view text, int line, int column);

/// 1-based line of a byte offset.
int lineOf(std::string_view text, std::size_t offset);

/// `value` with the characters XML gives meaning to inside a double-quoted attribute escaped.
std::string escapeAttribute(std::string_view value);

/// `value` escaped for element content.
std::string escapeText(std::string_view value);

/// The edit that sets `attribute` of the element written at `element` (whose name is
/// `elementName`) to `value`: only the value's characters change, or ` name="value"` is
/// inserted right after the element name when the attribute is absent. An error when the
/// element cannot be found in `text` at that place.
Result<TextEdit> attributeEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                               std::string_view attribute, std::string_view value);

/// The edit that changes the text inside the element at `element` into `content`, word by
/// word: the words the designer changed are changed, the line breaks and indentation
/// between unchanged words are kept, and a line that new words make too long is wrapped at
/// the paragraph's width (see word_merge.h). Only for elements whose content is text (and
/// <br/> and <p> are not there): an error otherwise.
Result<TextEdit> contentEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                             std::string_view content);

/// The text inside the element at `element` as the designer wrote it, for a text box: its line
/// breaks kept, the indentation its lines share removed, &amp; &lt; &gt; &quot; &apos; read
/// back. Nullopt when it has markup or other references (show its plain text instead).
std::optional<std::string> writtenContent(std::string_view text, const SourceLocation& element,
                                          std::string_view elementName);

}  // namespace vitrine::studio
