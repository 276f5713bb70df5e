#include "control/http_control_server.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "installation/installation.h"

namespace vitrine::control {

namespace {

constexpr std::size_t kMaxSceneId = 128;
constexpr int kStatusOk = 200, kAccepted = 202, kBadRequest = 400, kUnauthorised = 401, kUnavailable = 503;

bool validSceneId(const std::string& id) {
    if (id.empty() || id.size() > kMaxSceneId) return false;
    for (unsigned char c : id)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

void reply(httplib::Response& res, int status, const nlohmann::json& body) {
    res.status = status;
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

}  // namespace

HttpControlServer::HttpControlServer(ControlQueue& queue, StatusBoard& status, const Watchdog* watchdog, ServerLog log)
    : queue_(queue), status_(status), watchdog_(watchdog), log_(std::move(log)) {}

HttpControlServer::~HttpControlServer() { stop(); }

bool HttpControlServer::authorised(const std::string& header) const {
    if (token_.empty()) return true;
    const std::string expected = "Bearer " + token_;
    // Compare every byte whatever the first difference, so timing does not leak the token.
    unsigned char diff = header.size() == expected.size() ? 0 : 1;
    for (std::size_t i = 0; i < expected.size(); ++i) diff |= static_cast<unsigned char>(
        (i < header.size() ? header[i] : 0) ^ expected[i]);
    return diff == 0;
}

void HttpControlServer::routes() {
    auto& s = *server_;
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (authorised(req.get_header_value("Authorization"))) return httplib::Server::HandlerResponse::Unhandled;
        reply(res, kUnauthorised, {{"error", "unauthorised: send Authorization: Bearer TOKEN"}});
        return httplib::Server::HandlerResponse::Handled;
    });
    s.Get("/status", [this](const httplib::Request&, httplib::Response& res) {
        auto st = status_.snapshot();
        if (watchdog_)
            if (auto frozen = watchdog_->report(); !frozen.empty()) st.problems.push_back(frozen);
        res.status = kStatusOk;
        res.set_content(statusJson(st), "application/json");
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
           [enqueue](const httplib::Request& req, httplib::Response& res, const httplib::ContentReader&) {
               ControlCommand c;
               c.kind = *parseCommandVerb(req.matches[1].str());
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
    s.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (res.status >= kBadRequest)
            log_("control: http " + std::to_string(res.status) + " for " + req.method + " " +
                 req.path.substr(0, kMaxSceneId) + " from " + req.remote_addr);
        else if (req.method == "POST")
            log_("control: http " + req.method + " " + req.path.substr(0, kMaxSceneId) + " from " + req.remote_addr);
    });
}

std::optional<std::string> HttpControlServer::start(const std::string& address, int port, const std::string& token) {
    if (server_) return "already started";
    if (!installation::isLoopback(address) && token.empty())
        return "listening on " + address + " needs a token (anyone on the network could control the show)";
    token_ = token;
    server_ = std::make_unique<httplib::Server>();
    server_->new_task_queue = [] { return new httplib::ThreadPool(kWorkerThreads); };
    server_->set_payload_max_length(kMaxBody);
    server_->set_read_timeout(kReadTimeoutSeconds, 0);
    routes();
    int bound = port == 0 ? server_->bind_to_any_port(address.c_str()) : (server_->bind_to_port(address.c_str(), port) ? port : -1);
    if (bound <= 0) {
        server_.reset();
        return "cannot listen for HTTP on " + address + ":" + std::to_string(port);
    }
    port_ = bound;
    thread_ = std::thread([this] { server_->listen_after_bind(); });
    return std::nullopt;
}

void HttpControlServer::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

}  // namespace vitrine::control
