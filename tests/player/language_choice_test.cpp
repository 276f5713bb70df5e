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

namespace {

using installation::LanguageMode;

const char* const kBilingual = R"(<exhibit title="Bilingual" size="1920x1080" lang="en">
  <style id="default" size="40"/>
  <scene id="one" dur="10s">
    <text id="narrow" x="10%" y="10%" width="40%"><p lang="fr">Bienvenue</p><p lang="en">Welcome</p><p lang="hy">Բարի գալուստ</p></text>
    <text id="wide" x="5%" y="50%" width="90%"><p lang="en">Welcome</p><p lang="fr">Bienvenue</p></text>
    <audio src="audio/voice.wav" captions="audio/voice.vtt"/>
  </scene>
</exhibit>)";

LanguageChoice choice(LanguageMode mode, std::vector<std::string> text, std::vector<std::string> captions = {}) {
    LanguageChoice c;
    c.mode = mode;
    c.text = std::move(text);
    c.captions = std::move(captions);
    return c;
}

}  // namespace

TEST_CASE("language choice: one shows the first listed language a text has and nothing else") {
    Show show = compile(kBilingual);
    const int narrow = itemById(show, "narrow");
    Show chosen = chooseLanguages(show, choice(LanguageMode::One, {"en", "fr"}));
    CHECK(languagesOf(chosen, narrow) == std::vector<std::string>{"en"});
    chosen = chooseLanguages(show, choice(LanguageMode::One, {"az", "hy", "en"}));
    CHECK(languagesOf(chosen, narrow) == std::vector<std::string>{"hy"});  // no Azerbaijani: the next listed
    chosen = chooseLanguages(show, choice(LanguageMode::All, {"en", "fr"}));
    CHECK(languagesOf(chosen, narrow) == std::vector<std::string>{"fr", "en"});  // as before: all listed, as written
}

TEST_CASE("language choice: both sets the second language after the first in a smaller fainter style") {
    Show show = compile(kBilingual);
    const int narrow = itemById(show, "narrow");
    const std::size_t items = show.items.size();
    Show chosen = chooseLanguages(show, choice(LanguageMode::Both, {"en", "fr"}));
    // The site's order, not the designer's: English first though French was written first.
    CHECK(languagesOf(chosen, narrow) == std::vector<std::string>{"en", "fr"});
    const Item& text = chosen.items[narrow];
    CHECK_FALSE(text.paragraphs[0].style.has_value());  // the first as the designer styled it
    REQUIRE(text.paragraphs[1].style.has_value());
    CHECK(text.paragraphs[1].style->size == doctest::Approx(40 * kSecondLanguageSize));
    CHECK(text.paragraphs[1].style->color.a < text.style.color.a);
    CHECK(text.paragraphs[1].style->color.r == text.style.color.r);
    CHECK(text.box == show.items[narrow].box);  // a narrow box: below, in the same box
    // The wide box (90 % of 1920 px at 40 px: 43 ems) is under 60 ems: below too.
    CHECK(chosen.items.size() == items);
}

TEST_CASE("language choice: both sets the second language beside the first when the box is wide") {
    Show show = compile(kBilingual);
    // A wide box at a smaller size: 1728 px at 24 px is 72 ems, two columns of 35.
    const int wide = itemById(show, "wide");
    show.items[wide].style.size = 24;
    const Rect box = show.items[wide].box;
    Show chosen = chooseLanguages(show, choice(LanguageMode::Both, {"en", "fr"}));
    REQUIRE(chosen.items.size() == show.items.size() + 1);
    const int right = static_cast<int>(chosen.items.size()) - 1;
    CHECK(languagesOf(chosen, wide) == std::vector<std::string>{"en"});
    CHECK(languagesOf(chosen, right) == std::vector<std::string>{"fr"});
    CHECK(chosen.items[right].paragraphs[0].style->size == doctest::Approx(24 * kSecondLanguageSize));
    const Rect& l = chosen.items[wide].box;
    const Rect& r = chosen.items[right].box;
    CHECK(l.x == doctest::Approx(box.x));
    CHECK(r.x + r.width == doctest::Approx(box.x + box.width));
    CHECK(r.x - (l.x + l.width) == doctest::Approx(24));  // a gutter of one em
    CHECK(l.y == r.y);
    // Drawn right after the first column, in its scene.
    const auto& order = chosen.scenes[0].items;
    auto at = std::find(order.begin(), order.end(), wide);
    REQUIRE(at + 1 != order.end());
    CHECK(*(at + 1) == right);
}

TEST_CASE("language choice: both stacks the second caption language under the first") {
    Show show = compile(kBilingual);
    int sound = -1;
    for (std::size_t i = 0; i < show.items.size(); ++i)
        if (show.items[i].kind == ItemKind::Audio) sound = static_cast<int>(i);
    REQUIRE(sound >= 0);
    const std::filesystem::path written = show.items[sound].captions;
    std::set<std::filesystem::path> files{written, written.parent_path() / "voice.fr.vtt"};
    auto exists = [&](const std::filesystem::path& p) { return files.count(p) > 0; };
    Show chosen = chooseLanguages(show, choice(LanguageMode::Both, {"fr", "en"}, {"fr", "en"}), exists);
    CHECK(std::filesystem::path(chosen.items[sound].captions).filename() == "voice.fr.vtt");
    CHECK(std::filesystem::path(chosen.items[sound].secondCaptions).filename() == "voice.vtt");
    chosen = chooseLanguages(show, choice(LanguageMode::One, {"fr", "en"}, {"fr", "en"}), exists);
    CHECK(chosen.items[sound].secondCaptions.empty());
    // A second language with no file: one language of captions.
    chosen = chooseLanguages(show, choice(LanguageMode::Both, {"en", "hy"}, {"en", "hy"}), exists);
    CHECK(chosen.items[sound].secondCaptions.empty());
}

TEST_CASE("language choice: alternate gives each loop one language in turn and its captions follow") {
    const LanguageChoice site = choice(LanguageMode::Alternate, {"en", "fr"}, {"en", "fr"});
    for (int loop : {0, 2, 4}) {
        const LanguageChoice c = choiceForLoop(site, loop);
        CHECK(c.mode == LanguageMode::One);
        CHECK(c.text.front() == "en");
        CHECK(c.captions.front() == "en");
    }
    for (int loop : {1, 3}) {
        const LanguageChoice c = choiceForLoop(site, loop);
        CHECK(c.text.front() == "fr");
        CHECK(c.captions.front() == "fr");
    }
    // Other modes are the same every loop.
    CHECK(choiceForLoop(choice(LanguageMode::Both, {"en", "fr"}), 1).text == std::vector<std::string>{"en", "fr"});

    Show show = compile(kBilingual);
    const int narrow = itemById(show, "narrow");
    CHECK(languagesOf(chooseLanguages(show, choiceForLoop(site, 0)), narrow) == std::vector<std::string>{"en"});
    CHECK(languagesOf(chooseLanguages(show, choiceForLoop(site, 1)), narrow) == std::vector<std::string>{"fr"});
}

TEST_CASE("language choice: with no site choice a text keeps its main-language paragraphs and every item stays") {
    Show show = compile(kExhibit);  // lang="en hy": English is the main language
    CHECK(defaultLanguages(show).text == std::vector<std::string>{"en"});
    Show shown = inMainLanguage(show);
    CHECK(shown.items.size() == show.items.size());  // the studio maps items to lines by index
    CHECK(languagesOf(shown, itemById(shown, "welcome")) == std::vector<std::string>{"en"});
    // A text not written in the main language is left whole, and captions stay as written.
    CHECK(languagesOf(shown, itemById(shown, "quote")) == std::vector<std::string>{"ru"});
    for (std::size_t i = 0; i < show.items.size(); ++i) CHECK(shown.items[i].captions == show.items[i].captions);
    // Hy first: Armenian is the main language.
    Show armenian = inMainLanguage(compile(std::string(kExhibit).replace(std::string(kExhibit).find("en hy"), 5, "hy en")));
    CHECK(languagesOf(armenian, itemById(armenian, "welcome")) == std::vector<std::string>{"hy"});
}
