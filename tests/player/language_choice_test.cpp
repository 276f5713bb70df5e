#include <doctest/doctest.h>

#include <set>

#include "exhibit/exhibit_loader.h"
#include "player/language_choice.h"

using namespace vitrine;

namespace {

Show compile(const std::string& xml) {
    auto loaded = loadExhibitFromText(xml, "/exhibits/test/exhibit.xml");
    REQUIRE(loaded.show);
    return *loaded.show;
}

std::vector<std::string> languagesOf(const Show& show, int item) {
    std::vector<std::string> out;
    for (const auto& p : show.items[item].paragraphs) out.push_back(paragraphLanguage(p, show));
    return out;
}

const char* const kExhibit = R"(<exhibit title="Languages" lang="en hy">
  <scene id="one" dur="10s">
    <text id="welcome"><p lang="en">Welcome</p><p lang="hy">Բարի գալուստ</p><p lang="ru">Добро пожаловать</p></text>
    <text id="quote"><p lang="ru">Только по-русски</p></text>
    <text id="plain">Main language only</text>
    <audio src="audio/testimony.wav" captions="audio/testimony.vtt"/>
  </scene>
</exhibit>)";

int itemById(const Show& show, const std::string& id) {
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].id == id) return static_cast<int>(i);
    FAIL("no item " << id);
    return -1;
}

}  // namespace

TEST_CASE("language choice: a multilingual text keeps the site's languages, in the order written") {
    Show show = compile(kExhibit);
    const int welcome = itemById(show, "welcome");
    CHECK(languagesOf(show, welcome) == std::vector<std::string>{"en", "hy", "ru"});
    Show chosen = chooseLanguages(show, {{"hy", "en"}, {}});
    CHECK(languagesOf(chosen, welcome) == std::vector<std::string>{"en", "hy"});
    chosen = chooseLanguages(show, {{"ru"}, {}});
    CHECK(languagesOf(chosen, welcome) == std::vector<std::string>{"ru"});
    // Nothing disappears because the site did not list its language.
    chosen = chooseLanguages(show, {{"fr"}, {}});
    CHECK(languagesOf(chosen, welcome).size() == 3);
    chosen = chooseLanguages(show, {{"en"}, {}});
    CHECK(chosen.items[itemById(chosen, "quote")].paragraphs.size() == 1);
    CHECK(chosen.items[itemById(chosen, "plain")].paragraphs.size() == 1);
    // No choice: as written.
    chosen = chooseLanguages(show, {});
    CHECK(languagesOf(chosen, welcome).size() == 3);
}

TEST_CASE("language choice: captions switch to the first preferred language that has a file") {
    Show show = compile(kExhibit);
    int sound = -1;
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].kind == ItemKind::Audio) sound = static_cast<int>(i);
    REQUIRE(sound >= 0);
    const std::filesystem::path written = show.items[sound].captions;
    CHECK(written.filename() == "testimony.vtt");
    std::set<std::filesystem::path> files{written, written.parent_path() / "testimony.hy.vtt",
                                          written.parent_path() / "testimony.ru.vtt"};
    auto exists = [&](const std::filesystem::path& p) { return files.count(p) > 0; };
    auto captionsFor = [&](std::vector<std::string> languages) {
        return std::filesystem::path(chooseLanguages(show, {{}, languages}, exists).items[sound].captions);
    };
    CHECK(captionsFor({"hy", "ru"}).filename() == "testimony.hy.vtt");
    CHECK(captionsFor({"az", "ru"}).filename() == "testimony.ru.vtt");  // no Azerbaijani file: the next one
    CHECK(captionsFor({"en", "hy"}).filename() == "testimony.vtt");     // the file as written is English
    CHECK(captionsFor({"az"}).filename() == "testimony.vtt");           // none at all: as written
    // A file written with its language tag counts for that language.
    Show tagged = show;
    tagged.items[sound].captions = (written.parent_path() / "testimony.ru.vtt").string();
    auto chosen = chooseLanguages(tagged, {{}, {"ru", "hy"}}, exists);
    CHECK(std::filesystem::path(chosen.items[sound].captions).filename() == "testimony.ru.vtt");
    chosen = chooseLanguages(tagged, {{}, {"hy"}}, exists);
    CHECK(std::filesystem::path(chosen.items[sound].captions).filename() == "testimony.hy.vtt");
}
