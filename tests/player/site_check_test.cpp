// `vitrine check EXHIBIT --installation FILE`: the exhibit laid out as the site shows it.

#include <doctest/doctest.h>

#include <algorithm>

#include "exhibit/exhibit_loader.h"
#include "player/site_check.h"
#include "text/layout_check.h"

using namespace vitrine;

namespace {

// A box that holds one line of any language, not two stacked, even set at the smallest size
// `both` fits a text at (player/both_languages_fit.h): 70 px, one 48 px line.
const char* const kTight = R"(<exhibit title="Tight" size="1920x1080" lang="en" background="#000000">
  <style id="default" font="serif" size="48" color="#efe6d6"/>
  <scene id="one" dur="8s">
    <video kind="sign-language" placeholder="Sign-language video not yet recorded"/>
    <text x="10%" y="10%" width="40%" height="70px"><p lang="en">Short words.</p><p lang="fr">Des mots courts, pas plus.</p><p lang="hy">Կարճ բառեր։</p></text>
    <text x="70%" y="80%" width="25%">Bottom right</text>
  </scene>
</exhibit>)";

struct Checked {
    LoadedExhibit exhibit;
    std::vector<const Diagnostic*> site;  // what the site check added
    std::string all() const {
        std::string out;
        for (const auto& d : exhibit.diagnostics.all()) out += formatDiagnostic(d) + "\n";
        return out;
    }
};

Checked check(const std::string& installationXml, const char* exhibitXml = kTight, CaptionCache* captions = nullptr) {
    Checked c;
    c.exhibit = loadExhibitFromText(exhibitXml, "/exhibits/tight/exhibit.xml");
    REQUIRE(c.exhibit.show);
    const text::FontLibrary fonts(text::bundledFontsDirectory());
    text::addLayoutProblems(c.exhibit, fonts);
    Diagnostics parse;
    auto site = installation::parseInstallation(installationXml, "site.xml", parse);
    REQUIRE(site);
    REQUIRE(parse.empty());
    const std::size_t before = c.exhibit.diagnostics.all().size();
    addSiteProblems(c.exhibit, *site, fonts, captions);
    REQUIRE(c.exhibit.diagnostics.all().size() >= before);
    for (const auto& d : c.exhibit.diagnostics.all())
        if (d.message.find("as this site shows it") != std::string::npos) c.site.push_back(&d);
    return c;
}

int countCode(const Checked& c, const std::string& code) {
    return static_cast<int>(std::count_if(c.site.begin(), c.site.end(), [&](const Diagnostic* d) { return d->code == code; }));
}

}  // namespace

TEST_CASE("site check: a text that overflows only with both languages is reported for that site") {
    const Checked one = check("<installation><languages show=\"one\" text=\"en fr\"/></installation>");
    CHECK(countCode(one, "text-overflow") == 0);
    const Checked both = check("<installation><languages show=\"both\" text=\"en fr\"/></installation>");
    INFO(both.all());
    REQUIRE(countCode(both, "text-overflow") == 1);
    const Diagnostic& d = **std::find_if(both.site.begin(), both.site.end(),
                                         [](const Diagnostic* x) { return x->code == "text-overflow"; });
    CHECK(d.where.line == 5);
    CHECK(d.message.find("in en and fr") != std::string::npos);
}

TEST_CASE("site check: alternate checks each loop's language") {
    // Each loop shows one language, one line, which fits: nothing to report (the stacked
    // pair that overflows is never shown at this site).
    const Checked alternate = check("<installation><languages show=\"alternate\" text=\"en fr\"/></installation>");
    for (const Diagnostic* d : alternate.site) INFO(formatDiagnostic(*d));
    CHECK(countCode(alternate, "text-overflow") == 0);
}

TEST_CASE("site check: the sign-language inset over a text is a warning at that text") {
    const Checked covered = check("<installation><sign-language corner=\"bottom-right\" size=\"22%\"/></installation>");
    INFO(covered.all());
    REQUIRE(countCode(covered, "inset-covers-text") == 1);
    const Diagnostic& d = **std::find_if(covered.site.begin(), covered.site.end(),
                                         [](const Diagnostic* x) { return x->code == "inset-covers-text"; });
    CHECK(d.severity == Severity::Warning);
    CHECK(d.where.line == 6);
    CHECK(d.message.find("0:00") != std::string::npos);
    CHECK(check("<installation><sign-language corner=\"top-right\"/></installation>").site.empty());
    CHECK(check("<installation><sign-language corner=\"bottom-right\" show=\"false\"/></installation>").site.empty());
}

namespace {

// No text near the bottom: only the captions of the voice can meet an inset there. Its
// second-captions make the first language's cue stand a block higher, as the renderer stacks it.
const char* const kVoiced = R"(<exhibit title="Voiced" size="1920x1080" lang="en" background="#000000">
  <style id="default" font="serif" size="48" color="#efe6d6"/>
  <scene id="one" dur="10s">
    <video kind="sign-language" placeholder="Sign-language video not yet recorded"/>
    <text x="10%" y="10%" width="40%" height="100px">Top left</text>
    <audio src="voice.wav" dur="10s" captions="voice.vtt" second-captions="voice.fr.vtt"/>
  </scene>
</exhibit>)";

// A long cue whose centred lines reach the right of the band, then a short one that does not.
const char* const kVoiceEnglish = "WEBVTT\n\n"
                                  "00:00:01.000 --> 00:00:04.000\n"
                                  "They came with lists and they knew who was Armenian in every building of the street.\n\n"
                                  "00:00:05.000 --> 00:00:08.000\n"
                                  "Yes.\n";
const char* const kVoiceFrench = "WEBVTT\n\n"
                                 "00:00:01.000 --> 00:00:04.000\n"
                                 "Ils sont venus avec des listes.\n";

const Diagnostic* insetWarningAt(const Checked& c, const std::string& file, int line) {
    for (const Diagnostic* d : c.site)
        if (d->code == "inset-covers-text" && d->where.file.find(file) != std::string::npos && d->where.line == line)
            return d;
    return nullptr;
}

}  // namespace

TEST_CASE("site check: the sign-language inset over a caption is a warning at that cue") {
    CaptionCache captions;
    captions.setText("/exhibits/tight/voice.vtt", kVoiceEnglish);
    captions.setText("/exhibits/tight/voice.fr.vtt", kVoiceFrench);
    // The bottom-right inset (x from 1402 px) meets the long cue's box (its lines reach about
    // 1600 px); the short cue, centred, ends far left of it.
    const Checked covered =
        check("<installation><sign-language corner=\"bottom-right\" size=\"22%\"/></installation>", kVoiced, &captions);
    INFO(covered.all());
    CHECK(countCode(covered, "inset-covers-text") == 1);
    const Diagnostic* cue = insetWarningAt(covered, "voice.vtt", 3);
    REQUIRE(cue != nullptr);
    CHECK(cue->severity == Severity::Warning);
    CHECK(cue->message.find("caption from 0:01.000 to 0:04.000") != std::string::npos);
    CHECK(insetWarningAt(covered, "voice.vtt", 6) == nullptr);
    // The French cue, stacked lowest, is short and centred: it stays left of the inset.
    CHECK(insetWarningAt(covered, "voice.fr.vtt", 3) == nullptr);

    // In the top-left corner, the inset meets the text there, and no caption.
    const Checked top =
        check("<installation><sign-language corner=\"top-left\" size=\"22%\"/></installation>", kVoiced, &captions);
    INFO(top.all());
    CHECK(countCode(top, "inset-covers-text") == 1);
    CHECK(insetWarningAt(top, "voice", 3) == nullptr);
}
