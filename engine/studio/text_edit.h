#pragma once
// A replacement of a span of characters in a file's text, and what finds the spans an edit
// touches (an attribute's value, an element's text) so that an edit changes only those
// characters and keeps the designer's formatting and comments exactly as written.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/error.h"
#include "diag/diagnostic.h"

namespace vitrine::studio {

/// Replace `length` characters at `offset` with `replacement`.
struct TextEdit {
    std::size_t offset = 0;
    std::size_t length = 0;
    std::string replacement;
};

/// One attribute of a start tag as it lies in the text.
struct AttributeSpan {
    std::string_view name;
    std::size_t valueBegin = 0;  // first character inside the quotes
    std::size_t valueEnd = 0;    // the closing quote
};

/// A start tag as it lies in the text: `<name attr="v" ...>` or `.../>`.
struct StartTag {
    std::size_t nameEnd = 0;  // just after the element name
    std::size_t end = 0;      // just after '>'
    bool selfClosing = false;
    std::vector<AttributeSpan> attributes;
};

/// Reads the start tag whose '<' is at `at`, or nullopt when it is not `<elementName ...>`.
std::optional<StartTag> readStartTag(std::string_view text, std::size_t at, std::string_view elementName);

/// Finds the start tag of the element written at `element` (its '<' and the tag).
Result<std::pair<std::size_t, StartTag>> findStartTag(std::string_view text, const SourceLocation& element,
                                                     std::string_view elementName);

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

/// Where a whole element lies in the text: its start tag, and its end tag (the same place
/// as the start tag's end when it closes itself, `<scene .../>`).
struct ElementSpan {
    std::size_t begin = 0;       // the '<' of the start tag
    std::size_t startEnd = 0;    // just after the start tag's '>'
    std::size_t closeBegin = 0;  // the '<' of "</name>"; startEnd when self-closing
    std::size_t end = 0;         // just after the end tag's '>'; startEnd when self-closing
    bool selfClosing = false;
};

/// The span of the element written at `element` (named `elementName`), its end tag found by
/// counting same-named elements inside it (comments, CDATA and processing instructions
/// skipped). An error when the element or its end tag cannot be found.
Result<ElementSpan> elementSpan(std::string_view text, const SourceLocation& element, std::string_view elementName);

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

/// One edit that makes all of `edits` (spans of `text` that do not overlap, in any order):
/// the span from the first to the last, the text between them kept. Undoing it undoes all.
TextEdit combineEdits(std::string_view text, std::vector<TextEdit> edits);
/// The edit that adds `element` (one element's markup, such as `<marker at="Baku"/>`) as the
/// last child of the element written at `parent`, on a line of its own indented like the
/// parent's first child (two spaces deeper than the parent when it has none). A parent
/// written `<map .../>` is opened into `<map ...>` and `</map>` around the new child.
Result<TextEdit> appendChildEdit(std::string_view text, const SourceLocation& parent, std::string_view parentName,
                                 std::string_view element);

}  // namespace vitrine::studio
