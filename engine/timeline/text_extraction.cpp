#include "timeline/text_extraction.h"

#include <string>
#include <string_view>

namespace vitrine {
namespace {

// Runs of white space become one space, as a browser shows them. Most runs of text have
// nothing to collapse, and are copied whole.
std::string collapseSpaces(std::string_view text) {
    bool plain = true;
    for (size_t i = 0; i < text.size() && plain; ++i)
        plain = text[i] == ' ' ? (i + 1 == text.size() || text[i + 1] != ' ') : !isAsciiSpace(text[i]);
    if (plain) return std::string(text);
    std::string collapsed;
    collapsed.reserve(text.size());
    for (char ch : text) {
        if (isAsciiSpace(ch)) {
            if (collapsed.empty() || collapsed.back() != ' ') collapsed.push_back(' ');
        } else {
            collapsed.push_back(ch);
        }
    }
    return collapsed;
}

void appendRunsFrom(const ScriptNode& c, TextParagraph& para, bool bold, bool italic, const std::string& lang);

}  // namespace

void appendRuns(const ScriptNode& n, TextParagraph& para, bool bold, bool italic, const std::string& lang) {
    for (const auto& c : n.children) appendRunsFrom(c, para, bold, italic, lang);
}


void trimParagraph(TextParagraph& p) {
    while (!p.runs.empty() && (p.runs.front().text.empty() || p.runs.front().text == " ")) p.runs.erase(p.runs.begin());
    while (!p.runs.empty() && (p.runs.back().text.empty() || p.runs.back().text == " ")) p.runs.pop_back();
    if (p.runs.empty()) return;
    auto& first = p.runs.front().text;
    if (first.front() == ' ') first.erase(0, 1);
    auto& last = p.runs.back().text;
    if (!last.empty() && last.back() == ' ') last.pop_back();
}

void collectParagraphs(const ScriptNode& n, std::vector<TextParagraph>& out, const ParagraphStyler& styleOf) {
    TextParagraph loose;
    const std::string looseLang = n.value("lang");
    auto flushLoose = [&] {
        trimParagraph(loose);
        if (!loose.runs.empty()) out.push_back(std::move(loose));
        loose = TextParagraph{};
    };
    for (const auto& c : n.children) {
        if (c.tag == Tag::P) {
            flushLoose();
            TextParagraph para;
            para.lang = c.value("lang");
            if (styleOf) para.style = styleOf(c);
            appendRuns(c, para, false, false, para.lang);
            trimParagraph(para);
            if (!para.runs.empty()) out.push_back(std::move(para));
        } else if (c.tag != Tag::Animate) {
            appendRunsFrom(c, loose, false, false, looseLang);
        }
    }
    flushLoose();
}

namespace {

void appendRunsFrom(const ScriptNode& c, TextParagraph& para, bool bold, bool italic, const std::string& lang) {
    if (c.isText()) {
        std::string collapsed = collapseSpaces(c.text);
        if (!para.runs.empty() && !para.runs.back().text.empty() && para.runs.back().text.back() == ' ' &&
            !collapsed.empty() && collapsed.front() == ' ')
            collapsed.erase(0, 1);
        if (!collapsed.empty()) para.runs.push_back(TextRun{std::move(collapsed), bold, italic, lang});
    } else if (c.tag == Tag::Br) {
        if (!para.runs.empty() && !para.runs.back().text.empty() && para.runs.back().text.back() == ' ')
            para.runs.back().text.pop_back();
        para.runs.push_back(TextRun{"\n", bold, italic, lang});
    } else if (c.tag == Tag::I || c.tag == Tag::Em) {
        appendRuns(c, para, bold, true, lang);
    } else if (c.tag == Tag::B || c.tag == Tag::Strong) {
        appendRuns(c, para, true, italic, lang);
    } else if (c.tag == Tag::Span) {
        appendRuns(c, para, bold, italic, c.value("lang", lang));
    }
}

}  // namespace

}  // namespace vitrine
