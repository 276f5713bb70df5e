#include "studio/style_edits.h"

#include <functional>

#include "script/vocabulary.h"

namespace vitrine::studio {
namespace {

const Vocabulary& vocabulary() {
    static const Vocabulary kVocabulary;
    return kVocabulary;
}

void forEachElement(const ScriptNode& node, const std::function<void(const ScriptNode&)>& visit) {
    if (node.isText()) return;
    visit(node);
    for (const auto& child : node.children) forEachElement(child, visit);
}

std::string quotedName(std::string_view id) { return "'" + std::string(id) + "'"; }

std::string lineOfNode(const ScriptNode& node) { return "line " + std::to_string(node.where.line); }

// The style `id`, or why it cannot be edited here: absent, or written in an included file.
Result<const ScriptNode*> editableStyle(const Script& script, std::string_view id) {
    const ScriptNode* style = findStyle(script, id);
    if (!style) return Error{"there is no style called " + quotedName(id)};
    if (!script.files.empty() && style->where.file != script.files.front())
        return Error{"the style " + quotedName(id) + " is written in " + style->where.file +
                     "; the studio edits only the exhibit's own file"};
    return style;
}

// The start of the line holding `offset`, and whether only spaces stand before it there.
std::pair<std::size_t, bool> lineStart(std::string_view text, std::size_t offset) {
    std::size_t start = offset;
    while (start > 0 && text[start - 1] != '\n') --start;
    return {start, text.substr(start, offset - start).find_first_not_of(" \t") == std::string_view::npos};
}

std::string styleTag(std::string_view id, std::string_view base) {
    std::string tag = "<style id=\"" + escapeAttribute(id) + "\"";
    if (!base.empty()) tag += " base=\"" + escapeAttribute(base) + "\"";
    return tag + "/>";
}

}  // namespace

const ScriptNode* findStyle(const Script& script, std::string_view id) {
    const ScriptNode* found = nullptr;
    forEachElement(script.root, [&](const ScriptNode& n) {
        if (!found && n.tag == Tag::Style && n.view("id") == id) found = &n;
    });
    return found;
}

std::vector<std::string> styleIds(const Script& script) {
    std::vector<std::string> ids;
    forEachElement(script.root, [&](const ScriptNode& n) {
        if (n.tag == Tag::Style) ids.push_back(n.value("id"));
    });
    return ids;
}

std::vector<StyleUse> styleUses(const Script& script, std::string_view id) {
    std::vector<StyleUse> uses;
    const bool defined = findStyle(script, id) != nullptr;
    forEachElement(script.root, [&](const ScriptNode& n) {
        if (n.tag == Tag::Style) {
            if (n.view("base") == id) uses.push_back({&n, "base"});
            return;
        }
        const ElementSpec* spec = vocabulary().element(n.name);
        for (const auto& a : n.attributes) {
            const AttributeSpec* attribute = spec ? spec->attribute(a.name) : nullptr;
            if (attribute && attribute->type == ValueType::StyleRef && a.value == id) uses.push_back({&n, a.name});
        }
        // An advisory takes the style called "advisory" when it names none (timeline/compile.cpp,
        // addCentredText); credits take only the style they name.
        if (n.tag == Tag::Advisory && defined && n.name == id && !n.attribute("style"))
            uses.push_back({&n, {}});
    });
    return uses;
}

std::string describeUses(const std::vector<StyleUse>& uses, std::size_t shown) {
    std::string out;
    for (std::size_t i = 0; i < uses.size() && i < shown; ++i) {
        const ScriptNode& n = *uses[i].node;
        if (i > 0) out += ", ";
        if (n.tag == Tag::Style) out += "<style id=\"" + n.value("id") + "\"> at " + lineOfNode(n) + " (its base)";
        else out += "<" + std::string(n.name) + "> at " + lineOfNode(n) + (uses[i].attribute.empty() ? " (by its name)" : "");
    }
    if (uses.size() > shown) out += " and " + std::to_string(uses.size() - shown) + " more";
    return out;
}

std::optional<Error> invalidNewStyleName(const Script& script, std::string_view id) {
    if (id.empty()) return Error{"a style needs a name"};
    bool startsWithLetter = (id.front() >= 'a' && id.front() <= 'z') || (id.front() >= 'A' && id.front() <= 'Z');
    if (!startsWithLetter || id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_") !=
                                 std::string_view::npos)
        return Error{"a style's name is letters, digits, - and _ (no spaces), starting with a letter: " +
                     quotedName(id) + " is not"};
    if (findStyle(script, id)) return Error{"there is already a style called " + quotedName(id)};
    return std::nullopt;
}

EditRecipe setStyleAttributeRecipe(std::string id, std::string attribute, std::string value) {
    return [id, attribute, value](std::string_view text, const Script& script) -> Result<TextEdit> {
        auto style = editableStyle(script, id);
        if (!style) return style.error();
        return attributeEdit(text, (*style)->where, "style", attribute, value);
    };
}

EditRecipe newStyleRecipe(std::string id, std::string base) {
    return [id, base](std::string_view text, const Script& script) -> Result<TextEdit> {
        if (auto why = invalidNewStyleName(script, id)) return *why;
        if (!base.empty() && !findStyle(script, base)) return Error{"there is no style called " + quotedName(base)};
        // After the last style written in the main file, on a line of its own, indented as it.
        const ScriptNode* last = nullptr;
        forEachElement(script.root, [&](const ScriptNode& n) {
            if (n.tag == Tag::Style && (script.files.empty() || n.where.file == script.files.front())) last = &n;
        });
        if (last) {
            auto span = elementSpan(text, last->where, "style");
            if (!span) return span.error();
            auto [start, alone] = lineStart(text, span->begin);
            std::string indent = alone ? std::string(text.substr(start, span->begin - start)) : std::string();
            return TextEdit{span->end, 0, "\n" + indent + styleTag(id, base)};
        }
        // The first style: first inside the root, indented as the root's first element.
        auto root = elementSpan(text, script.root.where, script.root.name);
        if (!root) return root.error();
        std::string indent = "  ";
        for (const auto& child : script.root.children) {
            if (child.isText()) continue;
            if (auto at = offsetOf(text, child.where.line, child.where.column)) {
                auto [start, alone] = lineStart(text, *at);
                if (alone) indent = std::string(text.substr(start, *at - start));
            }
            break;
        }
        return TextEdit{root->startEnd, 0, "\n" + indent + styleTag(id, base)};
    };
}

EditRecipe renameStyleRecipe(std::string from, std::string to) {
    return [from, to](std::string_view text, const Script& script) -> Result<TextEdit> {
        if (from == "default")
            return Error{"'default' is the style of every text that names none; make a new style instead"};
        auto style = editableStyle(script, from);
        if (!style) return style.error();
        if (auto why = invalidNewStyleName(script, to)) return *why;
        std::vector<TextEdit> edits;
        auto id = attributeEdit(text, (*style)->where, "style", "id", to);
        if (!id) return id.error();
        edits.push_back(*id);
        for (const StyleUse& use : styleUses(script, from)) {
            const ScriptNode& n = *use.node;
            if (!script.files.empty() && n.where.file != script.files.front())
                return Error{"<" + std::string(n.name) + "> in " + n.where.file + " at " + lineOfNode(n) + " uses " +
                             quotedName(from) + "; the studio edits only the exhibit's own file, so rename it there"};
            // An element that took the style by its name now names it: it keeps the same look.
            auto edit = attributeEdit(text, n.where, n.name, use.attribute.empty() ? "style" : use.attribute, to);
            if (!edit) return edit.error();
            edits.push_back(*edit);
        }
        return combineEdits(text, std::move(edits));
    };
}

EditRecipe deleteStyleRecipe(std::string id) {
    return [id](std::string_view text, const Script& script) -> Result<TextEdit> {
        if (id == "default") return Error{"'default' is the style of every text that names none; it cannot be deleted"};
        auto style = editableStyle(script, id);
        if (!style) return style.error();
        auto uses = styleUses(script, id);
        if (!uses.empty())
            return Error{quotedName(id) + " is used by " + describeUses(uses) + "; give them another style first"};
        auto span = elementSpan(text, (*style)->where, "style");
        if (!span) return span.error();
        // Alone on its line: the whole line goes, so no blank line is left behind.
        auto [start, alone] = lineStart(text, span->begin);
        std::size_t lineEnd = text.find('\n', span->end);
        bool restBlank = lineEnd != std::string_view::npos &&
                         text.substr(span->end, lineEnd - span->end).find_first_not_of(" \t\r") == std::string_view::npos;
        if (alone && restBlank) return TextEdit{start, lineEnd + 1 - start, {}};
        return TextEdit{span->begin, span->end - span->begin, {}};
    };
}

}  // namespace vitrine::studio
