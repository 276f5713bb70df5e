#include "script/validate.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "script/language_names.h"
#include "script/suggest.h"
#include "script/translations.h"
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
        // A fragment's languages are its exhibit's: only an exhibit's translations are checked against them.
        if (script.root.name == "exhibit")
            exhibitLanguages_ = parseLanguages(script.root.view("lang", "en")).value_or(std::vector<std::string>{});
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
        if (node.tag == Tag::Text && !showsText(node))
            diagnostics_.warning(node.where, "empty-text", "this <text> shows nothing",
                                 "write the text between <text> and </text>, or remove the element");
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
        checkTranslations(node);
    }

    // The <translation> children of `node`: each in a language of the exhibit other than its
    // main one, translating an attribute `node` has, once per language.
    void checkTranslations(const ScriptNode& node) {
        std::set<std::pair<std::string, std::string>> seen;  // (attribute, language)
        for (const auto& child : node.children) {
            if (child.name != kTranslationElement) continue;
            const ScriptAttribute* lang = child.attribute("lang");
            if (!lang) {
                diagnostics_.error(child.where, "missing-attribute", "<translation> needs a lang",
                                   "write the language it is in, for example lang=\"fr\"");
                continue;
            }
            const std::string language(lang->value);
            if (!exhibitLanguages_.empty() && language == exhibitLanguages_.front())
                diagnostics_.error(lang->where, "translation-in-main-language",
                                   quoted(lang->value) + " is the exhibit's main language: " + angled(node.name) +
                                       "'s own attributes are in it",
                                   "translate into another of <exhibit lang>, or remove this <translation>");
            else if (!exhibitLanguages_.empty() &&
                     std::find(exhibitLanguages_.begin(), exhibitLanguages_.end(), language) == exhibitLanguages_.end())
                diagnostics_.error(lang->where, "undeclared-language",
                                   quoted(lang->value) + " is not one of the exhibit's languages (<exhibit lang=\"" +
                                       joinWords(exhibitLanguages_) + "\">)",
                                   "add it to <exhibit lang>, or write one of " + joinChoices(exhibitLanguages_));
            bool translatesSomething = false;
            for (const ScriptAttribute& a : child.attributes) {
                if (a.name == "lang") continue;
                translatesSomething = true;
                if (!node.attribute(a.name)) {
                    diagnostics_.error(a.where, "translation-without-original",
                                       "<translation> gives " + quoted(a.name) + " in " + language + ", but " +
                                           angled(node.name) + " has no " + quoted(a.name) + " to translate",
                                       "write " + std::string(a.name) + "=\"...\" on " + angled(node.name) +
                                           " in the exhibit's main language, or translate an attribute it has");
                    continue;
                }
                if (!seen.emplace(std::string(a.name), language).second)
                    diagnostics_.error(a.where, "duplicate-translation",
                                       angled(node.name) + "'s " + quoted(a.name) + " is already translated into " +
                                           language,
                                       "keep one <translation lang=\"" + language + "\"> per attribute");
            }
            if (!translatesSomething)
                diagnostics_.error(child.where, "empty-translation", "this <translation> translates nothing",
                                   "give the attribute it translates, for example text=\"...\" or label=\"...\"");
        }
    }

    static std::string joinWords(const std::vector<std::string>& words) {
        std::string out;
        for (size_t i = 0; i < words.size(); ++i) out += (i ? " " : "") + words[i];
        return out;
    }

    // Whether anything inside `node` is text that is not only white space.
    static bool showsText(const ScriptNode& node) {
        for (const auto& child : node.children)
            if (child.isText() ? !isBlank(child.text) : showsText(child)) return true;
        return false;
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
        // A range belongs to the attribute, not its type: "2" is a good zoom and a bad opacity.
        if (!dependsOnTextAlone(spec.type) || spec.range) {
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
                return;
            case ValueType::Place:
            case ValueType::PlaceList:
                if (isBlank(v)) bad(a, "a place", "write lon,lat (e.g. 49.87,40.41) or a place name");
                for (auto place : splitOn(v, ';')) checkPlace(a, place);
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
                if (auto length = parseLength(v); !length)
                    bad(a, "a length", "write pixels (120 or 120px) or a percentage (50%)");
                else if (spec.range && !spec.range->contains(length->value))
                    outOfRange(a, *spec.range, length->percent ? "%" : " px");
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
                if (auto number = parseNumber(v); !number)
                    bad(a, "a number", "write a plain number such as 0.8");
                else if (spec.range && !spec.range->contains(*number))
                    outOfRange(a, *spec.range, "");
                return;
            case ValueType::Bool:
                if (!parseBool(v)) bad(a, "true or false", "write true or false");
                return;
            case ValueType::Enum:
                // Whitespace around a value is no part of it, in the schema (xs:token) as here.
                if (std::find(spec.choices.begin(), spec.choices.end(), trimValue(v)) == spec.choices.end())
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
                if (auto panZoom = parsePanZoom(v); !panZoom)
                    bad(a, "a pan-zoom", "write x,y,w,h → x,y,w,h with px or %, e.g. 0,0,100%,100% → 10%,5%,80%,80%");
                else if (!insidePicture(panZoom->from) || !insidePicture(panZoom->to))
                    bad(a, "a part of the picture", "each rectangle needs a width and height above 0 and must lie "
                        "inside the picture: x + w and y + h at most 100%", "out-of-range");
                return;
            case ValueType::Languages:
                if (!parseLanguages(v)) {
                    bad(a, "a list of BCP 47 language codes", "write codes such as en, hy-Latn or \"en hy\"",
                        "bad-language");
                    return;
                }
                for (auto group : splitOn(v, ' '))
                    for (auto tag : splitOn(group, ',')) checkLanguageSubtag(a, tag);
                return;
            case ValueType::AnimateValue:
                // Checked by the compiler against the animated property (a colour for color, a
                // number for opacity), which says more than "a number, length or colour" could.
                return;
            case ValueType::View:
                if (!parseView(v))
                    bad(a, "a view", "write lon,lat → lon,lat, e.g. 43.5,38.5 → 51,42.5; longitudes -180 to 180, "
                        "latitudes -90 to 90");
                return;
        }
        (void)node;
    }

    void outOfRange(const ScriptAttribute& a, const NumberRange& range, const char* unit) {
        auto number = [](double d) {
            std::string s = std::to_string(d);
            s.erase(s.find_last_not_of('0') + 1);
            if (s.back() == '.') s.pop_back();
            return s;
        };
        std::string hint;
        bool bounded = std::isfinite(range.max);
        if (range.min == range.max) hint = "write " + number(range.min);
        else if (bounded) hint = "write a value from " + number(range.min) + " to " + number(range.max);
        else if (range.aboveMin) hint = "write a value above " + number(range.min);
        else hint = "write a value of at least " + number(range.min);
        diagnostics_.error(a.where, "out-of-range",
                           quoted(a.value) + " is out of range for " + quoted(a.name), hint + (bounded ? "" : unit));
    }

    // A rectangle of a pan-zoom in %, inside the picture; one in px cannot be judged
    // without the picture's size.
    static bool insidePicture(const LengthRect& r) {
        // A part of the picture over 100% of it cannot lie inside it, wherever a length in
        // px puts it (the sums below need both in %): the schema refuses it too.
        for (const Length* l : {&r.x, &r.y, &r.width, &r.height})
            if (l->percent && (l->value < 0 || l->value > 100)) return false;
        if (r.width.value <= 0 || r.height.value <= 0) return false;
        if (r.x.percent && r.width.percent && r.x.value + r.width.value > 100 + 1e-9) return false;
        if (r.y.percent && r.height.percent && r.y.value + r.height.value > 100 + 1e-9) return false;
        return true;
    }

    // A place written as two numbers must be a real longitude and latitude: anything else
    // would be projected off the globe (a latitude of 91 used to crash the map's tessellator).
    // Names are resolved by the map's gazetteer, later.
    void checkPlace(const ScriptAttribute& a, std::string_view place) {
        // A place that begins as a number does ("0,", "+,0", "1e2,0"): a name begins otherwise
        // (the schema's place-name pattern), so a slip in the numbers is not taken for a name.
        place = trimValue(place);
        if (place.empty() || std::string_view("0123456789+-.").find(place.front()) == std::string_view::npos) return;
        if (!parseLonLat(place))
            diagnostics_.error(a.where, "bad-place", quoted(place) + " is not on the globe (attribute " +
                                                         quoted(a.name) + ")",
                               "write longitude,latitude: longitude -180 to 180, latitude -90 to 90");
    }

    // A well-formed tag can still name no language: no language subtag of 4 to 8 letters is
    // registered, and such a "tag" is nearly always a language's name ("English").
    void checkLanguageSubtag(const ScriptAttribute& a, std::string_view tag) {
        std::string_view language = tag.substr(0, tag.find('-'));
        if (tag.empty() || language.size() <= 3 || language == "x" || language == "X") return;
        auto code = languageCodeNamed(language);
        diagnostics_.error(a.where, "bad-language", quoted(tag) + " is not a language code (attribute " +
                                                        quoted(a.name) + ")",
                           code ? "did you mean '" + *code + "'?" : "write a BCP 47 code such as en, hy or ru");
    }

    static std::vector<std::string_view> splitOn(std::string_view s, char separator) {
        std::vector<std::string_view> parts;
        while (true) {
            size_t at = s.find(separator);
            std::string_view part = s.substr(0, at);
            while (!part.empty() && std::isspace(static_cast<unsigned char>(part.front()))) part.remove_prefix(1);
            while (!part.empty() && std::isspace(static_cast<unsigned char>(part.back()))) part.remove_suffix(1);
            if (!part.empty()) parts.push_back(part);
            if (at == std::string_view::npos) return parts;
            s.remove_prefix(at + 1);
        }
    }

    const Vocabulary& vocabulary_;
    Diagnostics& diagnostics_;
    std::vector<std::string> exhibitLanguages_;  // <exhibit lang>, the main one first; empty in a fragment
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
