#pragma once
// A paragraph as the designer wrote it (hand-wrapped, indented) with its words changed to a
// new version's: the words that changed are changed, the line breaks and indentation around
// words that did not change are kept, and a line made too long by new words is wrapped at
// the paragraph's width with its indentation. "Apply text" must not turn three tidy lines
// into one of 220 characters.

#include <cstddef>
#include <string>
#include <string_view>

namespace vitrine::studio {

/// How the written paragraph sits in its file.
struct Wrapping {
    std::size_t firstColumn = 0;  // the paragraph's first character's column (0-based) in its line
    std::size_t width = 100;      // no line grows past this many characters by new words
    std::string indent;           // what a line broken by wrapping starts with
};

/// `written` (words separated by spaces and line breaks, as in the file) changed word by word
/// into `words` (the new text, any whitespace between words): a word-level diff of the two,
/// mapped back onto `written`'s characters. Each word of `words` is written as `escape`
/// gives it; the written words are compared escaped.
std::string mergeWords(std::string_view written, std::string_view words, const Wrapping& wrapping,
                       std::string (*escape)(std::string_view));

}  // namespace vitrine::studio
