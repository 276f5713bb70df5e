#include "script/xml_syntax.h"

#include <algorithm>
#include <vector>

namespace vitrine {
namespace {

// The five entities XML predefines; an exhibit has no DTD to declare others.
bool isPredefinedEntity(std::string_view name) {
    return name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos";
}

// The character classes are written out, not asked of <cctype> (whose "C" locale they
// match), so that the scan calls no function for each byte.
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isHexDigit(char c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool isSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

// XML's NameStartChar and NameChar, with every byte of a multi-byte UTF-8 letter accepted.
bool isNameStart(char c) {
    return isAsciiLetter(c) || c == '_' || c == ':' || static_cast<unsigned char>(c) >= 0x80;
}
bool isNameChar(char c) { return isNameStart(c) || isDigit(c) || c == '-' || c == '.'; }

std::string angled(std::string_view name) { return "<" + std::string(name) + ">"; }

class Scanner {
public:
    Scanner(std::string_view text, const std::string& file, Diagnostics& d) : text_(text), file_(file), diagnostics_(d) {}

    bool run() {
        while (!failed_ && pos_ < text_.size()) {
            if (peek() == '<') markup();
            else if (peek() == '&') reference("text");
            else skipText();
        }
        if (!failed_ && !open_.empty()) {
            const OpenElement& last = open_.back();
            fail(last.where, "the " + angled(last.name) + " opened at line " + std::to_string(lineOf(last.where)) +
                                 " is never closed",
                 "close it with </" + last.name + "> before the end of the file");
        }
        return errors_ == 0;
    }

private:
    // A byte offset, made a line and column only for an error: counting lines and columns at
    // every byte (with <cctype> called for names) made this check cost 0.36x TinyXML-2's whole
    // parse of tools/bench script's 10,000 elements, against 0.19x this way.
    struct Position {
        size_t offset;
    };
    struct OpenElement {
        std::string name;
        Position where;
    };

    char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
    bool startsWith(std::string_view s) const { return text_.substr(pos_, s.size()) == s; }
    bool atEnd() const { return pos_ >= text_.size(); }
    Position here() const { return {pos_}; }

    void advance() { ++pos_; }
    void skipSpace() {
        while (!atEnd() && isSpace(peek())) advance();
    }
    // Text between tags, up to the next markup or reference.
    void skipText() {
        while (!atEnd() && peek() != '<' && peek() != '&') advance();
    }
    // The 1-based line of `p`, and its column in bytes, as the diagnostics give them.
    int lineOf(const Position& p) {
        if (lineStarts_.empty()) {
            lineStarts_.push_back(0);
            for (size_t i = 0; i < text_.size(); ++i)
                if (text_[i] == '\n') lineStarts_.push_back(i + 1);
        }
        return static_cast<int>(std::upper_bound(lineStarts_.begin(), lineStarts_.end(), p.offset) - lineStarts_.begin());
    }
    int columnOf(const Position& p) { return static_cast<int>(p.offset - lineStarts_[lineOf(p) - 1]) + 1; }
    std::string name() {
        std::string n;
        if (!isNameStart(peek())) return n;
        while (!atEnd() && isNameChar(peek())) n += peek(), advance();
        return n;
    }
    // Moves past `terminator`; false (and an error) when the file ends first.
    bool skipPast(std::string_view terminator, const Position& from, const std::string& what) {
        pos_ = std::min(text_.find(terminator, pos_), text_.size());
        if (atEnd()) return fail(from, what + " is never closed", "end it with " + std::string(terminator)), false;
        for (size_t i = 0; i < terminator.size(); ++i) advance();
        return true;
    }

    void error(const Position& where, std::string message, std::string hint) {
        ++errors_;
        diagnostics_.error({file_, lineOf(where), columnOf(where)}, "xml-syntax", std::move(message), std::move(hint));
    }
    void fail(const Position& where, std::string message, std::string hint) {
        error(where, std::move(message), std::move(hint));
        failed_ = true;
    }

    void markup() {
        Position start = here();
        if (startsWith("<!--")) return void(skipPast("-->", start, "the comment"));
        if (startsWith("<![CDATA[")) return void(skipPast("]]>", start, "the CDATA section"));
        if (startsWith("<?")) return void(skipPast("?>", start, "the processing instruction"));
        if (startsWith("<!")) return void(skipPast(">", start, "the declaration"));
        advance();  // '<'
        if (peek() == '/') return endTag(start);
        std::string element = name();
        if (element.empty())
            return fail(start, "a '<' that starts no tag",
                        "write &lt; for a less-than sign in text, or a name right after '<'");
        startTag(element, start);
    }

    void startTag(const std::string& element, const Position& start) {
        while (true) {
            bool spaced = !atEnd() && isSpace(peek());
            skipSpace();
            if (atEnd() || peek() == '<')
                return fail(atEnd() ? start : here(), "the tag " + angled(element) + " at line " +
                                                            std::to_string(lineOf(start)) + " has no closing '>'",
                            "end the tag with > (or /> for an element without content)");
            if (peek() == '>') {
                advance();
                open_.push_back({element, start});
                return;
            }
            if (peek() == '/') {
                Position slash = here();
                advance();
                if (peek() != '>') return fail(slash, "a '/' inside the tag " + angled(element), "write /> together");
                advance();
                return;
            }
            Position at = here();
            std::string attribute = name();
            if (attribute.empty())
                return fail(at, "'" + std::string(1, peek()) + "' cannot start an attribute name in " + angled(element),
                            "attributes are written name=\"value\"");
            if (!spaced)
                return fail(at, "attribute '" + attribute + "' needs a space before it", "separate attributes with a space");
            skipSpace();
            if (peek() != '=')
                return fail(here(), "attribute '" + attribute + "' of " + angled(element) + " has no value",
                            "write " + attribute + "=\"…\"");
            advance();
            skipSpace();
            if (peek() != '"' && peek() != '\'')
                return fail(here(), "the value of '" + attribute + "' is not in quotes",
                            "write " + attribute + "=\"…\" with the value between double quotes");
            attributeValue(attribute);
            if (failed_) return;
        }
    }

    void attributeValue(const std::string& attribute) {
        Position open = here();
        char quote = peek();
        advance();
        while (!atEnd() && peek() != quote) {
            if (peek() == '<')
                return fail(here(), "a '<' inside the value of '" + attribute + "'",
                            "write &lt; for a less-than sign, or close the value's quotes");
            if (peek() == '&') reference("the value of '" + attribute + "'");
            else advance();
        }
        if (atEnd())
            return fail(open, "the value of '" + attribute + "' has no closing quote",
                        std::string("end the value with ") + quote);
        advance();
    }

    void endTag(const Position& start) {
        advance();  // '/'
        std::string element = name();
        skipSpace();
        if (element.empty() || peek() != '>')
            return fail(start, "the closing tag at line " + std::to_string(lineOf(start)) + " is not complete",
                        "write </name> with the element's name");
        advance();
        if (open_.empty())
            return fail(start, "</" + element + "> closes nothing: no " + angled(element) + " is open here",
                        "remove it, or add the opening " + angled(element));
        const OpenElement& last = open_.back();
        if (last.name != element)
            return fail(last.where, "the " + angled(last.name) + " opened at line " + std::to_string(lineOf(last.where)) +
                                        " is not closed before </" + element + "> at line " +
                                        std::to_string(lineOf(start)),
                        "close it with </" + last.name + "> first");
        open_.pop_back();
    }

    // An '&' must start "&name;", "&#digits;" or "&#xhex;" (XML 1.0, section 4.1).
    void reference(const std::string& where) {
        Position at = here();
        size_t begin = pos_;
        advance();  // '&'
        bool ok = false;
        std::string entity;
        if (peek() == '#') {
            advance();
            bool hex = peek() == 'x';
            if (hex) advance();
            size_t digits = 0;
            while (!atEnd() && (hex ? isHexDigit(peek()) : isDigit(peek())))
                advance(), ++digits;
            ok = digits > 0 && peek() == ';';
        } else {
            entity = name();
            ok = !entity.empty() && peek() == ';';
        }
        if (!ok) {
            // Leave the scan just after the '&', so that what followed is read as usual.
            pos_ = begin;
            advance();
            return error(at, "a bare '&' in " + where, "write &amp; for an ampersand");
        }
        advance();  // ';'
        if (!entity.empty() && !isPredefinedEntity(entity))
            error(at, "unknown entity &" + entity + "; in " + where,
                  "XML knows only &amp; &lt; &gt; &quot; &apos; and numbered characters such as &#8212;");
    }

    std::string_view text_;
    const std::string& file_;
    Diagnostics& diagnostics_;
    size_t pos_ = 0;
    std::vector<size_t> lineStarts_;  // offsets where each line starts, made at the first error
    std::vector<OpenElement> open_;
    int errors_ = 0;
    bool failed_ = false;
};

}  // namespace

bool checkXmlSyntax(std::string_view text, const std::string& file, Diagnostics& diagnostics) {
    return Scanner(text, file, diagnostics).run();
}

}  // namespace vitrine
