#include "studio/element_span.h"

#include <optional>

namespace vitrine::studio {
namespace {

// Where the end tag of an element whose start tag ends at `after` ends: nested elements,
// comments, CDATA and quoted '>' are stepped over.
std::optional<std::size_t> elementEnd(std::string_view text, std::size_t after) {
    int depth = 1;
    for (std::size_t i = text.find('<', after); i != std::string_view::npos; i = text.find('<', i)) {
        auto skipTo = [&](std::string_view close) {
            std::size_t e = text.find(close, i);
            return e == std::string_view::npos ? e : e + close.size();
        };
        if (text.substr(i, 4) == "<!--") i = skipTo("-->");
        else if (text.substr(i, 9) == "<![CDATA[") i = skipTo("]]>");
        else if (text.substr(i, 2) == "<?" || text.substr(i, 2) == "<!") i = skipTo(">");
        else {
            std::size_t j = i + 1;
            for (char quote = 0; j < text.size(); ++j) {
                if (quote) quote = text[j] == quote ? 0 : quote;
                else if (text[j] == '"' || text[j] == '\'') quote = text[j];
                else if (text[j] == '>') break;
            }
            if (j >= text.size()) return std::nullopt;
            if (text[i + 1] == '/') {
                if (--depth == 0) return j + 1;
            } else if (text[j - 1] != '/') {
                ++depth;
            }
            i = j + 1;
        }
        if (i == std::string_view::npos) return std::nullopt;
    }
    return std::nullopt;
}


// Where the line before the one starting at `lineStart` starts (lineStart itself on the first line).
std::size_t previousLineStart(std::string_view text, std::size_t lineStart) {
    if (lineStart == 0) return 0;
    std::size_t newline = lineStart >= 2 ? text.rfind('\n', lineStart - 2) : std::string_view::npos;
    return newline == std::string_view::npos ? 0 : newline + 1;
}

bool blankLineAt(std::string_view text, std::size_t lineStart) {
    std::size_t i = lineStart;
    while (i < text.size() && isBlank(text[i])) ++i;
    return i < text.size() && text[i] == '\n';
}

}  // namespace

Result<Span> spanOf(std::string_view text, const ScriptNode& node) {
    auto found = findStartTag(text, node.where, node.name);
    if (!found) return found.error();
    Span s;
    s.begin = found->first;
    const StartTag& tag = found->second;
    if (tag.selfClosing) {
        s.end = tag.end;
    } else if (auto end = elementEnd(text, tag.end)) {
        s.end = *end;
    } else {
        return Error{"the end tag of " + describe(node) + " is missing"};
    }
    s.lineBegin = s.begin;
    while (s.lineBegin > 0 && isBlank(text[s.lineBegin - 1])) --s.lineBegin;
    s.lineEnd = s.end;
    while (s.lineEnd < text.size() && isBlank(text[s.lineEnd])) ++s.lineEnd;
    const bool aloneBefore = s.lineBegin == 0 || text[s.lineBegin - 1] == '\n';
    const bool aloneAfter = s.lineEnd == text.size() || text[s.lineEnd] == '\n';
    s.ownLines = aloneBefore && aloneAfter;
    if (s.ownLines) {
        s.indent = std::string(text.substr(s.lineBegin, s.begin - s.lineBegin));
        if (s.lineEnd < text.size()) ++s.lineEnd;
    } else {
        std::size_t lineStart = text.rfind('\n', s.begin);
        lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
        std::size_t firstChar = lineStart;
        while (firstChar < s.begin && isBlank(text[firstChar])) ++firstChar;
        s.indent = std::string(text.substr(lineStart, firstChar - lineStart));
        s.lineBegin = s.begin;
        s.lineEnd = s.end;
    }
    return s;
}

// Whether the line before the one starting at `lineStart` is blank (a designer's gap).
bool blankLineBefore(std::string_view text, std::size_t lineStart) {
    if (lineStart == 0 || text[lineStart - 1] != '\n') return false;
    for (std::size_t i = previousLineStart(text, lineStart); i + 1 < lineStart; ++i)
        if (!isBlank(text[i])) return false;
    return true;
}

// Where the comments written on the lines right above an element (no blank line between)
// begin: they speak of it, so a moved scene takes them along.
std::size_t commentsAbove(std::string_view text, const Span& span) {
    std::size_t start = span.lineBegin;
    while (start > 0 && !blankLineBefore(text, start)) {
        std::size_t previous = previousLineStart(text, start);
        std::string_view line = text.substr(previous, start - 1 - previous);
        while (!line.empty() && isBlank(line.back())) line.remove_suffix(1);
        if (line.size() < 3 || line.substr(line.size() - 3) != "-->") break;
        std::size_t open = text.rfind("<!--", previous + line.size());
        if (open == std::string_view::npos) break;
        std::size_t openLine = text.rfind('\n', open);
        openLine = openLine == std::string_view::npos ? 0 : openLine + 1;
        for (std::size_t i = openLine; i < open; ++i)
            if (!isBlank(text[i])) return start;  // the comment ends a line that holds more
        start = openLine;
    }
    return start;
}

// `fragment` with every line after the first started by `indent` (empty lines stay empty).
std::string indented(std::string_view fragment, std::string_view indent) {
    std::string out;
    for (std::size_t i = 0; i < fragment.size(); ++i) {
        out += fragment[i];
        if (fragment[i] == '\n' && i + 1 < fragment.size() && fragment[i + 1] != '\n') out += indent;
    }
    return out;
}

// The characters that deleting the element of `span` removes: its lines from `from` (its
// first, or the comments above it), and the blank line before them when one follows too (so
// the gap between the elements left stays one line).
TextEdit removal(std::string_view text, const Span& span, std::size_t from) {
    std::size_t to = span.lineEnd;
    if (span.ownLines && blankLineBefore(text, from) && (blankLineAt(text, to) || to == text.size()))
        from = previousLineStart(text, from);
    return TextEdit{from, to - from, {}};
}

// `fragment` written as a new sibling right after the element of `span`, with its
// indentation, and a blank line before it when the element has one before it.
TextEdit insertionAfter(std::string_view text, const Span& span, std::string_view fragment) {
    if (!span.ownLines) return TextEdit{span.end, 0, "\n" + span.indent + indented(fragment, span.indent)};
    std::string gap = blankLineBefore(text, commentsAbove(text, span)) || blankLineAt(text, span.lineEnd) ? "\n" : "";
    std::string line = span.indent + indented(fragment, span.indent);
    // The last line of a file without a final newline.
    if (span.lineEnd == text.size() && (text.empty() || text.back() != '\n')) return TextEdit{span.lineEnd, 0, "\n" + gap + line};
    return TextEdit{span.lineEnd, 0, gap + line + "\n"};
}

}  // namespace vitrine::studio
