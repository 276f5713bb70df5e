#include <doctest/doctest.h>

#include <functional>
#include <set>

#include "support/in_memory_files.h"

using namespace vitrine;
using vitrine::test::InMemoryFiles;
using vitrine::test::findCode;

TEST_CASE("every node keeps its file, line and column") {
    InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit title=\"T\">\n  <scene id=\"a\">\n    <text   style=\"x\">Hi</text>\n  </scene>\n</exhibit>\n";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    CHECK(d.empty());
    const ScriptNode* scenePtr = nullptr;
    for (const auto& c : script->root.children)
        if (c.name == "scene") scenePtr = &c;
    REQUIRE(scenePtr);
    const ScriptNode& scene = *scenePtr;
    CHECK(scene.where.line == 2);
    CHECK(scene.where.column == 3);
    const ScriptNode* text = nullptr;
    for (const auto& c : scene.children)
        if (c.name == "text") text = &c;
    REQUIRE(text);
    CHECK(text->where.line == 3);
    CHECK(text->where.column == 5);
    CHECK(text->attribute("style")->where.column == 13);
    CHECK(text->plainText() == "Hi");
}

TEST_CASE("an XML syntax error is reported with the file and line TinyXML-2 found") {
    InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n  <scene>\n    <text>unclosed\n  </scene>\n</exhibit>\n";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    CHECK_FALSE(script);
    const Diagnostic* e = findCode(d, "xml-syntax");
    REQUIRE(e);
    CHECK(e->where.file == "mem/main.xml");
    CHECK(e->where.line >= 3);
    CHECK(e->severity == Severity::Error);
}

TEST_CASE("a missing main file is one clear error") {
    InMemoryFiles files;
    Diagnostics d;
    CHECK_FALSE(loadScript("mem/none.xml", d, files.reader()));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "missing-file");
    CHECK(d.all()[0].message.find("mem/none.xml") != std::string::npos);
}

TEST_CASE("includes splice a fragment's children in place, keeping their own file and line") {
    InMemoryFiles files;
    files.files["mem/main.xml"] =
        "<exhibit>\n  <scene id=\"a\"/>\n  <include src=\"parts/b.xml\"/>\n  <scene id=\"c\"/>\n</exhibit>";
    files.files["mem/parts/b.xml"] = "<fragment>\n\n  <scene id=\"b\"/>\n</fragment>";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    CHECK(d.empty());
    std::vector<std::string> ids;
    for (const auto& c : script->root.children)
        if (c.name == "scene") ids.push_back(c.value("id"));
    CHECK(ids == std::vector<std::string>{"a", "b", "c"});
    for (const auto& c : script->root.children)
        if (c.value("id") == "b") {
            CHECK(c.where.file == "mem/parts/b.xml");
            CHECK(c.where.line == 3);
            // An attribute names its file through the script's storage; a diagnostic gets a copy.
            const ScriptAttribute* id = c.attribute("id");
            REQUIRE(id);
            CHECK(id->where.file() == "mem/parts/b.xml");
            SourceLocation reported = id->where;
            CHECK(reported.file == "mem/parts/b.xml");
            CHECK(reported.line == 3);
            CHECK(reported.column == 10);
        }
    for (const auto& c : script->root.children)
        if (c.value("id") == "c") CHECK(c.attribute("id")->where.file() == "mem/main.xml");
    // A copy of the script keeps the file names its attributes point to.
    Script copy = *script;
    script.reset();
    CHECK(copy.root.children.back().attribute("id")->where.file() == "mem/main.xml");
    CHECK(copy.files.size() == 2);
}

TEST_CASE("include cycles, missing includes and wrong roots are reported, not followed forever") {
    InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n<include src=\"a.xml\"/>\n<include src=\"gone.xml\"/>\n</exhibit>";
    files.files["mem/a.xml"] = "<fragment><include src=\"b.xml\"/></fragment>";
    files.files["mem/b.xml"] = "<fragment><include src=\"a.xml\"/></fragment>";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    const Diagnostic* cycle = findCode(d, "include-cycle");
    REQUIRE(cycle);
    CHECK(cycle->where.file == "mem/b.xml");
    const Diagnostic* missing = findCode(d, "missing-file");
    REQUIRE(missing);
    CHECK(missing->where.line == 3);

    InMemoryFiles wrong;
    wrong.files["mem/main.xml"] = "<exhibit><include src=\"w.xml\"/></exhibit>";
    wrong.files["mem/w.xml"] = "<exhibit/>";
    Diagnostics d2;
    loadScript("mem/main.xml", d2, wrong.reader());
    CHECK(findCode(d2, "wrong-root"));
}

TEST_CASE("a file whose root is not <exhibit> is an error") {
    InMemoryFiles files;
    files.files["mem/main.xml"] = "<show/>";
    Diagnostics d;
    loadScript("mem/main.xml", d, files.reader());
    CHECK(findCode(d, "wrong-root"));
}

TEST_CASE("every node has its own index below nodeCount, and names, values and text are decoded") {
    InMemoryFiles files;
    files.files["mem/main.xml"] =
        "<exhibit title=\"Fish &amp; chips\">\n  <include src=\"b.xml\"/>\n  <scene id=\"a\">\n"
        "    <text placeholder=\"begin=1\" begin=\"2s\">A &lt;b&gt; <i>c</i></text>\n  </scene>\n</exhibit>";
    files.files["mem/b.xml"] = "<fragment>\n  <scene id=\"b\"><text>B</text></scene>\n</fragment>";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    CHECK(d.empty());
    CHECK(script->root.view("title") == "Fish & chips");
    std::set<std::uint32_t> seen;
    std::function<void(const ScriptNode&)> visit = [&](const ScriptNode& n) {
        CHECK(n.index < script->nodeCount);
        CHECK(seen.insert(n.index).second);
        for (const auto& c : n.children) visit(c);
    };
    visit(script->root);
    REQUIRE(script->root.children.size() == 2);  // the included scene first, in document order
    CHECK(script->root.children[0].view("id") == "b");
    CHECK(script->root.children[0].where.file == "mem/b.xml");
    const ScriptNode& text = script->root.children[1].children[0];
    CHECK(text.plainText() == "A <b> c");
    // The attribute's column is its own, not that of the same word inside an earlier value.
    CHECK(text.attribute("begin")->where.column == 33);
    CHECK(text.attribute("placeholder")->where.column == 11);
}

TEST_CASE("a node shared out of a script outlives the Script object") {
    InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n  <scene id=\"a\" title=\"Kept\"/>\n</exhibit>";
    Diagnostics d;
    std::shared_ptr<const ScriptNode> kept;
    {
        auto script = loadScript("mem/main.xml", d, files.reader());
        REQUIRE(script);
        kept = script->share(script->root.children[0]);
    }
    CHECK(kept->name == "scene");
    CHECK(kept->view("title") == "Kept");
    CHECK(kept->where.line == 2);
}

namespace {

// `depth` <par> elements, one per line, each inside the one before, around one scene.
std::string nestedPars(int depth) {
    std::string xml;
    for (int i = 0; i < depth; ++i) xml += "<par>\n";
    xml += "<scene id=\"deep\" dur=\"1s\"><text>deep</text></scene>\n";
    for (int i = 0; i < depth; ++i) xml += "</par>\n";
    return xml;
}

}  // namespace

TEST_CASE("elements nested deeper than the limit are one error at the line where it is passed, and no crash") {
    Diagnostics d;
    // <exhibit> is depth 0 on line 1; the <par> on line k + 1 is depth k.
    Show show = test::compileText("<exhibit>\n" + nestedPars(kMaxElementDepth + 16) + "</exhibit>\n", d);
    REQUIRE(d.errorCount() >= 1);
    const Diagnostic* deep = findCode(d, "element-too-deep");
    REQUIRE(deep);
    CHECK(deep->where.file == "mem/main.xml");
    CHECK(deep->where.line == kMaxElementDepth + 1);
    CHECK(deep->message.find(std::to_string(kMaxElementDepth)) != std::string::npos);
    int reported = 0;
    for (const auto& x : d.all()) reported += x.code == "element-too-deep";
    CHECK(reported == 1);

    // Past TinyXML-2's own limit (its parser recurses) the same error, at its line.
    Diagnostics d2;
    test::InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n" + nestedPars(500) + "</exhibit>\n";
    CHECK_FALSE(loadScript("mem/main.xml", d2, files.reader()));
    const Diagnostic* tinyDeep = findCode(d2, "element-too-deep");
    REQUIRE(tinyDeep);
    CHECK(tinyDeep->where.file == "mem/main.xml");
    CHECK(tinyDeep->where.line > kMaxElementDepth);
}

TEST_CASE("element depth counts through includes, and the error is in the included file") {
    test::InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n";
    for (int i = 0; i < 40; ++i) files.files["mem/main.xml"] += "<par>\n";
    files.files["mem/main.xml"] += "<include src=\"part.xml\"/>\n";
    for (int i = 0; i < 40; ++i) files.files["mem/main.xml"] += "</par>\n";
    files.files["mem/main.xml"] += "</exhibit>\n";
    // The fragment's children stand where the <include> stood, at depth 41.
    files.files["mem/part.xml"] = "<fragment>\n" + nestedPars(40) + "</fragment>\n";
    Diagnostics d;
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    const Diagnostic* deep = findCode(d, "element-too-deep");
    REQUIRE(deep);
    CHECK(deep->where.file == "mem/part.xml");
    CHECK(deep->where.line == 1 + (kMaxElementDepth - 40));
}

TEST_CASE("an exhibit file larger than the limit is one error at the line where the limit falls") {
    // Lines of 100 bytes: the limit falls inside line limit / 100 + 1.
    std::string big = "<exhibit>" + std::string(90, ' ') + "\n";
    const std::string line = std::string(99, ' ') + "\n";
    while (big.size() <= kMaxScriptBytes) big += line;
    test::InMemoryFiles files;
    files.files["mem/main.xml"] = big + "</exhibit>\n";
    Diagnostics d;
    CHECK_FALSE(loadScript("mem/main.xml", d, files.reader()));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == "mem/main.xml");
    CHECK(d.all()[0].where.line == static_cast<int>(kMaxScriptBytes / 100) + 1);
    CHECK(d.all()[0].message.find("16 MiB") != std::string::npos);
}
