#include "visitor/visitor_server.h"

#include <httplib.h>

#include "control/watchdog.h"
#include "files/bounded_read.h"
#include "visitor/visitor_page.h"

namespace vitrine::visitor {

namespace {

constexpr int kStatusOk = 200, kNotFound = 404, kTooLarge = 413;

// The MIME type a phone's <audio> needs, from the file's extension.
const char* soundType(const std::filesystem::path& file) {
    const std::string e = file.extension().string();
    if (e == ".opus" || e == ".ogg" || e == ".oga") return "audio/ogg";
    if (e == ".mp3") return "audio/mpeg";
    if (e == ".flac") return "audio/flac";
    if (e == ".m4a" || e == ".aac") return "audio/mp4";
    return "audio/wav";
}

// Nothing the page loads comes from elsewhere, nothing is framed or sniffed, and no
// address goes out with a link a visitor follows.
void commonHeaders(httplib::Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "connect-src 'self'; media-src 'self'; frame-ancestors 'none'");
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
}

control::BoundedHttpServer::Limits limits() {
    control::BoundedHttpServer::Limits l;
    l.perAddress = VisitorServer::kMaxConnectionsPerAddress;
    l.total = VisitorServer::kMaxConnections;
    l.deadline = VisitorServer::kRequestDeadline;
    l.maxBody = 0;  // nothing to send to this port
    l.requestsPerSecond = VisitorServer::kRequestsPerSecond;
    l.logAddresses = false;
    return l;
}

}  // namespace

VisitorServer::VisitorServer(PublishedText text, const ShowClock& clock, control::ServerLog log)
    : clock_(clock), text_(std::make_shared<const PublishedText>(std::move(text))), server_("visitor", limits(), log) {
    routes();
}

VisitorServer::~VisitorServer() { stop(); }

void VisitorServer::setText(PublishedText text) {
    auto next = std::make_shared<const PublishedText>(std::move(text));
    std::lock_guard lock(textMutex_);
    text_ = std::move(next);
}

std::shared_ptr<const PublishedText> VisitorServer::text() const {
    std::lock_guard lock(textMutex_);
    return text_;
}

std::optional<Error> VisitorServer::start(const std::string& address, int port) { return server_.start(address, port); }

void VisitorServer::routes() {
    auto& s = server_.http();
    // Reading only: another method is 404 (there is nothing to change here), and a request
    // that announces a body is refused before any of it is read (httplib reads a GET's body
    // only when a route asks, so its payload limit alone would not refuse it).
    s.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        commonHeaders(res);
        if (req.method != "GET" && req.method != "HEAD") {
            res.status = kNotFound;
            return httplib::Server::HandlerResponse::Handled;
        }
        const std::string length = req.get_header_value("Content-Length");
        if (req.has_header("Transfer-Encoding") || (!length.empty() && length != "0")) {
            res.status = kTooLarge;
            return httplib::Server::HandlerResponse::Handled;
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.Get("/", [](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_content(std::string(visitorPageHtml()), "text/html; charset=utf-8");
    });
    s.Get("/text.json", [this](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_header("Cache-Control", "no-cache");
        res.set_content(text()->json, "application/json; charset=utf-8");
    });
    s.Get("/clock", [this](const httplib::Request&, httplib::Response& res) {
        res.status = kStatusOk;
        res.set_header("Cache-Control", "no-store");
        res.set_content(clockJson(clock_.readAt(control::steadyClock()())), "application/json");
    });
    // By number only: no part of the URL reaches the file system.
    s.Get(R"(/sound/(\d{1,4}))", [this](const httplib::Request& req, httplib::Response& res) {
        const auto published = text();
        const std::size_t n = std::stoul(req.matches[1].str());
        if (n >= published->sounds.size()) return void(res.status = kNotFound);
        auto bytes = readFileUpTo(published->sounds[n], kMaxSoundBytes);
        if (!bytes || bytes->size() > kMaxSoundBytes) return void(res.status = kNotFound);
        // No status set: httplib then answers a Range with those bytes and 206, which a
        // phone's <audio> needs to seek (with 200 set, it sent the range's bytes as 200).
        res.set_header("Accept-Ranges", "bytes");
        res.set_content(std::move(*bytes), soundType(published->sounds[n]));
    });
    s.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) res.set_content("HTTP " + std::to_string(res.status) + "\n", "text/plain");
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        res.status = kNotFound;
    });
    // Nothing about a request is logged: the visitors' port keeps nothing about them.
}

}  // namespace vitrine::visitor
