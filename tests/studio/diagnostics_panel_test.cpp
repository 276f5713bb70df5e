// The studio's diagnostics panel, through the program's --script: it lists what `vitrine
// check` finds, media that will not play included, and follows a live edit.

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "media/media_test_files.h"
#include "studio/studio_fixture.h"
#include "studio/studio_run.h"

namespace vitrine::studio {

namespace {

// The lines of `output` that report a media file that will not play.
std::vector<std::string> mediaProblems(const std::string& output) {
    std::vector<std::string> lines;
    std::istringstream in(output);
    for (std::string line; std::getline(in, line);)
        if (line.find("[media-") != std::string::npos) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("studio diagnostics: a picture that will not play is listed as check lists it and a live edit updates it") {
    requireStudio();
    testing::StudioFixture f(R"(<exhibit title="Media" size="1280x720" lang="en">
  <scene id="one" dur="5s">
    <image src="photo.jpg" credit="c"/>
    <image src="note.jpg" credit="c" begin="1s"/>
  </scene>
</exhibit>
)");
    REQUIRE(test::makeTestPattern(f.folder / "photo.jpg", 320, 240));
    std::vector<std::uint8_t> jpeg = test::readBytes(f.folder / "photo.jpg");
    jpeg.resize(jpeg.size() / 2);
    test::writeBytes(f.folder / "half.jpg", jpeg);
    const std::string note = "Photograph to be supplied by the archive.\n";
    test::writeBytes(f.folder / "note.jpg", {note.begin(), note.end()});

    // Before the edit the text file is listed; after the first picture is pointed at the
    // cut-short copy, both are.
    Run r = runStudio(quoted(f.file) + " --size 1280x720 --script 'wait 2; diagnostics; select line 3; "
                                       "set src half.jpg; wait 2; diagnostics; save; quit'");
    INFO(r.output);
    REQUIRE(r.status == 0);
    const std::string file = f.file.string();
    const std::string text = file + ":4:12: error: note.jpg: not a picture: the file is text [media-wrong-kind]";
    const std::string cut = file + ":3:12: error: half.jpg: the JPEG ends after ";
    const std::vector<std::string> listed = mediaProblems(r.output);
    REQUIRE(listed.size() == 3);
    CHECK(listed[0] == text);
    CHECK(listed[1].starts_with(cut));
    CHECK(listed[2] == text);

    // What the panel listed last is what `vitrine check` says of the saved file.
    Run check = runProgram("vitrine", "check " + quoted(f.file));
    CHECK(check.status == 2);
    CHECK(mediaProblems(check.output) == std::vector<std::string>(listed.begin() + 1, listed.end()));
}

}  // namespace vitrine::studio
