#include "studio/text_edit.h"

#include "studio/word_merge.h"

#include <algorithm>
#include <vector>

namespace vitrine::studio {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == ':' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

}  // namespace

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

namespace {

// How the paragraph `written`, at `begin` in `text`, is wrapped: its widest line (but no
// narrower than kNarrowest: a few short lines are a stanza, not a width to wrap new words
// at), and the indentation of its lines after the first. A paragraph on one line has no
// width of its own: new words wrap it at kDefaultWidth, under its element one step in.
Wrapping wrappingAt(std::string_view text, std::size_t begin, std::string_view written) {
    constexpr std::size_t kDefaultWidth = 100;
    constexpr std::size_t kNarrowest = 60;
    auto lineStart = [&](std::size_t at) {
        std::size_t start = text.rfind('\n', at == 0 ? 0 : at - 1);
        return start == std::string_view::npos || at == 0 ? std::size_t{0} : start + 1;
    };
    auto indentOf = [&](std::size_t start) {
        std::size_t end = start;
        while (end < text.size() && (text[end] == ' ' || text[end] == '\t')) ++end;
        return std::string(text.substr(start, end - start));
    };
    Wrapping wrapping;
    const std::size_t firstLine = lineStart(begin);
    wrapping.firstColumn = begin - firstLine;
    std::size_t lastBreak = written.rfind('\n');
    if (lastBreak == std::string_view::npos) {
        wrapping.width = std::max(kDefaultWidth, wrapping.firstColumn + written.size());
        wrapping.indent = indentOf(firstLine) + "  ";
        return wrapping;
    }
    wrapping.indent = indentOf(begin + lastBreak + 1);
    std::size_t width = kNarrowest;
    std::size_t column = wrapping.firstColumn;
    for (char c : written) {
        if (c == '\n') column = 0;
        else width = std::max(width, ++column);
    }
    wrapping.width = width;
    return wrapping;
}

}  // namespace

TextEdit applyEdit(std::string& text, const TextEdit& edit) {
    TextEdit inverse{edit.offset, edit.replacement.size(), text.substr(edit.offset, edit.length)};
    text.replace(edit.offset, edit.length, edit.replacement);
    return inverse;
}

TextEdit differingSpan(std::string_view before, std::string_view after) {
    std::size_t prefix = 0;
    while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix]) ++prefix;
    std::size_t suffix = 0;
    while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
           before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
        ++suffix;
    return TextEdit{prefix, before.size() - prefix - suffix, std::string(after.substr(prefix, after.size() - prefix - suffix))};
}

std::optional<TextEdit> shiftedPast(TextEdit edit, const TextEdit& change) {
    if (edit.offset + edit.length <= change.offset && !(edit.length == 0 && edit.offset == change.offset && change.length > 0))
        return edit;
    if (edit.offset >= change.offset + change.length) {
        edit.offset = edit.offset - change.length + change.replacement.size();
        return edit;
    }
    return std::nullopt;
}

Result<TextEdit> relocatedEdit(std::string_view text, std::string_view original, const TextEdit& edit) {
    // Enough of the text around the span to tell one place from another, without reaching
    // far into parts another program may have changed.
    constexpr std::size_t kContext = 48;
    std::size_t before = std::min(edit.offset, kContext);
    std::size_t after = std::min(original.size() - edit.offset - edit.length, kContext);
    std::string_view needle = original.substr(edit.offset - before, before + edit.length + after);
    std::size_t at = text.find(needle);
    if (at == std::string_view::npos) return Error{"the file no longer has the text this edit changed"};
    if (text.find(needle, at + 1) != std::string_view::npos)
        return Error{"the text this edit changed is now in the file more than once"};
    return TextEdit{at + before, edit.length, edit.replacement};
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

Result<ElementSpan> elementSpan(std::string_view text, const SourceLocation& element, std::string_view elementName) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return found.error();
    ElementSpan span{found->first, found->second.end, found->second.end, found->second.end, found->second.selfClosing};
    if (span.selfClosing) return span;
    // Count elements of the same name opened inside this one, so a nested one's end tag is
    // not taken for this one's; what is not markup (comments, CDATA, <?...?>) is skipped.
    const std::string closing = "</" + std::string(elementName);
    int depth = 0;
    for (std::size_t i = text.find('<', span.startEnd); i != std::string_view::npos; i = text.find('<', i + 1)) {
        auto skipTo = [&](std::string_view opener, std::string_view closer) {
            if (text.substr(i, opener.size()) != opener) return false;
            std::size_t close = text.find(closer, i + opener.size());
            i = close == std::string_view::npos ? text.size() : close + closer.size() - 1;
            return true;
        };
        if (skipTo("<!--", "-->") || skipTo("<![CDATA[", "]]>") || skipTo("<?", "?>")) continue;
        if (text.substr(i, closing.size()) == closing && i + closing.size() < text.size() &&
            !isNameChar(text[i + closing.size()])) {
            if (depth-- > 0) continue;
            std::size_t close = text.find('>', i);
            if (close == std::string_view::npos) break;
            span.closeBegin = i;
            span.end = close + 1;
            return span;
        }
        if (auto nested = readStartTag(text, i, elementName); nested && !nested->selfClosing) ++depth;
    }
    return Error{"no " + closing + "> for the <" + std::string(elementName) + "> at line " + std::to_string(element.line)};
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

namespace {

// The characters inside the element at `element`, without the whitespace around them, and
// where they start; an error when the element has markup inside. `tag` is its start tag.
struct Inner {
    std::size_t begin = 0;
    std::string_view written;
};

Result<Inner> innerText(std::string_view text, const SourceLocation& element, std::string_view elementName,
                        const StartTag& tag) {
    std::string closing = "</" + std::string(elementName);
    std::size_t close = text.find(closing, tag.end);
    if (close == std::string_view::npos) return Error{"no " + closing + "> after line " + std::to_string(element.line)};
    std::string_view inner = text.substr(tag.end, close - tag.end);
    if (inner.find('<') != std::string_view::npos)
        return Error{"this text has markup inside (<br/>, <p>, <b>); edit it in the file"};
    std::size_t first = 0;
    while (first < inner.size() && isSpace(inner[first])) ++first;
    std::size_t last = inner.size();
    while (last > first && isSpace(inner[last - 1])) --last;
    return Inner{tag.end + first, inner.substr(first, last - first)};
}

}  // namespace

Result<TextEdit> contentEdit(std::string_view text, const SourceLocation& element, std::string_view elementName,
                             std::string_view content) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return found.error();
    const StartTag& tag = found->second;
    if (tag.selfClosing) {
        // <text .../> becomes <text ...>content</text>: the tag's "/>" is replaced.
        return TextEdit{tag.end - 2, 2, ">" + escapeText(content) + "</" + std::string(elementName) + ">"};
    }
    auto inner = innerText(text, element, elementName, tag);
    if (!inner) return inner.error();
    std::string merged = mergeWords(inner->written, content, wrappingAt(text, inner->begin, inner->written), escapeText);
    TextEdit edit = differingSpan(inner->written, merged);
    edit.offset += inner->begin;
    return edit;
}

std::optional<std::string> writtenContent(std::string_view text, const SourceLocation& element,
                                          std::string_view elementName) {
    auto found = findStartTag(text, element, elementName);
    if (!found) return std::nullopt;
    if (found->second.selfClosing) return std::string();
    auto inner = innerText(text, element, elementName, found->second);
    if (!inner) return std::nullopt;
    // The lines after the first lose the indentation of the paragraph's last line.
    const Wrapping wrapping = wrappingAt(text, inner->begin, inner->written);
    std::string out;
    std::string_view rest = inner->written;
    while (!rest.empty()) {
        std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        if (!out.empty()) {
            out += '\n';
            if (line.starts_with(wrapping.indent)) line.remove_prefix(wrapping.indent.size());
        }
        out += line;
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    }
    static const std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    std::string decoded;
    for (std::size_t i = 0; i < out.size();) {
        if (out[i] != '&') {
            decoded += out[i++];
            continue;
        }
        bool known = false;
        for (const auto& [entity, c] : kEntities) {
            if (std::string_view(out).substr(i, entity.size()) == entity) {
                decoded += c;
                i += entity.size();
                known = true;
                break;
            }
        }
        if (!known) return std::nullopt;
    }
    return decoded;
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
