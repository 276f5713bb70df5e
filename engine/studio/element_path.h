#pragma once
// Where an element stands in the exhibit's tree, written so that it still names the same
// element in a text read again: the element names from the root, each with its place among
// the siblings of that name. An edit kept as a path (not as a line and column) can be made
// again on a file another program changed, as long as the element is still there.

#include <optional>
#include <string>
#include <vector>

#include "script/script.h"

namespace vitrine::studio {

struct ElementPath {
    struct Step {
        std::string name;  // the element's name
        int index = 0;     // 0 for the first sibling of that name
        friend bool operator==(const Step&, const Step&) = default;
    };
    std::vector<Step> steps;  // from the root's children down; empty = the root itself

    /// "exhibit/scene[2]/text[1]" (1-based, as XPath writes it), for messages.
    std::string describe(std::string_view rootName = "exhibit") const;
    friend bool operator==(const ElementPath&, const ElementPath&) = default;
};

/// The path of `target` (an element inside `root`, or `root` itself), or nullopt when it is
/// not there.
std::optional<ElementPath> pathOf(const ScriptNode& root, const ScriptNode& target);

/// The element at `path` under `root`, or nullptr when the tree no longer has it.
const ScriptNode* findElement(const ScriptNode& root, const ElementPath& path);

}  // namespace vitrine::studio
