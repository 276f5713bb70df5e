// Captions of a show as one subtitle track: placed, clipped and flattened.

#include <doctest/doctest.h>

#include "output/subtitle_cues.h"
#include "support/in_memory_files.h"

using namespace vitrine;
using namespace vitrine::test;

namespace {

// The cache the export reads caption files through, given the files' texts.
void give(CaptionCache& cache, const InMemoryFiles& files) {
    for (const auto& [path, text] : files.files) cache.setText(path, text);
}

InMemoryFiles captionFiles() {
    InMemoryFiles files;
    files.files["mem/a.vtt"] = "WEBVTT\n\n00:00.000 --> 00:02.000\nFirst\n\n00:03.000 --> 00:05.000\nSecond\n";
    files.files["mem/b.srt"] = "1\n00:00:01,000 --> 00:00:04,000\nOther voice\n";
    return files;
}

}  // namespace

TEST_CASE("Caption cues move to where their audio plays and are cut to the item and the range") {
    InMemoryFiles files = captionFiles();
    Diagnostics diagnostics;
    const Show show = compileText("<exhibit><scene dur=\"20s\">"
                                  "<audio src=\"a.wav\" captions=\"a.vtt\" begin=\"10s\" dur=\"4s\"/>"
                                  "</scene></exhibit>",
                                  diagnostics, files);
    REQUIRE(show.items.size() == 1);
    CaptionCache cache;
    give(cache, files);
    auto cues = output::subtitleCuesFor(show, 0, show.duration, diagnostics, cache);
    REQUIRE(cues.size() == 2);
    CHECK(cues[0] == output::SubtitleCue{seconds(10), seconds(12), "First"});
    CHECK(cues[1] == output::SubtitleCue{seconds(13), seconds(14), "Second"});  // the item ends at 14 s

    // An export from 11 s to 13.5 s: times start at the export's start.
    cues = output::subtitleCuesFor(show, seconds(11), seconds(13.5), diagnostics, cache);
    REQUIRE(cues.size() == 2);
    CHECK(cues[0] == output::SubtitleCue{0, seconds(1), "First"});
    CHECK(cues[1] == output::SubtitleCue{seconds(2), seconds(2.5), "Second"});
}

TEST_CASE("Overlapping captions of two items share samples and never overlap") {
    InMemoryFiles files = captionFiles();
    Diagnostics diagnostics;
    const Show show = compileText("<exhibit><scene dur=\"10s\">"
                                  "<audio src=\"a.wav\" captions=\"a.vtt\"/>"
                                  "<audio src=\"b.wav\" captions=\"b.srt\"/>"
                                  "</scene></exhibit>",
                                  diagnostics, files);
    CaptionCache cache;
    give(cache, files);
    const auto cues = output::subtitleCuesFor(show, 0, show.duration, diagnostics, cache);
    REQUIRE(cues.size() == 5);
    CHECK(cues[0] == output::SubtitleCue{0, seconds(1), "First"});
    CHECK(cues[1] == output::SubtitleCue{seconds(1), seconds(2), "First\nOther voice"});
    CHECK(cues[2] == output::SubtitleCue{seconds(2), seconds(3), "Other voice"});
    CHECK(cues[3] == output::SubtitleCue{seconds(3), seconds(4), "Second\nOther voice"});
    CHECK(cues[4] == output::SubtitleCue{seconds(4), seconds(5), "Second"});
    for (std::size_t i = 1; i < cues.size(); ++i) CHECK(cues[i - 1].end <= cues[i].start);
}

TEST_CASE("A caption file that cannot be read is reported and gives no cues") {
    InMemoryFiles files;
    Diagnostics diagnostics;
    const Show show = compileText("<exhibit><scene dur=\"10s\"><audio src=\"a.wav\" captions=\"gone.vtt\"/>"
                                  "</scene></exhibit>",
                                  diagnostics, files);
    Diagnostics exportProblems;
    CaptionCache cache;  // given nothing: the file is looked for on disk, where it is not
    CHECK(output::subtitleCuesFor(show, 0, show.duration, exportProblems, cache).empty());
    CHECK(exportProblems.hasErrors());
}

TEST_CASE("A caption track is tagged with the language its file name says, else the exhibit's own") {
    InMemoryFiles files;
    for (const char* name : {"mem/t.vtt", "mem/t.hy.vtt", "mem/t.fr.vtt"})
        files.files[name] = "WEBVTT\n\n00:00.000 --> 00:02.000\nWords\n";
    Diagnostics diagnostics;
    auto show = [&](const char* lang, const char* captions, const char* second) {
        return compileText(std::string("<exhibit lang=\"") + lang + "\"><scene dur=\"5s\"><audio src=\"a.wav\" captions=\"" +
                               captions + "\"" + (second ? std::string(" second-captions=\"") + second + "\"" : "") +
                               "/></scene></exhibit>",
                           diagnostics, files);
    };
    using output::CaptionLayer;
    using output::captionLanguage;
    CHECK(captionLanguage(show("en", "t.vtt", nullptr), CaptionLayer::First) == "eng");
    CHECK(captionLanguage(show("fr", "t.vtt", nullptr), CaptionLayer::First) == "fre");
    CHECK(captionLanguage(show("en", "t.hy.vtt", nullptr), CaptionLayer::First) == "arm");
    // A second layer in an unnamed file could be in any language: it is not guessed.
    CHECK(captionLanguage(show("en", "t.hy.vtt", "t.vtt"), CaptionLayer::Second) == "und");
    CHECK(captionLanguage(show("en", "t.hy.vtt", "t.fr.vtt"), CaptionLayer::Second) == "fre");
}
