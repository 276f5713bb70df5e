#include "studio/style_sample.h"

#include <functional>
#include <map>

#include "studio/style_edits.h"
#include "timeline/style_resolver.h"

namespace vitrine::studio {
namespace {

constexpr Micros kSampleDuration = 3600 * kMicrosPerSecond;
constexpr std::size_t kSampleCharacters = 160;

void collectStyles(const ScriptNode& node, std::map<std::string, const ScriptNode*, std::less<>>& styles) {
    if (node.tag == Tag::Style) styles.emplace(node.value("id"), &node);  // the first of an id wins, as in compile
    for (const auto& child : node.children)
        if (!child.isText()) collectStyles(child, styles);
}

// The text inside `node`, its runs joined with single spaces.
void collectWords(const ScriptNode& node, std::string& out) {
    for (const auto& child : node.children) {
        if (out.size() >= kSampleCharacters) return;
        if (!child.isText()) {
            collectWords(child, out);
            continue;
        }
        for (char c : child.text) {
            bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
            if (space && (out.empty() || out.back() == ' ')) continue;
            out += space ? ' ' : c;
        }
        if (!out.empty() && out.back() != ' ') out += ' ';
    }
}

}  // namespace

TextStyle resolvedStyle(const Script& script, std::string_view id, PixelSize canvas) {
    std::map<std::string, const ScriptNode*, std::less<>> styles;
    collectStyles(script.root, styles);
    Diagnostics ignored;  // the document's own compile reports what is wrong with its styles
    StyleResolver resolver(styles, canvas, ignored);
    return resolver.resolve(id, script.root.where);
}

std::string sampleWords(const Script& script, std::string_view id) {
    for (const StyleUse& use : styleUses(script, id)) {
        if (use.node->tag == Tag::Style) continue;
        std::string words;
        collectWords(*use.node, words);
        while (!words.empty() && words.back() == ' ') words.pop_back();
        if (!words.empty()) return words;
    }
    return "The quick brown fox jumps over the lazy dog. 1990";
}

Show styleSampleShow(const TextStyle& style, Color background, PixelSize size, std::string words) {
    Show show;
    show.title = "Style sample";
    show.canvas = size;
    show.background = background;
    show.duration = kSampleDuration;
    Scene& scene = show.scenes.emplace_back();
    scene.id = "sample";
    scene.end = kSampleDuration;
    scene.background = background;
    scene.items = {0};
    Item& item = show.items.emplace_back();
    item.kind = ItemKind::Text;
    item.scene = 0;
    item.activeEnd = item.end = kSampleDuration;
    const double margin = size.width / 20.0;
    item.box = Rect{margin, margin, size.width - 2 * margin, size.height - 2 * margin};
    item.paragraphs.push_back(TextParagraph{{TextRun{std::move(words), false, false, {}}}, {}});
    item.style = style;
    return show;
}

}  // namespace vitrine::studio
