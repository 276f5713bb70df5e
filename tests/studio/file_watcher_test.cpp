#include "studio/file_watcher.h"

#include <doctest/doctest.h>

#include "studio/studio_fixture.h"

namespace vitrine::studio {

// Generous: the wait ends as soon as the change is reported; the limit only stops a hang.
constexpr std::chrono::seconds kPatience{10};

TEST_CASE("file watcher: notices a write and a rename over the file, not other files") {
    testing::StudioFixture f;
    FileWatcher watcher(f.file);
    REQUIRE(watcher.ok());
    CHECK_FALSE(watcher.takeChange());

    f.write("changed");
    CHECK(watcher.waitForChange(kPatience));
    CHECK_FALSE(watcher.takeChange());  // one burst, one change

    // An editor's save: a new file renamed over the old one.
    std::ofstream(f.folder / "exhibit.xml.tmp") << "renamed";
    std::filesystem::rename(f.folder / "exhibit.xml.tmp", f.file);
    CHECK(watcher.waitForChange(kPatience));
    int changes = watcher.changeCount();

    // Another file in the folder is not ours; a slow machine can only make this pass.
    std::ofstream(f.folder / "other.txt") << "noise";
    CHECK_FALSE(watcher.waitForChange(std::chrono::milliseconds(300)));
    CHECK(watcher.changeCount() == changes);
    f.write("again");
    CHECK(watcher.waitForChange(kPatience));
}

}  // namespace vitrine::studio
