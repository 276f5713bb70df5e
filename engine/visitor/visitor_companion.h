#pragma once
// The visitors' phone page of a running installation: the show clock the frame loop feeds
// and the server that publishes it with the exhibit's text (<visitor-page> in the
// installation file). Started by `vitrine play`; fed by control::Operations::onFrame.

#include <memory>
#include <optional>

#include "base/error.h"
#include "control/player_status.h"
#include "control/server_log.h"
#include "installation/visitor_page_settings.h"
#include "timeline/show.h"
#include "visitor/show_clock.h"
#include "visitor/visitor_server.h"

namespace vitrine::visitor {

class VisitorCompanion {
public:
    VisitorCompanion(const Show& show, control::ServerLog log);

    /// Listens where the installation says.
    std::optional<Error> start(const installation::VisitorPageSettings& settings);
    int port() const { return server_.port(); }
    /// Each frame (control::Operations::onFrame): the clock follows what is on screen.
    void follow(const control::PlayerStatus& status, std::int64_t atMicros);
    /// A reloaded exhibit (any thread), with every language of the exhibit.
    void showChanged(const Show& show);

private:
    ShowClock clock_;
    VisitorServer server_;
};

}  // namespace vitrine::visitor
