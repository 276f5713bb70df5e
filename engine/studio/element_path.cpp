#include "studio/element_path.h"

namespace vitrine::studio {
namespace {

bool descend(const ScriptNode& node, const ScriptNode& target, std::vector<ElementPath::Step>& steps) {
    if (&node == &target) return true;
    for (const auto& child : node.children) {
        if (child.isText()) continue;
        int index = 0;
        for (const auto& sibling : node.children) {
            if (&sibling == &child) break;
            if (!sibling.isText() && sibling.name == child.name) ++index;
        }
        steps.push_back({std::string(child.name), index});
        if (descend(child, target, steps)) return true;
        steps.pop_back();
    }
    return false;
}

}  // namespace

std::string ElementPath::describe(std::string_view rootName) const {
    std::string s(rootName);
    for (const auto& step : steps) s += "/" + step.name + "[" + std::to_string(step.index + 1) + "]";
    return s;
}

std::optional<ElementPath> pathOf(const ScriptNode& root, const ScriptNode& target) {
    ElementPath path;
    if (!descend(root, target, path.steps)) return std::nullopt;
    return path;
}

const ScriptNode* findElement(const ScriptNode& root, const ElementPath& path) {
    const ScriptNode* node = &root;
    for (const auto& step : path.steps) {
        const ScriptNode* next = nullptr;
        int index = 0;
        for (const auto& child : node->children) {
            if (child.isText() || child.name != step.name) continue;
            if (index++ == step.index) {
                next = &child;
                break;
            }
        }
        if (!next) return nullptr;
        node = next;
    }
    return node;
}

}  // namespace vitrine::studio
