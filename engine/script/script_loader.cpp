#include "script/script_loader.h"

#include "files/bounded_read.h"
#include "script/suggest.h"
#include "script/xml_syntax.h"

#include <tinyxml2.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <span>

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
    // Column of an attribute: its name after a space and before '=' (spaces allowed); 0 when
    // not found.
    int attributeColumn(int line, std::string_view name, int from) const {
        if (line < 1 || line > static_cast<int>(lines_.size())) return 0;
        std::string_view l = lines_[line - 1];
        for (size_t pos = l.find(name, static_cast<size_t>(std::max(from - 1, 0))); pos != std::string_view::npos;
             pos = l.find(name, pos + 1)) {
            bool startsWord = pos == 0 || l[pos - 1] == ' ' || l[pos - 1] == '\t';
            size_t after = pos + name.size();
            while (after < l.size() && (l[after] == ' ' || l[after] == '\t')) ++after;
            if (startsWord && after < l.size() && l[after] == '=') return static_cast<int>(pos) + 1;
        }
        return 0;
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

// Hands out runs of default-made Ts that stay where they are until the storage goes:
// each element's attributes and children come from here, side by side, instead of from
// a heap allocation each. Blocks grow so that a small script does not pay for a large one.
template <class T>
class BlockArena {
public:
    explicit BlockArena(std::vector<std::unique_ptr<T[]>>& blocks) : blocks_(blocks) {}

    // `count` adjacent Ts (nullptr when count is 0).
    T* take(size_t count) {
        if (count == 0) return nullptr;
        if (count > left_) {
            nextBlockSize_ = std::min(nextBlockSize_ * 2, kLargestBlock);
            size_t size = std::max(count, nextBlockSize_);
            blocks_.push_back(std::make_unique<T[]>(size));
            next_ = blocks_.back().get();
            left_ = size;
        }
        T* run = next_;
        next_ += count;
        left_ -= count;
        return run;
    }

private:
    static constexpr size_t kFirstBlockSize = 32;
    static constexpr size_t kLargestBlock = 4096;
    std::vector<std::unique_ptr<T[]>>& blocks_;
    T* next_ = nullptr;
    size_t left_ = 0;
    size_t nextBlockSize_ = kFirstBlockSize / 2;
};

}  // namespace

// Everything a Script's nodes view. The documents are kept rather than copied out of:
// TinyXML-2 has already decoded every name, value and text in place.
struct ScriptStorage {
    std::vector<std::unique_ptr<tinyxml2::XMLDocument>> documents;
    // Each file's name once, where every attribute's ScriptLocation points; a block each
    // so that a name stays where it is as more files are read.
    std::vector<std::unique_ptr<const std::string>> fileNames;
    std::vector<std::unique_ptr<ScriptNode[]>> nodeBlocks;
    std::vector<std::unique_ptr<ScriptAttribute[]>> attributeBlocks;
};

namespace {

class Loader {
public:
    Loader(Diagnostics& d, const FileReader& reader)
        : diagnostics_(d), reader_(reader), storage_(std::make_shared<ScriptStorage>()),
          nodes_(storage_->nodeBlocks), attributes_(storage_->attributeBlocks) {}

    std::optional<Script> loadMain(std::string_view text, const fs::path& file) {
        Script script;
        auto root = parseFile(text, file, script, "exhibit");
        if (!root) return std::nullopt;
        script.root = *root;
        script.nodeCount = nextIndex_;
        script.storage = storage_;
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
        auto doc = std::make_unique<tinyxml2::XMLDocument>(true, tinyxml2::PRESERVE_WHITESPACE);
        if (refuseTooLarge(text, file.string(), kMaxScriptBytes, "exhibit file", diagnostics_)) return std::nullopt;
        // Our own check first: TinyXML-2 accepts some malformed XML, and its messages are jargon.
        if (!checkXmlSyntax(text, file.string(), diagnostics_)) return std::nullopt;
        doc->Parse(text.data(), text.size());
        if (doc->ErrorID() == tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED) {
            // TinyXML-2's own bound (its parser recurses), above ours: the same error as ours.
            reportTooDeep({file.string(), doc->ErrorLineNum(), 1}, TINYXML2_MAX_ELEMENT_DEPTH);
            return std::nullopt;
        }
        if (doc->Error()) {
            SourceLocation where{file.string(), doc->ErrorLineNum(), 1};
            diagnostics_.error(where, "xml-syntax", "XML syntax error: " + describeXmlError(*doc),
                               "check that every tag is closed and attribute values are quoted");
            return std::nullopt;
        }
        const tinyxml2::XMLElement* rootElement = doc->RootElement();
        if (!rootElement) {
            diagnostics_.error({file.string(), 1, 1}, "empty-file", "the file has no root element",
                               "an exhibit starts with <exhibit>");
            return std::nullopt;
        }
        const tinyxml2::XMLDocument& kept = *storage_->documents.emplace_back(std::move(doc));
        (void)kept;  // the nodes view its text from now on
        LineIndex lines(text);
        const std::string& fileName = *storage_->fileNames.emplace_back(std::make_unique<const std::string>(file.string()));
        std::string_view rootName = rootElement->Name();
        if (rootName != expectedRoot) {
            int line = rootElement->GetLineNum();
            diagnostics_.error({fileName, line, lines.columnOf(line, '<', rootName)}, "wrong-root",
                               "the root element is <" + std::string(rootName) + ">, expected <" +
                                   std::string(expectedRoot) + ">",
                               expectedRoot == "exhibit" ? "an exhibit file starts with <exhibit>"
                                                         : "an included file starts with <fragment>");
        }
        stack_.push_back({weakCanonical(file), &lines});
        ScriptNode root;
        fill(root, *rootElement, lines, fileName, script);
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

    // Builds `node` in place from `element`, its attributes and children in the arenas.
    // Each <include> among the children is read on the spot and replaced by the children of
    // the included <fragment>.
    void fill(ScriptNode& node, const tinyxml2::XMLElement& element, const LineIndex& lines,
              const std::string& file, Script& script) {
        node.name = element.Name();
        node.tag = tagOf(node.name);
        node.index = nextIndex_++;
        int line = element.GetLineNum();
        int column = lines.columnOf(line, '<', node.name);
        node.where = {file, line, column};
        fillAttributes(node, element, lines, file);
        if (depth_ >= kMaxElementDepth) {
            reportTooDeep(node.where, kMaxElementDepth);
            return;  // no children: what lies deeper is left out
        }
        ++depth_;
        fillChildren(node, element, lines, file, script);
        --depth_;
    }

    void reportTooDeep(const SourceLocation& where, int limit) {
        if (reportedTooDeep_) return;  // one error, not one per element below the limit
        reportedTooDeep_ = true;
        diagnostics_.error(where, "element-too-deep",
                           "elements are nested more than " + std::to_string(limit) +
                               " deep here (includes count); what lies deeper is left out",
                           "an exhibit needs a handful of levels (exhibit, seq, scene, par, text): the file is "
                           "damaged or was generated wrongly");
    }

    void fillChildren(ScriptNode& node, const tinyxml2::XMLElement& element, const LineIndex& lines,
                      const std::string& file, Script& script) {
        bool keepBlankText = holdsText(node.tag);
        // Counted first so that the children can be built where they will stay.
        size_t childCount = 0;
        std::vector<std::span<const ScriptNode>> included;  // allocates only when there are includes
        for (const auto* child = element.FirstChild(); child; child = child->NextSibling()) {
            if (const auto* e = child->ToElement()) {
                if (isInclude(*e)) {
                    included.push_back(loadInclude(*e, lines, file, script));
                    childCount += included.back().size();
                } else {
                    ++childCount;
                }
            } else if (const auto* t = child->ToText()) {
                if (keepBlankText || !isBlank(t->Value())) ++childCount;
            }
        }
        ScriptNode* children = nodes_.take(childCount);
        size_t made = 0, nextInclude = 0;
        for (const auto* child = element.FirstChild(); child; child = child->NextSibling()) {
            if (const auto* e = child->ToElement()) {
                if (isInclude(*e)) {
                    for (const ScriptNode& n : included[nextInclude]) children[made++] = n;
                    ++nextInclude;
                } else {
                    fill(children[made++], *e, lines, file, script);
                }
            } else if (const auto* t = child->ToText()) {
                const char* value = t->Value();
                if (!keepBlankText && isBlank(value)) continue;
                ScriptNode& text = children[made++];
                text.name = ScriptNode::kTextNodeName;
                text.tag = Tag::TextRun;
                text.text = value;
                text.index = nextIndex_++;
                text.where = {file, t->GetLineNum(), 1};
            }
        }
        node.children = {children, made};
    }

    void fillAttributes(ScriptNode& node, const tinyxml2::XMLElement& element, const LineIndex& lines,
                        const std::string& file) {
        size_t count = 0;
        for (const auto* a = element.FirstAttribute(); a; a = a->Next()) ++count;
        ScriptAttribute* attributes = attributes_.take(count);
        // Attributes are written in order, so each is looked for after the one before.
        int searchLine = node.where.line, searchFrom = node.where.column;
        size_t made = 0;
        for (const auto* a = element.FirstAttribute(); a; a = a->Next()) {
            ScriptAttribute& attribute = attributes[made++];
            attribute.name = a->Name();
            attribute.value = a->Value();
            int aline = a->GetLineNum();
            if (aline != searchLine) searchLine = aline, searchFrom = 1;
            int acol = lines.attributeColumn(aline, attribute.name, searchFrom);
            if (acol > 0) searchFrom = acol + static_cast<int>(attribute.name.size());
            attribute.where = {&file, aline, acol > 0 ? acol : 1};
            node.nameFilter |= ScriptNode::nameBit(attribute.name);
        }
        node.attributes = {attributes, made};
    }

    // Whether white space between this element's children can be part of what it shows.
    // Between scenes, images and other structure it is only indentation, and dropping it
    // halves the tree. Unknown elements keep it, so nothing the validator reports is lost.
    static bool holdsText(Tag tag) {
        switch (tag) {
            case Tag::Exhibit: case Tag::Fragment: case Tag::Seq: case Tag::Par: case Tag::Scene:
            case Tag::Image: case Tag::Video: case Tag::Audio: case Tag::Map: case Tag::VisitorCode:
            case Tag::Animate:
            case Tag::Style: case Tag::Region: case Tag::Include:
                return false;
            default:
                return true;
        }
    }

    // Asked of every element twice: strcmp stops at the first letter that differs, where a
    // string_view would measure the name first.
    static bool isInclude(const tinyxml2::XMLElement& e) { return std::strcmp(e.Name(), "include") == 0; }

    static bool isBlank(const char* s) {
        for (; *s; ++s)
            if (*s != ' ' && *s != '\n' && *s != '\t' && *s != '\r') return false;
        return true;
    }

    // The children of the <fragment> that `element` (an <include>) names; none when it
    // cannot be read.
    std::span<const ScriptNode> loadInclude(const tinyxml2::XMLElement& element, const LineIndex& lines,
                                            const std::string& file, Script& script) {
        ScriptNode include;
        fill(include, element, lines, file, script);
        // The validator never sees an <include> (it is spliced away), so its attributes are checked here.
        for (const ScriptAttribute& a : include.attributes)
            if (a.name != "src")
                diagnostics_.error(a.where, "unknown-attribute", "<include> has no attribute '" + std::string(a.name) + "'",
                                   didYouMean(a.name, {"src"}, "its only attribute is src"));
        const ScriptAttribute* src = include.attribute("src");
        if (!src || src->value.empty()) {
            diagnostics_.error(include.where, "missing-attribute", "<include> needs a src attribute",
                               "write <include src=\"part.xml\"/>");
            return {};
        }
        std::string srcValue(src->value);
        fs::path base = fs::path(include.where.file).parent_path();
        fs::path target = base / srcValue;
        fs::path canonical = weakCanonical(target);
        for (const auto& open : stack_) {
            if (open.path == canonical) {
                diagnostics_.error(src->where, "include-cycle",
                                   "include cycle: " + srcValue + " includes itself (directly or through others)",
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
        // The fragment's root is replaced by its children: they sit at the <include>'s depth.
        --depth_;
        auto root = parseFile(*text, target, script, "fragment");
        ++depth_;
        if (!root) return {};
        return root->children;
    }

    Diagnostics& diagnostics_;
    const FileReader& reader_;
    std::shared_ptr<ScriptStorage> storage_;
    BlockArena<ScriptNode> nodes_;
    BlockArena<ScriptAttribute> attributes_;
    std::uint32_t nextIndex_ = 0;
    std::vector<OpenFile> stack_;
    int depth_ = 0;  // of the element being filled, counted through includes
    bool reportedTooDeep_ = false;
};

}  // namespace

FileReader diskFileReader() {
    // Up to the script's limit: caption files, read through the same reader, have a lower one.
    return [](const fs::path& path) { return readFileUpTo(path, kMaxScriptBytes); };
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
