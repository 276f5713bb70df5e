// Keeps the designers' reference (exhibits/README.md), the XML Schema
// (exhibits/vitrine-exhibit.xsd) and the format fixtures in step with the vocabulary,
// which is the format's single source of truth.

#include <doctest/doctest.h>
#include "support/build_paths.h"
#include <tinyxml2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "script/vocabulary.h"
#include "base/easing.h"

namespace {

namespace fs = std::filesystem;
using Names = std::set<std::string>;

const fs::path kSourceDir = vitrine::test::sourceDir();
const fs::path kSchemaPath = kSourceDir / "exhibits" / "vitrine-exhibit.xsd";
const fs::path kReferencePath = kSourceDir / "exhibits" / "README.md";
const fs::path kFixtureDir = kSourceDir / "tests" / "fixtures" / "format";

// <include> is spliced away before the vocabulary is consulted, so the vocabulary never
// lists it as a child; the schema allows it wherever a fragment's content may stand.
constexpr const char* kIncludeElement = "include";
constexpr const char* kFragmentContentMarker = "seq";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string localName(const char* qualified) {
    std::string name = qualified ? qualified : "";
    size_t colon = name.find(':');
    return colon == std::string::npos ? name : name.substr(colon + 1);
}

std::string attributeOf(const tinyxml2::XMLElement& e, const char* name) {
    const char* v = e.Attribute(name);
    return v ? v : "";
}

template <typename Visit>
void forEachChild(const tinyxml2::XMLElement& parent, Visit visit) {
    for (const auto* c = parent.FirstChildElement(); c; c = c->NextSiblingElement()) visit(*c);
}

/// What the schema says about one attribute of one element.
struct SchemaAttribute {
    std::string typeName;          // the named simple type, or empty when declared inline
    std::vector<std::string> enumeration;  // its enumeration values, if any
};

/// What the schema says about one element.
struct SchemaElement {
    std::map<std::string, SchemaAttribute> attributes;
    Names children;
    bool mixed = false;
};

/// The XSD read into the shape of the vocabulary, with group and type references resolved.
class SchemaIndex {
public:
    explicit SchemaIndex(const fs::path& path) {
        loaded_ = doc_.LoadFile(path.string().c_str()) == tinyxml2::XML_SUCCESS;
        if (!loaded_) return;
        const tinyxml2::XMLElement* root = doc_.RootElement();
        forEachChild(*root, [&](const tinyxml2::XMLElement& top) {
            std::string kind = localName(top.Name());
            std::string name = attributeOf(top, "name");
            if (kind == "complexType") complexTypes_[name] = &top;
            if (kind == "simpleType") simpleTypes_[name] = &top;
            if (kind == "group") groups_[name] = &top;
            if (kind == "attributeGroup") attributeGroups_[name] = &top;
            if (kind == "element") roots_.insert(name);
        });
        collectElementDeclarations(*root);
    }

    bool loaded() const { return loaded_; }
    const Names& roots() const { return roots_; }
    /// Element names mapped to their complex type names; conflicting declarations are listed apart.
    const std::map<std::string, std::string>& elementTypes() const { return elementTypes_; }
    const std::vector<std::string>& conflicts() const { return conflicts_; }

    SchemaElement describe(const std::string& elementName) const {
        SchemaElement out;
        auto type = elementTypes_.find(elementName);
        if (type == elementTypes_.end()) return out;
        auto ct = complexTypes_.find(type->second);
        if (ct == complexTypes_.end()) return out;
        out.mixed = attributeOf(*ct->second, "mixed") == "true";
        walkContent(*ct->second, out);
        return out;
    }

    /// Enumeration values of a named simple type, following unions.
    std::vector<std::string> enumerationOf(const std::string& typeName) const {
        std::vector<std::string> values;
        auto st = simpleTypes_.find(typeName);
        if (st != simpleTypes_.end()) collectEnumeration(*st->second, values);
        return values;
    }

private:
    void collectElementDeclarations(const tinyxml2::XMLElement& node) {
        forEachChild(node, [&](const tinyxml2::XMLElement& c) {
            if (localName(c.Name()) == "element" && c.Attribute("name")) {
                std::string name = attributeOf(c, "name"), type = attributeOf(c, "type");
                auto [it, inserted] = elementTypes_.emplace(name, type);
                if (!inserted && it->second != type) conflicts_.push_back(name);
            }
            collectElementDeclarations(c);
        });
    }

    void walkContent(const tinyxml2::XMLElement& node, SchemaElement& out) const {
        forEachChild(node, [&](const tinyxml2::XMLElement& c) {
            std::string kind = localName(c.Name());
            if (kind == "annotation") return;
            if (kind == "attribute") {
                SchemaAttribute a;
                a.typeName = attributeOf(c, "type");
                if (a.typeName.empty())
                    collectEnumeration(c, a.enumeration);
                else
                    a.enumeration = enumerationOf(a.typeName);
                out.attributes[attributeOf(c, "name")] = a;
                return;
            }
            if (kind == "element") {
                out.children.insert(attributeOf(c, "name"));
                return;  // its own content belongs to it, not to this element
            }
            if (kind == "attributeGroup" || kind == "group") {
                const auto& table = kind == "group" ? groups_ : attributeGroups_;
                auto ref = table.find(attributeOf(c, "ref"));
                if (ref != table.end()) walkContent(*ref->second, out);
                return;
            }
            walkContent(c, out);  // choice, sequence, all
        });
    }

    void collectEnumeration(const tinyxml2::XMLElement& node, std::vector<std::string>& values) const {
        forEachChild(node, [&](const tinyxml2::XMLElement& c) {
            std::string kind = localName(c.Name());
            if (kind == "enumeration") values.push_back(attributeOf(c, "value"));
            if (kind == "union") {
                std::istringstream members(attributeOf(c, "memberTypes"));
                for (std::string m; members >> m;) {
                    auto st = simpleTypes_.find(m);
                    if (st != simpleTypes_.end()) collectEnumeration(*st->second, values);
                }
            }
            collectEnumeration(c, values);
        });
    }

    tinyxml2::XMLDocument doc_;
    bool loaded_ = false;
    std::map<std::string, const tinyxml2::XMLElement*> complexTypes_, simpleTypes_, groups_, attributeGroups_;
    std::map<std::string, std::string> elementTypes_;
    std::vector<std::string> conflicts_;
    Names roots_;
};

/// `value` as the schema's type names and the probes write it: 0, 0.5, -1, 90.
std::string numberText(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

/// The schema type of a number or length with a range: named after the range
/// ("number-from-0-to-1", "length-above-0"), so that the name alone says what it accepts.
std::string rangedSchemaType(const std::string& base, const vitrine::NumberRange& range) {
    std::string name = base + (range.aboveMin ? "-above-" : "-from-") + numberText(range.min);
    if (std::isfinite(range.max)) name += "-to-" + numberText(range.max);
    return name;
}

/// The simple type the schema must use for each value type (enumerations are compared by value).
std::string expectedSchemaType(vitrine::ValueType t);

/// The simple type the schema must use for `a`: its value type's, or its range's.
std::string expectedSchemaType(const vitrine::AttributeSpec& a) {
    if (a.range) return rangedSchemaType(expectedSchemaType(a.type), *a.range);
    return expectedSchemaType(a.type);
}

std::string expectedSchemaType(vitrine::ValueType t) {
    using vitrine::ValueType;
    switch (t) {
        case ValueType::Text: return "xs:string";
        case ValueType::Id: return "name";
        case ValueType::Time: return "time";
        case ValueType::TimeOrIndefinite: return "time-or-indefinite";
        case ValueType::Repeat: return "repeat-count";
        case ValueType::Length: return "length";
        case ValueType::Size: return "size";
        case ValueType::Color: return "colour";
        case ValueType::Number: return "number";
        case ValueType::Bool: return "true-false";
        case ValueType::Enum: return "";
        case ValueType::Easing: return "easing";
        case ValueType::Transition: return "transition";
        case ValueType::StyleRef: return "style-name";
        case ValueType::RegionRef: return "region-name";
        case ValueType::Path: return "file-path";
        case ValueType::PanZoom: return "pan-zoom";
        case ValueType::Languages: return "language-codes";
        case ValueType::Place: return "place";
        case ValueType::PlaceList: return "places";
        case ValueType::AnimateValue: return "animate-value";
        case ValueType::View: return "view";
    }
    return "";
}

Names expectedChildren(const vitrine::ElementSpec& spec) {
    Names children(spec.children.begin(), spec.children.end());
    if (children.count(kFragmentContentMarker)) children.insert(kIncludeElement);
    return children;
}

std::vector<fs::path> xmlFilesIn(const fs::path& dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

bool xmllintAccepts(const fs::path& file) {
    std::string command = "xmllint --noout --schema '" + kSchemaPath.string() + "' '" + file.string() +
                          "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

/// The lines of the reference section whose heading names `<element>`, up to the next heading.
std::vector<std::string> referenceSection(const std::string& reference, const std::string& element) {
    std::vector<std::string> section;
    std::istringstream in(reference);
    bool inside = false;
    const std::string heading = "### `<" + element + ">`";
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("#", 0) == 0) inside = line.rfind(heading, 0) == 0;
        if (inside) section.push_back(line);
    }
    return section;
}

void collectUsage(const tinyxml2::XMLElement& e, std::map<std::string, Names>& used) {
    Names& attributes = used[e.Name()];
    for (const auto* a = e.FirstAttribute(); a; a = a->Next()) attributes.insert(a->Name());
    forEachChild(e, [&](const tinyxml2::XMLElement& c) { collectUsage(c, used); });
}

}  // namespace

TEST_CASE("format docs: the schema declares exactly the vocabulary") {
    const vitrine::Vocabulary vocabulary;
    const SchemaIndex schema(kSchemaPath);
    REQUIRE_MESSAGE(schema.loaded(), "cannot parse " << kSchemaPath);

    CHECK(schema.roots() == Names{"exhibit", "fragment"});
    CHECK_MESSAGE(schema.conflicts().empty(), "elements declared with different types in the schema");

    Names vocabularyElements;
    for (const auto& spec : vocabulary.elements()) vocabularyElements.insert(spec.name);
    Names schemaElements;
    for (const auto& [name, type] : schema.elementTypes()) schemaElements.insert(name);
    CHECK(schemaElements == vocabularyElements);

    for (const auto& spec : vocabulary.elements()) {
        CAPTURE(spec.name);
        const SchemaElement declared = schema.describe(spec.name);
        CHECK(declared.mixed == spec.text);
        CHECK(declared.children == expectedChildren(spec));

        Names expectedAttributes, declaredAttributes;
        for (const auto& a : spec.attributes) expectedAttributes.insert(a.name);
        for (const auto& [name, a] : declared.attributes) declaredAttributes.insert(name);
        CHECK(declaredAttributes == expectedAttributes);

        for (const auto& a : spec.attributes) {
            auto it = declared.attributes.find(a.name);
            if (it == declared.attributes.end()) continue;
            CAPTURE(a.name);
            if (a.type == vitrine::ValueType::Enum)
                CHECK(Names(it->second.enumeration.begin(), it->second.enumeration.end()) ==
                      Names(a.choices.begin(), a.choices.end()));
            else
                CHECK(it->second.typeName == expectedSchemaType(a));
        }
    }
}

TEST_CASE("format docs: the schema's easing names are the easing registry's") {
    const SchemaIndex schema(kSchemaPath);
    REQUIRE(schema.loaded());
    Names registry;
    for (const auto& name : vitrine::easingNames())
        if (name.find('(') == std::string::npos) registry.insert(name);  // cubic-bezier(…) is a pattern
    auto declared = schema.enumerationOf("easing");
    CHECK(Names(declared.begin(), declared.end()) == registry);
}

TEST_CASE("format docs: the reference documents every element and attribute") {
    const vitrine::Vocabulary vocabulary;
    const std::string reference = readFile(kReferencePath);
    REQUIRE_MESSAGE(!reference.empty(), "cannot read " << kReferencePath);

    for (const auto& spec : vocabulary.elements()) {
        CAPTURE(spec.name);
        const auto section = referenceSection(reference, spec.name);
        REQUIRE_MESSAGE(!section.empty(), "no \"### `<" << spec.name << ">`\" heading in the reference");
        for (const auto& a : spec.attributes) {
            CAPTURE(a.name);
            const std::string cell = "`" + a.name + "`";
            bool inTableRow = std::any_of(section.begin(), section.end(), [&](const std::string& line) {
                return line.rfind("|", 0) == 0 && line.find(cell) != std::string::npos;
            });
            CHECK_MESSAGE(inTableRow, "attribute missing from the table of <" << spec.name << ">");
        }
    }
    for (const auto& easing : vitrine::easingNames()) {
        if (easing.find('(') != std::string::npos) continue;
        CAPTURE(easing);
        CHECK(reference.find("`" + easing + "`") != std::string::npos);
    }
}

TEST_CASE("format docs: valid fixtures pass the schema, invalid ones fail it") {
    REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                    "xmllint is missing; install libxml2-utils (tools/setup)");
    const auto valid = xmlFilesIn(kFixtureDir / "valid");
    const auto invalid = xmlFilesIn(kFixtureDir / "invalid");
    REQUIRE(valid.size() >= 4);
    REQUIRE(invalid.size() >= 3);
    for (const auto& file : valid) {
        CAPTURE(file.filename().string());
        CHECK(xmllintAccepts(file));
    }
    for (const auto& file : invalid) {
        CAPTURE(file.filename().string());
        CHECK_FALSE(xmllintAccepts(file));
    }
}

TEST_CASE("format docs: each ranged type of the schema accepts exactly its range") {
    REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                    "xmllint is missing; install libxml2-utils (tools/setup)");
    // Every range of the vocabulary, by the schema type that must hold it.
    struct Ranged {
        vitrine::ValueType type;
        vitrine::NumberRange range;
    };
    std::map<std::string, Ranged> types;
    for (const auto& spec : vitrine::Vocabulary().elements())
        for (const auto& a : spec.attributes)
            if (a.range) types.emplace(expectedSchemaType(a), Ranged{a.type, *a.range});
    REQUIRE(types.size() >= 5);

    // A schema of one element whose attribute has the type probed, beside the real schema.
    const fs::path dir = fs::temp_directory_path() / ("vitrine-range-probes-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path schema = dir / "probe.xsd", probe = dir / "probe.xml";
    auto schemaAccepts = [&](const std::string& type, const std::string& value) {
        std::ofstream(schema) << "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n"
                                 "  <xs:include schemaLocation=\"" << kSchemaPath.string() << "\"/>\n"
                                 "  <xs:element name=\"probe\"><xs:complexType><xs:attribute name=\"value\" type=\""
                              << type << "\" use=\"required\"/></xs:complexType></xs:element>\n</xs:schema>\n";
        std::ofstream(probe) << "<probe value=\"" << value << "\"/>\n";
        const std::string command = "xmllint --noout --schema '" + schema.string() + "' '" + probe.string() +
                                    "' >/dev/null 2>&1";
        return std::system(command.c_str()) == 0;
    };
    for (const auto& [type, ranged] : types) {
        CAPTURE(type);
        const vitrine::NumberRange& range = ranged.range;
        // Each end, just inside and just outside it, written as designers write numbers.
        std::vector<double> values = {range.min - 1, range.min, range.min + 0.5, range.min + 1};
        if (std::isfinite(range.max)) values.insert(values.end(), {range.max - 0.5, range.max, range.max + 1});
        for (double value : values) {
            std::vector<std::string> texts = {numberText(value)};
            if (texts[0].find('.') == std::string::npos) texts.push_back(texts[0] + ".0");
            if (ranged.type == vitrine::ValueType::Length) texts.insert(texts.end(), {texts[0] + "px", texts[0] + "%"});
            for (const auto& text : texts) {
                CAPTURE(text);
                CHECK(schemaAccepts(type, text) == range.contains(value));
            }
        }
    }
    fs::remove_all(dir);
}

TEST_CASE("format docs: the valid fixtures use every element and attribute") {
    const vitrine::Vocabulary vocabulary;
    std::map<std::string, Names> used;
    for (const auto& file : xmlFilesIn(kFixtureDir / "valid")) {
        tinyxml2::XMLDocument doc;
        REQUIRE_MESSAGE(doc.LoadFile(file.string().c_str()) == tinyxml2::XML_SUCCESS, file);
        collectUsage(*doc.RootElement(), used);
    }
    for (const auto& spec : vocabulary.elements()) {
        CAPTURE(spec.name);
        REQUIRE_MESSAGE(used.count(spec.name), "no valid fixture uses <" << spec.name << ">");
        for (const auto& a : spec.attributes) {
            CAPTURE(a.name);
            CHECK(used[spec.name].count(a.name) == 1);
        }
    }
}
