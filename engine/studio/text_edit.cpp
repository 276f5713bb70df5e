#include "studio/text_edit.h"

#include <vector>

namespace vitrine::studio {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

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
std::optional<StartTag> readStartTag(std::string_view text, std::size_t at, std::string_view elementName) {
    if (at >= text.size() || text[at] != '<') return std::nullopt;
    std::size_t i = at + 1;
    if (text.substr(i, elementName.size()) != elementName) return std::nullopt;
    i += elementName.size();
    if (i < text.size() && isNameChar(text[i])) return std::nullopt;  // "<textbox" is not "<text"
    StartTag tag;
    tag.nameEnd = i;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) ++i;
        if (i >= text.size()) return std::nullopt;
        if (text[i] == '>') {
            tag.end = i + 1;
            return tag;
        }
        if (text[i] == '/' && i + 1 < text.size() && text[i + 1] == '>') {
            tag.selfClosing = true;
            tag.end = i + 2;
            return tag;
        }
        std::size_t nameBegin = i;
        while (i < text.size() && isNameChar(text[i])) ++i;
        if (i == nameBegin) return std::nullopt;
        AttributeSpan a;
        a.name = text.substr(nameBegin, i - nameBegin);
        while (i < text.size() && isSpace(text[i])) ++i;
        if (i >= text.size() || text[i] != '=') return std::nullopt;
        ++i;
        while (i < text.size() && isSpace(text[i])) ++i;
        if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return std::nullopt;
        char quote = text[i++];
        a.valueBegin = i;
        std::size_t close = text.find(quote, i);
        if (close == std::string_view::npos) return std::nullopt;
        a.valueEnd = close;
        i = close + 1;
        tag.attributes.push_back(a);
    }
    return std::nullopt;
}

/// Finds the start tag of the element written at `element`. The loader's column is the
/// first "<name" on the line, so when it does not fit, later ones on the line are tried.
Result<std::pair<std::size_t, StartTag>> findStartTag(std::string_view text, const SourceLocation& element,
                                                     std::string_view elementName) {
    auto at = offsetOf(text, element.line, element.column > 0 ? element.column : 1);
    if (!at) return Error{"line " + std::to_string(element.line) + " is not in the file any more"};
    std::size_t lineEnd = text.find('\n', *at);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    std::string needle = "<" + std::string(elementName);
    for (std::size_t p = *at; p < lineEnd; ++p) {
        p = text.find(needle, p);
        if (p == std::string_view::npos || p >= lineEnd) break;
        if (auto tag = readStartTag(text, p, elementName)) return std::make_pair(p, *tag);
    }
    return Error{"no <" + std::string(elementName) + "> at line " + std::to_string(element.line)};
}

}  // namespace

TextEdit applyEdit(std::string& text, const TextEdit& edit) {
    TextEdit inverse{edit.offset, edit.replacement.size(), text.substr(edit.offset, edit.length)};
    text.replace(edit.offset, edit.length, edit.replacement);
    return inverse;
}

std::optional<std::size_t> offsetOf(std::string_view text, int line, int column) {
    if (line < 1 || column < 1) return std::nullopt;
    std::size_t offset = 0;
    for (int l = 1; l < line; ++l) {
        offset = text.find('\n', offset);
        if (offset == std::string_view::npos) return std::nullopt;
        ++offset;
    }
    std::size_t lineEnd = text.find('\n', offset);
    if (lineEnd == std::string_view::npos) lineEnd = text.size();
    std::size_t at = offset + static_cast<std::size_t>(column - 1);
    if (at > lineEnd) return std::nullopt;
    return at;
}

int lineOf(std::string_view text, std::size_t offset) {
    int line = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') ++line;
    return line;
}

std::string escapeAttribute(std::string_view value) {
    std::string out;
    for (char c : value) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string escapeText(std::string_view value) {
    std::string out;
    for (char c : value) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

Result<TextEdit> attributeEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                               std::string_view attribute, std::string_view value) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return found.error();
    const StartTag& tag = found->second;
    for (const auto& a : tag.attributes) {
        if (a.name != attribute) continue;
        // Keep the quote the designer used; escape what would close it.
        std::string escaped = escapeAttribute(value);
        if (text[a.valueBegin - 1] == '\'') {
            std::string single;
            for (char c : escaped) single += c == '\'' ? std::string("&apos;") : std::string(1, c);
            escaped = single;
        }
        return TextEdit{a.valueBegin, a.valueEnd - a.valueBegin, escaped};
    }
    return TextEdit{tag.nameEnd, 0, " " + std::string(attribute) + "=\"" + escapeAttribute(value) + "\""};
}

Result<TextEdit> contentEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                             std::string_view content) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return found.error();
    const StartTag& tag = found->second;
    std::string closing = "</" + std::string(elementName);
    if (tag.selfClosing) {
        // <text .../> becomes <text ...>content</text>: the tag's "/>" is replaced.
        return TextEdit{tag.end - 2, 2, ">" + escapeText(content) + closing + ">"};
    }
    std::size_t close = text.find(closing, tag.end);
    if (close == std::string_view::npos) return Error{"no " + closing + "> after line " + std::to_string(element.line)};
    std::string_view inner = text.substr(tag.end, close - tag.end);
    if (inner.find('<') != std::string_view::npos)
        return Error{"this text has markup inside (<br/>, <p>, <b>); edit it in the file"};
    std::size_t first = 0;
    while (first < inner.size() && isSpace(inner[first])) ++first;
    std::size_t last = inner.size();
    while (last > first && isSpace(inner[last - 1])) --last;
    return TextEdit{tag.end + first, last - first, escapeText(content)};
}

namespace {

// The whitespace that begins the line holding `offset`, when only whitespace precedes it there.
std::string indentBefore(std::string_view text, std::size_t offset) {
    std::size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    if (offset < lineStart) return {};
    std::string_view before = text.substr(lineStart, offset - lineStart);
    for (char c : before)
        if (c != ' ' && c != '\t') return {};
    return std::string(before);
}

// Where the closing tag `</name` of the element whose start tag ends at `from` begins: the
// first one not matched by a nested element of the same name (comments skipped).
std::optional<std::size_t> closingTag(std::string_view text, std::size_t from, std::string_view name) {
    const std::string close = "</" + std::string(name);
    int depth = 0;
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] != '<') continue;
        if (text.substr(i, 4) == "<!--") {
            std::size_t end = text.find("-->", i);
            if (end == std::string_view::npos) return std::nullopt;
            i = end + 2;
        } else if (text.substr(i, close.size()) == close && (i + close.size() >= text.size() || !isNameChar(text[i + close.size()]))) {
            if (depth == 0) return i;
            --depth;
        } else if (auto nested = readStartTag(text, i, name); nested && !nested->selfClosing) {
            ++depth;
        }
    }
    return std::nullopt;
}

}  // namespace

Result<TextEdit> appendChildEdit(std::string_view text, const SourceLocation& parent, std::string_view parentName,
                                 std::string_view element) {
    auto found = findStartTag(text, parent, parentName);
    if (!found) return found.error();
    const auto& [at, tag] = *found;
    const std::string parentIndent = indentBefore(text, at);
    if (tag.selfClosing) {
        // "<map .../>" → "<map ...>", the child, "</map>"; spaces before the "/>" go too.
        std::size_t cut = tag.end - 2;
        while (cut > tag.nameEnd && isSpace(text[cut - 1])) --cut;
        return TextEdit{cut, tag.end - cut,
                        ">\n" + parentIndent + "  " + std::string(element) + "\n" + parentIndent + "</" +
                            std::string(parentName) + ">"};
    }
    auto close = closingTag(text, tag.end, parentName);
    if (!close) return Error{"no </" + std::string(parentName) + "> after line " + std::to_string(parent.line)};
    // The children's indentation: that of the first line inside that starts with '<'.
    std::string indent = parentIndent + "  ";
    for (std::size_t line = text.find('\n', tag.end); line != std::string_view::npos && line < *close;
         line = text.find('\n', line + 1)) {
        std::size_t first = line + 1;
        while (first < *close && (text[first] == ' ' || text[first] == '\t')) ++first;
        if (first < *close && text[first] == '<') {
            indent = std::string(text.substr(line + 1, first - line - 1));
            break;
        }
    }
    // After the last thing inside (so the closing tag keeps its own line and indentation).
    std::size_t insert = *close;
    while (insert > tag.end && isSpace(text[insert - 1])) --insert;
    std::string added = "\n" + indent + std::string(element);
    // "<map ...></map>" on one line: the closing tag goes to a line of its own.
    if (text.substr(insert, *close - insert).find('\n') == std::string_view::npos) added += "\n" + parentIndent;
    return TextEdit{insert, 0, added};
}

}  // namespace vitrine::studio
