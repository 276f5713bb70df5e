#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <thread>

#include "control/watchdog.h"
#include "media/media_test_files.h"
#include "support/captured_log.h"
#include "support/loopback_client.h"
#include "visitor/visitor_page.h"
#include "visitor/visitor_server.h"

using namespace vitrine;
using namespace vitrine::visitor;
using test::rawExchange;

namespace {

using Clock = std::chrono::steady_clock;

// A server on a free loopback port with one description sound, its clock playing.
struct Served {
    test::TempDir dir;
    test::CapturedLog log;
    ShowClock clock;
    std::unique_ptr<VisitorServer> server;
    Served() {
        std::ofstream(dir / "description.wav") << "RIFF-not-really-a-sound";
        PublishedText text{R"({"title":"Served","languages":["en"]})", {dir / "description.wav"}};
        clock.publish("playing", 5 * kMicrosPerSecond, 60 * kMicrosPerSecond, control::steadyClock()());
        server = std::make_unique<VisitorServer>(text, clock, log.sink());
        REQUIRE_FALSE(server->start("127.0.0.1", 0));
    }
    int port() const { return server->port(); }
};

std::string get(int port, const std::string& target, const char* from = "127.0.0.1") {
    return rawExchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n", true, from);
}
bool status(const std::string& reply, int code) { return reply.rfind("HTTP/1.1 " + std::to_string(code), 0) == 0; }

}  // namespace

TEST_CASE("visitor server: the page, the published text, the clock and a description sound, and no cookie") {
    Served served;
    httplib::Client client("127.0.0.1", served.port());
    auto page = client.Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->body == visitorPageHtml());
    CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
    CHECK(page->get_header_value("Content-Security-Policy").find("default-src 'none'") != std::string::npos);
    CHECK(page->body.size() < 100 * 1024);
    auto text = client.Get("/text.json");
    CHECK(nlohmann::json::parse(text->body)["title"] == "Served");
    auto clock = nlohmann::json::parse(client.Get("/clock?123")->body);
    CHECK(clock["state"] == "playing");
    CHECK(clock["time"].get<double>() >= 5);
    CHECK(clock["time"].get<double>() < 10);
    auto sound = client.Get("/sound/0");
    CHECK(sound->status == 200);
    CHECK(sound->body == "RIFF-not-really-a-sound");
    for (const auto* r : {&page, &text, &sound}) CHECK_FALSE((*r)->has_header("Set-Cookie"));
    // A reload replaces the text.
    served.server->setText({R"({"title":"Reloaded"})", {}});
    CHECK(nlohmann::json::parse(client.Get("/text.json")->body)["title"] == "Reloaded");
    CHECK(client.Get("/sound/0")->status == 404);
    // Nothing about a visitor is logged.
    served.server.reset();
    CHECK(served.log.lines.empty());
}

// A phone's <audio> asks for parts of the sound (to learn its length, to seek): each Range
// is answered with those bytes and 206, as browsers need to move within a track.
TEST_CASE("visitor server: a description sound is served in the byte ranges a phone asks for") {
    Served served;
    httplib::Client client("127.0.0.1", served.port());
    auto whole = client.Get("/sound/0");
    REQUIRE(whole);
    CHECK(whole->get_header_value("Accept-Ranges") == "bytes");
    CHECK(whole->get_header_value("Content-Type") == "audio/wav");
    auto middle = client.Get("/sound/0", {{"Range", "bytes=5-7"}});
    REQUIRE(middle);
    CHECK(middle->status == 206);
    CHECK(middle->body == "not");
    CHECK(middle->get_header_value("Content-Range") == "bytes 5-7/23");
    auto tail = client.Get("/sound/0", {{"Range", "bytes=18-"}});
    REQUIRE(tail);
    CHECK(tail->status == 206);
    CHECK(tail->body == "sound");
    auto probe = client.Get("/sound/0", {{"Range", "bytes=0-1"}});  // Safari's first question
    REQUIRE(probe);
    CHECK(probe->status == 206);
    CHECK(probe->body == "RI");
    auto beyond = client.Get("/sound/0", {{"Range", "bytes=100-200"}});
    REQUIRE(beyond);
    CHECK(beyond->status == 416);
    // Ranges do not open any other file: only the published sounds, by number.
    for (const char* other : {"/sound/1", "/description.wav", "/sound/0.wav"}) {
        auto r = client.Get(other, {{"Range", "bytes=0-1"}});
        REQUIRE(r);
        CHECK(r->status == 404);
    }
}

TEST_CASE("visitor server: every other path is 404, control paths and traversal included") {
    Served served;
    for (const char* target : {"/status", "/metrics", "/screen.png", "/play", "/scene/one", "/index.html",
                               "/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/sound/1", "/sound/-1",
                               "/sound/..%2f..%2fetc%2fpasswd", "/sound/0/../../x", "/text.json/..%2F", "//etc/passwd"}) {
        INFO(target);
        const auto reply = get(served.port(), target);
        CHECK(status(reply, 404));
        CHECK(reply.find("root:") == std::string::npos);
    }
}

TEST_CASE("visitor server: nothing is sent to it: no commands, no bodies, no huge lines or headers") {
    Served served;
    const int port = served.port();
    CHECK(status(rawExchange(port, "POST /play HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", true, "127.0.0.2"), 404));
    CHECK(status(rawExchange(port, "PUT /clock HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n", true, "127.0.0.2"), 404));
    CHECK(status(rawExchange(port, "GET /clock HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello", true, "127.0.0.2"), 413));
    const auto longTarget = rawExchange(port, "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", true, "127.0.0.3");
    CHECK((status(longTarget, 414) || status(longTarget, 400) || longTarget.empty()));
    const auto hugeHeader = rawExchange(port, "GET /clock HTTP/1.1\r\nHost: x\r\nX: " + std::string(100000, 'b') + "\r\n\r\n", true, "127.0.0.3");
    CHECK_FALSE(status(hugeHeader, 200));
    CHECK(status(rawExchange(port, "NONSENSE\r\n\r\n", true, "127.0.0.4"), 400));
    // And the clock still answers.
    CHECK(status(get(port, "/clock", "127.0.0.5"), 200));
}

TEST_CASE("visitor server: requests are limited in rate per address, the others still served") {
    Served served;
    int tooMany = 0, ok = 0;
    for (int i = 0; i < 3 * VisitorServer::kRequestsPerSecond; ++i) {
        const auto reply = get(served.port(), "/clock");
        tooMany += status(reply, 429);
        ok += status(reply, 200);
    }
    MESSAGE(ok << " answered, " << tooMany << " refused");
    CHECK(tooMany > 0);
    CHECK(ok >= 2 * VisitorServer::kRequestsPerSecond);  // the burst is served
    CHECK(status(get(served.port(), "/clock", "127.0.0.9"), 200));
}

TEST_CASE("visitor server: slow clients hold neither the clock nor each other") {
    Served served;
    // Clients that send a request's first bytes and then a byte now and then, from many
    // addresses, up to the limit per address.
    std::vector<int> slow;
    for (int a = 0; a < 8; ++a) {
        const std::string from = "127.0.1." + std::to_string(a + 1);
        for (int i = 0; i < VisitorServer::kMaxConnectionsPerAddress; ++i) {
            int fd = test::connectLoopback(served.port(), from.c_str());
            ::send(fd, "GET /clock HTTP/1.1\r\n", 21, MSG_NOSIGNAL);
            slow.push_back(fd);
        }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    const auto start = Clock::now();
    CHECK(status(get(served.port(), "/clock", "127.0.0.7"), 200));
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
    MESSAGE("/clock with " << slow.size() << " slow clients open: " << took << " ms");
    CHECK(took < 500);
    // A fifth slow connection from one address is refused at once.
    CHECK(status(get(served.port(), "/clock", "127.0.1.1"), 503));
    for (int fd : slow) ::close(fd);
}
