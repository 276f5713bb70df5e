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

#include <unistd.h>

#include "exhibit/exhibit_loader.h"
#include "base/easing.h"
#include "map/compiled_map.h"
#include "script/values.h"
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

// Which of `files` the schema accepts, from one xmllint run: it reads the schema once, where
// a run per file spends most of its time there (thousands of edge values).
std::set<fs::path> schemaAcceptsAll(const std::vector<fs::path>& files, const fs::path& dir) {
    const fs::path names = dir / "xmllint-files.txt", list = dir / "xmllint-verdicts.txt";
    {
        std::ofstream out(names);
        for (const auto& f : files) out << f.string() << "\n";
    }
    // xargs, as a shell command line holds at most 128 KiB: thousands of names would not fit.
    const std::string command = "xargs -d '\\n' -a '" + names.string() + "' xmllint --noout --schema '" +
                                kSchemaPath.string() + "' >/dev/null 2>'" + list.string() + "'";
    std::system(command.c_str());  // exits non-zero when any file fails: the lines say which
    std::set<fs::path> accepted;
    std::ifstream in(list);
    const std::string validates = " validates";
    for (std::string line; std::getline(in, line);)
        if (line.size() > validates.size() && line.ends_with(validates))
            accepted.insert(line.substr(0, line.size() - validates.size()));
    return accepted;
}

std::vector<std::string> checkErrors(const fs::path& file,
                                     const vitrine::CompileOptions& options = vitrine::map::withMaps()) {
    vitrine::LoadedExhibit exhibit = vitrine::loadExhibit(file, options);
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

namespace {

// Edge spellings of a number, for a type whose range ends at `bounds`: the forms the
// reference's number grammar names (sign, leading and trailing point, leading zeros, -0,
// whitespace around), those it refuses (exponent, NaN, INF, hex, commas), magnitudes a
// double cannot hold (1e-400, 400 digits), and each bound written exactly and a hair
// beyond it, closer than a double can tell apart.
std::vector<std::string> numberEdges(std::vector<std::string> bounds) {
    std::vector<std::string> v = {"0", "-0", "+0", "-0.0", "-.0", "0.", "1", "+1", "-1", ".5", "5.", "-.5", "+.5",
                                  "007", "00.50", "0.25", "2.5", "12", "1e2", "1E2", "1e+2", "1e-2", "1e-400",
                                  "1e400", "NaN", "nan", "INF", "-INF", "inf", "Infinity", "0x10", "1,5", "1 5",
                                  "--1", "+-1", "-+1", "1..2", "1.2.3", ".", "-", "+", "", " 1 ", "\t2\t", "1_000",
                                  "\xd9\xa1", "1" + std::string(400, '0'), "0." + std::string(400, '0') + "1",
                                  "1" + std::string(15, '0'), "1" + std::string(14, '0'), "1000000", "1000001",
                                  "0.1234567890123456789012345"};
    for (const auto& b : bounds) {
        v.insert(v.end(), {b, "0" + b, "+" + b, "-" + b, b + ".", b + ".000", b + ".0000000000000000000001",
                           "-" + b + ".0000000000000000000001"});
        if (b != "0") v.push_back(std::to_string(std::stoi(b) - 1) + ".9999999999999999999999");
    }
    return v;
}

std::vector<std::string> withUnits(const std::vector<std::string>& numbers) {
    std::vector<std::string> v;
    for (const auto& n : numbers) v.insert(v.end(), {n, n + "px", n + "%", n + " %", n + "PX", n + "em"});
    return v;
}

std::vector<std::string> timeEdges() {
    std::vector<std::string> v;
    for (const auto& n : {"0", "-0", "+0", "1", "-1", "+1", ".5", "5.", "007", "1e2", "NaN", "INF", "999999999",
                          "1000000000", "3000000000", "99999999999999999999", "1.0000000000000000000001"})
        for (const char* unit : {"", "s", " s", "ms", "min", "h", "m", "sec", "S"}) v.push_back(std::string(n) + unit);
    v.insert(v.end(), {"1:05", "1:5", "01:02.5", "1:02:03.25", "1:60", "1:05:60", "1:5:05", "1:05.", "-1:05",
                       "999999999:00", "1000000000:00", "1:02:03:04", ":05", "1:", " 2s ", "", "s"});
    return v;
}

std::vector<std::string> repeatEdges() {
    std::vector<std::string> v = numberEdges({"0"});
    v.insert(v.end(), {"indefinite", " indefinite ", "Indefinite", "indefinitely"});
    return v;
}

std::vector<std::string> colourEdges() {
    std::vector<std::string> v = {"#fff", "#ffff", "#ffffff", "#ffffff80", "#ff", "#fffff", "#ggg", "#FFF", "fff",
                                  "black", "white", "transparent", "Black", " white ", "red", "", "rgb(1,2)",
                                  "rgb(1,2,3,4)", "rgba(1,2,3)", "RGB(1,2,3)", "rgb(1,2,3", "rgb (1,2,3)"};
    for (const auto& c : numberEdges({"0", "255"})) {
        v.push_back("rgb(" + c + ",0,0)");
        v.push_back("rgb(0, 0 ," + c + ")");
    }
    for (const auto& a : numberEdges({"0", "1"})) v.push_back("rgba(1,2,3," + a + ")");
    return v;
}

std::vector<std::string> placeEdges() {
    std::vector<std::string> v = {"Baku", "49.87,40.41", "49.87 , 40.41", "49.87;40.41", "49.87", "1,2,3", ""};
    for (const auto& n : numberEdges({"0", "90", "180"})) {
        v.push_back(n + ",0");
        v.push_back("0," + n);
    }
    return v;
}

std::vector<std::string> sizeEdges() {
    std::vector<std::string> v = {"1920x1080", "1920 x 1080", "1920X1080", "x1080", "1920x", "1920x1080x1", ""};
    for (const auto& n : numberEdges({"1", "32768"})) v.push_back(n + "x1080");
    return v;
}

std::vector<std::string> choiceEdges(std::vector<std::string> choices) {
    std::vector<std::string> v = {"", " ", "none-of-these"};
    for (const auto& c : choices) {
        std::string upper = c;
        std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
        v.insert(v.end(), {c, " " + c + " ", c + "\t", upper, c + " " + c, c + ","});
    }
    return v;
}

// Pan-zooms: each number of the two rectangles tried with the length edges (x, width,
// and the end's height), and the spellings of the whole.
std::vector<std::string> panZoomEdges() {
    const std::string end = "10%,10%,80%,80%";
    std::vector<std::string> v = {"0,0,100%,100% → " + end, "0,0,100%,100% -> " + end, "0,0,100%,100%→" + end,
                                  "0 , 0 , 100 % , 100 % → " + end, "0,0,100%,100% " + end, "0,0,100%,100% → → " + end,
                                  "0,0,100% → " + end, "0,0,100%,100%,1 → " + end, "0,0,100%,100% →", "→", "",
                                  "0,0,100%,100% > " + end, "0;0;100%;100% → " + end, "0,0,1920,1080 → 100px,50px,960px,540px"};
    for (const auto& n : withUnits(numberEdges({"0", "100", "1000000"}))) {
        v.push_back(n + ",0,50%,50% → " + end);
        v.push_back("0,0," + n + ",50% → " + end);
        v.push_back(end + " → 0,0,50%," + n);
    }
    return v;
}

// Easings: the names, and cubic-bezier() with each of its four numbers tried with the
// number edges (x1 and x2 from 0 to 1, y1 and y2 any number), and its spellings.
std::vector<std::string> easingEdges() {
    std::vector<std::string> v = {"cubic-bezier(0,0,1,1)", "cubic-bezier(0, 0, 1, 1)", "cubic-bezier( 0,0,1,1 )",
                                  "cubic-bezier(0,0,1)", "cubic-bezier(0,0,1,1,1)", "cubic-bezier()", "cubic-bezier(0,0,1,1",
                                  "cubic-bezier (0,0,1,1)", "Cubic-Bezier(0,0,1,1)", "bezier(0,0,1,1)", "cubic-bezier(0,,1,1)"};
    std::vector<std::string> names;
    for (const auto& name : vitrine::easingNames())
        if (name.find('(') == std::string::npos) names.push_back(name);
    for (const auto& name : choiceEdges(names)) v.push_back(name);
    for (const auto& n : numberEdges({"0", "1"}))
        v.insert(v.end(), {"cubic-bezier(" + n + ",0,1,1)", "cubic-bezier(0," + n + ",1,1)",
                           "cubic-bezier(0,0," + n + ",1)", "cubic-bezier(0,0,1," + n + ")"});
    return v;
}

// Transitions: every kind, each duration of the time edges (0s, a cut, among them), an
// easing of the easing edges after it, and the spellings of the whole.
std::vector<std::string> transitionEdges() {
    std::vector<std::string> v = {"cut", "cut 1s", "fade", "fade 1s 2s", "fade 1s linear linear", "wipe 1s", "FADE 1s",
                                  "fade  1s", "fade\t1s", "fade1s", "fade 0s", "fade -0s", "dip 0 sine-in"};
    for (const auto& kind : vitrine::transitionNames()) v.insert(v.end(), {kind, kind + " 2s", kind + " 0s"});
    for (const auto& t : timeEdges()) v.push_back("fade " + t);
    for (const auto& e : easingEdges()) v.push_back("dip 1s " + e);
    return v;
}

// A pan-zoom whose rectangles, each number in range, reach past the picture by x + w or
// y + h in %: a sum no pattern can check, so the schema accepts what check refuses.
bool reachesPastPicture(const std::string& value) {
    auto panZoom = vitrine::parsePanZoom(value);
    if (!panZoom) return false;
    for (const auto& r : {panZoom->from, panZoom->to})
        if ((r.x.percent && r.width.percent && r.x.value + r.width.value > 100 + 1e-9) ||
            (r.y.percent && r.height.percent && r.y.value + r.height.value > 100 + 1e-9))
            return true;
    return false;
}

// An exhibit with one attribute value left open (@), and the values it is tried with.
struct EdgeCase {
    std::string what;
    std::string exhibit;
    std::vector<std::string> values;
};

std::string escapeForAttribute(const std::string& value) {
    std::string out;
    for (char c : value) out += c == '\t' ? std::string("&#9;") : std::string(1, c);
    return out;
}

}  // namespace

TEST_CASE("schema and checker: edge spellings of every kind of value get the same verdict from both") {
    REQUIRE_MESSAGE(std::system("xmllint --version >/dev/null 2>&1") == 0,
                    "xmllint is missing; install libxml2-utils (tools/setup)");
    const std::string scene = "<exhibit><scene dur=\"5s\">";
    const std::string end = "</scene></exhibit>";
    const std::string map = scene + "<map view=\"40,38 → 50,42\">";
    const std::string mapEnd = "</map>" + end;
    const std::vector<EdgeCase> cases = {
        {"number from 0 to 1", scene + "<text opacity=\"@\">Words</text>" + end, numberEdges({"0", "1"})},
        {"number 1", "<exhibit version=\"@\"><scene dur=\"5s\"/></exhibit>", numberEdges({"1"})},
        {"number above 0", "<exhibit reading-pace=\"@\"><scene dur=\"5s\"/></exhibit>", numberEdges({"0"})},
        {"number from 0", map + "<graticule width=\"@\"/>" + mapEnd, numberEdges({"0"})},
        {"number from 1 to 90", map + "<graticule step=\"@\"/>" + mapEnd, numberEdges({"1", "90"})},
        {"length", scene + "<text x=\"@\">Words</text>" + end, withUnits(numberEdges({"1000000"}))},
        {"length from 0", scene + "<text width=\"@\">Words</text>" + end, withUnits(numberEdges({"0", "1000000"}))},
        {"length above 0", "<exhibit><style id=\"s\" size=\"@\"/><scene dur=\"5s\"/></exhibit>",
         withUnits(numberEdges({"0", "1000000"}))},
        {"time", scene + "<text begin=\"@\" dur=\"2s\">Words</text>" + end, timeEdges()},
        {"repeat count", scene + "<text dur=\"1s\" repeat=\"@\">Words</text>" + end, repeatEdges()},
        {"colour", "<exhibit background=\"@\"><scene dur=\"5s\"/></exhibit>", colourEdges()},
        {"place", map + "<marker at=\"@\"/>" + mapEnd, placeEdges()},
        {"size", "<exhibit size=\"@\"><scene dur=\"5s\"/></exhibit>", sizeEdges()},
        {"choice", scene + "<image src=\"a.jpg\" fit=\"@\"/>" + end, choiceEdges({"contain", "cover", "fill", "none"})},
        {"true or false", "<exhibit><style id=\"s\" italic=\"@\"/><scene dur=\"5s\"/></exhibit>",
         choiceEdges({"true", "false"})},
        {"zoom above 0", map + "<fly to=\"49.87,40.41\" zoom=\"@\" dur=\"2s\"/>" + mapEnd, numberEdges({"0"})},
        {"pan-zoom", scene + "<image src=\"a.jpg\" panzoom=\"@\"/>" + end, panZoomEdges()},
        {"easing", scene + "<image src=\"a.jpg\" panzoom=\"0,0,100%,100% → 0,0,50%,50%\" panzoom-easing=\"@\"/>" + end,
         easingEdges()},
        {"transition", "<exhibit><scene dur=\"5s\"/><scene dur=\"5s\" transition=\"@\"/></exhibit>", transitionEdges()},
    };
    const fs::path dir = fs::temp_directory_path() / ("vitrine-edge-values-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    struct Tried {
        std::string what, value;
        fs::path file;
    };
    std::vector<Tried> tried;
    for (const auto& edge : cases)
        for (const auto& value : edge.values) {
            std::string xml = edge.exhibit;
            xml.replace(xml.find('@'), 1, escapeForAttribute(value));
            tried.push_back({edge.what, value, dir / (std::to_string(tried.size()) + ".xml")});
            writeFile(tried.back().file, xml + "\n");
        }
    std::vector<fs::path> files;
    for (const auto& t : tried) files.push_back(t.file);
    const std::set<fs::path> accepted = schemaAcceptsAll(files, dir);
    // One map library for all: the places' map data is read once, not once a value.
    const vitrine::CompileOptions withMaps = vitrine::map::withMaps();
    for (const auto& t : tried) {
        CAPTURE(t.what);
        CAPTURE(t.value);
        Verdict v{accepted.count(t.file) > 0, checkErrors(t.file, withMaps)};
        const std::string errors = v.errorList();
        CAPTURE(errors);
        if (t.what == "pan-zoom" && reachesPastPicture(t.value)) {
            CHECK_MESSAGE(!v.checkErrors.empty(), "check lets a pan-zoom reach past its picture");
            continue;
        }
        CHECK_MESSAGE(v.schema == v.checkErrors.empty(), "schema " << (v.schema ? "accepts" : "refuses")
                                                                   << " what check " << (v.checkErrors.empty() ? "accepts" : "refuses"));
    }
    MESSAGE(tried.size() << " edge values tried");
    fs::remove_all(dir);
}
