#pragma once
// The exhibit as written: an XML tree where every node remembers its file, line and column.
// Includes are already spliced in. Nothing here knows about time.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace vitrine {

/// One attribute as written, with where it was written.
struct ScriptAttribute {
    std::string name;
    std::string value;
    SourceLocation where;
};

/// The elements the timeline acts on, named once at load so that compiling ten thousand
/// elements compares small integers rather than strings. Everything else is `Other`.
enum class Tag : std::uint8_t {
    Other, TextRun, Exhibit, Fragment, Seq, Par, Scene, Advisory, Credits, Entry,
    Text, Image, Video, Audio, Map, Animate, Style, Region, Include,
    P, Br, I, Em, B, Strong, Span,
};

/// The tag for an element name (`Other` for names the timeline does not act on).
Tag tagOf(std::string_view elementName);

/// An element or a run of text. Text runs have the name "#text" and carry `text`.
struct ScriptNode {
    std::string name;
    Tag tag = Tag::Other;  // derived from name by the loader
    std::vector<ScriptAttribute> attributes;
    std::vector<ScriptNode> children;
    std::string text;  // only for "#text" nodes; whitespace kept as written
    SourceLocation where;
    // A one-word summary of the attribute names (see nameBit), kept by the loader: compiling
    // asks every element for twenty attributes it mostly lacks, and this answers "absent"
    // without comparing names. Trusted only while `attributes` still has `filteredCount` entries.
    std::uint64_t nameFilter = 0;
    std::size_t filteredCount = 0;

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
    const ScriptAttribute* attribute(std::string_view attributeName) const;
    /// The attribute's value, or `fallback` when absent.
    std::string value(std::string_view attributeName, std::string_view fallback = {}) const;
    /// The attribute's value without copying it, or `fallback` when absent. The view lives
    /// as long as the node (or the fallback).
    std::string_view view(std::string_view attributeName, std::string_view fallback = {}) const {
        const ScriptAttribute* a = attribute(attributeName);
        return a ? std::string_view(a->value) : fallback;
    }
    /// All text inside this node, descendants included, with whitespace collapsed.
    std::string plainText() const;

    static constexpr const char* kTextNodeName = "#text";
};

/// A loaded exhibit: the root `<exhibit>` and every file that went into it.
struct Script {
    ScriptNode root;
    std::vector<std::string> files;  // the main file first, then includes in the order read
};

}  // namespace vitrine
