#include "studio/text_edit.h"

#include <algorithm>
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

Result<ElementSpan> elementSpan(std::string_view text, const SourceLocation& element, std::string_view elementName) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return found.error();
    const auto& [begin, tag] = *found;
    if (tag.selfClosing) return ElementSpan{begin, tag.end, tag.end};
    std::string closing = "</" + std::string(elementName);
    std::size_t close = text.find(closing, tag.end);
    std::size_t closeEnd = close == std::string_view::npos ? close : text.find('>', close);
    if (closeEnd == std::string_view::npos)
        return Error{"no " + closing + "> after line " + std::to_string(element.line)};
    return ElementSpan{begin, tag.end, closeEnd + 1};
}

TextEdit combineEdits(std::string_view text, std::vector<TextEdit> edits) {
    if (edits.empty()) return {};
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
    TextEdit combined{edits.front().offset, 0, {}};
    std::size_t at = combined.offset;
    for (const auto& e : edits) {
        combined.replacement.append(text.substr(at, e.offset - at));
        combined.replacement += e.replacement;
        at = e.offset + e.length;
    }
    combined.length = at - combined.offset;
    return combined;
}

}  // namespace vitrine::studio
