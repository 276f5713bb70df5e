#include "studio/structure_edits.h"

#include <algorithm>
#include <functional>

#include "script/vocabulary.h"
#include "studio/element_span.h"

namespace vitrine::studio {
namespace {

bool isNameStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool isNameChar(char c) { return isNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':'; }

bool isSceneTag(Tag tag) { return tag == Tag::Scene || tag == Tag::Advisory || tag == Tag::Credits; }
bool isSceneLike(const ScriptNode& node) { return isSceneTag(node.tag); }

void forEachElement(const ScriptNode& node, const std::function<void(const ScriptNode&)>& visit) {
    if (node.isText()) return;
    visit(node);
    for (const auto& child : node.children) forEachElement(child, visit);
}

bool contains(const ScriptNode& ancestor, const ScriptNode& node) {
    bool found = false;
    forEachElement(ancestor, [&](const ScriptNode& n) { found = found || &n == &node; });
    return found;
}

// The element at `path`, written in the exhibit's own file (the studio edits no include).
Result<const ScriptNode*> editableElement(const Script& script, const ElementPath& path) {
    const ScriptNode* node = findElement(script.root, path);
    if (!node) return Error{"the file no longer has " + path.describe()};
    if (!script.files.empty() && node->where.file != script.files.front())
        return Error{describe(*node) + " is in " + node->where.file + "; the studio edits only " + script.files.front()};
    return node;
}

// `fragment` with every id in it replaced by one fresh in `script`.
std::string withFreshIds(std::string_view fragment, const Script& script) {
    std::vector<std::string> ids[3];
    for (IdSpace space : {IdSpace::Style, IdSpace::Region, IdSpace::Element})
        ids[static_cast<int>(space)] = idsIn(script, space);
    std::vector<TextEdit> edits;
    for (std::size_t i = fragment.find('<'); i != std::string_view::npos; i = fragment.find('<', i + 1)) {
        if (fragment.substr(i, 4) == "<!--") {
            i = fragment.find("-->", i);
            if (i == std::string_view::npos) break;
            continue;
        }
        std::size_t nameEnd = i + 1;
        if (nameEnd >= fragment.size() || !isNameStart(fragment[nameEnd])) continue;
        while (nameEnd < fragment.size() && isNameChar(fragment[nameEnd])) ++nameEnd;
        std::string_view name = fragment.substr(i + 1, nameEnd - i - 1);
        auto tag = readStartTag(fragment, i, name);
        if (!tag) continue;
        for (const auto& a : tag->attributes) {
            if (a.name != "id") continue;
            auto& taken = ids[static_cast<int>(idSpaceOf(tagOf(name)))];
            std::string fresh = freshId(fragment.substr(a.valueBegin, a.valueEnd - a.valueBegin), taken);
            taken.push_back(fresh);
            edits.push_back({a.valueBegin, a.valueEnd - a.valueBegin, escapeAttribute(fresh)});
        }
    }
    std::string out(fragment);
    std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset > b.offset; });
    for (const auto& e : edits) out.replace(e.offset, e.length, e.replacement);
    return out;
}

// The name of the first element in a fragment.
std::string_view fragmentElementName(std::string_view fragment) {
    for (std::size_t i = fragment.find('<'); i != std::string_view::npos; i = fragment.find('<', i + 1)) {
        if (i + 1 >= fragment.size() || !isNameStart(fragment[i + 1])) continue;
        std::size_t end = i + 1;
        while (end < fragment.size() && isNameChar(fragment[end])) ++end;
        return fragment.substr(i + 1, end - i - 1);
    }
    return {};
}

/// An attribute that refers to an id (a style's name, a region's name).
struct Reference {
    const ScriptNode* node;
    const ScriptAttribute* attribute;
};

std::vector<Reference> referencesOf(const Script& script, std::string_view id, IdSpace space) {
    if (space == IdSpace::Element) return {};  // nothing in the format refers to a scene or an item
    const ValueType refers = space == IdSpace::Style ? ValueType::StyleRef : ValueType::RegionRef;
    const Vocabulary vocabulary;
    std::vector<Reference> out;
    forEachElement(script.root, [&](const ScriptNode& node) {
        const ElementSpec* spec = vocabulary.element(node.name);
        if (!spec) return;
        for (const auto& a : node.attributes) {
            const AttributeSpec* as = spec->attribute(a.name);
            if (as && as->type == refers && a.value == id)
                out.push_back({&node, &a});
        }
    });
    return out;
}

std::string listed(const std::vector<std::string>& what) {
    std::string out;
    for (std::size_t i = 0; i < what.size() && i < 3; ++i) out += (i ? ", " : "") + what[i];
    if (what.size() > 3) out += " and " + std::to_string(what.size() - 3) + " more";
    return out;
}

}  // namespace

std::vector<const ScriptNode*> sceneElements(const Script& script) {
    std::vector<const ScriptNode*> out;
    std::function<void(const ScriptNode&)> walk = [&](const ScriptNode& node) {
        for (const auto& child : node.children) {
            if (child.isText()) continue;
            if (isSceneLike(child)) out.push_back(&child);
            else if (child.tag == Tag::Seq || child.tag == Tag::Par || child.tag == Tag::Fragment) walk(child);
        }
    };
    walk(script.root);
    return out;
}

IdSpace idSpaceOf(Tag tag) {
    return tag == Tag::Style ? IdSpace::Style : tag == Tag::Region ? IdSpace::Region : IdSpace::Element;
}

std::vector<std::string> idsIn(const Script& script, IdSpace space) {
    std::vector<std::string> out;
    forEachElement(script.root, [&](const ScriptNode& node) {
        if (const ScriptAttribute* id = node.attribute("id"); id && idSpaceOf(node.tag) == space)
            out.emplace_back(id->value);
    });
    return out;
}

std::string freshId(std::string_view base, const std::vector<std::string>& taken) {
    auto isTaken = [&](const std::string& id) { return std::find(taken.begin(), taken.end(), id) != taken.end(); };
    if (base.empty()) base = "item";
    if (!isTaken(std::string(base))) return std::string(base);
    std::string_view stem = base;
    std::size_t dash = stem.rfind('-');
    // "intro-2" beside "intro" is a copy's number; "january-13" alone is a name.
    if (dash != std::string_view::npos && dash + 1 < stem.size() &&
        stem.find_first_not_of("0123456789", dash + 1) == std::string_view::npos &&
        isTaken(std::string(stem.substr(0, dash))))
        stem = stem.substr(0, dash);
    for (int n = 2;; ++n) {
        std::string candidate = std::string(stem) + "-" + std::to_string(n);
        if (!isTaken(candidate)) return candidate;
    }
}

std::vector<std::string> referencesTo(const Script& script, std::string_view id, IdSpace space) {
    std::vector<std::string> out;
    for (const auto& r : referencesOf(script, id, space)) out.push_back(describe(*r.node));
    return out;
}

std::vector<std::string> styleNames(const Script& script) {
    std::vector<std::string> out;
    forEachElement(script.root, [&](const ScriptNode& node) {
        if (node.tag == Tag::Style && node.attribute("id")) out.push_back(node.value("id"));
    });
    return out;
}

Result<std::string> copyElement(std::string_view text, const Script& script, const ElementPath& path) {
    const ScriptNode* node = findElement(script.root, path);
    if (!node || path.steps.empty()) return Error{"nothing to copy at " + path.describe()};
    auto span = spanOf(text, *node);
    if (!span) return span.error();
    // Its own indentation off every following line, so it can be pasted at any depth.
    std::string out;
    std::string_view written = text.substr(span->begin, span->end - span->begin);
    for (std::size_t i = 0; i < written.size(); ++i) {
        out += written[i];
        if (written[i] == '\n' && written.substr(i + 1, span->indent.size()) == span->indent) i += span->indent.size();
    }
    return out;
}

Result<TextEdit> deleteElement(std::string_view text, const Script& script, const ElementPath& path) {
    if (path.steps.empty()) return Error{"the exhibit itself cannot be deleted"};
    auto node = editableElement(script, path);
    if (!node) return node.error();
    // What outside it refers to an id inside it would break: say what, and change nothing.
    std::vector<std::string> users;
    forEachElement(**node, [&](const ScriptNode& inside) {
        if (!inside.attribute("id")) return;
        for (const auto& r : referencesOf(script, inside.view("id"), idSpaceOf(inside.tag)))
            if (!contains(**node, *r.node))
                users.push_back(describe(*r.node) + " (" + std::string(r.attribute->name) + "=\"" +
                                std::string(r.attribute->value) + "\")");
    });
    if (!users.empty())
        return Error{"cannot delete " + describe(**node) + ": " + listed(users) + (users.size() == 1 ? " uses" : " use") +
                     " it; change " + (users.size() == 1 ? "that" : "them") + " first"};
    auto span = spanOf(text, **node);
    if (!span) return span.error();
    return removal(text, *span, span->lineBegin);
}

Result<TextEdit> duplicateElement(std::string_view text, const Script& script, const ElementPath& path) {
    if (path.steps.empty()) return Error{"the exhibit itself cannot be duplicated"};
    auto node = editableElement(script, path);
    if (!node) return node.error();
    auto fragment = copyElement(text, script, path);
    if (!fragment) return fragment.error();
    auto span = spanOf(text, **node);
    if (!span) return span.error();
    return insertionAfter(text, *span, withFreshIds(*fragment, script));
}

Result<TextEdit> pasteElement(std::string_view text, const Script& script, const ElementPath& target,
                              std::string_view fragment) {
    std::string_view name = fragmentElementName(fragment);
    if (name.empty()) return Error{"the clipboard holds no element to paste"};
    auto node = editableElement(script, target);
    if (!node) return node.error();
    const std::string pasted = withFreshIds(fragment, script);
    const auto scenes = sceneElements(script);

    if (isSceneTag(tagOf(name))) {
        // A scene goes after the scene that is (or holds) the target, or after the last one.
        const ScriptNode* anchor = nullptr;
        for (const ScriptNode* scene : scenes)
            if (contains(*scene, **node)) anchor = scene;
        if (!anchor && !scenes.empty()) anchor = scenes.back();
        if (!anchor) return Error{"the exhibit has no scene to paste after"};
        auto span = spanOf(text, *anchor);
        if (!span) return span.error();
        return insertionAfter(text, *span, pasted);
    }
    if (!isSceneLike(**node)) {
        if (target.steps.empty()) return Error{"select a scene or an item to paste into"};
        auto span = spanOf(text, **node);
        if (!span) return span.error();
        return insertionAfter(text, *span, pasted);
    }
    // Into the scene, after its last element, at its children's indentation.
    auto span = spanOf(text, **node);
    if (!span) return span.error();
    std::string childIndent = span->indent + "  ";
    for (const auto& child : (*node)->children)
        if (!child.isText())
            if (auto c = spanOf(text, child); c && c->ownLines) childIndent = c->indent;
    std::string line = childIndent + indented(pasted, childIndent);
    if (text.substr(span->end - 2, 2) == "/>")  // <scene .../> opens to hold it
        return TextEdit{span->end - 2, 2, ">\n" + line + "\n" + span->indent + "</" + std::string((*node)->name) + ">"};
    std::size_t close = text.rfind("</", span->end);
    std::size_t closeLine = close;
    while (closeLine > 0 && isBlank(text[closeLine - 1])) --closeLine;
    if (closeLine > 0 && text[closeLine - 1] == '\n') return TextEdit{closeLine, 0, line + "\n"};
    return TextEdit{close, 0, "\n" + line + "\n" + span->indent};
}

Result<TextEdit> newScene(std::string_view text, const Script& script, const std::optional<ElementPath>& after,
                          Micros duration) {
    const auto scenes = sceneElements(script);
    const std::string id = freshId("scene-" + std::to_string(scenes.size() + 1), idsIn(script, IdSpace::Element));
    const std::string scene =
        "<scene id=\"" + id + "\" title=\"New scene\" dur=\"" + formatTime(duration) + "\">\n</scene>";
    const ScriptNode* anchor = scenes.empty() ? nullptr : scenes.back();
    if (after) {
        auto node = editableElement(script, *after);
        if (!node) return node.error();
        anchor = *node;
    }
    if (anchor) {
        auto span = spanOf(text, *anchor);
        if (!span) return span.error();
        return insertionAfter(text, *span, scene);
    }
    // No scene yet: the first one goes last in the exhibit.
    auto root = spanOf(text, script.root);
    if (!root) return root.error();
    std::size_t close = text.rfind("</", root->end);
    return TextEdit{close, 0, "  " + indented(scene, "  ") + "\n"};
}

Result<TextEdit> moveScene(std::string_view text, const Script& script, const ElementPath& path, int toIndex) {
    auto node = editableElement(script, path);
    if (!node) return node.error();
    const auto scenes = sceneElements(script);
    auto at = std::find(scenes.begin(), scenes.end(), *node);
    if (at == scenes.end()) return Error{describe(**node) + " is not a scene"};
    const int from = static_cast<int>(at - scenes.begin());
    if (toIndex < 0 || toIndex >= static_cast<int>(scenes.size()))
        return Error{"there is no place " + std::to_string(toIndex + 1) + " among the " + std::to_string(scenes.size()) +
                     " scenes"};
    if (toIndex == from) return Error{"the scene is already in place " + std::to_string(from + 1)};
    auto moving = spanOf(text, **node);
    if (!moving) return moving.error();
    auto target = spanOf(text, *scenes[toIndex]);
    if (!target) return target.error();
    if (!moving->ownLines || !target->ownLines)
        return Error{"a scene shares its line with other elements; move it in the file"};
    auto fragment = copyElement(text, script, path);
    if (!fragment) return fragment.error();
    // The scene goes with the comments above it, each line at the target's indentation.
    const std::size_t movingStart = commentsAbove(text, *moving);
    std::string lines;
    for (std::string_view rest = text.substr(movingStart, moving->lineBegin - movingStart); !rest.empty();) {
        std::string_view line = rest.substr(0, rest.find('\n') + 1);
        rest.remove_prefix(line.size());
        if (line.substr(0, moving->indent.size()) == moving->indent) line.remove_prefix(moving->indent.size());
        lines += target->indent + std::string(line);
    }
    lines += target->indent + indented(*fragment, target->indent) + "\n";
    const std::size_t targetStart = commentsAbove(text, *target);
    const bool spaced = blankLineBefore(text, targetStart) || blankLineBefore(text, movingStart);
    const std::string gap = spaced ? "\n" : "";
    TextEdit insertion = toIndex < from ? TextEdit{targetStart, 0, lines + gap}
                                        : TextEdit{target->lineEnd, 0, gap + lines};
    return combineEdits(text, {removal(text, *moving, movingStart), insertion});
}

Result<TextEdit> renameId(std::string_view text, const Script& script, const ElementPath& path, std::string_view to) {
    auto named = editableElement(script, path);
    if (!named) return named.error();
    const std::string from = (*named)->value("id");
    if (from.empty()) return Error{describe(**named) + " has no id to rename"};
    if (to.empty() || to.find_first_of(" \t\n\"'<>&") != std::string_view::npos)
        return Error{"\"" + std::string(to) + "\" cannot be an id: use letters, digits and '-', without spaces"};
    if (from == to) return Error{"it is already called \"" + std::string(to) + "\""};
    const IdSpace space = idSpaceOf((*named)->tag);
    const ScriptNode* clash = nullptr;
    forEachElement(script.root, [&](const ScriptNode& node) {
        if (!clash && idSpaceOf(node.tag) == space && node.attribute("id") && node.view("id") == to) clash = &node;
    });
    if (clash) return Error{"\"" + std::string(to) + "\" is already the id of " + describe(*clash)};
    std::vector<TextEdit> edits;
    auto change = [&](const ScriptNode& node, std::string_view attribute) -> std::optional<Error> {
        if (!script.files.empty() && node.where.file != script.files.front())
            return Error{describe(node) + " in " + node.where.file + " refers to \"" + from +
                         "\"; the studio edits only " + script.files.front()};
        auto edit = attributeEdit(text, node.where, node.name, attribute, to);
        if (!edit) return edit.error();
        edits.push_back(*edit);
        return std::nullopt;
    };
    if (auto error = change(**named, "id")) return *error;
    for (const auto& r : referencesOf(script, from, space))
        if (auto error = change(*r.node, r.attribute->name)) return *error;
    return combineEdits(text, std::move(edits));
}

}  // namespace vitrine::studio
