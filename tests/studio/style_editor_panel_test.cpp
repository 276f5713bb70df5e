// End to end: the style editor's --script actions on the real studio, checked in the saved
// file; and the refusal to delete a style in use, in plain words.

#include <doctest/doctest.h>

#include "studio/studio_fixture.h"
#include "studio/studio_run.h"

namespace vitrine::studio {
namespace {

const char* kStyledExhibit = R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Styles" size="1280x720" lang="en">
  <style id="default" font="serif" size="40" color="#efe6d6"/>
  <style id="caption" font="sans" size="28" background="#000000cc"/>
  <style id="quote" base="caption" italic="true"/>
  <style id="unused" size="60"/>
  <scene id="opening" dur="10s" background="#f0f0f0">
    <text x="100" y="100" width="1000" height="200" style="quote">First words</text>
    <text x="100" y="400" width="1000" height="200" style="caption">Second words</text>
  </scene>
</exhibit>
)";

}  // namespace

TEST_CASE("studio program: styles set, added, renamed with their references and deleted, saved as minimal edits") {
    requireStudio();
    testing::StudioFixture f(kStyledExhibit);
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'styles caption; wait 3; "
                                       "style-set caption color #ffcc00; new-style title caption; "
                                       "rename-style quote citation; delete-style unused; "
                                       "wait 3; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == R"(<?xml version="1.0" encoding="UTF-8"?>
<exhibit title="Styles" size="1280x720" lang="en">
  <style id="default" font="serif" size="40" color="#efe6d6"/>
  <style color="#ffcc00" id="caption" font="sans" size="28" background="#000000cc"/>
  <style id="citation" base="caption" italic="true"/>
  <style id="title" base="caption"/>
  <scene id="opening" dur="10s" background="#f0f0f0">
    <text x="100" y="100" width="1000" height="200" style="citation">First words</text>
    <text x="100" y="400" width="1000" height="200" style="caption">Second words</text>
  </scene>
</exhibit>
)");
}

TEST_CASE("studio program: a style in use is not deleted (the studio says who uses it), and undo takes edits back") {
    requireStudio();
    testing::StudioFixture f(kStyledExhibit);
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'delete-style caption; save; quit'");
    CHECK(r.status == 2);
    CHECK(r.output.find("'caption' is used by <style id=\"quote\"> at line 5 (its base), <text> at line 9") !=
          std::string::npos);
    CHECK(f.read() == kStyledExhibit);

    r = runStudio(quoted(f.file) + " --size 1280x720 --script 'rename-style caption subtitle; undo; "
                                   "style-contrast caption; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(f.read() == kStyledExhibit);
    // The caption style's box (black at 80 % over the light scene) under light text.
    CHECK(r.output.find("style caption: contrast 10.") != std::string::npos);
    CHECK(r.output.find("against its own background box over the background of scene 'opening'") != std::string::npos);
}

}  // namespace vitrine::studio
