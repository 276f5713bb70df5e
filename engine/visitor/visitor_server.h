#pragma once
// The visitors' page, on a port of its own, apart from the control API and read only:
//   GET /            the page (visitor/visitor_page.h)
//   GET /text.json   the exhibit's published text (visitor/published_text.h)
//   GET /clock       the show clock now (visitor/show_clock.h)
//   GET /sound/N     the Nth audio-description sound, whole or the byte ranges asked for
// Every other path is 404, and nothing a request carries names a file. No login, no
// cookies, nothing kept or logged about a visitor (refusals are counted without their
// addresses), nothing that changes the show. Requests are bounded in size (no body at
// all), in time, in rate and in connections per address and in total, on threads of their
// own (control/bounded_http_server.h): a slow or hostile client cannot stall the frame loop.

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "base/error.h"
#include "control/bounded_http_server.h"
#include "visitor/published_text.h"
#include "visitor/show_clock.h"

namespace vitrine::visitor {

class VisitorServer {
public:
    /// Many phones, each asking for the clock about once a second, a page and its text once.
    static constexpr int kMaxConnectionsPerAddress = 4;
    static constexpr int kMaxConnections = 64;
    static constexpr int kRequestsPerSecond = 10;
    /// A description sound is a few megabytes: long enough for a phone on a busy network.
    static constexpr std::chrono::milliseconds kRequestDeadline{10000};
    /// The largest description sound served.
    static constexpr std::size_t kMaxSoundBytes = std::size_t{64} << 20;

    VisitorServer(PublishedText text, const ShowClock& clock, control::ServerLog log);
    ~VisitorServer();

    /// Replaces the published text (a reload); any thread.
    void setText(PublishedText text);
    /// Listens on `address`:`port` (0 picks a free port).
    std::optional<Error> start(const std::string& address, int port);
    int port() const { return server_.port(); }
    void stop() { server_.stop(); }

private:
    void routes();
    std::shared_ptr<const PublishedText> text() const;

    const ShowClock& clock_;
    mutable std::mutex textMutex_;
    std::shared_ptr<const PublishedText> text_;
    control::BoundedHttpServer server_;
};

}  // namespace vitrine::visitor
