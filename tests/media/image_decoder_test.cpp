#include "media/image_decoder.h"

#include "media_test_files.h"

#include <doctest/doctest.h>

#include <sys/resource.h>

#include <cstdlib>
#include <thread>
#include <vector>

using namespace vitrine;
using vitrine::test::TempDir;

namespace {

struct Rgba {
    int r, g, b, a;
};

Rgba pixelAt(const RgbaImage& image, int x, int y) {
    const std::uint8_t* p = image.at(x, y);
    return {p[0], p[1], p[2], p[3]};
}

// Each channel within `tolerance` of the expected value.
bool near(const Rgba& actual, const Rgba& expected, int tolerance) {
    return std::abs(actual.r - expected.r) <= tolerance && std::abs(actual.g - expected.g) <= tolerance &&
           std::abs(actual.b - expected.b) <= tolerance && std::abs(actual.a - expected.a) <= tolerance;
}

// A mid blue whose three channels differ, so swapped channels cannot pass.
constexpr test::SolidColour kColour{0x33, 0x66, 0xCC};
constexpr Rgba kExpected{0x33, 0x66, 0xCC, 255};
constexpr std::uint8_t kHalfAlpha = 128;
constexpr int kLosslessTolerance = 1;
constexpr int kLossyTolerance = 6;

long peakResidentKilobytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("image decoder: every supported format decodes to the right size and colour") {
    TempDir dir;
    struct Case {
        const char* file;
        const char* pixelFormat;
        const char* extra;
        int tolerance;
    };
    const Case cases[] = {
        {"solid.jpg", "yuvj444p", "-q:v 2", kLossyTolerance},
        {"solid420.jpg", "yuvj420p", "-q:v 2", kLossyTolerance},
        {"solid8.png", "rgb24", "", kLosslessTolerance},
        {"solid16.png", "rgb48be", "", kLosslessTolerance},
        {"solid8.tiff", "rgb24", "", kLosslessTolerance},
        {"solid16.tiff", "rgb48le", "", kLosslessTolerance},
        {"solid-lossless.webp", "bgra", "-lossless 1", kLosslessTolerance},
        {"solid-lossy.webp", "yuv420p", "-quality 95", kLossyTolerance},
        {"solid.bmp", "bgr24", "", kLosslessTolerance},
        {"solid-grey.png", "gray", "", kLosslessTolerance},
    };
    for (const Case& c : cases) {
        CAPTURE(c.file);
        const auto path = dir / c.file;
        REQUIRE(test::makeSolidImage(path, kColour, 64, 48, c.pixelFormat, c.extra));
        const Result<DecodedImage> result = decodeImage(path);
        REQUIRE_MESSAGE(result.ok(), result.error().message);
        CHECK(result->image.width == 64);
        CHECK(result->image.height == 48);
        CHECK(result->image.bytes() == 64u * 48u * 4u);
        if (std::string(c.pixelFormat) == "gray") {
            const Rgba p = pixelAt(result->image, 32, 24);
            CHECK(p.r == p.g);
            CHECK(p.g == p.b);
            CHECK(p.a == 255);
        } else {
            const Rgba p = pixelAt(result->image, 32, 24);
            CAPTURE(p.r); CAPTURE(p.g); CAPTURE(p.b); CAPTURE(p.a);
            CHECK(near(p, kExpected, c.tolerance));
        }
    }
}

TEST_CASE("image decoder: alpha survives in 8-bit and 16-bit PNG and in WebP") {
    TempDir dir;
    const std::pair<const char*, const char*> cases[] = {
        {"alpha8.png", "rgba"}, {"alpha16.png", "rgba64be"}, {"alpha.webp", "yuva420p"}};
    for (const auto& [file, pixelFormat] : cases) {
        CAPTURE(file);
        const auto path = dir / file;
        const std::string extra = std::string(file).ends_with(".webp") ? "-lossless 1" : "";
        REQUIRE(test::makeSolidImage(path, {kColour.r, kColour.g, kColour.b, kHalfAlpha}, 32, 32, pixelFormat, extra));
        const Result<DecodedImage> result = decodeImage(path);
        REQUIRE_MESSAGE(result.ok(), result.error().message);
        const Rgba p = pixelAt(result->image, 16, 16);
        CAPTURE(p.a);
        CHECK(std::abs(p.a - kHalfAlpha) <= 1);
        CHECK(near({p.r, p.g, p.b, 0}, {kExpected.r, kExpected.g, kExpected.b, 0}, kLossyTolerance));
    }
}

TEST_CASE("image decoder: a test pattern JPEG keeps its dimensions") {
    TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "pattern.jpg", 320, 240));
    const Result<DecodedImage> result = decodeImage(dir / "pattern.jpg");
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    CHECK(result->image.width == 320);
    CHECK(result->image.height == 240);
}

TEST_CASE("image decoder: EXIF orientation turns the picture upright") {
    TempDir dir;
    // Stored picture: red block at the top-left corner, green at the top-right, blue elsewhere.
    constexpr int kWidth = 64, kHeight = 48, kBlock = 16;
    const test::Rgb red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255};
    test::writePpm(dir / "marked.ppm", kWidth, kHeight, [&](int x, int y) {
        if (y < kBlock && x < kBlock) return red;
        if (y < kBlock && x >= kWidth - kBlock) return green;
        return blue;
    });
    REQUIRE(test::runFfmpeg("-i " + test::quoted(dir / "marked.ppm") + " -q:v 2 -pix_fmt yuvj444p " +
                            test::quoted(dir / "marked.jpg")));
    const std::vector<std::uint8_t> jpeg = test::readBytes(dir / "marked.jpg");

    enum Corner { TopLeft, TopRight, BottomLeft, BottomRight };
    // Where the stored top-left (red) and top-right (green) corners must appear, by EXIF value.
    struct Expectation {
        int orientation;
        Corner redAt, greenAt;
    };
    const Expectation expectations[] = {
        {1, TopLeft, TopRight},     {2, TopRight, TopLeft},    {3, BottomRight, BottomLeft},
        {4, BottomLeft, BottomRight}, {5, TopLeft, BottomLeft}, {6, TopRight, BottomRight},
        {7, BottomRight, TopRight}, {8, BottomLeft, TopLeft},
    };
    for (const Expectation& e : expectations) {
        CAPTURE(e.orientation);
        const auto path = dir / ("orientation" + std::to_string(e.orientation) + ".jpg");
        test::writeBytes(path, test::withExifOrientation(jpeg, e.orientation));
        const Result<DecodedImage> result = decodeImage(path);
        REQUIRE_MESSAGE(result.ok(), result.error().message);
        const RgbaImage& image = result->image;
        const bool swapped = e.orientation >= 5;
        CHECK(image.width == (swapped ? kHeight : kWidth));
        CHECK(image.height == (swapped ? kWidth : kHeight));
        auto sample = [&](Corner corner) {
            constexpr int kInset = kBlock / 2;
            const int x = (corner == TopLeft || corner == BottomLeft) ? kInset : image.width - 1 - kInset;
            const int y = (corner == TopLeft || corner == TopRight) ? kInset : image.height - 1 - kInset;
            return pixelAt(image, x, y);
        };
        CHECK(near(sample(e.redAt), {255, 0, 0, 255}, 24));
        CHECK(near(sample(e.greenAt), {0, 255, 0, 255}, 24));
    }
}

TEST_CASE("image decoder: images larger than maxDimension are downscaled, aspect kept") {
    TempDir dir;
    REQUIRE(test::makeSolidImage(dir / "wide.png", kColour, 320, 240, "rgb24"));
    ImageDecodeOptions options;
    options.maxDimension = 100;
    const Result<DecodedImage> result = decodeImage(dir / "wide.png", options);
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    CHECK(result->image.width == 100);
    CHECK(result->image.height == 75);
    CHECK(near(pixelAt(result->image, 50, 37), kExpected, kLosslessTolerance));

    // The limit applies to the upright picture: a rotated portrait shrinks by its height.
    REQUIRE(test::makeSolidImage(dir / "wide.jpg", kColour, 320, 240, "yuvj444p"));
    test::writeBytes(dir / "portrait.jpg", test::withExifOrientation(test::readBytes(dir / "wide.jpg"), 6));
    const Result<DecodedImage> portrait = decodeImage(dir / "portrait.jpg", options);
    REQUIRE_MESSAGE(portrait.ok(), portrait.error().message);
    CHECK(portrait->image.width == 75);
    CHECK(portrait->image.height == 100);
}

TEST_CASE("image decoder: a draw size decodes no larger than drawn, upright, never enlarged") {
    TempDir dir;
    REQUIRE(test::makeSolidImage(dir / "wide.jpg", kColour, 320, 240, "yuvj444p"));
    ImageDecodeOptions options;
    options.drawSize = ImageDrawSize{80, 80, true};  // cover: the shorter side fills it
    const Result<DecodedImage> wide = decodeImage(dir / "wide.jpg", options);
    REQUIRE_MESSAGE(wide.ok(), wide.error().message);
    CHECK(wide->image.width == 107);
    CHECK(wide->image.height == 80);
    CHECK(near(pixelAt(wide->image, 50, 40), kExpected, 24));

    // The draw size is upright: a rotated portrait is sized as it stands.
    test::writeBytes(dir / "portrait.jpg", test::withExifOrientation(test::readBytes(dir / "wide.jpg"), 6));
    options.drawSize = ImageDrawSize{60, 1000, false};  // contain: limited by the width
    const Result<DecodedImage> portrait = decodeImage(dir / "portrait.jpg", options);
    REQUIRE_MESSAGE(portrait.ok(), portrait.error().message);
    CHECK(portrait->image.width == 60);
    CHECK(portrait->image.height == 80);

    options.drawSize = ImageDrawSize{4000, 3000, true};
    const Result<DecodedImage> full = decodeImage(dir / "wide.jpg", options);
    REQUIRE_MESSAGE(full.ok(), full.error().message);
    CHECK(full->image.width == 320);
    CHECK(full->image.height == 240);
}

TEST_CASE("image decoder: broken input is an error that names the reason") {
    TempDir dir;

    SUBCASE("missing file") {
        const Result<DecodedImage> result = decodeImage(dir / "nowhere.jpg");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::FileNotFound);
        CHECK(result.error().message == "file not found");
    }
    SUBCASE("zero-byte file") {
        test::writeBytes(dir / "empty.png", {});
        const Result<DecodedImage> result = decodeImage(dir / "empty.png");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::EmptyFile);
        CHECK(result.error().message.find("empty") != std::string::npos);
    }
    SUBCASE("a directory") {
        const Result<DecodedImage> result = decodeImage(dir.path());
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::Unreadable);
    }
    SUBCASE("text named like a JPEG") {
        const std::string text = "This is a caption, not a photograph.\n";
        test::writeBytes(dir / "caption.jpg", {text.begin(), text.end()});
        const Result<DecodedImage> result = decodeImage(dir / "caption.jpg");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::WrongKind);
        CHECK(result.error().message.find("not an image") != std::string::npos);
    }
    SUBCASE("a text file FFmpeg could render as ANSI art") {
        const std::string text = "Opening hours: 9 to 17\n";
        test::writeBytes(dir / "notes.txt", {text.begin(), text.end()});
        const Result<DecodedImage> result = decodeImage(dir / "notes.txt");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::WrongKind);
    }
    SUBCASE("truncated JPEG") {
        REQUIRE(test::makeTestPattern(dir / "whole.jpg", 320, 240));
        std::vector<std::uint8_t> bytes = test::readBytes(dir / "whole.jpg");
        REQUIRE(bytes.size() > 1000);
        bytes.resize(bytes.size() / 2);
        test::writeBytes(dir / "half.jpg", bytes);
        const Result<DecodedImage> result = decodeImage(dir / "half.jpg");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::Corrupt);
        CHECK(result.error().message.find("truncated or corrupt") != std::string::npos);
    }
    SUBCASE("truncated PNG") {
        REQUIRE(test::makeTestPattern(dir / "whole.png", 320, 240));
        std::vector<std::uint8_t> bytes = test::readBytes(dir / "whole.png");
        bytes.resize(bytes.size() / 2);
        test::writeBytes(dir / "half.png", bytes);
        const Result<DecodedImage> result = decodeImage(dir / "half.png");
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::Corrupt);
    }
}

TEST_CASE("image decoder: a 30000x30000 PNG is refused without allocating it") {
    TempDir dir;
    // ffmpeg refuses to make such a picture, so claim the size in a tiny PNG's header.
    REQUIRE(test::makeSolidImage(dir / "tiny.png", {0, 0, 0}, 8, 8, "gray"));
    test::writeBytes(dir / "huge.png", test::withPngSize(test::readBytes(dir / "tiny.png"), 30000, 30000));
    const long peakBefore = peakResidentKilobytes();
    const Result<DecodedImage> result = decodeImage(dir / "huge.png");
    const long peakGrowthKilobytes = peakResidentKilobytes() - peakBefore;
    CHECK_FALSE(result.ok());
    CHECK(result.error().kind == ErrorKind::TooLarge);
    CHECK(result.error().message.find("image too large: 30000x30000") != std::string::npos);
    // 900 MB of grey (3.6 GB of RGBA) would show here; a header parse costs nothing.
    constexpr long kFewMegabytes = 64 * 1024;
    CHECK(peakGrowthKilobytes < kFewMegabytes);
}

TEST_CASE("image decoder: maxPixels refuses before decoding, naming the size") {
    TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "pattern.png", 320, 240));
    REQUIRE(test::makeTestPattern(dir / "pattern.jpg", 320, 240));
    ImageDecodeOptions options;
    options.maxPixels = 320 * 240 - 1;
    for (const char* file : {"pattern.png", "pattern.jpg"}) {
        CAPTURE(file);
        const Result<DecodedImage> result = decodeImage(dir / file, options);
        CHECK_FALSE(result.ok());
        CHECK(result.error().kind == ErrorKind::TooLarge);
        CHECK(result.error().message.find("320x240") != std::string::npos);
    }
    // Drawn small enough to be decoded reduced, it is still refused by its own size.
    options.drawSize = ImageDrawSize{40, 30, false};
    const Result<DecodedImage> small = decodeImage(dir / "pattern.jpg", options);
    CHECK(small.error().kind == ErrorKind::TooLarge);
    options.maxPixels = 320 * 240;
    CHECK(decodeImage(dir / "pattern.png", options).ok());
    const Result<DecodedImage> allowed = decodeImage(dir / "pattern.jpg", options);
    REQUIRE(allowed.ok());
    CHECK(allowed->reducedBy == 3);
}

TEST_CASE("image decoder: file names with %, colons and spaces are files, not patterns or protocols") {
    TempDir dir;
    const auto path = dir / "scan 100% detail: 1990%d.png";
    REQUIRE(test::makeSolidImage(path, kColour, 16, 16, "rgb24"));
    const Result<DecodedImage> result = decodeImage(path);
    REQUIRE_MESSAGE(result.ok(), result.error().message);
    CHECK(result->image.width == 16);
}

TEST_CASE("image decoder: decodes on many threads at once") {
    TempDir dir;
    REQUIRE(test::makeTestPattern(dir / "a.jpg", 320, 240));
    REQUIRE(test::makeSolidImage(dir / "b.png", kColour, 200, 100, "rgb48be"));
    REQUIRE(test::makeSolidImage(dir / "c.tiff", kColour, 64, 64, "rgb24"));
    test::writeBytes(dir / "d.jpg", {'n', 'o', 'p', 'e'});
    constexpr int kThreads = 8;
    constexpr int kRounds = 10;
    std::vector<int> successes(kThreads, 0), expectedFailures(kThreads, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < kRounds; ++round) {
                const Result<DecodedImage> a = decodeImage(dir / "a.jpg");
                const Result<DecodedImage> b = decodeImage(dir / "b.png");
                const Result<DecodedImage> c = decodeImage(dir / "c.tiff");
                const Result<DecodedImage> d = decodeImage(dir / "d.jpg");
                if (a.ok() && a->image.width == 320 && b.ok() && b->image.width == 200 && c.ok() &&
                    c->image.height == 64) {
                    ++successes[t];
                }
                if (!d.ok() && d.error().kind == ErrorKind::WrongKind) ++expectedFailures[t];
            }
        });
    }
    for (std::thread& thread : threads) thread.join();
    for (int t = 0; t < kThreads; ++t) {
        CHECK(successes[t] == kRounds);
        CHECK(expectedFailures[t] == kRounds);
    }
}

TEST_CASE("image decoder: how far a JPEG is reduced as it is decoded") {
    ImageDecodeOptions options;
    options.maxDimension = 0;
    CHECK(jpegReduction({6000, 4000}, false, 3, options) == 0);  // no draw size: full size needed
    options.drawSize = ImageDrawSize{2400, 1350, true};  // cover: 2400x1600 needed
    CHECK(jpegReduction({6000, 4000}, false, 3, options) == 1);  // 3000x2000; 1500x1000 would not do
    // Turned a quarter, it stands 4000x6000 and needs 2400x3600: halving would not do.
    CHECK(jpegReduction({6000, 4000}, true, 3, options) == 0);
    options.drawSize = ImageDrawSize{100, 100, false};
    CHECK(jpegReduction({8000, 8000}, false, 3, options) == 3);  // the decoder's limit
    CHECK(jpegReduction({8000, 8000}, false, 0, options) == 0);
    CHECK(jpegReduction({0, 0}, false, 3, options) == 0);
}

TEST_CASE("image decoder: a JPEG's size is read from its frame header") {
    TempDir dir;
    REQUIRE(vitrine::test::makeTestPattern(dir / "pattern.png", 322, 124));
    REQUIRE(test::runFfmpeg("-i " + test::quoted(dir / "pattern.png") + " " + test::quoted(dir / "pattern.jpg")));
    test::writeBytes(dir / "exif.jpg", test::withExifOrientation(test::readBytes(dir / "pattern.jpg"), 6));
    for (const char* name : {"pattern.jpg", "exif.jpg"}) {
        CAPTURE(name);
        const std::vector<std::uint8_t> bytes = test::readBytes(dir / name);
        const auto size = jpegFrameSize(bytes.data(), bytes.size());
        REQUIRE(size);
        CHECK(*size == ImageSize{322, 124});  // as stored: the EXIF turn is not the header's business
        CHECK_FALSE(jpegFrameSize(bytes.data(), 20));  // cut before the frame header
    }
    const std::vector<std::uint8_t> png = test::readBytes(dir / "pattern.png");
    CHECK_FALSE(jpegFrameSize(png.data(), png.size()));
    CHECK_FALSE(jpegFrameSize(nullptr, 0));
}

TEST_CASE("image decoder: a JPEG decoded reduced gives the size and the pixels of a full decode") {
    TempDir dir;
    REQUIRE(vitrine::test::makeTestPattern(dir / "pattern.png", 1600, 1200));
    REQUIRE(test::runFfmpeg("-i " + test::quoted(dir / "pattern.png") + " -q:v 2 -pix_fmt yuvj444p " +
                            test::quoted(dir / "pattern.jpg")));
    test::writeBytes(dir / "turned.jpg", test::withExifOrientation(test::readBytes(dir / "pattern.jpg"), 6));
    ImageDecodeOptions options;
    options.drawSize = ImageDrawSize{300, 300, true};  // 400x300 needed: a quarter, so halved twice
    REQUIRE(jpegReduction({1600, 1200}, false, 3, options) == 2);
    // The PNG is never reduced: it is the reference.
    const Result<DecodedImage> reference = decodeImage(dir / "pattern.png", options);
    const Result<DecodedImage> reduced = decodeImage(dir / "pattern.jpg", options);
    REQUIRE_MESSAGE(reference.ok(), reference.error().message);
    REQUIRE_MESSAGE(reduced.ok(), reduced.error().message);
    CHECK(reduced->reducedBy == 2);
    CHECK(reference->reducedBy == 0);
    REQUIRE(reduced->image.width == reference->image.width);
    REQUIRE(reduced->image.height == reference->image.height);
    CHECK(reduced->image.width == 400);
    long total = 0;
    for (int y = 0; y < reduced->image.height; ++y)
        for (int x = 0; x < reduced->image.width; ++x) {
            const Rgba a = pixelAt(reduced->image, x, y), b = pixelAt(reference->image, x, y);
            total += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
        }
    const double meanError = static_cast<double>(total) / (3.0 * reduced->image.width * reduced->image.height);
    CHECK(meanError < 3.0);  // of 255: JPEG's own loss and a different downscaling path
    // Turned by its EXIF orientation, the guess is wrong at first: it comes out upright and whole,
    // whether the first, reduced decode had pixels enough (a square draw size) or not.
    const Result<DecodedImage> turned = decodeImage(dir / "turned.jpg", options);
    REQUIRE_MESSAGE(turned.ok(), turned.error().message);
    CHECK(turned->image.width == 300);
    CHECK(turned->image.height == 400);
    CHECK(turned->reducedBy == 2);  // the first decode had pixels enough: not decoded again
    // Here the reduced decode made for the stored shape is too small for the turned one.
    const test::Rgb red{255, 0, 0}, green{0, 255, 0}, blue{0, 0, 255};
    test::writePpm(dir / "marked.ppm", 1600, 1200, [&](int x, int y) {
        if (y < 300 && x < 400) return red;
        if (y < 300 && x >= 1200) return green;
        return blue;
    });
    REQUIRE(test::runFfmpeg("-i " + test::quoted(dir / "marked.ppm") + " -q:v 2 -pix_fmt yuvj444p " +
                            test::quoted(dir / "marked.jpg")));
    test::writeBytes(dir / "marked6.jpg", test::withExifOrientation(test::readBytes(dir / "marked.jpg"), 6));
    options.drawSize = ImageDrawSize{800, 200, true};  // upright 1200x1600 needs 800x1067
    REQUIRE(jpegReduction({1600, 1200}, false, 3, options) == 1);  // as stored 800x600 would do
    REQUIRE(jpegReduction({1600, 1200}, true, 3, options) == 0);
    const Result<DecodedImage> tall = decodeImage(dir / "marked6.jpg", options);
    REQUIRE_MESSAGE(tall.ok(), tall.error().message);
    CHECK(tall->image.width == 800);
    CHECK(tall->image.height == 1067);
    CHECK(tall->reducedBy == 0);  // decoded again, whole, not enlarged from too few pixels
    // Orientation 6: the stored top-left (red) is at the top right, the stored top-right (green) at the bottom right.
    CHECK(near(pixelAt(tall->image, 760, 60), {255, 0, 0, 255}, 24));
    CHECK(near(pixelAt(tall->image, 760, 1000), {0, 255, 0, 255}, 24));
    CHECK(near(pixelAt(tall->image, 100, 500), {0, 0, 255, 255}, 24));
}
