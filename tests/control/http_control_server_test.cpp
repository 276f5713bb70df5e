#include <doctest/doctest.h>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <optional>
#include <thread>

#include "control/http_control_server.h"
#include "support/captured_log.h"
#include "support/loopback_client.h"
#include "base/utf8.h"

using namespace vitrine::control;

namespace {

using Log = vitrine::test::CapturedLog;

using vitrine::test::connectLoopback;
using vitrine::test::rawExchange;

}  // namespace

TEST_CASE("http control: status and commands over loopback") {
    ControlQueue queue;
    StatusBoard board;
    PlayerStatus st;
    st.scene = "map";
    st.time = 3'000'000;
    st.state = "playing";
    board.publish(st);
    Log log;
    HttpControlServer server(queue, board, nullptr, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    REQUIRE(server.port() > 0);
    httplib::Client client("127.0.0.1", server.port());

    auto status = client.Get("/status");
    REQUIRE(status);
    CHECK(status->status == 200);
    auto j = nlohmann::json::parse(status->body);
    CHECK(j["scene"] == "map");
    CHECK(j["time"].get<double>() == doctest::Approx(3.0));

    for (const char* verb : {"/pause", "/play", "/next", "/previous", "/black", "/reload"}) {
        auto r = client.Post(verb);
        REQUIRE(r);
        CHECK(r->status == 202);
    }
    auto scene = client.Post("/scene/testimony%20one");
    REQUIRE(scene);
    CHECK(scene->status == 202);
    auto sceneJson = client.Post("/scene", R"({"id": "credits"})", "application/json");
    REQUIRE(sceneJson);
    CHECK(sceneJson->status == 202);

    auto commands = queue.drain();
    REQUIRE(commands.size() == 8);
    CHECK(commands[0].kind == ControlCommand::Kind::Pause);
    CHECK(commands[5].kind == ControlCommand::Kind::Reload);
    CHECK(commands[6].kind == ControlCommand::Kind::Scene);
    CHECK(commands[6].sceneId == "testimony one");
    CHECK(commands[7].sceneId == "credits");
    CHECK(commands[0].origin == "http 127.0.0.1");

    // Garbage: bad JSON, wrong shapes, unknown paths, wrong methods — answered, logged, not queued.
    auto badJson = client.Post("/scene", "{\"id\": ", "application/json");
    REQUIRE(badJson);
    CHECK(badJson->status == 400);
    auto wrongType = client.Post("/scene", R"({"id": 7})", "application/json");
    REQUIRE(wrongType);
    CHECK(wrongType->status == 400);
    auto unknown = client.Post("/explode");
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto getCommand = client.Get("/play");
    REQUIRE(getCommand);
    CHECK(getCommand->status == 404);
    CHECK(queue.drain().empty());
    CHECK(log.contains("control: http refused 1 request: 1 malformed from 127.0.0.1"));

    // curl -X POST sends neither a body nor a Content-Length: still a command.
    auto bare = rawExchange(server.port(), "POST /next HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", false);
    CHECK(bare.rfind("HTTP/1.1 202", 0) == 0);
    CHECK(queue.drain().size() == 1);

    // A huge header and random bytes: refused, and the server still answers afterwards.
    std::string huge = "GET /status HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100'000, 'a') + "\r\n\r\n";
    auto hugeReply = rawExchange(server.port(), huge);
    CHECK((hugeReply.empty() || hugeReply.rfind("HTTP/1.1 4", 0) == 0));
    std::string noise;
    unsigned seed = 12345;
    for (int i = 0; i < 5000; ++i) noise.push_back(static_cast<char>((seed = seed * 1103515245 + 12345) >> 16));
    auto noiseReply = rawExchange(server.port(), noise + "\r\n\r\n");
    CHECK((noiseReply.empty() || noiseReply.rfind("HTTP/1.1 4", 0) == 0));
    auto after = client.Get("/status");
    REQUIRE(after);
    CHECK(after->status == 200);
}

TEST_CASE("http control: a token is required when set, and for any non-loopback address") {
    ControlQueue queue;
    StatusBoard board;
    Log log;
    {
        HttpControlServer open(queue, board, nullptr, log.sink());
        auto refused = open.start("0.0.0.0", 0, "");
        REQUIRE(refused);
        CHECK(refused->message.find("needs a token") != std::string::npos);
    }
    HttpControlServer server(queue, board, nullptr, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, "s3cret-token"));
    httplib::Client client("127.0.0.1", server.port());
    auto none = client.Post("/pause");
    REQUIRE(none);
    CHECK(none->status == 401);
    auto wrong = client.Post("/pause", httplib::Headers{{"Authorization", "Bearer s3cret-tokem"}}, "", "text/plain");
    REQUIRE(wrong);
    CHECK(wrong->status == 401);
    auto prefix = client.Get("/status", httplib::Headers{{"Authorization", "Bearer s3cret"}});
    REQUIRE(prefix);
    CHECK(prefix->status == 401);
    CHECK(queue.drain().empty());
    CHECK(log.contains("control: http refused 1 request: 1 without a valid token from 127.0.0.1"));
    auto right = client.Post("/pause", httplib::Headers{{"Authorization", "Bearer s3cret-token"}}, "", "text/plain");
    REQUIRE(right);
    CHECK(right->status == 202);
    CHECK(queue.drain().size() == 1);
}

TEST_CASE("http control: a frozen frame loop shows in /status problems") {
    ControlQueue queue;
    StatusBoard board;
    std::atomic<std::int64_t> now{0};
    Watchdog dog(1'000'000, [&] { return now.load(); });
    Log log;
    HttpControlServer logged(queue, board, &dog, log.sink());
    REQUIRE_FALSE(logged.start("127.0.0.1", 0, ""));
    httplib::Client client("127.0.0.1", logged.port());
    now = 2'500'000;  // the loop has not petted for 2.5 s
    auto r = client.Get("/status");
    REQUIRE(r);
    auto j = nlohmann::json::parse(r->body);
    REQUIRE(j["problems"].size() == 1);
    CHECK(j["problems"][0] == "frame loop frozen for 2500 ms");
}

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t millisSince(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
}

// Times one GET /status; -1 when it got no 200 (the client gives up after 3 s).
std::int64_t statusMillis(int port) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(3, 0);
    client.set_read_timeout(3, 0);
    auto start = Clock::now();
    auto r = client.Get("/status");
    return r && r->status == 200 ? millisSince(start) : -1;
}

// Four clients that each send a request one byte a second until told to stop (or 4 s
// pass); each records how long the server kept its connection open.
struct Tricklers {
    std::atomic<bool> stop{false};
    std::vector<std::thread> threads;
    std::vector<std::int64_t> closedAfterMillis = std::vector<std::int64_t>(4, -1);
    explicit Tricklers(int port) {
        for (int i = 0; i < 4; ++i)
            threads.emplace_back([this, port, i] {
                int fd = connectLoopback(port);
                const std::string request = "GET /status HTTP/1.1\r\nHost: x\r\n\r\n";
                auto start = Clock::now();
                for (std::size_t k = 0; k < request.size() && !stop && millisSince(start) < 4000; ++k) {
                    if (::send(fd, request.data() + k, 1, MSG_NOSIGNAL) != 1) break;
                    // Waits up to a second for the server to close or answer (either way it is
                    // done with this client), then sends the next byte.
                    pollfd p{fd, POLLIN, 0};
                    if (::poll(&p, 1, 1000) > 0) break;
                }
                if (!stop) closedAfterMillis[static_cast<std::size_t>(i)] = millisSince(start);
                ::close(fd);
            });
    }
    ~Tricklers() {
        stop = true;
        for (auto& t : threads)
            if (t.joinable()) t.join();
    }
};

// A server on loopback with its queue, status board and captured log; reset `server` to stop it.
struct Served {
    ControlQueue queue;
    StatusBoard board;
    Log log;
    std::optional<HttpControlServer> server;
    explicit Served(const std::string& token) {
        server.emplace(queue, board, nullptr, log.sink());
        REQUIRE_FALSE(server->start("127.0.0.1", 0, token));
    }
    int port() const { return server->port(); }
};

// Every line is one line of printable UTF-8: nothing a client sent can start a line of its own.
bool cleanLine(const std::string& line) {
    for (unsigned char c : line)
        if (c < 0x20 || c == 0x7f) return false;
    return vitrine::text::encodeUtf8(vitrine::text::decodeUtf8(line)) == line;
}

}  // namespace

TEST_CASE("http control: /status answers at once while four clients trickle a byte a second") {
    Served served("a-token");  // slow clients never get as far as the token
    Tricklers tricklers(served.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // all four connected and trickling
    std::int64_t worst = 0;
    for (int i = 0; i < 3; ++i) {
        httplib::Client client("127.0.0.1", served.port());
        client.set_connection_timeout(3, 0);
        client.set_read_timeout(3, 0);
        auto start = Clock::now();
        auto r = client.Get("/status", httplib::Headers{{"Authorization", "Bearer a-token"}});
        worst = std::max(worst, millisSince(start));
        CHECK((r && r->status == 200));
    }
    MESSAGE("slowest /status of three with four trickling clients: " << worst << " ms");
    CHECK(worst < 100);
    // The whole request must arrive within the deadline, however steadily it trickles.
    for (auto& t : tricklers.threads) t.join();
    for (auto closed : tricklers.closedAfterMillis) {
        CHECK(closed >= 0);
        CHECK(closed < 3500);
    }
}

TEST_CASE("http control: /status answers at once while four idle connections are open") {
    Served served("");
    std::vector<int> idle;
    for (int i = 0; i < 4; ++i) idle.push_back(connectLoopback(served.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    auto start = Clock::now();
    CHECK(statusMillis(served.port()) >= 0);
    const auto took = millisSince(start);
    MESSAGE("/status with four idle connections: " << took << " ms");
    CHECK(took < 100);
    // And an idle connection is closed once the deadline passes (recv sees the end, not its 5 s timeout).
    start = Clock::now();
    char byte;
    CHECK(::recv(idle[0], &byte, 1, 0) == 0);
    CHECK(millisSince(start) < 3000);
    for (int fd : idle) ::close(fd);
}

TEST_CASE("http control: connections are limited per address and in total, the extra ones refused") {
    Served served("");
    std::vector<int> idle;
    for (int i = 0; i < HttpControlServer::kMaxConnectionsPerAddress; ++i) idle.push_back(connectLoopback(served.port()));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    // One more from the same address: answered 503 at once, without waiting for a worker.
    auto extra = rawExchange(served.port(), "GET /status HTTP/1.1\r\nHost: x\r\n\r\n");
    CHECK(extra.rfind("HTTP/1.1 503", 0) == 0);
    for (int fd : idle) ::close(fd);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server sees them go
    CHECK(statusMillis(served.port()) >= 0);
    CHECK(served.log.contains("1 over the connection limit from 127.0.0.1"));
}

TEST_CASE("http control: a %0A in a path forges no log line, from refused or accepted clients") {
    Served served("tok");
    httplib::Client client("127.0.0.1", served.port());
    const httplib::Headers auth{{"Authorization", "Bearer tok"}};
    // Refused (no token), then not a scene id, then an unknown path, then accepted.
    CHECK(client.Post("/scene/x%0Acontrol:%20http%20POST%20/black%20from%20127.0.0.1")->status == 401);
    CHECK(client.Post("/scene/x%0Dforged%00", auth, "", "text/plain")->status == 400);
    CHECK(client.Post("/nothing%0Aforged%FF%C3", auth, "", "text/plain")->status == 404);
    CHECK(client.Post("/scene/caf%C3%A9", auth, "", "text/plain")->status == 202);
    served.server.reset();  // stopping writes the refusals still counted
    CHECK(served.log.lines.size() >= 2);
    CHECK(served.log.contains("1 for the unknown path /nothing\\x0Aforged\\xFF\\xC3 from 127.0.0.1"));
    for (const auto& line : served.log.lines) {
        INFO(line);
        CHECK(cleanLine(line));
        CHECK(line.find("control: http POST /black") == std::string::npos);
    }
}

TEST_CASE("http control: a burst of 10,000 refused requests writes a bounded log") {
    Served served("tok");
    httplib::Client client("127.0.0.1", served.port());
    int refused = 0;
    for (int i = 0; i < 10'000; ++i) {
        auto r = client.Get("/status%0Aforged");
        refused += r && r->status == 401;
    }
    CHECK(refused == 10'000);
    served.server.reset();  // stopping writes the refusals still counted
    std::size_t bytes = 0;
    for (const auto& line : served.log.lines) bytes += line.size() + 1;
    MESSAGE("log for 10,000 refused requests: " << served.log.lines.size() << " lines, " << bytes << " bytes");
    CHECK(served.log.lines.size() <= 3);
    CHECK(bytes < 1000);
    // The counts add up: nothing refused goes unreported.
    std::int64_t reported = 0;
    for (const auto& line : served.log.lines)
        if (auto at = line.find("refused "); at != std::string::npos) reported += std::atoll(line.c_str() + at + 8);
    CHECK(reported == 10'000);
}

TEST_CASE("http control: /play while the room is closed is refused with the reason, other times accepted") {
    Served served("");
    httplib::Client client("127.0.0.1", served.port());
    PlayerStatus st;
    st.state = "closed";
    served.board.publish(st);
    auto closed = client.Post("/play");
    REQUIRE(closed);
    CHECK(closed->status == 409);
    CHECK(nlohmann::json::parse(closed->body)["error"].get<std::string>().find("the room is closed") != std::string::npos);
    CHECK(served.queue.drain().empty());  // nothing queued to pretend otherwise
    // Pause is still taken closed (it holds the show where it is for the opening).
    CHECK(client.Post("/pause")->status == 202);
    CHECK(served.queue.drain().size() == 1);
    st.state = "paused";
    served.board.publish(st);
    auto open = client.Post("/play");
    REQUIRE(open);
    CHECK(open->status == 202);
    CHECK(served.queue.drain().size() == 1);
}

TEST_CASE("http control: a second server on a port another holds fails clearly, never shares it") {
    Served first("");
    Log log;
    ControlQueue queue;
    StatusBoard board;
    HttpControlServer second(queue, board, nullptr, log.sink());
    auto refused = second.start("127.0.0.1", first.port(), "");
    REQUIRE(refused);
    CHECK(refused->message.find("127.0.0.1:" + std::to_string(first.port())) != std::string::npos);
    CHECK(refused->message.find("held by another process") != std::string::npos);
    // Every request still reaches the first server: its queue gets all ten.
    httplib::Client client("127.0.0.1", first.port());
    for (int i = 0; i < 10; ++i) REQUIRE(client.Post("/next")->status == 202);
    CHECK(first.queue.drain().size() == 10);
}

TEST_CASE("http control: the status page, /metrics and the picture are read like /status") {
    Served served("s3cret");
    PlayerStatus st;
    st.exhibit = "The <Baku> exhibit";
    st.scene = "testimony";
    st.state = "playing";
    st.frame = 42;
    served.board.publish(st);
    served.board.setProblems("proof of play", {"cannot write the proof-of-play log /x"});
    httplib::Client client("127.0.0.1", served.port());
    SUBCASE("without the token: refused, and a browser is asked for it") {
        for (const char* path : {"/", "/metrics", "/status", "/screen.png"}) {
            auto r = client.Get(path);
            REQUIRE(r);
            CHECK(r->status == 401);
            CHECK(r->get_header_value("WWW-Authenticate").find("Basic") == 0);
        }
        // A command's refusal never makes a browser show a login prompt over the page.
        CHECK_FALSE(client.Post("/next")->has_header("WWW-Authenticate"));
    }
    SUBCASE("with it, as a bearer token or a browser's Basic password") {
        auto page = client.Get("/", httplib::Headers{{"Authorization", "Bearer s3cret"}});
        REQUIRE(page);
        CHECK(page->status == 200);
        CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
        CHECK(page->body.find("The &lt;Baku&gt; exhibit") != std::string::npos);  // escaped, never markup
        CHECK(page->body.find("testimony") != std::string::npos);
        CHECK(page->body.find("cannot write the proof-of-play log") != std::string::npos);
        // "anyone:s3cret" in base64; a wrong password is refused.
        CHECK(client.Get("/metrics", httplib::Headers{{"Authorization", "Basic YW55b25lOnMzY3JldA=="}})->status == 200);
        CHECK(client.Get("/metrics", httplib::Headers{{"Authorization", "Basic YW55b25lOnMzY3JldQ=="}})->status == 401);
        auto metrics = client.Get("/metrics", httplib::Headers{{"Authorization", "Bearer s3cret"}});
        CHECK(metrics->get_header_value("Content-Type").find("version=0.0.4") != std::string::npos);
        CHECK(metrics->body.find("\nvitrine_frames_drawn_total 42\n") != std::string::npos);
        CHECK(metrics->body.find("\nvitrine_problems 1\n") != std::string::npos);
        CHECK(metrics->body.find("\nvitrine_resident_memory_bytes 0\n") == std::string::npos);  // read when asked
        // No screen copy given: no picture rather than a made-up one.
        CHECK(client.Get("/screen.png", httplib::Headers{{"Authorization", "Bearer s3cret"}})->status == 404);
        // The Basic password opens reading only: a command needs the bearer token.
        CHECK(client.Post("/next", httplib::Headers{{"Authorization", "Basic YW55b25lOnMzY3JldA=="}}, "", "text/plain")->status == 401);
        CHECK(served.queue.drain().empty());
    }
}

TEST_CASE("http control: /description/on, /off and /toggle steer the audio description") {
    ControlQueue queue;
    StatusBoard board;
    Log log;
    HttpControlServer server(queue, board, nullptr, log.sink());
    REQUIRE_FALSE(server.start("127.0.0.1", 0, ""));
    httplib::Client client("127.0.0.1", server.port());
    for (const char* path : {"/description/on", "/description/off", "/description/toggle"}) {
        auto r = client.Post(path);
        REQUIRE(r);
        CHECK(r->status == 202);
    }
    auto commands = queue.drain();
    REQUIRE(commands.size() == 3);
    using vitrine::installation::DescriptionCommand;
    for (const auto& c : commands) CHECK(c.kind == ControlCommand::Kind::Description);
    CHECK(commands[0].description == DescriptionCommand::On);
    CHECK(commands[1].description == DescriptionCommand::Off);
    CHECK(commands[2].description == DescriptionCommand::Toggle);
    // Anything else under /description is not a command.
    auto loud = client.Post("/description/loud");
    REQUIRE(loud);
    CHECK(loud->status == 404);
    auto bare = client.Post("/description");
    REQUIRE(bare);
    CHECK(bare->status == 404);
    CHECK(queue.drain().empty());
}
