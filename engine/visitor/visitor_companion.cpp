#include "visitor/visitor_companion.h"

namespace vitrine::visitor {

VisitorCompanion::VisitorCompanion(const Show& show, control::ServerLog log)
    : server_(publishText(show), clock_, std::move(log)) {}

std::optional<Error> VisitorCompanion::start(const installation::VisitorPageSettings& settings) {
    return server_.start(settings.bindAddress, settings.port);
}

void VisitorCompanion::follow(const control::PlayerStatus& status, std::int64_t atMicros) {
    clock_.publish(status.state, status.time, status.duration, atMicros);
}

void VisitorCompanion::showChanged(const Show& show) {
    server_.setText(publishText(show));
    clock_.textChanged();
}

}  // namespace vitrine::visitor
