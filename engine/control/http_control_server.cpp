#include "control/http_control_server.h"

#include <fcntl.h>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "control/deadline_stream.h"
#include "control/metrics_text.h"
#include "control/socket_address.h"
#include "control/status_page.h"
#include "control/untrusted_text.h"
#include "installation/installation.h"
#include "control/resident_memory.h"

namespace vitrine::control {

namespace {

constexpr int kStatusOk = 200, kAccepted = 202, kBadRequest = 400, kUnauthorised = 401, kNotFound = 404,
              kConflict = 409, kTooLarge = 413, kUnavailable = 503;
// How often the accept loop wakes to write refusals counted a minute ago, when no client comes.
constexpr int kTallyCheckMillis = 1000;

// Why a request was refused, for the refusal tally; an unknown path is worth naming (a
// misspelt URL in a control desk's setup), escaped, as it is the client's text.
std::string refusalReason(int status, const std::string& path) {
    switch (status) {
        case kBadRequest: return "malformed";
        case kUnauthorised: return "without a valid token";
        case kNotFound: return "for the unknown path " + escapeForLog(path);
        case kConflict: return "while the room was closed";
        case kTooLarge: return "too large";
        case kUnavailable: return "while the command queue was full";
        default: return "answered " + std::to_string(status);
    }
}

// RFC 4648 base64 (padding optional); stops at the first character outside the alphabet.
std::string base64Decode(std::string_view text) {
    static constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0;
    int count = 0;
    for (char c : text) {
        const auto value = kAlphabet.find(c);
        if (value == std::string_view::npos) break;
        bits = (bits << 6) | static_cast<unsigned>(value);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += static_cast<char>((bits >> count) & 0xFF);
        }
    }
    return out;
}

void reply(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

}  // namespace

// httplib's request handling (parsing, routing, the reply) under our own accept loop. Its
// own loop hands every connection to a fixed pool and bounds each read, not a request: two
// clients sending a byte a second held both workers, and /status went silent. It has no
// per-request deadline nor any limit per client, so the loop that admits connections is ours.
class HttpControlServer::Server : public httplib::Server {
public:
    using httplib::Server::process_request;
    int listeningSocket() const { return svr_sock_; }
    void closeListeningSocket() {
        if (const int fd = svr_sock_.exchange(INVALID_SOCKET); fd != INVALID_SOCKET) ::close(fd);
    }
};

HttpControlServer::HttpControlServer(ControlQueue& queue, StatusBoard& status, const Watchdog* watchdog, ServerLog log)
    : queue_(queue), status_(status), watchdog_(watchdog), log_(std::move(log)), refusals_("http", log_) {}

HttpControlServer::~HttpControlServer() { stop(); }

bool HttpControlServer::authorised(const std::string& header, bool reading) const {
    if (token_.empty()) return true;
    // Compare every byte whatever the first difference, so timing does not leak the token.
    auto same = [](const std::string& given, const std::string& expected) {
        unsigned char diff = given.size() == expected.size() ? 0 : 1;
        for (std::size_t i = 0; i < expected.size(); ++i)
            diff |= static_cast<unsigned char>((i < given.size() ? given[i] : 0) ^ expected[i]);
        return diff == 0;
    };
    if (same(header, "Bearer " + token_)) return true;
    // A browser cannot send a bearer token when it opens the status page: for reading, the
    // token is also accepted as the password of HTTP Basic authentication (any user name),
    // which the browser asks for. Commands still need the bearer token the page sends.
    constexpr std::string_view kBasic = "Basic ";
    if (!reading || header.compare(0, kBasic.size(), kBasic) != 0) return false;
    const std::string credentials = base64Decode(header.substr(kBasic.size()));
    const auto colon = credentials.find(':');
    return colon != std::string::npos && same(credentials.substr(colon + 1), token_);
}

PlayerStatus HttpControlServer::currentStatus() const {
    auto st = status_.snapshot();
    // Read when asked, on this thread, rather than by the frame loop every frame.
    if (auto memory = residentSet()) st.residentBytes = memory->bytes;
    if (watchdog_)
        if (auto frozen = watchdog_->report(); !frozen.empty()) st.problems.push_back(frozen);
    return st;
}

void HttpControlServer::routes() {
    auto& s = *server_;
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        const bool reading = req.method == "GET" || req.method == "HEAD";
        if (authorised(req.get_header_value("Authorization"), reading)) return httplib::Server::HandlerResponse::Unhandled;
        // Reading, a browser then asks for the token (as a password) and opens the page.
        if (reading) res.set_header("WWW-Authenticate", "Basic realm=\"vitrine\", charset=\"UTF-8\"");
        reply(res, kUnauthorised, {{"error", "unauthorised: send Authorization: Bearer TOKEN"}});
        return httplib::Server::HandlerResponse::Handled;
    });
    s.Get("/status", [this](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_content(statusJson(currentStatus()), "application/json");
    });
    s.Get("/", [this](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_header("Cache-Control", "no-store");
        res.set_content(statusPageHtml(currentStatus()), "text/html; charset=utf-8");
    });
    s.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_content(metricsText(currentStatus()), kMetricsContentType);
    });
    s.Get("/screen.png", [this](const httplib::Request&, httplib::Response& res) {
        // Asking starts the copies: the first request may find none yet (the page retries).
        std::string png = screen_ ? screen_->png() : std::string();
        if (png.empty()) return reply(res, kNotFound, {{"error", "no picture of the screen yet"}});
        res.status = kStatusOk;
        res.set_header("Cache-Control", "no-store");
        res.set_content(std::move(png), "image/png");
    });
    auto enqueue = [this](const httplib::Request& req, httplib::Response& res, ControlCommand c) {
        c.origin = "http " + req.remote_addr;
        std::string verb(commandVerb(c.kind));
        if (!queue_.push(c)) {
            reply(res, kUnavailable, {{"error", "too many commands waiting"}});
            return;
        }
        reply(res, kAccepted, {{"ok", true}, {"command", verb}});
    };
    s.Post(R"(/(play|pause|next|previous|black|reload))",
           // Taking a content reader (and never reading) accepts a POST with no body and no
           // Content-Length, as `curl -X POST` sends it; commands have no body to read.
           [this, enqueue](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader&) {
               ControlCommand c;
               c.kind = *parseCommandVerb(req.matches[1].str());
               // Outside the opening hours the player stays black whatever it is told: saying
               // "ok" would leave a technician waiting for a show that does not come.
               if (c.kind == ControlCommand::Kind::Play && status_.snapshot().state == "closed")
                   return reply(res, kConflict, {{"error", "the room is closed (outside its opening hours): "
                                                           "the show plays again at the next opening"}});
               enqueue(req, res, c);
           });
    // The audio description: on, off, or toggle (the installation's <description> says when
    // it plays; a command holds until its schedule next changes).
    s.Post(R"(/description/(on|off|toggle))", [enqueue](const httplib::Request& req, httplib::Response& res,
                                                       const httplib::ContentReader&) {
        ControlCommand c;
        c.kind = ControlCommand::Kind::Description;
        c.description = *installation::parseDescriptionCommand(req.matches[1].str());
        enqueue(req, res, c);
    });
    s.Post(R"(/scene/([^/]+))", [enqueue](const httplib::Request& req, httplib::Response& res,
                                           const httplib::ContentReader&) {
        ControlCommand c{ControlCommand::Kind::Scene, httplib::detail::decode_url(req.matches[1].str(), false), {}};
        if (!validSceneId(c.sceneId)) return reply(res, kBadRequest, {{"error", "not a scene id"}});
        enqueue(req, res, c);
    });
    s.Post("/scene", [enqueue](const httplib::Request& req, httplib::Response& res) {
        auto body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object() || !body.contains("id") || !body["id"].is_string())
            return reply(res, kBadRequest, {{"error", "expected a JSON body like {\"id\": \"testimony\"}"}});
        ControlCommand c{ControlCommand::Kind::Scene, body["id"].get<std::string>(), {}};
        if (!validSceneId(c.sceneId)) return reply(res, kBadRequest, {{"error", "not a scene id"}});
        enqueue(req, res, c);
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) reply(res, res.status, {{"error", "HTTP " + std::to_string(res.status)}});
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        reply(res, 500, {{"error", "internal error"}});
    });
    // Only refusals: an accepted command is logged once, by the player as it carries it out
    // ("remote pause from http 127.0.0.1").
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (req.remote_addr.empty()) return;  // never parsed: serve() counts it, with the client's address
        if (res.status >= kBadRequest) refusals_.refuse(refusalReason(res.status, req.path), req.remote_addr);
    });
}

std::optional<Error> HttpControlServer::start(const std::string& address, int port, const std::string& token) {
    if (server_) return Error{"already started"};
    if (!installation::isLoopback(address) && token.empty())
        return Error{"listening on " + address + " needs a token (anyone on the network could control the show)"};
    token_ = token;
    server_ = std::make_unique<Server>();
    server_->set_payload_max_length(kMaxBody);
    routes();
    // SO_REUSEADDR alone: httplib's default adds SO_REUSEPORT, with which a second player
    // on the same PC shared the port and the kernel handed each client to either at random.
    server_->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    errno = 0;
    int bound = port == 0 ? server_->bind_to_any_port(address) : (server_->bind_to_port(address, port) ? port : -1);
    if (bound <= 0) {
        const int why = errno;
        server_.reset();
        const std::string where = address + ":" + std::to_string(port);
        if (why == EADDRINUSE)
            return Error{"cannot listen for HTTP on " + where + ": port " + std::to_string(port) +
                         " is held by another process (another player, or another server on this PC)"};
        return Error{"cannot listen for HTTP on " + where + (why ? std::string(": ") + std::strerror(why) : "")};
    }
    // Non-blocking, so a connection that goes away between poll and accept cannot block the
    // loop; and a longer queue of connections waiting to be accepted than httplib's 5, past
    // which the kernel drops a new client's SYN and that client retries only a second later.
    const int listening = server_->listeningSocket();
    ::fcntl(listening, F_SETFL, ::fcntl(listening, F_GETFL) | O_NONBLOCK);
    ::listen(listening, SOMAXCONN);
    port_ = bound;
    wake_ = ::eventfd(0, EFD_CLOEXEC);
    thread_ = std::thread([this] { acceptLoop(); });
    return std::nullopt;
}

void HttpControlServer::acceptLoop() {
    httplib::ThreadPool workers(kMaxConnections);
    const int listening = server_->listeningSocket();
    pollfd fds[2] = {{listening, POLLIN, 0}, {wake_, POLLIN, 0}};
    while (true) {
        const int ready = ::poll(fds, 2, kTallyCheckMillis);
        refusals_.flushIfDue();
        if (ready < 0 && errno != EINTR) {
            log_(std::string("control: http stopped: ") + std::strerror(errno));
            break;
        }
        if (ready > 0 && fds[1].revents) break;
        if (ready <= 0 || !(fds[0].revents & POLLIN)) continue;
        sockaddr_storage from{};
        socklen_t length = sizeof from;
        const int fd = ::accept4(listening, reinterpret_cast<sockaddr*>(&from), &length, SOCK_CLOEXEC);
        if (fd < 0) {
            // Out of descriptors, the socket stays readable: wait a little rather than spin.
            if (errno == EMFILE || errno == ENFILE) std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        int clientPort = 0;
        std::string client = numericAddress(from, &clientPort);
        if (!connections_.admit(client, fd)) {
            // Answered without a worker; never waits (a full socket buffer just loses the reply).
            static constexpr std::string_view kBusy =
                "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            [[maybe_unused]] auto sent = ::send(fd, kBusy.data(), kBusy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
            ::close(fd);
            refusals_.refuse("over the connection limit", client);
            continue;
        }
        workers.enqueue([this, fd, client, clientPort] { serve(fd, client, clientPort); });
    }
    connections_.shutdownAll();
    workers.shutdown();
}

void HttpControlServer::serve(int fd, const std::string& address, int port) {
    DeadlineStream stream(fd, address, port, DeadlineStream::Clock::now() + kRequestDeadline);
    bool parsed = false, closed = false;
    // One request per connection: a kept-alive connection would hold its worker while idle.
    server_->process_request(stream, /*close_connection=*/true, closed, [&](httplib::Request&) { parsed = true; });
    if (!parsed && (stream.expired() || stream.received() > 0))
        refusals_.refuse(stream.expired() ? "too slow (no whole request in time)" : "malformed", address);
    connections_.release(address, fd);
    ::close(fd);
}

void HttpControlServer::stop() {
    if (!server_) return;
    std::uint64_t one = 1;
    [[maybe_unused]] auto n = ::write(wake_, &one, sizeof one);
    if (thread_.joinable()) thread_.join();
    server_->closeListeningSocket();
    ::close(wake_);
    wake_ = -1;
    server_.reset();
    refusals_.flush();
}

}  // namespace vitrine::control
