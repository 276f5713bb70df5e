#include "script/script.h"

#include <cctype>

namespace vitrine {

Tag tagOf(std::string_view name) {
    struct Named {
        std::string_view name;
        Tag tag;
    };
    static constexpr Named kTags[] = {
        {"exhibit", Tag::Exhibit}, {"fragment", Tag::Fragment}, {"seq", Tag::Seq},         {"par", Tag::Par},
        {"scene", Tag::Scene},     {"advisory", Tag::Advisory}, {"credits", Tag::Credits}, {"entry", Tag::Entry},
        {"text", Tag::Text},       {"image", Tag::Image},       {"video", Tag::Video},     {"audio", Tag::Audio},
        {"map", Tag::Map},         {"animate", Tag::Animate},   {"style", Tag::Style},     {"region", Tag::Region},
        {"include", Tag::Include}, {"p", Tag::P},               {"br", Tag::Br},           {"i", Tag::I},
        {"em", Tag::Em},           {"b", Tag::B},               {"strong", Tag::Strong},   {"span", Tag::Span},
        {"visitor-code", Tag::VisitorCode}, {ScriptNode::kTextNodeName, Tag::TextRun},
    };
    if (name.empty()) return Tag::Other;
    // Every element of a script passes here: compare only names that could match.
    for (const auto& n : kTags)
        if (n.name.size() == name.size() && n.name.front() == name.front() && n.name == name) return n.tag;
    return Tag::Other;
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
    if (node.tag == Tag::Br && !out.empty() && out.back() != ' ') out.push_back(' ');
    for (const auto& child : node.children) collectText(child, out);
    if ((node.tag == Tag::P || node.tag == Tag::Entry) && !out.empty() && out.back() != ' ') out.push_back(' ');
}
}  // namespace

std::string ScriptNode::plainText() const {
    std::string out;
    collectText(*this, out);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace vitrine
