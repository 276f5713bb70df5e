#include "script/validate.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <cctype>
#include <map>
#include <set>

#include "script/suggest.h"
#include "script/values.h"
#include "base/easing.h"
#include "base/time_value.h"

namespace vitrine {
namespace {

bool isBlank(std::string_view s) {
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
}

// `s` between `open` and `close`, built by appending (GCC 12 warns, wrongly, about "x" + string).
std::string enclosed(char open, std::string_view s, char close) {
    std::string out;
    out.reserve(s.size() + 2);
    out += open;
    out += s;
    out += close;
    return out;
}

std::string quoted(std::string_view s) { return enclosed('\'', s, '\''); }

// "<name>", as messages write an element.
std::string angled(std::string_view name) { return enclosed('<', name, '>'); }

std::string joinChoices(const std::vector<std::string>& choices) {
    std::string out;
    for (size_t i = 0; i < choices.size(); ++i) out += (i ? ", " : "") + choices[i];
    return out;
}

class Validator {
public:
    Validator(const Vocabulary& v, Diagnostics& d) : vocabulary_(v), diagnostics_(d) {}

    void run(const Script& script) {
        collectDeclarations(script.root);
        const ElementSpec* rootSpec = vocabulary_.element(script.root.name);
        if (rootSpec) visit(script.root, *rootSpec);
    }

private:
    void collectDeclarations(const ScriptNode& node) {
        bool declaration = node.tag == Tag::Style || node.tag == Tag::Region;
        if (declaration) {
            auto& names = node.tag == Tag::Style ? styles_ : regions_;
            names.insert(node.view("id"));
        }
        if (const ScriptAttribute* id = node.attribute("id"); id && !declaration) {
            auto [it, inserted] = ids_.emplace(id->value, id);
            if (!inserted)
                diagnostics_.error(id->where, "duplicate-id", "the id " + quoted(id->value) + " is already used",
                                   "first used at line " + std::to_string(it->second->where.line) +
                                       "; ids must be unique");
        }
        for (const auto& c : node.children) collectDeclarations(c);
    }

    void visit(const ScriptNode& node, const ElementSpec& spec) {
        auto& specsByPosition = attributeSpecsByPosition_[&spec];
        for (size_t i = 0; i < node.attributes.size(); ++i) {
            const ScriptAttribute& a = node.attributes[i];
            // Elements of one kind are mostly written with their attributes in the same order.
            if (i < specsByPosition.size() && specsByPosition[i].first == a.name) {
                checkValue(node, *specsByPosition[i].second, a);
                continue;
            }
            const AttributeSpec* found = checkAttribute(node, spec, a);
            if (!found) continue;
            if (specsByPosition.size() <= i) specsByPosition.resize(i + 1);
            specsByPosition[i] = {a.name, found};
        }
        if (node.tag == Tag::Style || node.tag == Tag::Region) {
            if (!node.attribute("id"))
                diagnostics_.error(node.where, "missing-attribute", angled(node.name) + " needs an id",
                                   "other elements refer to it by this name");
        }
        for (const auto& child : node.children) {
            if (child.isText()) {
                if (!spec.text && !isBlank(child.text))
                    diagnostics_.error(child.where, "stray-text",
                                       "text is not allowed directly inside " + angled(node.name),
                                       "put it in a <text> element");
                continue;
            }
            const ElementSpec* childSpec = specOf(child);
            if (!childSpec) {
                diagnostics_.error(child.where, "unknown-element", "unknown element " + angled(child.name),
                                   didYouMean(child.name, spec.children,
                                              didYouMean(child.name, vocabulary_.elementNames(),
                                                         "allowed here: " + joinChoices(spec.children))));
                continue;  // its children would only add noise
            }
            if (!allows(spec, child)) {
                diagnostics_.error(child.where, "misplaced-element",
                                   angled(child.name) + " is not allowed inside " + angled(node.name),
                                   "allowed here: " + joinChoices(spec.children));
            }
            visit(child, *childSpec);
        }
    }

    // The element's spec, looked up once per kind of element the loader has named.
    const ElementSpec* specOf(const ScriptNode& element) {
        if (element.tag == Tag::Other) return vocabulary_.element(element.name);
        auto& known = specsByTag_[static_cast<size_t>(element.tag)];
        if (!known) known = vocabulary_.element(element.name);
        return *known;
    }

    bool allows(const ElementSpec& parent, const ScriptNode& child) {
        if (child.tag == Tag::Other) return parent.allowsChild(child.name);
        auto [it, inserted] = allowedByTag_.try_emplace({&parent, child.tag}, false);
        if (inserted) it->second = parent.allowsChild(child.name);
        return it->second;
    }

    // The attribute's spec after checking its value; nullptr for an attribute the element
    // does not take (reported) or one that only XML editors read.
    const AttributeSpec* checkAttribute(const ScriptNode& node, const ElementSpec& spec, const ScriptAttribute& a) {
        // Namespace declarations and xsi:schemaLocation are how XML editors attach the schema.
        if (a.name.rfind("xmlns", 0) == 0 || a.name.rfind("xsi:", 0) == 0) return nullptr;
        const AttributeSpec* as = spec.attribute(a.name);
        if (!as) {
            std::vector<std::string> names;
            for (const auto& s : spec.attributes) names.push_back(s.name);
            diagnostics_.error(a.where, "unknown-attribute",
                               angled(node.name) + " has no attribute " + quoted(a.name),
                               didYouMean(a.name, names, names.empty() ? "it takes no attributes"
                                                                       : "its attributes: " + joinChoices(names)));
            return nullptr;
        }
        checkValue(node, *as, a);
        return as;
    }

    void bad(const ScriptAttribute& a, const std::string& what, const std::string& hint, const char* code = "bad-value") {
        diagnostics_.error(a.where, code, quoted(a.value) + " is not " + what + " (attribute " + quoted(a.name) + ")",
                           hint);
    }

    // Values of these types depend on nothing but their text, and exhibits repeat the same
    // few ("10s", "50%", one pan-zoom for a whole wall): each good one is parsed once.
    static bool dependsOnTextAlone(ValueType t) {
        switch (t) {
            case ValueType::Time: case ValueType::TimeOrIndefinite: case ValueType::Repeat: case ValueType::Length:
            case ValueType::Size: case ValueType::Color: case ValueType::Number: case ValueType::Bool:
            case ValueType::Easing: case ValueType::Transition: case ValueType::PanZoom: case ValueType::Languages:
            case ValueType::View:
                return true;
            default:
                return false;
        }
    }

    void checkValue(const ScriptNode& node, const AttributeSpec& spec, const ScriptAttribute& a) {
        if (!dependsOnTextAlone(spec.type)) {
            checkValueOnce(node, spec, a);
            return;
        }
        auto& good = goodValues_[static_cast<size_t>(spec.type)];
        if (good.count(a.value)) return;
        size_t before = diagnostics_.all().size();
        checkValueOnce(node, spec, a);
        if (diagnostics_.all().size() == before) good.insert(a.value);
    }

    void checkValueOnce(const ScriptNode& node, const AttributeSpec& spec, const ScriptAttribute& a) {
        std::string_view v = a.value;
        switch (spec.type) {
            case ValueType::Text:
            case ValueType::Place:
            case ValueType::PlaceList:
                return;
            case ValueType::Id:
                if (v.empty()) bad(a, "a valid name", "give it a name such as \"title\"");
                return;
            case ValueType::Time:
                if (!parseTimeValue(v)) bad(a, "a time", "write e.g. 12s, 1.5s, 250ms, 1:02.5", "bad-time");
                return;
            case ValueType::TimeOrIndefinite:
                if (v != "indefinite" && !parseTimeValue(v))
                    bad(a, "a time", "write e.g. 12s, 1.5s, 250ms, 1:02.5 or indefinite", "bad-time");
                return;
            case ValueType::Repeat:
                if (!parseRepeat(v)) bad(a, "a repeat count", "write a positive number or indefinite");
                return;
            case ValueType::Length:
                if (!parseLength(v)) bad(a, "a length", "write pixels (120 or 120px) or a percentage (50%)");
                return;
            case ValueType::Size:
                if (!parseSize(v)) bad(a, "a size", "write width x height in pixels, e.g. 1920x1080");
                return;
            case ValueType::Color:
                if (!parseColor(v))
                    bad(a, "a colour", "write #rrggbb, #rrggbbaa, rgb(r,g,b), rgba(r,g,b,a), black, white or transparent",
                        "bad-color");
                return;
            case ValueType::Number:
                if (!parseNumber(v)) bad(a, "a number", "write a plain number such as 0.8");
                return;
            case ValueType::Bool:
                if (!parseBool(v)) bad(a, "true or false", "write true or false");
                return;
            case ValueType::Enum:
                if (std::find(spec.choices.begin(), spec.choices.end(), v) == spec.choices.end())
                    bad(a, "allowed here", didYouMean(v, spec.choices, "choose one of: " + joinChoices(spec.choices)));
                return;
            case ValueType::Easing:
                if (!parseEasing(v))
                    bad(a, "an easing", didYouMean(v, easingNames(), "known easings: " + joinChoices(easingNames())));
                return;
            case ValueType::Transition:
                if (!parseTransition(v))
                    bad(a, "a transition",
                        "write cut, or a kind and a duration such as \"fade 1.5s\"; kinds: " +
                            joinChoices(transitionNames()));
                return;
            case ValueType::StyleRef:
                if (!styles_.count(v) && v != "default")  // "default" is built in
                    diagnostics_.error(a.where, "missing-style", "no <style> has the id " + quoted(v),
                                       didYouMean(v, {styles_.begin(), styles_.end()}, "declare it with <style id=\"" + std::string(v) + "\" …/>"));
                return;
            case ValueType::RegionRef:
                if (!regions_.count(v))
                    diagnostics_.error(a.where, "missing-region", "no <region> has the id " + quoted(v),
                                       didYouMean(v, {regions_.begin(), regions_.end()}, "declare it with <region id=\"" + std::string(v) + "\" …/>"));
                return;
            case ValueType::Path:
                if (v.empty()) bad(a, "a file path", "name a file relative to the script");
                return;
            case ValueType::PanZoom:
                if (!parsePanZoom(v))
                    bad(a, "a pan-zoom", "write x,y,w,h → x,y,w,h with px or %, e.g. 0,0,100%,100% → 10%,5%,80%,80%");
                return;
            case ValueType::Languages:
                if (!parseLanguages(v)) bad(a, "a list of language codes", "write codes such as en or \"en hy\"");
                return;
            case ValueType::View:
                if (!parseView(v)) bad(a, "a view", "write lon,lat → lon,lat, e.g. 43.5,38.5 → 51,42.5");
                return;
        }
        (void)node;
    }

    const Vocabulary& vocabulary_;
    Diagnostics& diagnostics_;
    // Views into the script, which outlives the validator.
    std::set<std::string_view> styles_, regions_;
    std::map<std::string_view, const ScriptAttribute*> ids_;
    static constexpr size_t kTagCount = static_cast<size_t>(Tag::Span) + 1;
    std::array<std::optional<const ElementSpec*>, kTagCount> specsByTag_;
    std::map<std::pair<const ElementSpec*, Tag>, bool> allowedByTag_;
    std::unordered_map<const ElementSpec*, std::vector<std::pair<std::string_view, const AttributeSpec*>>>
        attributeSpecsByPosition_;
    static constexpr size_t kValueTypeCount = static_cast<size_t>(ValueType::View) + 1;
    std::array<std::unordered_set<std::string_view>, kValueTypeCount> goodValues_;  // by ValueType
};

}  // namespace

void validateScript(const Script& script, const Vocabulary& vocabulary, Diagnostics& diagnostics) {
    Validator(vocabulary, diagnostics).run(script);
}

}  // namespace vitrine
