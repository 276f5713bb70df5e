#include "studio/item_insert.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace vitrine::studio {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

// The whitespace from the start of the line holding `at` up to it, when only whitespace
// precedes it there; nullopt when something else does.
std::optional<std::string_view> indentBefore(std::string_view text, std::size_t at) {
    std::size_t lineStart = text.rfind('\n', at == 0 ? 0 : at - 1);
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    if (at < lineStart) lineStart = at;  // `at` is the first character of the text
    std::string_view before = text.substr(lineStart, at - lineStart);
    if (!std::all_of(before.begin(), before.end(), isBlank)) return std::nullopt;
    return before;
}

std::string pixels(double value) { return std::to_string(static_cast<long long>(std::lround(value))); }

// A box of `w`×`h` canvas pixels centred on `point`, moved inside the canvas: x, y, width, height.
void placeBox(NewItem& item, CanvasPoint point, double w, double h, PixelSize canvas) {
    double x = std::clamp(point.x - w / 2, 0.0, std::max(0.0, canvas.width - w));
    double y = std::clamp(point.y - h / 2, 0.0, std::max(0.0, canvas.height - h));
    item.attributes.insert(item.attributes.end(),
                           {{"x", pixels(x)}, {"y", pixels(y)}, {"width", pixels(w)}, {"height", pixels(h)}});
}

}  // namespace

std::string NewItem::xml() const {
    std::string out = "<" + element;
    for (const auto& [name, value] : attributes) out += " " + name + "=\"" + escapeAttribute(value) + "\"";
    if (content.empty()) return out + "/>";
    return out + ">" + escapeText(content) + "</" + element + ">";
}

std::string_view elementName(InsertKind kind) {
    switch (kind) {
        case InsertKind::Text: return "text";
        case InsertKind::Image: return "image";
        case InsertKind::Video: return "video";
        case InsertKind::Audio: return "audio";
        case InsertKind::Map: return "map";
    }
    return "text";
}

std::optional<InsertKind> insertKindFor(MediaKind kind) {
    switch (kind) {
        case MediaKind::Picture: return InsertKind::Image;
        case MediaKind::Clip: return InsertKind::Video;
        case MediaKind::Sound: return InsertKind::Audio;
        case MediaKind::MapData: return InsertKind::Map;
        case MediaKind::Captions: return std::nullopt;
    }
    return std::nullopt;
}

NewItem newItem(const InsertRequest& request, Micros begin, PixelSize canvas) {
    NewItem item{std::string(elementName(request.kind)), {}, {}};
    if (request.kind == InsertKind::Text) {
        item.content = request.subject;
        // No style attribute: the exhibit's "default" style applies. A reading box in the
        // middle of the canvas, or one centred on the drop.
        if (request.place) placeBox(item, *request.place, canvas.width * 0.6, canvas.height * 0.2, canvas);
        else item.attributes = {{"x", "10%"}, {"y", "35%"}, {"width", "80%"}, {"height", "30%"}};
    } else {
        item.attributes.push_back({"src", request.subject});
        if (request.kind == InsertKind::Image || request.kind == InsertKind::Video) {
            // Without a box the picture fills the canvas; contain shows all of it.
            item.attributes.push_back({"fit", "contain"});
            if (request.place) placeBox(item, *request.place, canvas.width * 0.5, canvas.height * 0.5, canvas);
        }
        if (request.kind == InsertKind::Audio && !request.captions.empty())
            item.attributes.push_back({"captions", request.captions});
    }
    if (begin > 0) item.attributes.push_back({"begin", formatTime(begin)});
    return item;
}

Result<InsertTarget> insertTarget(const Show& show, const Selection& selection, Micros playhead,
                                  const std::optional<std::string>& sceneId, std::optional<Micros> at) {
    int scene = -1;
    if (sceneId) {
        scene = show.sceneById(*sceneId);
        if (scene < 0) return Error{"there is no scene '" + *sceneId + "'"};
    } else if (selection.kind == Selection::Kind::Scene) {
        scene = selection.index;
    }
    if (scene < 0) scene = show.sceneAt(playhead);
    if (scene < 0 || scene >= static_cast<int>(show.scenes.size()))
        return Error{"the playhead is not in a scene: select the scene to add it to"};
    const Scene& s = show.scenes[scene];
    if (at) {
        if (*at < 0) return Error{"a time in a scene cannot be before its start"};
        return InsertTarget{scene, *at};
    }
    const bool inside = playhead >= s.begin && playhead < s.end;
    return InsertTarget{scene, inside ? playhead - s.begin : 0};
}

Result<TextEdit> insertChildEdit(std::string_view text, const Script& script, const ElementPath& parent,
                                 const NewItem& item) {
    const ScriptNode* node = findElement(script.root, parent);
    if (!node) return Error{"the file no longer has " + parent.describe()};
    auto span = elementSpan(text, node->where, node->name);
    if (!span) return span.error();
    const std::string parentIndent(indentBefore(text, span->begin).value_or(""));

    // Indent as the last child element is; with none, one step deeper than the parent, the
    // step written as the parent's own indentation is (tabs or spaces).
    std::string childIndent = parentIndent + (parentIndent.find('\t') != std::string::npos ? "\t" : "  ");
    for (auto child = node->children.rbegin(); child != node->children.rend(); ++child) {
        if (child->isText()) continue;
        auto childSpan = elementSpan(text, child->where, child->name);
        if (!childSpan) break;
        if (auto indent = indentBefore(text, childSpan->begin)) childIndent = std::string(*indent);
        break;
    }

    const std::string line = childIndent + item.xml();
    if (span->selfClosing) {
        // <scene .../> becomes <scene ...>, the item, </scene>: only the "/>" is replaced.
        std::string closing = "</" + std::string(node->name) + ">";
        return TextEdit{span->startEnd - 2, 2, ">\n" + line + "\n" + parentIndent + closing};
    }
    if (indentBefore(text, span->closeBegin)) {
        // The end tag starts its line: the item goes on a line of its own just above it.
        std::size_t lineStart = span->closeBegin - indentBefore(text, span->closeBegin)->size();
        return TextEdit{lineStart, 0, line + "\n"};
    }
    // `<scene ...>...</scene>` on one line: the item and the end tag get lines of their own.
    return TextEdit{span->closeBegin, 0, "\n" + line + "\n" + parentIndent};
}

Result<InsertWords> parseInsertWords(std::string_view words) {
    std::vector<std::string> parts;
    std::istringstream in{std::string(words)};
    for (std::string w; in >> w;) parts.push_back(w);
    InsertWords out;
    // Read "at TIME" and "in SCENE" from the end, so the words of a text may hold "at" or "in".
    while (parts.size() >= 2) {
        const std::string& keyword = parts[parts.size() - 2];
        if (keyword == "at" && !out.at) {
            auto t = parseTimeValue(parts.back());
            if (!t) return Error{"'" + parts.back() + "' is not a time (write 2s, 1:30 or 500ms)"};
            out.at = *t;
        } else if (keyword == "in" && !out.scene) {
            out.scene = parts.back();
        } else {
            break;
        }
        parts.resize(parts.size() - 2);
    }
    for (const auto& p : parts) out.subject += (out.subject.empty() ? "" : " ") + p;
    if (out.subject.empty()) return Error{"say what to insert: the words of a text, or a file"};
    return out;
}

std::optional<Error> insertItem(StudioDocument& doc, const InsertTarget& target, const InsertRequest& request) {
    const Show* show = doc.show();
    if (!show || doc.showIsStale()) return Error{"the file has errors that stop it compiling; fix them first"};
    if (target.scene < 0 || target.scene >= static_cast<int>(show->scenes.size())) return Error{"no such scene"};
    const Selection sceneSelection{Selection::Kind::Scene, target.scene};
    const ScriptNode* node = doc.nodeOf(sceneSelection);
    const Scene& scene = show->scenes[target.scene];
    if (!node || node->name != "scene")
        return Error{"items go into a <scene>, and '" + scene.id + "' is " +
                     (node ? "written as <" + std::string(node->name) + ">" : std::string("not in the file"))};
    if (std::filesystem::path(node->where.file) != doc.file() && !node->where.file.empty() &&
        std::filesystem::weakly_canonical(node->where.file) != std::filesystem::weakly_canonical(doc.file()))
        return Error{"scene '" + scene.id + "' is written in " + node->where.file + "; the studio edits only " +
                     doc.file().string()};
    if (request.subject.empty())
        return Error{request.kind == InsertKind::Text ? "a text needs some words" : "say which file to insert"};

    NewItem item = newItem(request, target.begin, show->canvas);
    std::string what = request.kind == InsertKind::Text ? "text" : request.subject;
    std::string description = "insert <" + item.element + "> " + what + " into scene '" + scene.id + "' at " +
                              formatTime(target.begin);
    EditRecipe recipe = [path = *doc.pathOf(sceneSelection), item](std::string_view text, const Script& script) {
        return insertChildEdit(text, script, path, item);
    };
    if (auto error = doc.edit(std::move(description), std::move(recipe))) return error;

    // The new element is the scene's last child: the scene's item written last.
    const Show& now = *doc.show();
    int best = -1;
    for (int i = 0; i < static_cast<int>(now.items.size()); ++i) {
        const Item& it = now.items[i];
        if (it.scene != target.scene) continue;
        if (best < 0 || std::pair(it.where.line, it.where.column) > std::pair(now.items[best].where.line, now.items[best].where.column))
            best = i;
    }
    if (best >= 0) doc.selectItem(best);
    return std::nullopt;
}

}  // namespace vitrine::studio
