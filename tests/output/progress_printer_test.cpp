// Export progress on a terminal and in a log.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "output/progress_printer.h"

using namespace vitrine;
using vitrine::output::ExportProgress;
using vitrine::output::ProgressPrinter;

namespace {

std::string contents(std::FILE* file) {
    std::rewind(file);
    std::string text;
    for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
    return text;
}

int count(const std::string& text, char c) { return static_cast<int>(std::count(text.begin(), text.end(), c)); }

// Reports 100 frames, one a second of a fake clock.
std::string run(bool interactive) {
    std::FILE* file = std::tmpfile();
    REQUIRE(file);
    double clock = 0;
    ProgressPrinter printer(file, interactive, "out.mp4", [&] { return clock; });
    ExportProgress p;
    p.frames = 100;
    for (p.frame = 1; p.frame <= 100; ++p.frame) {
        clock += 0.5;
        p.problems.clear();
        if (p.frame == 30) p.problems.push_back("audio x.wav: no such file");
        CHECK(printer(p));
    }
    printer.finish();
    std::string text = contents(file);
    std::fclose(file);
    return text;
}

}  // namespace

TEST_CASE("Progress in a log is one line every tenth, problems on lines of their own") {
    const std::string text = run(false);
    CHECK(count(text, '\r') == 0);
    CHECK(count(text, '\n') == 11);
    CHECK(text.find("out.mp4   10%    2.0 fps  0:45 left\n") != std::string::npos);
    CHECK(text.find("vitrine: audio x.wav: no such file\n") != std::string::npos);
    CHECK(text.find("100%") != std::string::npos);
}

TEST_CASE("Progress on a terminal rewrites one line in place") {
    const std::string text = run(true);
    CHECK(count(text, '\r') == 100);
    // The problem breaks the line once; finish() ends the last one.
    CHECK(count(text, '\n') == 3);
    CHECK(text.rfind("100%") > text.rfind('\r'));
}

TEST_CASE("A progress line gives percent, speed and time left") {
    CHECK(ProgressPrinter::line("x", 50, 200, 2.0) == "x   25%   25.0 fps  0:06 left");
    CHECK(ProgressPrinter::line("x", 0, 200, 0.0) == "x    0%");
}
