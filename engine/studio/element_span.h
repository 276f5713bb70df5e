#pragma once
// An element as it lies in the exhibit's text: where it begins and ends, the whole lines it
// stands on and their indentation, the comments written above it, and the edits that remove
// it or write a sibling after it, keeping the designer's layout (blank lines, indentation).
// The text-level half of the structure edits (structure_edits.h).

#include <cstddef>
#include <string>
#include <string_view>

#include "base/error.h"
#include "script/script.h"
#include "studio/text_edit.h"

namespace vitrine::studio {

/// Spaces, tabs and carriage returns: what a line holds around its elements.
inline bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/// "<scene> at line 12", for messages.
inline std::string describe(const ScriptNode& node) {
    return "<" + std::string(node.name) + "> at line " + std::to_string(node.where.line);
}

struct Span {
    std::size_t begin = 0, end = 0;          // its '<' to just after its end tag
    std::size_t lineBegin = 0, lineEnd = 0;  // its whole lines (lineEnd after the '\n') when alone on them
    bool ownLines = false;
    std::string indent;  // the whitespace before it on its first line
};


/// Where `node` lies in `text`; an error when its tags cannot be found.
Result<Span> spanOf(std::string_view text, const ScriptNode& node);
/// Whether the line before the one starting at `lineStart` is blank (a designer's gap).
bool blankLineBefore(std::string_view text, std::size_t lineStart);
/// Where the comments written on the lines right above an element (no blank line between)
/// begin: they speak of it, so a moved scene takes them along.
std::size_t commentsAbove(std::string_view text, const Span& span);
/// `fragment` with every line after the first started by `indent` (empty lines stay empty).
std::string indented(std::string_view fragment, std::string_view indent);
/// The characters that deleting the element of `span` removes: its lines from `from` (its
/// first, or the comments above it), and the blank line before them when one follows too.
TextEdit removal(std::string_view text, const Span& span, std::size_t from);
/// `fragment` written as a new sibling right after the element of `span`, with its
/// indentation, and a blank line before it when the element has one before it.
TextEdit insertionAfter(std::string_view text, const Span& span, std::string_view fragment);

}  // namespace vitrine::studio
