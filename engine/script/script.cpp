#include "script/script.h"

#include <cctype>

namespace vitrine {

const ScriptAttribute* ScriptNode::attribute(std::string_view attributeName) const {
    for (const auto& a : attributes)
        if (a.name == attributeName) return &a;
    return nullptr;
}

std::string ScriptNode::value(std::string_view attributeName, std::string_view fallback) const {
    const ScriptAttribute* a = attribute(attributeName);
    return a ? a->value : std::string(fallback);
}

namespace {
void collectText(const ScriptNode& node, std::string& out) {
    if (node.isText()) {
        for (char c : node.text) {
            bool space = std::isspace(static_cast<unsigned char>(c));
            if (space) {
                if (!out.empty() && out.back() != ' ') out.push_back(' ');
            } else {
                out.push_back(c);
            }
        }
        return;
    }
    if (node.name == "br" && !out.empty() && out.back() != ' ') out.push_back(' ');
    for (const auto& child : node.children) collectText(child, out);
    if ((node.name == "p" || node.name == "entry") && !out.empty() && out.back() != ' ') out.push_back(' ');
}
}  // namespace

std::string ScriptNode::plainText() const {
    std::string out;
    collectText(*this, out);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace vitrine
