#include "script/script_loader.h"

#include <tinyxml2.h>

#include <fstream>
#include <sstream>

namespace vitrine {
namespace {

namespace fs = std::filesystem;

// Splits text into lines once, so columns can be found for TinyXML-2's line numbers.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) {
        size_t start = 0;
        while (start <= text.size()) {
            size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            lines_.push_back(text.substr(start, end - start));
            start = end + 1;
        }
    }
    // Column (1-based) of `needle` on `line`, searching from column `from`; 1 when not found.
    int columnOf(int line, std::string_view needle, int from = 1) const {
        if (line < 1 || line > static_cast<int>(lines_.size())) return 1;
        std::string_view l = lines_[line - 1];
        size_t pos = l.find(needle, static_cast<size_t>(std::max(from - 1, 0)));
        return pos == std::string_view::npos ? 1 : static_cast<int>(pos) + 1;
    }
    // Column of an attribute: its name after a space and before '=' (spaces allowed).
    int attributeColumn(int line, std::string_view name, int from) const {
        if (line < 1 || line > static_cast<int>(lines_.size())) return 1;
        std::string_view l = lines_[line - 1];
        for (size_t pos = l.find(name, static_cast<size_t>(std::max(from - 1, 0))); pos != std::string_view::npos;
             pos = l.find(name, pos + 1)) {
            bool startsWord = pos == 0 || l[pos - 1] == ' ' || l[pos - 1] == '\t';
            size_t after = pos + name.size();
            while (after < l.size() && (l[after] == ' ' || l[after] == '\t')) ++after;
            if (startsWord && after < l.size() && l[after] == '=') return static_cast<int>(pos) + 1;
        }
        return 1;
    }
    // Column of `prefix` immediately followed by `name` (an element's "<name").
    int columnOf(int line, char prefix, std::string_view name) const {
        if (line < 1 || line > static_cast<int>(lines_.size())) return 1;
        std::string_view l = lines_[line - 1];
        for (size_t pos = l.find(prefix); pos != std::string_view::npos; pos = l.find(prefix, pos + 1))
            if (l.substr(pos + 1, name.size()) == name) return static_cast<int>(pos) + 1;
        return 1;
    }

private:
    std::vector<std::string_view> lines_;
};

class Loader {
public:
    Loader(Diagnostics& d, const FileReader& reader) : diagnostics_(d), reader_(reader) {}

    std::optional<Script> loadMain(std::string_view text, const fs::path& file) {
        Script script;
        auto root = parseFile(text, file, script, "exhibit");
        if (!root) return std::nullopt;
        script.root = std::move(*root);
        return script;
    }

private:
    struct OpenFile {
        fs::path path;
        const LineIndex* lines;
    };

    std::optional<ScriptNode> parseFile(std::string_view text, const fs::path& file, Script& script,
                                        std::string_view expectedRoot) {
        script.files.push_back(file.string());
        tinyxml2::XMLDocument doc(true, tinyxml2::PRESERVE_WHITESPACE);
        doc.Parse(text.data(), text.size());
        if (doc.Error()) {
            SourceLocation where{file.string(), doc.ErrorLineNum(), 1};
            diagnostics_.error(where, "xml-syntax", "XML syntax error: " + describeXmlError(doc),
                               "check that every tag is closed and attribute values are quoted");
            return std::nullopt;
        }
        const tinyxml2::XMLElement* rootElement = doc.RootElement();
        if (!rootElement) {
            diagnostics_.error({file.string(), 1, 1}, "empty-file", "the file has no root element",
                               "an exhibit starts with <exhibit>");
            return std::nullopt;
        }
        LineIndex lines(text);
        stack_.push_back({weakCanonical(file), &lines});
        ScriptNode root = convert(*rootElement, lines, file.string());
        if (root.name != expectedRoot) {
            diagnostics_.error(root.where, "wrong-root",
                               "the root element is <" + root.name + ">, expected <" + std::string(expectedRoot) +
                                   ">",
                               expectedRoot == "exhibit" ? "an exhibit file starts with <exhibit>"
                                                         : "an included file starts with <fragment>");
        }
        spliceIncludes(root, script);
        stack_.pop_back();
        return root;
    }

    static std::string describeXmlError(const tinyxml2::XMLDocument& doc) {
        std::string detail = doc.ErrorStr() ? doc.ErrorStr() : "";
        // TinyXML-2 prefixes its own "Error=... ErrorID=... (0xN) Line number=N: "; keep the useful tail.
        size_t colon = detail.find(": ");
        if (colon != std::string::npos) detail = detail.substr(colon + 2);
        std::string name = doc.ErrorName() ? doc.ErrorName() : "XML_ERROR";
        return detail.empty() ? name : name + " (" + detail + ")";
    }

    static fs::path weakCanonical(const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? p.lexically_normal() : c;
    }

    ScriptNode convert(const tinyxml2::XMLElement& element, const LineIndex& lines, const std::string& file) {
        ScriptNode node;
        fill(node, element, lines, file);
        return node;
    }

    // Builds `node` in place: nodes are large, and moving each one into its parent's vector
    // costs as much as reading it.
    void fill(ScriptNode& node, const tinyxml2::XMLElement& element, const LineIndex& lines, const std::string& file) {
        node.name = element.Name();
        node.tag = tagOf(node.name);
        int line = element.GetLineNum();
        int column = lines.columnOf(line, '<', node.name);
        node.where = {file, line, column};
        size_t attributeCount = 0;
        for (const auto* a = element.FirstAttribute(); a; a = a->Next()) ++attributeCount;
        node.attributes.reserve(attributeCount);
        for (const auto* a = element.FirstAttribute(); a; a = a->Next()) {
            int aline = a->GetLineNum();
            int acol = lines.attributeColumn(aline, a->Name(), aline == line ? column : 1);
            // Braces, not emplace_back's parentheses: clang 14 (the fuzzer's compiler) has no
            // parenthesised aggregate initialisation.
            node.attributes.push_back(ScriptAttribute{a->Name(), a->Value(), SourceLocation{file, aline, acol}});
            node.nameFilter |= ScriptNode::nameBit(node.attributes.back().name);
        }
        node.filteredCount = node.attributes.size();
        bool keepBlankText = holdsText(node.tag);
        size_t childCount = 0;
        for (const auto* child = element.FirstChild(); child; child = child->NextSibling()) ++childCount;
        node.children.reserve(childCount);
        for (const auto* child = element.FirstChild(); child; child = child->NextSibling()) {
            if (const auto* e = child->ToElement()) {
                fill(node.children.emplace_back(), *e, lines, file);
            } else if (const auto* t = child->ToText()) {
                const char* value = t->Value();
                if (!keepBlankText && isBlank(value)) continue;
                ScriptNode& text = node.children.emplace_back();
                text.name = ScriptNode::kTextNodeName;
                text.tag = Tag::TextRun;
                text.text = value;
                text.where = {file, t->GetLineNum(), 1};
            }
        }
    }

    // Whether white space between this element's children can be part of what it shows.
    // Between scenes, images and other structure it is only indentation, and dropping it
    // halves the tree. Unknown elements keep it, so nothing the validator reports is lost.
    static bool holdsText(Tag tag) {
        switch (tag) {
            case Tag::Exhibit: case Tag::Fragment: case Tag::Seq: case Tag::Par: case Tag::Scene:
            case Tag::Image: case Tag::Video: case Tag::Audio: case Tag::Map: case Tag::Animate:
            case Tag::Style: case Tag::Region: case Tag::Include:
                return false;
            default:
                return true;
        }
    }

    static bool isBlank(const char* s) {
        for (; *s; ++s)
            if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') return false;
        return true;
    }

    // Replaces each <include src="..."/> by the children of the included <fragment>.
    void spliceIncludes(ScriptNode& node, Script& script) {
        bool hasInclude = false;
        for (auto& child : node.children) {
            if (child.tag == Tag::Include) hasInclude = true;
            else spliceIncludes(child, script);
        }
        if (!hasInclude) return;  // the common case: nothing to rebuild
        std::vector<ScriptNode> result;
        result.reserve(node.children.size());
        for (auto& child : node.children) {
            if (child.tag != Tag::Include) {
                result.push_back(std::move(child));
                continue;
            }
            for (auto& included : loadInclude(child, script)) result.push_back(std::move(included));
        }
        node.children = std::move(result);
    }

    std::vector<ScriptNode> loadInclude(const ScriptNode& include, Script& script) {
        const ScriptAttribute* src = include.attribute("src");
        if (!src || src->value.empty()) {
            diagnostics_.error(include.where, "missing-attribute", "<include> needs a src attribute",
                               "write <include src=\"part.xml\"/>");
            return {};
        }
        fs::path base = fs::path(include.where.file).parent_path();
        fs::path target = base / src->value;
        fs::path canonical = weakCanonical(target);
        for (const auto& open : stack_) {
            if (open.path == canonical) {
                diagnostics_.error(src->where, "include-cycle",
                                   "include cycle: " + src->value + " includes itself (directly or through others)",
                                   "remove one of the <include> elements that form the loop");
                return {};
            }
        }
        if (static_cast<int>(stack_.size()) >= kMaxIncludeDepth) {
            diagnostics_.error(src->where, "include-too-deep",
                               "includes nested more than " + std::to_string(kMaxIncludeDepth) + " deep");
            return {};
        }
        std::optional<std::string> text = reader_(target);
        if (!text) {
            diagnostics_.error(src->where, "missing-file", "cannot read included file '" + target.string() + "'",
                               "check the path; it is relative to the including file");
            return {};
        }
        auto root = parseFile(*text, target, script, "fragment");
        if (!root) return {};
        return std::move(root->children);
    }

    Diagnostics& diagnostics_;
    const FileReader& reader_;
    std::vector<OpenFile> stack_;
};

}  // namespace

FileReader diskFileReader() {
    return [](const fs::path& path) -> std::optional<std::string> {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) return std::nullopt;
        std::ifstream in(path, std::ios::binary);
        if (!in) return std::nullopt;
        std::ostringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
}

std::optional<Script> loadScript(const fs::path& file, Diagnostics& diagnostics, const FileReader& reader) {
    std::optional<std::string> text = reader(file);
    if (!text) {
        diagnostics.error({file.string(), 0, 0}, "missing-file", "cannot read '" + file.string() + "'",
                          "check the path and that the file exists");
        return std::nullopt;
    }
    return loadScriptFromText(*text, file, diagnostics, reader);
}

std::optional<Script> loadScriptFromText(std::string_view text, const fs::path& fileName, Diagnostics& diagnostics,
                                         const FileReader& reader) {
    Loader loader(diagnostics, reader);
    return loader.loadMain(text, fileName);
}

}  // namespace vitrine
