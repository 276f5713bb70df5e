#include <doctest/doctest.h>
#include "support/build_paths.h"

#include <fstream>

#include "installation/installation.h"
#include "media/media_test_files.h"

using namespace vitrine;
using namespace vitrine::installation;

TEST_CASE("installation: the example file loads without a problem") {
    Diagnostics d;
    auto inst = loadInstallation(vitrine::test::sourceDir() / "exhibits/installation.example.xml", d);
    for (const auto& x : d.all()) INFO(formatDiagnostic(x));
    REQUIRE(inst);
    CHECK(d.empty());
    REQUIRE(inst->outputs.size() == 2);
    CHECK(inst->outputs[0].id == "left");
    CHECK(inst->outputs[0].canvas == PixelRect{0, 0, 1000, 1080});
    CHECK(inst->outputs[0].blend.right.width == 154);
    CHECK(inst->outputs[1].blend.left.gamma == doctest::Approx(2.2));
    CHECK(inst->outputs[1].positionX == 1920);
    CHECK(inst->outputs[0].blackLevel == doctest::Approx(0.02));
    REQUIRE(inst->outputs[0].keystone);
    CHECK((*inst->outputs[0].keystone)[2] == Point{1920, 1080});
    CHECK(inst->startEpoch == parseIsoInstant("2026-01-20T05:00:00Z"));
    CHECK_FALSE(inst->hours.always);
    CHECK(inst->hours.weekly[0].empty());  // closed on Mondays
    CHECK(inst->hours.weekly[4] == DaySpans{{10 * 3600, 22 * 3600}});
    CHECK(inst->hours.exceptions.size() == 2);
    CHECK(inst->languages == std::vector<std::string>{"en", "hy"});
    CHECK(inst->captionLanguages.size() == 4);
    CHECK(inst->volume == doctest::Approx(0.8));
    CHECK_FALSE(inst->reducedMotion);
    CHECK(inst->control.httpPort == 8080);
    CHECK(inst->control.oscPort == 9000);
    CHECK(inst->control.bindAddress == "127.0.0.1");
    REQUIRE(inst->proofOfPlay);
    CHECK(inst->proofOfPlay->file == "/var/log/vitrine/proof-of-play.log");
    CHECK(inst->proofOfPlay->maxBytes == 1024 * 1024);
    CHECK(inst->proofOfPlay->keep == 10);
}

TEST_CASE("installation: an empty file means one output, always open, loopback control off") {
    Diagnostics d;
    auto inst = parseInstallation("<installation/>", "site.xml", d);
    REQUIRE(inst);
    CHECK(d.empty());
    CHECK(inst->outputs.empty());
    CHECK(inst->hours.always);
    CHECK_FALSE(inst->startEpoch);
    CHECK(inst->control.httpPort == 0);
    CHECK_FALSE(inst->reducedMotion);
}

TEST_CASE("installation: motion reduced is one line, and a value that is not true or false is an error") {
    Diagnostics d;
    auto inst = parseInstallation("<installation><motion reduced=\"true\"/></installation>", "site.xml", d);
    REQUIRE(inst);
    CHECK(d.empty());
    CHECK(inst->reducedMotion);

    Diagnostics bad;
    inst = parseInstallation("<installation>\n  <motion reduced=\"sometimes\"/>\n</installation>", "site.xml", bad);
    REQUIRE(inst);
    CHECK_FALSE(inst->reducedMotion);
    REQUIRE(bad.errorCount() == 1);
    CHECK(bad.all().front().code == "bad-value");
    CHECK(bad.all().front().where.line == 2);
}

TEST_CASE("installation: HTTP and OSC may share a port number (TCP and UDP)") {
    Diagnostics d;
    auto inst = parseInstallation("<installation><control http=\"9000\" osc=\"9000\"/></installation>", "site.xml", d);
    REQUIRE(inst);
    for (const auto& x : d.all()) INFO(formatDiagnostic(x));
    CHECK(d.empty());
    CHECK(inst->control.httpPort == 9000);
    CHECK(inst->control.oscPort == 9000);
}

TEST_CASE("installation: problems name file, line and column") {
    const char* text =
        "<installation start=\"yesterday\">\n"
        "  <output resolution=\"1920x1080\" canvas=\"0,0,wide\">\n"
        "    <blend edge=\"middle\" width=\"10\"/>\n"
        "    <keystone tl=\"0,0\" tr=\"10,0\" br=\"20,0\" bl=\"0,10\"/>\n"
        "  </output>\n"
        "  <hours><open days=\"funday\" from=\"10:00\" to=\"18:00\"/><special date=\"2026-02-30\"/></hours>\n"
        "  <control http=\"8080\" bind=\"0.0.0.0\" colour=\"red\"/>\n"
        "</installation>\n";
    Diagnostics d;
    auto inst = parseInstallation(text, "site.xml", d);
    REQUIRE(inst);
    auto find = [&](const std::string& code) -> const Diagnostic* {
        for (const auto& x : d.all())
            if (x.code == code) return &x;
        return nullptr;
    };
    auto bad = find("bad-instant");
    REQUIRE(bad);
    CHECK(bad->where.file == "site.xml");
    CHECK(bad->where.line == 1);
    CHECK(bad->where.column == 15);  // the start= attribute
    REQUIRE(find("bad-edge"));
    CHECK(find("bad-edge")->where.line == 3);
    REQUIRE(find("bad-keystone"));
    CHECK(find("bad-keystone")->where.line == 4);
    REQUIRE(find("bad-days"));
    CHECK(find("bad-days")->where.line == 6);
    REQUIRE(find("bad-date"));
    REQUIRE(find("control-needs-token"));
    CHECK(find("control-needs-token")->where.line == 7);
    REQUIRE(find("unknown-attribute"));
    CHECK(find("unknown-attribute")->severity == Severity::Warning);
    CHECK(d.errorCount() >= 6);
}

TEST_CASE("installation: numbers too large for their field are errors, never converted") {
    // Each of these once reached an undefined conversion to int (UBSan: "outside the range").
    const char* text =
        "<installation>\n"
        "  <output display=\"1e300\" position=\"1e300,0\"/>\n"
        "  <output display=\"1\" position=\"0,-1e300\"/>\n"
        "  <control http=\"44444444444444444440\" osc=\"-1e300\" token=\"t\"/>\n"
        "</installation>\n";
    Diagnostics d;
    auto inst = parseInstallation(text, "site.xml", d);
    REQUIRE(inst);
    auto errorsAt = [&](int line, const std::string& text) {
        int n = 0;
        for (const auto& x : d.all()) n += x.where.line == line && x.message.find(text) != std::string::npos;
        return n;
    };
    CHECK(errorsAt(2, "is not a display index") == 1);
    CHECK(errorsAt(2, "is not a position") == 1);
    CHECK(errorsAt(3, "is not a position") == 1);
    CHECK(errorsAt(4, "is not a port") == 2);
    for (const auto& output : inst->outputs) {
        CHECK(output.positionX >= 0);
        CHECK(output.positionY >= 0);
    }
}

TEST_CASE("installation: broken XML is one error with its line, not a crash") {
    Diagnostics d;
    CHECK_FALSE(parseInstallation("<installation>\n<output>\n</installation>", "x.xml", d));
    REQUIRE(d.errorCount() == 1);
    CHECK(d.all()[0].where.line >= 2);
    Diagnostics d2;
    CHECK_FALSE(parseInstallation("<exhibit/>", "x.xml", d2));
    CHECK(d2.all()[0].code == "wrong-root");
    Diagnostics d3;
    CHECK_FALSE(loadInstallation("/nonexistent/installation.xml", d3));
    CHECK(d3.hasErrors());
}

TEST_CASE("installation: elements nested 10,000 deep are one error that names the limit, not a crash") {
    std::string text = "<installation>\n<output id=\"a\"/>\n";
    for (int i = 0; i < 10'000; ++i) text += "<keystone>";
    for (int i = 0; i < 10'000; ++i) text += "</keystone>";
    text += "\n</installation>\n";
    Diagnostics d;
    CHECK_FALSE(parseInstallation(text, "deep.xml", d));
    REQUIRE(d.all().size() == 1);
    const Diagnostic& deep = d.all()[0];
    CHECK(deep.code == "element-too-deep");
    CHECK(deep.where.file == "deep.xml");
    CHECK(deep.where.line == 3);
    CHECK(deep.message.find("100") != std::string::npos);
    CHECK(deep.message.find("XML_") == std::string::npos);  // no parser jargon
}

TEST_CASE("an installation file larger than the limit is one error at the line where the limit falls") {
    test::TempDir dir;
    const auto file = dir / "installation.xml";
    {
        std::ofstream out(file, std::ios::binary);
        out << "<installation>\n";
        // Lines of 100 bytes after the first (15 bytes) line.
        for (std::size_t written = 15; written <= kMaxInstallationBytes; written += 100)
            out << std::string(99, ' ') << "\n";
        out << "</installation>\n";
    }
    Diagnostics d;
    CHECK_FALSE(loadInstallation(file, d));
    REQUIRE(d.all().size() == 1);
    CHECK(d.all()[0].code == "file-too-large");
    CHECK(d.all()[0].where.file == file.string());
    CHECK(d.all()[0].where.line == 2 + static_cast<int>((kMaxInstallationBytes - 15) / 100));
}
