#include "studio/studio_document.h"

#include <doctest/doctest.h>

#include <algorithm>

#include <fstream>
#include <set>

#include "media/video_test_media.h"
#include "support/build_paths.h"
#include "studio/studio_fixture.h"
#include "base/time_value.h"
#include "text/layout_check.h"

namespace vitrine::studio {
namespace {

using testing::kStudioFixture;
using testing::StudioFixture;

using testing::replaced;

int itemOnLine(const StudioDocument& doc, int line) {
    for (int i = 0; i < static_cast<int>(doc.show()->items.size()); ++i)
        if (doc.show()->items[i].where.line == line) return i;
    return -1;
}

}  // namespace

TEST_CASE("studio document: opens, compiles and maps a selection to its element and line") {
    StudioFixture f;
    StudioDocument doc(f.file);
    REQUIRE(doc.loadError().empty());
    REQUIRE(doc.show() != nullptr);
    CHECK_FALSE(doc.diagnostics().hasErrors());
    CHECK(doc.show()->scenes.size() == 2);
    CHECK(doc.show()->items.size() == 3);

    int first = itemOnLine(doc, 6);
    REQUIRE(first >= 0);
    doc.selectItem(first);
    CHECK(doc.selection() == Selection{Selection::Kind::Item, first});
    const ScriptNode* node = doc.nodeOf(doc.selection());
    REQUIRE(node != nullptr);
    CHECK(node->name == "text");
    CHECK(node->value("dur") == "4s");
    CHECK(doc.locationOf(doc.selection()).line == 6);

    doc.selectScene(1);
    CHECK(doc.nodeOf(doc.selection())->value("id") == "closing");
    doc.selectItem(99);  // out of range: ignored
    CHECK(doc.selection().kind == Selection::Kind::Scene);
}

TEST_CASE("studio document: a diagnostic's place selects the innermost element there") {
    StudioFixture f;
    StudioDocument doc(f.file);
    CHECK(doc.selectAt({f.file.string(), 7, 20}));  // second line of the first <text>
    CHECK(doc.selection().kind == Selection::Kind::Item);
    CHECK(doc.locationOf(doc.selection()).line == 6);
    CHECK(doc.selectAt({f.file.string(), 5, 1}));
    CHECK(doc.selection() == Selection{Selection::Kind::Scene, 0});
    CHECK_FALSE(doc.selectAt({f.file.string(), 2, 1}));  // the comment: nothing there
}

TEST_CASE("studio document: changing a duration changes only the value's characters") {
    StudioFixture f;
    StudioDocument doc(f.file);
    int first = itemOnLine(doc, 6);
    doc.selectItem(first);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(2.5)));
    // The odd spacing and single quotes are kept; only 4s → 2.5s changed.
    CHECK(doc.text() == replaced(kStudioFixture, "dur = '4s'", "dur = '2.5s'"));
    CHECK(doc.modified());
    const Item& item = doc.show()->items[first];
    CHECK(item.activeEnd - item.begin == seconds(2.5));
    CHECK(doc.nodeOf(doc.selection())->value("dur") == "2.5s");
}

TEST_CASE("studio document: an absent attribute is inserted right after the element name") {
    StudioFixture f;
    StudioDocument doc(f.file);
    int second = itemOnLine(doc, 8);
    doc.selectItem(second);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(3)));
    CHECK(doc.text() == replaced(kStudioFixture, "<text x=\"100\" y=\"400\"", "<text dur=\"3s\" x=\"100\" y=\"400\""));
    CHECK(doc.show()->items[second].activeEnd - doc.show()->items[second].begin == seconds(3));
}

TEST_CASE("studio document: text content and escaping") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectItem(itemOnLine(doc, 8));
    REQUIRE_FALSE(doc.setContent(doc.selection(), "Fish & <chips>"));
    CHECK(doc.text() == replaced(kStudioFixture, ">Second words<", ">Fish &amp; &lt;chips&gt;<"));
    REQUIRE_FALSE(doc.setAttribute(doc.selection(), "x", "a\"b"));
    CHECK(doc.text().find("x=\"a&quot;b\" y=\"400\"") != std::string::npos);
}

TEST_CASE("studio document: undo and redo walk the edits back and forth") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(1);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(9)));
    std::string afterFirst = doc.text();
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(12)));
    CHECK(doc.show()->scenes[1].end - doc.show()->scenes[1].begin == seconds(12));

    CHECK(doc.undo());
    CHECK(doc.text() == afterFirst);
    CHECK(doc.undo());
    CHECK(doc.text() == kStudioFixture);
    CHECK_FALSE(doc.modified());
    CHECK_FALSE(doc.undo());
    CHECK(doc.show()->scenes[1].end - doc.show()->scenes[1].begin == seconds(8));

    CHECK(doc.redo());
    CHECK(doc.redo());
    CHECK_FALSE(doc.redo());
    CHECK(doc.text() == replaced(kStudioFixture, "dur=\"8s\"", "dur=\"12s\""));

    // A new edit after an undo drops the redo history.
    CHECK(doc.undo());
    REQUIRE_FALSE(doc.setAttribute(doc.selection(), "title", "Closing"));
    CHECK_FALSE(doc.canRedo());
}

TEST_CASE("studio document: save writes the edited text, the file holds exactly that") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(11)));
    REQUIRE_FALSE(doc.save());
    CHECK_FALSE(doc.modified());
    CHECK(f.read() == replaced(kStudioFixture, "dur=\"10s\"", "dur=\"11s\""));
}

TEST_CASE("studio document: reload keeps the playhead in the same scene at the same offset") {
    StudioFixture f;
    StudioDocument doc(f.file);
    Micros t = seconds(13);  // 3 s into "closing", which starts at 10 s
    PlayheadPosition p = doc.positionOf(t);
    CHECK(p.scene == "closing");
    CHECK(p.offset == seconds(3));

    f.write(replaced(kStudioFixture, "dur=\"10s\"", "dur=\"20s\""));  // "opening" grows by 10 s
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.timeOf(p) == seconds(23));
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Unchanged);

    // A scene that is gone: the same show time, clamped into the show.
    CHECK(doc.timeOf({"nowhere", seconds(5)}) == seconds(5));
    // An offset past the end of a shortened scene stays inside it.
    CHECK(doc.timeOf({"closing", seconds(60)}) == seconds(28) - 1);
}

TEST_CASE("studio document: a broken reload keeps the last good show and lists the errors") {
    StudioFixture f;
    StudioDocument doc(f.file);
    const Show* before = doc.show();
    REQUIRE(before != nullptr);
    int generation = doc.showGeneration();

    f.write(replaced(kStudioFixture, "</scene>\n  <!--", "</scen>\n  <!--"));  // no longer XML
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Broken);
    CHECK(doc.show() == before);
    CHECK(doc.showGeneration() == generation);
    CHECK(doc.showIsStale());
    REQUIRE(doc.diagnostics().hasErrors());
    CHECK(doc.diagnostics().all().front().where.line > 0);
    // Edits are refused while the text does not compile, with a reason.
    doc.selectScene(0);
    CHECK(doc.setDuration(doc.selection(), seconds(3)).has_value());

    f.write(kStudioFixture);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK_FALSE(doc.showIsStale());
    CHECK_FALSE(doc.diagnostics().hasErrors());
}

TEST_CASE("studio document: a reload keeps unsaved edits when the file did not change") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(7)));
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Unchanged);
    CHECK(doc.modified());
    CHECK(doc.canUndo());
}

TEST_CASE("studio document: compiles what vitrine check loads, with the same diagnostics") {
    StudioFixture f(replaced(kStudioFixture, "<text x=\"100\" y=\"400\"", "<text colour=\"red\" x=\"100\" y=\"400\""));
    StudioDocument doc(f.file);
    LoadedExhibit fromDisk = loadExhibit(f.file);
    // `vitrine check` adds the layout check to what loading finds; so does the studio.
    text::checkLayout(*fromDisk.show, text::FontLibrary(text::bundledFontsDirectory()), fromDisk.diagnostics);
    fromDisk.diagnostics.sortByLocation();
    REQUIRE(doc.diagnostics().all().size() == fromDisk.diagnostics.all().size());
    REQUIRE_FALSE(doc.diagnostics().empty());
    for (std::size_t i = 0; i < fromDisk.diagnostics.all().size(); ++i)
        CHECK(formatDiagnostic(doc.diagnostics().all()[i]) == formatDiagnostic(fromDisk.diagnostics.all()[i]));
}

namespace {

// What `vitrine check` lists for the document's text, laid out afresh (no kept findings).
std::vector<std::string> checkedAfresh(const StudioDocument& doc) {
    LoadedExhibit loaded = loadExhibitFromText(doc.text(), doc.file(), mediaCheckingOptions());
    text::addLayoutProblems(loaded, text::FontLibrary(text::bundledFontsDirectory()));
    std::vector<std::string> out;
    for (const Diagnostic& d : loaded.diagnostics.all()) out.push_back(formatDiagnostic(d) + " [" + d.code + "]");
    return out;
}

std::vector<std::string> listed(const StudioDocument& doc) {
    std::vector<std::string> out;
    for (const Diagnostic& d : doc.diagnostics().all()) out.push_back(formatDiagnostic(d) + " [" + d.code + "]");
    return out;
}

}  // namespace

TEST_CASE("studio document: an edit lays out and checks again only the item it changed") {
    StudioDocument doc(test::sourceDir() / "exhibits/baku-1990/exhibit.xml");
    REQUIRE(doc.show());
    const text::LayoutFindings& kept = doc.layoutFindings();
    const int perCompile = kept.itemsChecked() + kept.itemsReused();
    REQUIRE(perCompile > 10);
    auto itemAt = [&](int line) {
        const int index = itemOnLine(doc, line);
        REQUIRE(index >= 0);
        doc.selectItem(index);
        return doc.selection();
    };
    auto edit = [&](int line, const char* name, const char* value, int checkedAgain) {
        CAPTURE(name);
        const int checked = kept.itemsChecked(), reused = kept.itemsReused();
        REQUIRE_FALSE(doc.setAttribute(itemAt(line), name, value));
        CHECK(kept.itemsChecked() - checked == checkedAgain);
        CHECK(kept.itemsReused() - reused == perCompile - checkedAgain);
        CHECK(listed(doc) == checkedAfresh(doc));  // the panel lists what a check from scratch finds
    };
    // The lines of the title's text and of the first map, found in the exhibit as it is now.
    auto lineOf = [&](const std::string& opening) {
        const std::string& text = doc.text();
        const auto at = text.find(opening);
        REQUIRE(at != std::string::npos);
        return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    };
    const int title = lineOf("<text style=\"title\""), map = lineOf("<map ");
    edit(title, "fade", "2s", 0);    // the title's fade: nothing the layout check reads
    edit(title, "width", "400", 1);  // the title narrowed: laid out again (and now cut)
    edit(map, "width", "1200", 1);   // the map narrowed: its labels placed again
    CHECK(doc.diagnostics().all().size() > 0);
}

TEST_CASE("studio document: a file that cannot be read says so") {
    StudioDocument doc("/nonexistent/vitrine/exhibit.xml");
    CHECK_FALSE(doc.loadError().empty());
    CHECK(doc.show() == nullptr);
}

}  // namespace vitrine::studio

TEST_CASE("studio document: a video without dur lasts as long as its file, as in the player") {
    vitrine::test::TempDir dir;
    REQUIRE(vitrine::test::makeNumberedVideo(dir / "clip.mp4", 3));
    const auto file = dir / "exhibit.xml";
    std::ofstream(file) << "<exhibit><scene id=\"film\"><video src=\"clip.mp4\" credit=\"test\"/></scene></exhibit>";
    vitrine::studio::StudioDocument doc(file);
    REQUIRE(doc.show() != nullptr);
    // The scene took the clip's 3 s, not the 8 s default of an element with no length.
    CHECK(doc.show()->duration == vitrine::seconds(3));
}

namespace vitrine::studio {

TEST_CASE("studio document: a caption file's problems are in the studio's diagnostics, in that file") {
    StudioFixture f(replaced(kStudioFixture, "<text x=\"100\" y=\"400\"",
                             "<audio src=\"voice.wav\" captions=\"voice.vtt\" credit=\"me\"/>\n    <text x=\"100\" y=\"400\""));
    std::ofstream(f.folder / "voice.wav", std::ios::binary) << "";  // there; its length is not asked without a probe
    std::ofstream(f.folder / "voice.vtt", std::ios::binary) << "WEBVTT\n\n00:01.000 -> 00:02.000\nArrow\n";
    StudioDocument doc(f.file);
    const Diagnostic* found = nullptr;
    for (const auto& d : doc.diagnostics().all())
        if (d.code == "caption-bad-timing") found = &d;
    REQUIRE(found != nullptr);
    CHECK(found->where.file == (f.folder / "voice.vtt").string());
    CHECK(found->where.line == 3);
    CHECK(found->where.column == 11);
}

}  // namespace vitrine::studio

namespace vitrine::studio {
namespace {

// The fixture with a fade on the last text, as in the issue's report.
std::string withFade() { return replaced(kStudioFixture, "dur=\"6s\">The end", "dur=\"6s\" fade=\"1.2s\">The end"); }

// Selects the item written on `line`.
void selectLine(StudioDocument& doc, int line) {
    int item = itemOnLine(doc, line);
    REQUIRE(item >= 0);
    doc.selectItem(item);
}

}  // namespace

TEST_CASE("studio document: unsaved edits are made again on a file another program changed, undo and redo kept") {
    StudioFixture f(withFade());
    StudioDocument doc(f.file);
    selectLine(doc, 12);
    REQUIRE_FALSE(doc.setAttribute(doc.selection(), "fade", "2.0s"));
    REQUIRE(doc.modified());

    // Another editor adds a comment line at the top and lengthens the first scene.
    std::string other = replaced(replaced(withFade(), "<exhibit ", "<!-- added elsewhere -->\n<exhibit "),
                                 "dur=\"10s\"", "dur=\"14s\"");
    f.write(other);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.lastReload().reapplied == 1);
    CHECK(doc.lastReload().notReapplied.empty());
    // The fade stays 2.0s, on the new text, and the document stays unsaved.
    CHECK(doc.text() == replaced(other, "fade=\"1.2s\"", "fade=\"2.0s\""));
    CHECK(doc.modified());
    CHECK(doc.show()->scenes[0].end == seconds(14));

    // Undo takes back the re-made edit: the other program's text, unchanged.
    REQUIRE(doc.canUndo());
    CHECK(doc.undo());
    CHECK(doc.text() == other);
    CHECK_FALSE(doc.modified());
    // Redo makes it again.
    CHECK(doc.redo());
    CHECK(doc.text() == replaced(other, "fade=\"1.2s\"", "fade=\"2.0s\""));
}

TEST_CASE("studio document: an edit whose element is gone is listed, the others are made again") {
    StudioFixture f(withFade());
    StudioDocument doc(f.file);
    selectLine(doc, 12);
    REQUIRE_FALSE(doc.setAttribute(doc.selection(), "fade", "2.0s"));
    selectLine(doc, 6);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(3)));

    // The other program deletes the closing scene's text.
    std::string other = replaced(withFade(), "    <text x=\"100\" y=\"100\" width=\"1000\" height=\"200\" dur=\"6s\" fade=\"1.2s\">The end</text>\n", "");
    f.write(other);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.lastReload().reapplied == 1);
    REQUIRE(doc.lastReload().notReapplied.size() == 1);
    CHECK(doc.lastReload().notReapplied[0].find("fade of <text>") == 0);
    CHECK(doc.lastReload().notReapplied[0].find("no longer has exhibit/scene[2]/text[1]") != std::string::npos);
    CHECK(doc.text() == replaced(other, "dur = '4s'", "dur = '3s'"));
    CHECK(doc.modified());
    CHECK(doc.undo());
    CHECK(doc.text() == other);
    CHECK_FALSE(doc.undo());
}

TEST_CASE("studio document: edits saved before the reload can still be undone after it") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(1);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(9)));  // saved
    REQUIRE_FALSE(doc.save());
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(11)));  // unsaved

    // Another program changes the title, above both.
    std::string other = replaced(f.read(), "title=\"Studio fixture\"", "title=\"A longer title, changed elsewhere\"");
    f.write(other);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.text() == replaced(other, "dur=\"10s\"", "dur=\"11s\""));
    CHECK(doc.undo());
    CHECK(doc.text() == other);
    CHECK_FALSE(doc.modified());
    CHECK(doc.undo());  // the saved edit, moved past the other program's change
    CHECK(doc.text() == replaced(kStudioFixture, "title=\"Studio fixture\"", "title=\"A longer title, changed elsewhere\""));
    CHECK(doc.redo());
    CHECK(doc.redo());
    CHECK(doc.text() == replaced(other, "dur=\"10s\"", "dur=\"11s\""));
}

TEST_CASE("studio document: edits after undoing past a save are made again as one edit on the changed file") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(1);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(9)));
    REQUIRE_FALSE(doc.save());
    CHECK(doc.undo());  // the saved edit taken back: unsaved now
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(11)));  // the redo history is gone

    std::string other = replaced(f.read(), "title=\"Studio fixture\"", "title=\"Changed elsewhere\"");
    f.write(other);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.lastReload().notReapplied.empty());
    CHECK(doc.text() == replaced(replaced(other, "dur=\"10s\"", "dur=\"11s\""), "dur=\"9s\"", "dur=\"8s\""));
    CHECK(doc.modified());
    CHECK(doc.undo());
    CHECK(doc.text() == other);
}

TEST_CASE("studio document: an undone edit can be redone after a reload moved its element") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(1);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(9)));
    CHECK(doc.undo());
    // Two lines are added before the scene: its old offset is wrong now.
    std::string other = replaced(kStudioFixture, "  <!-- Between the scenes. -->\n",
                                 "  <!-- Between the scenes. -->\n  <!-- One more. -->\n  <!-- And another. -->\n");
    f.write(other);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    REQUIRE(doc.canRedo());
    CHECK(doc.redo());
    CHECK(doc.text() == replaced(other, "dur=\"8s\"", "dur=\"9s\""));
}

TEST_CASE("studio document: a file broken by another program keeps the unsaved edits waiting, and Save says why") {
    StudioFixture f(withFade());
    StudioDocument doc(f.file);
    selectLine(doc, 12);
    REQUIRE_FALSE(doc.setAttribute(doc.selection(), "fade", "2.0s"));
    const std::string edited = doc.text();

    std::string broken = replaced(withFade(), "</scene>\n  <!--", "</scen>\n  <!--");
    f.write(broken);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Broken);
    CHECK(doc.lastReload().waiting);
    CHECK(doc.modified());
    CHECK(doc.unsavedText() == edited);
    CHECK(doc.diagnostics().hasErrors());
    // Save writes nothing and says why: writing would lose either the edits or the file.
    auto error = doc.save();
    REQUIRE(error.has_value());
    CHECK(error->message.find("Not saved") == 0);
    CHECK(error->message.find("with errors") != std::string::npos);
    CHECK(f.read() == broken);
    CHECK(doc.modified());

    // Fixed in the other editor (with a change of its own): the edit is made again.
    std::string fixed = replaced(withFade(), "dur=\"10s\"", "dur=\"12s\"");
    f.write(fixed);
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.lastReload().reapplied == 1);
    CHECK(doc.text() == replaced(fixed, "fade=\"1.2s\"", "fade=\"2.0s\""));
    CHECK(doc.undo());
    CHECK(doc.text() == fixed);
}

TEST_CASE("studio document: a failed save says why and keeps the edits unsaved") {
    StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(11)));
    for (SaveStep step : {SaveStep::Write, SaveStep::Sync, SaveStep::Rename}) {
        auto error = doc.save([step](SaveStep s) { return s == step; });
        REQUIRE(error.has_value());
        CHECK(error->message.find("Not saved") == 0);
        CHECK(doc.modified());
        CHECK(f.read() == kStudioFixture);
    }
    // The folder is gone (a network share or a USB stick went away): nothing to write into.
    const std::filesystem::path moved = f.folder.string() + "-away";
    std::filesystem::rename(f.folder, moved);
    auto error = doc.save();
    std::filesystem::rename(moved, f.folder);
    REQUIRE(error.has_value());
    CHECK(error->message.find("Not saved") == 0);
    CHECK(doc.modified());
    CHECK(f.read() == kStudioFixture);
    REQUIRE_FALSE(doc.save());
    CHECK_FALSE(doc.modified());
}

}  // namespace vitrine::studio

namespace vitrine::studio {
namespace {

// Each text's one-line box holds either language alone, except the French of "long"; both
// languages stacked (a site's both mode) do not fit in "short".
const char* const kTwoLanguages = R"(<exhibit title="Two" size="1280x720" lang="en fr">
  <style id="default" font="serif" size="40" color="#efe6d6"/>
  <scene id="one" dur="10s">
    <text id="short" x="100" y="100" width="1000" height="60"><p lang="en">Welcome</p><p lang="fr">Bienvenue</p></text>
    <text id="long" x="100" y="300" width="1000" height="60"><p lang="en">Short</p><p lang="fr">Une phrase bien trop longue pour tenir sur une seule ligne de cette boîte, qui déborde donc</p></text>
  </scene>
</exhibit>
)";

// The ids of the texts the layout check says are cut by their box.
std::set<std::string> overflowing(const StudioDocument& doc) {
    std::set<std::string> out;
    for (const auto& d : doc.diagnostics().all())
        if (d.code == "text-overflow")
            for (const auto& item : doc.show()->items)
                if (item.where.line == d.where.line) out.insert(item.id);
    return out;
}

}  // namespace

TEST_CASE("studio document: previewed languages are not an edit and the layout warnings are theirs") {
    StudioFixture f(kTwoLanguages);
    StudioDocument doc(f.file);
    REQUIRE(doc.show() != nullptr);
    // The main language by default: the warnings of `vitrine check`, each language alone.
    CHECK(doc.previewLanguages() == PreviewLanguages{});
    CHECK(overflowing(doc) == std::set<std::string>{"long"});
    const int generation = doc.showGeneration();

    doc.setPreviewLanguages({PreviewLanguages::Kind::One, "en"});
    CHECK(overflowing(doc).empty());  // English alone fits everywhere
    // Not an edit: nothing to undo, nothing unsaved, the text and the file as they were.
    CHECK_FALSE(doc.modified());
    CHECK_FALSE(doc.canUndo());
    CHECK(doc.text() == kTwoLanguages);
    CHECK(f.read() == kTwoLanguages);
    // A new show generation, so the preview replaces its show; the document's keeps every language.
    CHECK(doc.showGeneration() > generation);
    CHECK(doc.show()->items[static_cast<std::size_t>(itemOnLine(doc, 4))].paragraphs.size() == 2);

    doc.setPreviewLanguages({PreviewLanguages::Kind::Both, {}});
    CHECK(overflowing(doc) == std::set<std::string>{"short", "long"});

    // Kept across a reload from disk and an edit (both warn where the main language would not).
    f.write(replaced(kTwoLanguages, "title=\"Two\"", "title=\"Deux\""));
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.previewLanguages().kind == PreviewLanguages::Kind::Both);
    CHECK(overflowing(doc) == std::set<std::string>{"short", "long"});
    REQUIRE_FALSE(doc.setAttribute(Selection{Selection::Kind::Item, itemOnLine(doc, 5)}, "height", "400"));
    CHECK(doc.previewLanguages().kind == PreviewLanguages::Kind::Both);
    CHECK(overflowing(doc) == std::set<std::string>{"short"});
    doc.undo();

    // An exhibit that no longer has the language previewed is previewed in its main language.
    doc.setPreviewLanguages({PreviewLanguages::Kind::One, "fr"});
    f.write(replaced(kTwoLanguages, "lang=\"en fr\"", "lang=\"en\""));
    CHECK(doc.reloadFromDisk() == ReloadOutcome::Reloaded);
    CHECK(doc.previewLanguages() == PreviewLanguages{});
}

}  // namespace vitrine::studio
