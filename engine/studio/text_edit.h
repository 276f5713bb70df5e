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

/// The edit that replaces the text inside the element at `element` with `content`, keeping
/// the whitespace around it. Only for elements whose content is text (and <br/> and <p>
/// are not there): an error otherwise.
Result<TextEdit> contentEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                             std::string_view content);

/// The edit that adds `element` (one element's markup, such as `<marker at="Baku"/>`) as the
/// last child of the element written at `parent`, on a line of its own indented like the
/// parent's first child (two spaces deeper than the parent when it has none). A parent
/// written `<map .../>` is opened into `<map ...>` and `</map>` around the new child.
Result<TextEdit> appendChildEdit(std::string_view text, const SourceLocation& parent, std::string_view parentName,
                                 std::string_view element);

}  // namespace vitrine::studio
