#include "control/http_control_server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>


#include "control/metrics_text.h"
#include "control/status_page.h"
#include "control/untrusted_text.h"
#include "installation/installation.h"
#include "control/resident_memory.h"

namespace vitrine::control {

namespace {

constexpr int kStatusOk = 200, kAccepted = 202, kBadRequest = 400, kUnauthorised = 401, kNotFound = 404,
              kConflict = 409, kTooLarge = 413, kUnavailable = 503;

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

HttpControlServer::HttpControlServer(ControlQueue& queue, StatusBoard& status, const Watchdog* watchdog, ServerLog log)
    : queue_(queue), status_(status), watchdog_(watchdog), log_(std::move(log)) {}

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
    auto& s = server_->http();
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
        if (res.status >= kBadRequest) server_->refusals().refuse(refusalReason(res.status, req.path), req.remote_addr);
    });
}

std::optional<Error> HttpControlServer::start(const std::string& address, int port, const std::string& token) {
    if (server_) return Error{"already started"};
    if (!installation::isLoopback(address) && token.empty())
        return Error{"listening on " + address + " needs a token (anyone on the network could control the show)"};
    token_ = token;
    BoundedHttpServer::Limits limits;
    limits.perAddress = kMaxConnectionsPerAddress;
    limits.total = kMaxConnections;
    limits.deadline = kRequestDeadline;
    limits.maxBody = kMaxBody;
    server_ = std::make_unique<BoundedHttpServer>("http", limits, log_);
    routes();
    if (auto e = server_->start(address, port)) {
        server_.reset();
        return e;
    }
    return std::nullopt;
}

void HttpControlServer::stop() {
    if (server_) server_->stop();
    server_.reset();
}

}  // namespace vitrine::control
