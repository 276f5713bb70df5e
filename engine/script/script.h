#pragma once
// The exhibit as written: an XML tree where every node remembers its file, line and column.
// Includes are already spliced in. Nothing here knows about time.
//
// Ten thousand elements are read in the time of a few bare XML parses because nothing is
// copied one by one: names, values and text view the parsed documents, and each element's
// children and attributes lie side by side in blocks, all owned by the Script's storage.
// A node is therefore only valid while a Script (or a copy of its `storage` pointer) that
// holds it is alive: keep the Script, or a shared_ptr aliasing its storage, not a copy
// of the node.

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace vitrine {

/// Where an attribute was written. Reads like a SourceLocation (line, column, and it
/// converts to one for a diagnostic), but the file name is the Script storage's own: a
/// script has fifty thousand attributes and a handful of files, and copying the path into
/// each attribute cost a string (often a heap block) apiece.
struct ScriptLocation {
    const std::string* filePath = nullptr;  // owned by the Script's storage; null = unknown
    int line = 0;
    int column = 0;

    /// The file's name as the loader was given it (empty when unknown).
    std::string_view file() const { return filePath ? std::string_view(*filePath) : std::string_view(); }
    /// The same place as a SourceLocation, for a diagnostic.
    operator SourceLocation() const { return SourceLocation{std::string(file()), line, column}; }
};

/// One attribute as written, with where it was written. Name, value and the file name of
/// `where` view text owned by the Script's storage.
struct ScriptAttribute {
    std::string_view name;
    std::string_view value;  // entities decoded
    ScriptLocation where;
};

/// The elements the timeline acts on, named once at load so that compiling ten thousand
/// elements compares small integers rather than strings. Everything else is `Other`.
enum class Tag : std::uint8_t {
    Other, TextRun, Exhibit, Fragment, Seq, Par, Scene, Advisory, Credits, Entry,
    Text, Image, Video, Audio, Map, VisitorCode, Animate, Style, Region, Include,
    P, Br, I, Em, B, Strong, Span,
};

/// The tag for an element name (`Other` for names the timeline does not act on).
Tag tagOf(std::string_view elementName);

/// An element or a run of text. Text runs have the name "#text" and carry `text`. Every
/// view and span points into the Script's storage.
struct ScriptNode {
    std::string_view name;
    std::span<const ScriptAttribute> attributes;
    std::span<const ScriptNode> children;
    std::string_view text;  // only for "#text" nodes; whitespace kept as written
    SourceLocation where;
    // A one-word summary of the attribute names (see nameBit), kept by the loader: compiling
    // asks every element for twenty attributes it mostly lacks, and this answers "absent"
    // without comparing names.
    std::uint64_t nameFilter = 0;
    // Numbers the nodes of one Script from 0 to Script::nodeCount - 1, so that passes over
    // the tree can keep what they learn about each node in a vector instead of a hash map.
    std::uint32_t index = 0;
    Tag tag = Tag::Other;  // derived from name by the loader; beside index, where it packs

    /// The bit of nameFilter that stands for `attributeName`.
    static std::uint64_t nameBit(std::string_view attributeName) {
        if (attributeName.empty()) return 1;
        unsigned mix = static_cast<unsigned>(attributeName.size()) * 7u +
                       static_cast<unsigned char>(attributeName.front()) * 3u +
                       static_cast<unsigned char>(attributeName.back());
        return std::uint64_t{1} << (mix & 63u);
    }

    /// True for a run of text between elements.
    bool isText() const { return tag == Tag::TextRun; }
    /// The attribute called `attributeName`, or nullptr.
    const ScriptAttribute* attribute(std::string_view attributeName) const {
        if (!(nameFilter & nameBit(attributeName))) return nullptr;
        // The filter has said "maybe": most names that share its bit differ in length or
        // first letter, which are checked before the bytes are compared.
        for (const auto& a : attributes)
            if (a.name.size() == attributeName.size() &&
                (a.name.empty() || a.name.front() == attributeName.front()) && a.name == attributeName)
                return &a;
        return nullptr;
    }
    /// The attribute's value as a new string, or `fallback` when absent.
    std::string value(std::string_view attributeName, std::string_view fallback = {}) const {
        return std::string(view(attributeName, fallback));
    }
    /// The attribute's value without copying it, or `fallback` when absent. The view lives
    /// as long as the Script's storage (or the fallback).
    std::string_view view(std::string_view attributeName, std::string_view fallback = {}) const {
        const ScriptAttribute* a = attribute(attributeName);
        return a ? a->value : fallback;
    }
    /// All text inside this node, descendants included, with whitespace collapsed.
    std::string plainText() const;

    static constexpr std::string_view kTextNodeName = "#text";
};

/// What a Script's nodes point into: the parsed documents and the blocks of nodes and
/// attributes. Defined by the loader; shared by copies of the Script and by anything that
/// keeps a node beyond it (a compiled map item).
struct ScriptStorage;

/// A loaded exhibit: the root `<exhibit>` and every file that went into it.
struct Script {
    ScriptNode root;
    std::vector<std::string> files;  // the main file first, then includes in the order read
    std::uint32_t nodeCount = 0;     // every node's index is below this
    std::shared_ptr<const ScriptStorage> storage;  // owns what root and its descendants view

    /// A pointer to `node` (a node of this script other than root) that keeps the script's
    /// storage alive, for what must outlive the Script.
    std::shared_ptr<const ScriptNode> share(const ScriptNode& node) const { return {storage, &node}; }
};

}  // namespace vitrine
