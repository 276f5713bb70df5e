#include <doctest/doctest.h>

#include "map/compiled_map.h"
#include "support/in_memory_files.h"
#include "timeline/evaluate.h"

using namespace vitrine;
using vitrine::test::compileText;
using vitrine::test::findCode;

namespace {
const Item& itemById(const Show& s, const std::string& id) {
    for (const auto& i : s.items)
        if (i.id == id) return i;
    FAIL("no item " << id);
    return s.items.front();
}
}  // namespace

TEST_CASE("a seq places children one after another, a par together") {
    Diagnostics d;
    Show s = compileText("<exhibit>\n<scene id=\"a\" dur=\"10s\">\n"
                         "  <seq><text id=\"t1\" dur=\"2s\">a</text><text id=\"t2\" begin=\"1s\" dur=\"3s\">b</text></seq>\n"
                         "  <par begin=\"5s\"><text id=\"t3\" dur=\"1s\">c</text><text id=\"t4\" begin=\"500ms\" dur=\"1s\">d</text></par>\n"
                         "</scene>\n<scene id=\"b\" dur=\"4s\"/>\n</exhibit>",
                         d);
    CHECK(s.scenes.size() == 2);
    CHECK(s.duration == seconds(14));
    CHECK(itemById(s, "t1").begin == 0);
    CHECK(itemById(s, "t1").end == seconds(2));
    CHECK(itemById(s, "t2").begin == seconds(3));
    CHECK(itemById(s, "t2").end == seconds(6));
    CHECK(itemById(s, "t3").begin == seconds(5));
    CHECK(itemById(s, "t4").begin == seconds(5.5));
    CHECK(s.scenes[1].begin == seconds(10));
    CHECK(s.scenes[1].end == seconds(14));
}

TEST_CASE("durations come from dur, end, content, or the default") {
    Diagnostics d;
    Show s = compileText("<exhibit default-dur=\"5s\">\n"
                         "<scene id=\"by-content\"><text id=\"x\" begin=\"1s\" dur=\"3s\">a</text></scene>\n"
                         "<scene id=\"by-end\"><text id=\"y\" begin=\"1s\" end=\"7s\">a</text></scene>\n"
                         "<scene id=\"by-default\"><text id=\"z\">until the scene ends</text></scene>\n"
                         "</exhibit>",
                         d);
    REQUIRE(s.scenes.size() == 3);
    CHECK(s.scenes[0].end - s.scenes[0].begin == seconds(4));
    CHECK(s.scenes[1].end - s.scenes[1].begin == seconds(7));
    CHECK(s.scenes[2].end - s.scenes[2].begin == seconds(5));
    CHECK(itemById(s, "z").end == s.scenes[2].end);
}

TEST_CASE("media without dur take their length from the probe") {
    Diagnostics d;
    vitrine::test::InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit><scene><audio id=\"a\" src=\"t.wav\" in=\"1s\"/></scene></exhibit>";
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    CompileOptions options;
    options.mediaDuration = [](const std::filesystem::path& p) -> std::optional<Micros> {
        CHECK(p == "mem/t.wav");
        return seconds(10);
    };
    Show s = compileShow(*script, d, options);
    CHECK(s.duration == seconds(9));
    CHECK(itemById(s, "a").clipIn == seconds(1));
}

TEST_CASE("an audio description runs beside the exhibit's scenes from the start and takes no turn") {
    Diagnostics d;
    vitrine::test::InMemoryFiles files;
    files.files["mem/main.xml"] =
        "<exhibit><scene id=\"a\" dur=\"10s\"/>"
        "<audio id=\"described\" kind=\"description\" src=\"d.ogg\" captions=\"d.vtt\" begin=\"500ms\" credit=\"c\"/>"
        "<scene id=\"b\" dur=\"4s\"><audio id=\"said\" src=\"s.ogg\" captions=\"s.vtt\" credit=\"c\"/></scene></exhibit>";
    auto script = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(script);
    CompileOptions options;
    options.mediaDuration = [](const std::filesystem::path& p) -> std::optional<Micros> {
        return p == "mem/d.ogg" ? seconds(30) : seconds(2);  // the description outlasts the show
    };
    Show s = compileShow(*script, d, options);
    CHECK(d.errorCount() == 0);
    CHECK(s.duration == seconds(14));  // the scenes alone decide the show's length
    CHECK(s.scenes[1].begin == seconds(10));
    const Item& described = itemById(s, "described");
    CHECK(described.description);
    CHECK(described.scene == -1);
    CHECK(described.begin == seconds(0.5));
    CHECK(described.activeEnd == seconds(14));  // cut at the show's end
    CHECK_FALSE(itemById(s, "said").description);
    // It is heard with the scene's own sound.
    Frame f = evaluate(s, seconds(11));
    CHECK(f.audio.size() == 2);
}

TEST_CASE("fill=freeze holds an element until its parent ends, repeat multiplies") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"10s\">"
                         "<text id=\"f\" dur=\"2s\" fill=\"freeze\">a</text>"
                         "<text id=\"r\" dur=\"2s\" repeat=\"3\">b</text>"
                         "<text id=\"cut\" begin=\"8s\" dur=\"5s\">c</text>"
                         "</scene></exhibit>",
                         d);
    CHECK(itemById(s, "f").activeEnd == seconds(2));
    CHECK(itemById(s, "f").end == seconds(10));
    CHECK(itemById(s, "r").end == seconds(6));
    CHECK(itemById(s, "r").simpleDuration == seconds(2));
    CHECK(itemById(s, "cut").end == seconds(10));  // cut at the parent's end
}

TEST_CASE("impossible timings are errors at the attribute") {
    Diagnostics d;
    compileText("<exhibit>\n<scene>\n<text begin=\"5s\" end=\"2s\">a</text>\n<text dur=\"-1s\">b</text>\n</scene>\n</exhibit>", d);
    const Diagnostic* e = findCode(d, "end-before-begin");
    REQUIRE(e);
    CHECK(e->where.line == 3);
    CHECK(e->where.column == 18);
    REQUIRE(findCode(d, "negative-duration"));
    CHECK(findCode(d, "negative-duration")->where.line == 4);
}

TEST_CASE("styles inherit from their base and from default") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"1000x1000\">"
                         "<style id=\"default\" color=\"#ffffff\" size=\"40\"/>"
                         "<style id=\"body\" size=\"5%\" italic=\"true\"/>"
                         "<style id=\"quote\" base=\"body\" align=\"center\" weight=\"bold\"/>"
                         "<scene dur=\"20s\"><text id=\"q\" style=\"quote\">a</text><text id=\"plain\">b</text></scene></exhibit>",
                         d);
    const TextStyle& q = itemById(s, "q").style;
    CHECK(q.color == Color{255, 255, 255, 255});
    CHECK(q.size == 50);
    CHECK(q.italic);
    CHECK(q.bold);
    CHECK(q.align == TextStyle::Align::Center);
    CHECK(itemById(s, "plain").style.size == 40);
    CHECK_FALSE(itemById(s, "plain").style.italic);
}

TEST_CASE("style cycles are reported once and do not hang") {
    Diagnostics d;
    compileText("<exhibit>\n<style id=\"a\" base=\"b\"/>\n<style id=\"b\" base=\"a\"/>\n"
                "<scene dur=\"20s\"><text style=\"a\">x</text><text style=\"a\">y</text></scene></exhibit>",
                d);
    int cycles = 0;
    for (const auto& x : d.all()) cycles += x.code == "style-cycle";
    CHECK(cycles == 1);
}

TEST_CASE("layout: percentages, anchors and regions") {
    Diagnostics d;
    Show s = compileText("<exhibit size=\"2000x1000\">"
                         "<region id=\"lower\" x=\"10%\" y=\"70%\" width=\"80%\" height=\"20%\"/>"
                         "<scene dur=\"20s\">"
                         "<text id=\"c\" x=\"50%\" y=\"50%\" width=\"400\" height=\"100\" anchor=\"center\">a</text>"
                         "<text id=\"b\" width=\"50%\" height=\"10%\" anchor=\"bottom\">b</text>"
                         "<text id=\"r\" region=\"lower\">c</text>"
                         "</scene></exhibit>",
                         d);
    CHECK(itemById(s, "c").box == Rect{800, 450, 400, 100});
    CHECK(itemById(s, "b").box == Rect{500, 900, 1000, 100});
    CHECK(itemById(s, "r").box == Rect{200, 700, 1600, 200});
}

TEST_CASE("text keeps paragraphs, emphasis and languages") {
    Diagnostics d;
    Show s = compileText("<exhibit><scene dur=\"30s\"><text id=\"t\">\n"
                         "  <p>The <i>Baku</i>   pogroms<br/>of <b>1990</b></p>\n"
                         "  <p lang=\"hy\">Բաքու</p>\n"
                         "</text></scene></exhibit>",
                         d);
    const Item& t = itemById(s, "t");
    REQUIRE(t.paragraphs.size() == 2);
    const auto& runs = t.paragraphs[0].runs;
    REQUIRE(runs.size() == 6);
    CHECK(runs[0].text == "The ");
    CHECK(runs[1].text == "Baku");
    CHECK(runs[1].italic);
    CHECK(runs[2].text == " pogroms");
    CHECK(runs[3].text == "\n");
    CHECK(runs[5].text == "1990");
    CHECK(runs[5].bold);
    CHECK(t.paragraphs[1].lang == "hy");
    CHECK(wordCount(t.paragraphs) == 6);
}

TEST_CASE("designer warnings: reading time, credits, captions") {
    Diagnostics d;
    compileText("<exhibit>\n<scene dur=\"30s\">\n"
                "<text dur=\"2s\">one two three four five six seven eight nine ten</text>\n"
                "<image src=\"a.jpg\"/>\n"
                "<image placeholder=\"Photograph of Baku, January 1990\"/>\n"
                "<audio src=\"t.wav\" credit=\"c\" dur=\"3s\"/>\n"
                "</scene>\n</exhibit>",
                d);
    const Diagnostic* reading = findCode(d, "reading-time");
    REQUIRE(reading);
    CHECK(reading->severity == Severity::Warning);
    CHECK(reading->where.line == 3);
    // 10 words at 130 wpm = 4.615 s, + 1.5 s, rounded up to the tenth.
    CHECK(reading->message.find("6.2s") != std::string::npos);
    int credits = 0;
    for (const auto& x : d.all()) credits += x.code == "missing-credit";
    CHECK(credits == 1);  // the placeholder is exempt
    CHECK(findCode(d, "missing-captions")->where.line == 6);
    CHECK(readingTime(130, 130) == seconds(61.5));
}

TEST_CASE("a credits entry with lang is a paragraph in that language, its role too") {
    Diagnostics d;
    Show s = compileText("<exhibit lang=\"en fr\">"
                         "<credits dur=\"20s\"><entry lang=\"en\" role=\"Text\">A museum</entry>"
                         "<entry lang=\"fr\" role=\"Texte\">Un musée</entry></credits>"
                         "</exhibit>",
                         d);
    CHECK(d.errorCount() == 0);
    const Item& credits = s.items.at(s.scenes.at(0).items.at(0));
    REQUIRE(credits.paragraphs.size() == 2);
    CHECK(credits.paragraphs[0].lang == "en");
    CHECK(credits.paragraphs[1].lang == "fr");
    CHECK(credits.paragraphs[1].runs.at(0).text == "Texte\n");
    CHECK(credits.paragraphs[1].runs.at(0).lang == "fr");
    CHECK(paragraphLanguage(credits.paragraphs[1], s) == "fr");
}

TEST_CASE("advisory and credits become centred text scenes") {
    Diagnostics d;
    Show s = compileText("<exhibit>"
                         "<advisory id=\"adv\" dur=\"10s\" title=\"Content advisory\"><p>This exhibit describes violence.</p></advisory>"
                         "<credits dur=\"20s\"><entry role=\"Text\">A museum</entry></credits>"
                         "</exhibit>",
                         d);
    REQUIRE(s.scenes.size() == 2);
    CHECK(s.scenes[0].id == "adv");
    const Item& adv = s.items.at(s.scenes[0].items.at(0));
    CHECK(adv.style.align == TextStyle::Align::Center);
    CHECK(adv.paragraphs.size() == 2);
    CHECK(adv.paragraphs[0].runs[0].bold);
    const Item& credits = s.items.at(s.scenes[1].items.at(0));
    CHECK(credits.paragraphs.at(0).runs.at(0).text == "Text\n");
    CHECK(credits.paragraphs.at(0).runs.at(0).italic);
}

TEST_CASE("a map element is compiled once by the options' map compiler, and the show holds the result") {
    Diagnostics d;
    vitrine::test::InMemoryFiles files;
    files.files["mem/main.xml"] = "<exhibit>\n  <scene dur=\"5s\">\n    <map id=\"m\" src=\"data.geojson\" view=\"40,37 → 51,43\">"
                                  "<marker at=\"Baku\"/></map>\n  </scene>\n</exhibit>";
    auto loaded = loadScript("mem/main.xml", d, files.reader());
    REQUIRE(loaded);
    const Script& script = *loaded;
    CompileOptions options;
    int calls = 0;
    auto compiled = std::make_shared<map::CompiledMap>();
    options.compileMap = [&](const ScriptNode& element, const std::string& src, const StyleOver&, Diagnostics&) {
        ++calls;
        CHECK(element.name == "map");
        CHECK(element.where.line == 3);
        CHECK(std::filesystem::path(src).filename() == "data.geojson");  // resolved like any media
        return std::shared_ptr<const map::CompiledMap>(compiled);
    };
    Show show = compileShow(script, d, options);
    CHECK(calls == 1);
    CHECK(itemById(show, "m").map == compiled);
    // Without a map compiler the timeline reads no map data: the item has no map.
    Show alone = compileShow(script, d);
    CHECK_FALSE(itemById(alone, "m").map);
}
