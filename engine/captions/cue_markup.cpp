#include "captions/cue_markup.h"

#include "base/utf8.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace vitrine {
namespace {

constexpr char32_t kReplacementCharacter = 0xFFFD;
// Longest reference we look for, "&#x10FFFF;" plus slack; stops a stray '&' scanning a whole cue.
constexpr std::size_t kMaxReferenceLength = 12;

struct NamedReference {
    std::string_view name;
    char32_t codePoint;
};

// The references captions use in practice; the full HTML table would be 2,000 entries
// for characters any editor can type directly in UTF-8.
constexpr std::array<NamedReference, 10> kNamedReferences{{
    {"amp", U'&'},
    {"lt", U'<'},
    {"gt", U'>'},
    {"quot", U'"'},
    {"apos", U'\''},
    {"nbsp", 0x00A0},
    {"lrm", 0x200E},
    {"rlm", 0x200F},
    {"ndash", 0x2013},
    {"mdash", 0x2014},
}};

// A character reference that names NUL shows as U+FFFD, as the WebVTT parser requires;
// encodeUtf8 replaces surrogates and values past U+10FFFF itself.
void appendUtf8(std::string& out, char32_t c) {
    if (c == 0) c = kReplacementCharacter;
    out += text::encodeUtf8(std::u32string_view(&c, 1));
}

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f'; }

std::string toLower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// Collapses runs of whitespace to one space and trims, as WebVTT does for annotations.
std::string collapseSpaces(std::string_view text) {
    std::string out;
    bool pendingSpace = false;
    for (char c : text) {
        if (isSpace(c)) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

std::string decodeReferences(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '&' && decodeCharacterReference(text, i, out)) continue;
        out += text[i++];
    }
    return out;
}

// A tag as written between '<' and '>'.
struct Tag {
    enum class Kind { Start, End, Timestamp } kind = Kind::Start;
    std::string name;
    std::string annotation;
};

Tag readTag(std::string_view inside, CueMarkup markup) {
    Tag tag;
    if (!inside.empty() && inside.front() == '/') {
        tag.kind = Tag::Kind::End;
        inside.remove_prefix(1);
    } else if (!inside.empty() && std::isdigit(static_cast<unsigned char>(inside.front()))) {
        tag.kind = Tag::Kind::Timestamp;
        return tag;
    }
    std::size_t nameEnd = 0;
    while (nameEnd < inside.size() && !isSpace(inside[nameEnd]) && inside[nameEnd] != '.') ++nameEnd;
    tag.name = markup == CueMarkup::Srt ? toLower(inside.substr(0, nameEnd)) : std::string(inside.substr(0, nameEnd));
    // Classes (".loud") style nothing we draw; skip them to reach the annotation.
    std::size_t annotationStart = nameEnd;
    while (annotationStart < inside.size() && !isSpace(inside[annotationStart])) ++annotationStart;
    if (tag.kind == Tag::Kind::Start) tag.annotation = collapseSpaces(decodeReferences(inside.substr(annotationStart)));
    return tag;
}

bool isKnownTag(const std::string& name, CueMarkup markup) {
    static constexpr std::array<std::string_view, 8> kWebVttTags{"c", "i", "b", "u", "v", "lang", "ruby", "rt"};
    static constexpr std::array<std::string_view, 4> kSrtTags{"i", "b", "u", "font"};
    if (markup == CueMarkup::WebVtt) return std::find(kWebVttTags.begin(), kWebVttTags.end(), name) != kWebVttTags.end();
    return std::find(kSrtTags.begin(), kSrtTags.end(), name) != kSrtTags.end();
}

// Builds spans from text and tag events; the open-tag stack decides each span's style.
class SpanBuilder {
public:
    void text(char c) {
        if (!insideRubyText()) pending_ += c;
    }
    void text(std::string_view s) {
        if (!insideRubyText()) pending_ += s;
    }
    void newLine() {
        flush();
        lines_.emplace_back();
    }
    void open(Tag tag) {
        flush();
        if (tag.name == "v" && firstVoice_.empty()) firstVoice_ = tag.annotation;
        open_.push_back(std::move(tag));
    }
    void close(const std::string& name) {
        auto match = std::find_if(open_.rbegin(), open_.rend(), [&](const Tag& t) { return t.name == name; });
        if (match == open_.rend()) return;
        flush();
        open_.erase(std::prev(match.base()), open_.end());
    }
    CueText finish() {
        flush();
        return {std::move(lines_), std::move(firstVoice_)};
    }

private:
    bool insideRubyText() const {
        return std::any_of(open_.begin(), open_.end(), [](const Tag& t) { return t.name == "rt"; });
    }
    void flush() {
        if (pending_.empty()) return;
        CaptionSpan span;
        for (const Tag& t : open_) {
            if (t.name == "i") span.italic = true;
            else if (t.name == "b") span.bold = true;
            else if (t.name == "v") span.voice = t.annotation;
            else if (t.name == "lang") span.lang = t.annotation;
        }
        span.text = std::move(pending_);
        pending_.clear();
        auto& line = lines_.back();
        if (!line.empty()) {
            CaptionSpan& last = line.back();
            if (last.italic == span.italic && last.bold == span.bold && last.voice == span.voice &&
                last.lang == span.lang) {
                last.text += span.text;
                return;
            }
        }
        line.push_back(std::move(span));
    }

    std::vector<std::vector<CaptionSpan>> lines_{1};
    std::vector<Tag> open_;
    std::string pending_;
    std::string firstVoice_;
};

}  // namespace

bool decodeCharacterReference(std::string_view text, std::size_t& pos, std::string& out) {
    std::size_t semicolon = text.find(';', pos + 1);
    if (semicolon == std::string_view::npos || semicolon - pos > kMaxReferenceLength) return false;
    std::string_view body = text.substr(pos + 1, semicolon - pos - 1);
    if (body.empty()) return false;
    if (body.front() == '#') {
        body.remove_prefix(1);
        int base = 10;
        if (!body.empty() && (body.front() == 'x' || body.front() == 'X')) {
            base = 16;
            body.remove_prefix(1);
        }
        if (body.empty()) return false;
        std::uint32_t value = 0;
        auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value, base);
        if (end != body.data() + body.size()) return false;
        appendUtf8(out, ec == std::errc{} ? static_cast<char32_t>(value) : kReplacementCharacter);
    } else {
        auto named = std::find_if(kNamedReferences.begin(), kNamedReferences.end(),
                                  [&](const NamedReference& r) { return r.name == body; });
        if (named == kNamedReferences.end()) return false;
        appendUtf8(out, named->codePoint);
    }
    pos = semicolon + 1;
    return true;
}

CueText parseCueMarkup(std::string_view payload, CueMarkup markup, const SourceLocation& firstLine,
                       Diagnostics& diagnostics) {
    if (payload.empty()) return {};
    SpanBuilder builder;
    int line = firstLine.line;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < payload.size();) {
        char c = payload[i];
        if (c == '\n') {
            builder.newLine();
            ++line;
            lineStart = ++i;
            continue;
        }
        if (c == '&') {
            std::string decoded;
            if (decodeCharacterReference(payload, i, decoded)) {
                builder.text(decoded);
                continue;
            }
        }
        if (markup == CueMarkup::Srt && c == '{' && i + 1 < payload.size() && payload[i + 1] == '\\') {
            // ASS override codes such as {\an8} that many SRT files carry; they are not text.
            std::size_t close = payload.find('}', i);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        if (c == '<') {
            // A tag ends at '>' or, unterminated, at the end of its line.
            std::size_t lineEnd = std::min(payload.find('\n', i), payload.size());
            std::size_t close = payload.find('>', i);
            if (close > lineEnd) close = std::string_view::npos;
            std::size_t tagEnd = close == std::string_view::npos ? lineEnd : close;
            Tag tag = readTag(payload.substr(i + 1, tagEnd - i - 1), markup);
            bool known = tag.kind == Tag::Kind::End || isKnownTag(tag.name, markup) ||
                         (markup == CueMarkup::WebVtt && tag.kind == Tag::Kind::Timestamp);
            if (markup == CueMarkup::Srt && (close == std::string_view::npos || !known)) {
                // SRT has no escaping, so a '<' that starts no known tag is meant as text.
                builder.text(c);
                ++i;
                continue;
            }
            if (tag.kind == Tag::Kind::End) {
                builder.close(tag.name);
            } else if (tag.kind == Tag::Kind::Start) {
                if (known) {
                    builder.open(std::move(tag));
                } else {
                    std::string what = tag.name.empty() ? "a '<' that starts no tag hides the text up to '>'"
                                                        : "unknown caption tag <" + tag.name +
                                                              ">; its text is shown unstyled";
                    diagnostics.warning({firstLine.file, line, static_cast<int>(i - lineStart) + 1},
                                        "caption-unknown-tag", what,
                                        "WebVTT cue text knows <i>, <b>, <u>, <c>, <v>, <lang>, <ruby> and <rt>; "
                                        "write a literal '<' as &lt;");
                }
            }
            // Timestamp tags time karaoke-style reveals, which exhibit captions do not use.
            i = close == std::string_view::npos ? lineEnd : close + 1;
            continue;
        }
        builder.text(c);
        ++i;
    }
    return builder.finish();
}

}  // namespace vitrine
