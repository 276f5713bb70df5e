// The XML Schema (exhibits/vitrine-exhibit.xsd) and `vitrine check` must agree: a file the
// checker calls clean validates, and a file the schema refuses has a check error. Every
// format fixture, the Baku exhibit and every XML example of the reference (exhibits/README.md)
// go through both. The deliberately broken fixtures must fail both.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "exhibit/exhibit_loader.h"
#include "map/compiled_map.h"
#include "script/vocabulary.h"
#include "support/build_paths.h"

namespace {

namespace fs = std::filesystem;

const fs::path kSourceDir = vitrine::test::sourceDir();
const fs::path kSchemaPath = kSourceDir / "exhibits" / "vitrine-exhibit.xsd";
const fs::path kFixtureDir = kSourceDir / "tests" / "fixtures" / "format";

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

bool schemaAccepts(const fs::path& file) {
    std::string command =
        "xmllint --noout --schema '" + kSchemaPath.string() + "' '" + file.string() + "' >/dev/null 2>&1";
    return std::system(command.c_str()) == 0;
}

// The checker's errors that the schema could also find: those about the file's own
// syntax, elements, attributes and values, ranges included (numbers, lengths, longitudes and
// latitudes, language codes; all but a pan-zoom rectangle reaching outside its picture, a sum
// no pattern can check, which no fixture or example has). Others need more than the file (a
// style declared in another, map data, media) and are no part of the comparison.
bool schemaCouldFind(const std::string& code) {
    static const std::set<std::string> codes = {
        "xml-syntax", "wrong-root", "empty-file", "unknown-element", "unknown-attribute", "misplaced-element",
        "stray-text", "missing-attribute", "bad-value", "bad-time", "bad-color", "duplicate-id",
        "out-of-range", "bad-place", "bad-language"};
    return codes.count(code) > 0;
}

std::vector<std::string> checkErrors(const fs::path& file) {
    vitrine::LoadedExhibit exhibit = vitrine::loadExhibit(file, vitrine::map::withMaps());
    std::vector<std::string> errors;
    for (const auto& d : exhibit.diagnostics.all())
        if (d.severity == vitrine::Severity::Error && schemaCouldFind(d.code))
            errors.push_back(std::to_string(d.where.line) + ": " + d.code + ": " + d.message);
    return errors;
}

struct Verdict {
    bool schema;
    std::vector<std::string> checkErrors;
    std::string errorList() const {
        std::string out;
        for (const auto& e : checkErrors) out += e + "\n";
        return out;
    }
};

// `schemaFile` is what xmllint reads; `mainFile`, the exhibit `check` reads (they differ
// for a fragment, which check reaches through an include).
Verdict judge(const fs::path& schemaFile, const fs::path& mainFile) {
    return {schemaAccepts(schemaFile), checkErrors(mainFile)};
}

// Names of the elements from <exhibit> down to `element`, by the vocabulary's children
// lists, shortest first: the parents an example of `element` is wrapped in.
std::vector<std::string> pathTo(const std::string& element) {
    // <include> stands wherever a <seq> may; the vocabulary never lists it, as it is spliced away.
    if (element == "include") return pathTo("seq");
    const vitrine::Vocabulary vocabulary;
    std::map<std::string, std::string> parentOf;
    std::deque<std::string> queue{"exhibit"};
    parentOf["exhibit"] = "";
    while (!queue.empty()) {
        std::string name = queue.front();
        queue.pop_front();
        if (name == element) break;
        if (const auto* spec = vocabulary.element(name))
            for (const auto& child : spec->children)
                if (parentOf.emplace(child, name).second) queue.push_back(child);
    }
    std::vector<std::string> path;
    if (!parentOf.count(element)) return path;
    for (std::string at = parentOf[element]; !at.empty(); at = parentOf[at]) path.insert(path.begin(), at);
    return path;
}

struct Example {
    int number;
    std::string xml;
};

std::vector<Example> referenceExamples() {
    std::istringstream in(readFile(kSourceDir / "exhibits" / "README.md"));
    std::vector<Example> examples;
    bool inside = false;
    for (std::string line; std::getline(in, line);) {
        if (!inside && line.rfind("```xml", 0) == 0) {
            inside = true;
            examples.push_back({static_cast<int>(examples.size()) + 1, ""});
        } else if (inside && line.rfind("```", 0) == 0) {
            inside = false;
        } else if (inside) {
            examples.back().xml += line + "\n";
        }
    }
    return examples;
}

}  // namespace

TEST_CASE("schema and checker: every fixture gets the same verdict from both") {
    REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                    "xmllint is missing; install libxml2-utils (tools/setup)");
    std::vector<fs::path> files = {kSourceDir / "exhibits" / "baku-1990" / "exhibit.xml"};
    for (const char* kind : {"valid", "invalid"})
        for (const auto& entry : fs::directory_iterator(kFixtureDir / kind))
            if (entry.path().extension() == ".xml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
        // An included part is checked through the file that includes it.
        if (file.filename() == "include-part.xml") continue;
        CAPTURE(file.string());
        Verdict v = judge(file, file);
        const std::string errors = v.errorList();
        CAPTURE(errors);
        const bool broken = file.parent_path().filename() == "invalid";
        CHECK(v.schema == !broken);
        CHECK(v.checkErrors.empty() == !broken);
    }
}

TEST_CASE("schema and checker: every example of the reference gets the same verdict from both") {
    REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                    "xmllint is missing; install libxml2-utils (tools/setup)");
    const fs::path dir = fs::temp_directory_path() / "vitrine-reference-examples";
    fs::remove_all(dir);
    const auto examples = referenceExamples();
    REQUIRE(examples.size() >= 30);
    const std::regex firstElement(R"(<([A-Za-z][A-Za-z0-9-]*))");
    int checked = 0;
    for (const auto& example : examples) {
        CAPTURE(example.number);
        CAPTURE(example.xml);
        // The first element that is not inside a comment or a processing instruction.
        std::string body = std::regex_replace(example.xml, std::regex(R"(<!--[\s\S]*?-->|<\?[\s\S]*?\?>)"), "");
        std::smatch m;
        REQUIRE(std::regex_search(body, m, firstElement));
        const std::string root = m[1];
        const fs::path main = dir / std::to_string(example.number) / "main.xml";
        fs::path schemaFile = main;
        if (root == "exhibit") {
            writeFile(main, example.xml);
        } else if (root == "fragment") {
            schemaFile = dir / std::to_string(example.number) / "part.xml";
            writeFile(schemaFile, example.xml);
            writeFile(main, "<exhibit><include src=\"part.xml\"/></exhibit>\n");
        } else {
            auto parents = pathTo(root);
            REQUIRE_MESSAGE(!parents.empty(), "no way from <exhibit> to <" << root << ">");
            std::string open, close;
            for (const auto& p : parents) open += "<" + p + ">", close = "</" + p + ">" + close;
            // The declaration stays first; an example without one is spliced in whole.
            writeFile(main, open + "\n" + body + close + "\n");
        }
        Verdict v = judge(schemaFile, main);
        const std::string errors = v.errorList();
        CAPTURE(errors);
        CHECK_MESSAGE(v.schema == v.checkErrors.empty(), "schema " << (v.schema ? "accepts" : "refuses")
                                                                   << " what check " << (v.checkErrors.empty() ? "accepts" : "refuses"));
        ++checked;
    }
    CHECK(checked == static_cast<int>(examples.size()));
    fs::remove_all(dir);
}
