#include "studio/recovery_file.h"

#include <doctest/doctest.h>

#include "studio/studio_fixture.h"

namespace vitrine::studio {

TEST_CASE("recovery file: lies hidden beside the exhibit, and reads back what was written") {
    testing::StudioFixture f;
    CHECK(recoveryFileOf(f.file) == f.folder / ".exhibit.xml.recovery");
    CHECK_FALSE(readRecovery(f.file));

    const auto before = std::chrono::system_clock::now() - std::chrono::seconds(2);
    REQUIRE_FALSE(writeRecovery(f.file, "edited text\n"));
    auto recovery = readRecovery(f.file);
    REQUIRE(recovery);
    CHECK(recovery->text == "edited text\n");
    CHECK(recovery->written >= before);
    CHECK(recovery->written <= std::chrono::system_clock::now() + std::chrono::seconds(2));
    CHECK(f.read() == testing::kStudioFixture);  // the exhibit itself is untouched

    removeRecovery(f.file);
    CHECK_FALSE(readRecovery(f.file));
}

TEST_CASE("recovery file: a folder that cannot take it says so") {
    auto error = writeRecovery("/nonexistent/vitrine/exhibit.xml", "text");
    REQUIRE(error);
    CHECK(error->message.find("recovery copy") != std::string::npos);
}

TEST_CASE("recovery file: changed lines count a changed line once, added and removed lines each") {
    CHECK(changedLines("a\nb\nc\n", "a\nb\nc\n") == 0);
    CHECK(changedLines("a\nb\nc\n", "a\nB\nc\n") == 1);
    CHECK(changedLines("a\nb\nc\n", "a\nc\n") == 1);
    CHECK(changedLines("a\nb\nc\n", "x\na\nb\nc\ny\n") == 2);
    CHECK(changedLines("a\nb\nc\nd\n", "b\na\nc\nD\n") == 2);
    CHECK(changedLines("", "a\n") == 1);
}

TEST_CASE("recovery file: set aside, it keeps its text and time under a name of its own, beside the next one") {
    testing::StudioFixture f;
    CHECK_FALSE(setRecoveriesAside({f.file}));  // none: nothing to do
    CHECK(recoveriesSetAside(f.file).empty());

    REQUIRE_FALSE(writeRecovery(f.file, "first session\n"));
    const auto written = readRecovery(f.file)->written;
    REQUIRE_FALSE(setRecoveriesAside({f.file}));
    CHECK_FALSE(readRecovery(f.file));  // the next session's edits get the name
    REQUIRE_FALSE(writeRecovery(f.file, "second session\n"));
    REQUIRE_FALSE(setRecoveriesAside({f.file}));  // within the same second: numbered, not overwritten
    // Another exhibit's recovery in the same folder is not this one's.
    REQUIRE_FALSE(writeRecovery(f.folder / "exhibit.xml.old.xml", "another exhibit\n"));

    auto aside = recoveriesSetAside(f.file);
    REQUIRE(aside.size() == 2);
    CHECK(aside[0].text == "first session\n");
    CHECK(aside[0].written == written);
    CHECK(aside[0].file.filename().string().starts_with(".exhibit.xml."));
    CHECK(aside[0].file.extension() == ".recovery");
    CHECK(aside[1].text == "second session\n");
    CHECK(f.read() == testing::kStudioFixture);

    removeSetAside(aside[0]);
    aside = recoveriesSetAside(f.file);
    REQUIRE(aside.size() == 1);
    CHECK(aside[0].text == "second session\n");
}

TEST_CASE("recovery file: a session's exhibit and caption recoveries are set aside as one set, and each session's apart") {
    testing::StudioFixture f;
    const auto voice = f.folder / "voice.vtt", other = f.folder / "other.vtt";
    const std::vector<std::filesystem::path> files{f.file, voice, other};
    CHECK(recoverySetsAside(files).empty());

    // The first session edited the exhibit and voice.vtt.
    REQUIRE_FALSE(writeRecovery(f.file, "exhibit, first\n"));
    REQUIRE_FALSE(writeRecovery(voice, "voice, first\n"));
    REQUIRE_FALSE(setRecoveriesAside(files));
    CHECK_FALSE(readRecovery(voice));  // the next session's cue edits get the name
    // The second (in the same second) only voice.vtt again: a set of its own, not written over the first.
    REQUIRE_FALSE(writeRecovery(voice, "voice, second\n"));
    REQUIRE_FALSE(setRecoveriesAside(files));

    auto sets = recoverySetsAside(files);
    REQUIRE(sets.size() == 2);
    REQUIRE(sets[0].recoveries.size() == 2);
    CHECK(sets[0].recoveries.at(f.file).text == "exhibit, first\n");
    CHECK(sets[0].recoveries.at(voice).text == "voice, first\n");
    CHECK(sets[0].recoveries.at(voice).file.filename().string().starts_with(".voice.vtt."));
    REQUIRE(sets[1].recoveries.size() == 1);
    CHECK(sets[1].recoveries.at(voice).text == "voice, second\n");

    // Restored or discarded, a set goes whole; the other stays.
    removeSetAside(sets[0]);
    sets = recoverySetsAside(files);
    REQUIRE(sets.size() == 1);
    CHECK(sets[0].recoveries.at(voice).text == "voice, second\n");
    CHECK(recoveriesSetAside(f.file).empty());
}

}  // namespace vitrine::studio
