#include <doctest/doctest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "installation/installation.h"
#include "installation/keystone_file.h"

using namespace vitrine;
using namespace vitrine::installation;

namespace {

struct TempFile {
    std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                ("vitrine-keystone-file-" + std::to_string(::getpid()));
    std::filesystem::path file = dir / "installation.xml";
    explicit TempFile(const std::string& text) {
        std::filesystem::create_directories(dir);
        std::ofstream(file, std::ios::binary) << text;
    }
    ~TempFile() { std::filesystem::remove_all(dir); }
    std::string read() const {
        std::ifstream in(file, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }
};

const Quad kCorners{{{10, 20}, {1900.25, 0}, {1920, 1080}, {0.5, 1070}}};

}  // namespace

TEST_CASE("keystone file: only the corner values change while layout, comments and the rest stay byte for byte") {
    const std::string before =
        "<?xml version=\"1.0\"?>\n"
        "<!-- Hall B, checked 2026-01-20 -->\n"
        "<installation start=\"2026-01-20T09:00:00Z\">\n"
        "\t<output id=\"left\"   resolution=\"1920x1080\">\n"
        "\t\t<keystone tl=\"0,0\" tr=\"1920,0\"\n"
        "\t\t          br=\"1920,1080\" bl=\"0,1080\"/>   <!-- by eye -->\n"
        "\t\t<blend edge=\"right\" width=\"154\"/>\n"
        "\t</output>\n"
        "\t<output id=\"right\" position=\"1920,0\"/>\n"
        "\t<output id=\"door\"><blend edge=\"top\" width=\"40\"/></output>\n"
        "\t<volume level=\"0.8\"/>\n"
        "</installation>\n";
    TempFile f(before);
    REQUIRE_FALSE(saveKeystones(f.file, {{"left", 0, kCorners}, {"right", 1, kCorners}, {"door", 2, kCorners}}));
    const std::string after = f.read();
    const std::string expected =
        "<?xml version=\"1.0\"?>\n"
        "<!-- Hall B, checked 2026-01-20 -->\n"
        "<installation start=\"2026-01-20T09:00:00Z\">\n"
        "\t<output id=\"left\"   resolution=\"1920x1080\">\n"
        "\t\t<keystone tl=\"10,20\" tr=\"1900.3,0\"\n"
        "\t\t          br=\"1920,1080\" bl=\"0.5,1070\"/>   <!-- by eye -->\n"
        "\t\t<blend edge=\"right\" width=\"154\"/>\n"
        "\t</output>\n"
        "\t<output id=\"right\" position=\"1920,0\">\n"
        "\t  <keystone tl=\"10,20\" tr=\"1900.3,0\" br=\"1920,1080\" bl=\"0.5,1070\"/>\n"
        "\t</output>\n"
        "\t<output id=\"door\">\n"
        "\t  <keystone tl=\"10,20\" tr=\"1900.3,0\" br=\"1920,1080\" bl=\"0.5,1070\"/><blend edge=\"top\" width=\"40\"/></output>\n"
        "\t<volume level=\"0.8\"/>\n"
        "</installation>\n";
    CHECK(after == expected);
    Diagnostics d;
    auto reread = loadInstallation(f.file, d);
    REQUIRE(reread);
    CHECK(d.empty());
    REQUIRE(reread->outputs.size() == 3);
    for (const auto& o : reread->outputs) {
        REQUIRE(o.keystone);
        CHECK((*o.keystone)[3] == Point{0.5, 1070});
    }
}

TEST_CASE("keystone file: an installation with no outputs gets one, a file that is not one is left alone") {
    TempFile empty("<installation/>\n");
    REQUIRE_FALSE(saveKeystone(empty.file, "main", 0, kCorners));
    CHECK(empty.read() ==
          "<installation>\n  <output id=\"main\">\n    <keystone tl=\"10,20\" tr=\"1900.3,0\" br=\"1920,1080\" "
          "bl=\"0.5,1070\"/>\n  </output>\n</installation>\n");
    TempFile wrong("<exhibit title=\"Not an installation\"/>\n");
    auto error = saveKeystone(wrong.file, "main", 0, kCorners);
    REQUIRE(error);
    CHECK(wrong.read() == "<exhibit title=\"Not an installation\"/>\n");
}

TEST_CASE("keystone file: a file larger than an installation may be is refused, never saved cut short") {
    // Valid XML padded with a comment past the installation loader's limit.
    const std::string text = "<installation>\n<output id=\"a\"/>\n<!--" + std::string(kMaxInstallationBytes, ' ') +
                             "-->\n</installation>\n";
    TempFile f(text);
    auto error = saveKeystone(f.file, "a", 0, kCorners);
    REQUIRE(error);
    CHECK(error->message.find("not saved") != std::string::npos);
    CHECK(f.read() == text);
}
