#include "files/atomic_save.h"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "studio/studio_document.h"
#include "studio/studio_fixture.h"

namespace vitrine::studio {

TEST_CASE("atomic save: a failure at any step leaves the old file whole, and no temporary") {
    const SaveStep steps[] = {SaveStep::Open,  SaveStep::Write,  SaveStep::Flush,     SaveStep::Sync,
                              SaveStep::Close, SaveStep::Rename, SaveStep::SyncFolder};
    const std::string oldText = testing::kStudioFixture;
    const std::string newText = oldText + std::string(100000, 'x');  // big enough to be written in pieces
    for (SaveStep failing : steps) {
        CAPTURE(saveStepName(failing));
        testing::StudioFixture f;
        ::chmod(f.file.c_str(), 0640);
        std::vector<SaveStep> seen;
        auto error = saveFileAtomically(f.file, newText, [&](SaveStep s) {
            seen.push_back(s);
            return s == failing;
        });
        REQUIRE(error.has_value());
        CHECK(error->message.find(saveStepName(failing)) != std::string::npos);
        CHECK(seen.back() == failing);  // the steps after a failure are not tried
        std::string onDisk = f.read();
        if (failing == SaveStep::SyncFolder)
            CHECK(onDisk == newText);  // renamed already: new, whole; only durability is in doubt
        else
            CHECK(onDisk == oldText);
        int entries = 0;
        for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(f.folder)) ++entries;
        CHECK(entries == 1);
    }
}

TEST_CASE("atomic save: success replaces the text and keeps the file's permissions") {
    testing::StudioFixture f;
    ::chmod(f.file.c_str(), 0640);
    std::vector<SaveStep> seen;
    auto error = saveFileAtomically(f.file, "new", [&](SaveStep s) {
        seen.push_back(s);
        return false;
    });
    CHECK_FALSE(error.has_value());
    CHECK(f.read() == "new");
    CHECK(seen.size() == 7);
    struct stat st {};
    REQUIRE(::stat(f.file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0640);
}

TEST_CASE("atomic save: a link planted where the temporary goes is never followed") {
    testing::StudioFixture f;
    // Every name the old saver would have used, and some, point at a file the save must not touch.
    const auto victim = f.folder / "victim.txt";
    { std::ofstream(victim) << "keep"; }
    ::chmod(victim.c_str(), 0600);
    const std::string name = f.file.filename().string();
    for (const std::string& planted : {"." + name + ".saving", "." + name + ".saving-XXXXXX", "." + name + ".tmp"})
        std::filesystem::create_symlink(victim, f.folder / planted);
    CHECK_FALSE(saveFileAtomically(f.file, "new").has_value());
    CHECK(f.read() == "new");
    CHECK_FALSE(std::filesystem::is_symlink(f.file));
    std::ifstream in(victim);
    std::string kept((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(kept == "keep");
    struct stat st {};
    REQUIRE(::stat(victim.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("atomic save: saving through a symbolic link saves its target and keeps the link") {
    testing::StudioFixture f;
    const auto real = f.folder / "real" / "exhibit.xml";
    std::filesystem::create_directories(real.parent_path());
    std::filesystem::rename(f.file, real);
    std::filesystem::create_symlink(std::filesystem::path("real") / "exhibit.xml", f.file);
    CHECK_FALSE(saveFileAtomically(f.file, "through the link").has_value());
    CHECK(std::filesystem::is_symlink(f.file));
    CHECK(f.read() == "through the link");
    // No temporary is left beside the link or the target.
    for (const auto& folder : {f.folder, real.parent_path()})
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            CHECK(entry.path().filename().string().find(".saving") == std::string::npos);
}

TEST_CASE("atomic save: a document whose save fails stays modified, and saves later") {
    testing::StudioFixture f;
    StudioDocument doc(f.file);
    doc.selectScene(0);
    REQUIRE_FALSE(doc.setDuration(doc.selection(), seconds(12)));
    CHECK(doc.save([](SaveStep s) { return s == SaveStep::Rename; }).has_value());
    CHECK(doc.modified());
    CHECK(f.read() == testing::kStudioFixture);
    CHECK_FALSE(doc.save().has_value());
    CHECK(f.read() == doc.text());
}

TEST_CASE("atomic save: a folder that cannot hold the file is an Error naming the file and the reason") {
    testing::StudioFixture f;
    // A regular file where the folder should be: refused even to root, unlike a read-only folder.
    const auto notAFolder = f.folder / "not-a-folder";
    { std::ofstream(notAFolder) << "a file"; }
    const auto file = notAFolder / "exhibit.xml";
    std::optional<Error> error = saveFileAtomically(file, "new");
    REQUIRE(error.has_value());
    CHECK(error->message.find(file.string()) != std::string::npos);
    CHECK(error->message.find("open failed") != std::string::npos);
    CHECK(error->message.find(std::strerror(ENOTDIR)) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(file));
}

}  // namespace vitrine::studio
