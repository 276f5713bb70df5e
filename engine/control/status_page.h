#pragma once
// The status page a technician opens from a phone or a desk: served at / by the HTTP
// control server, rendered here on the server so it reads with JavaScript off; a little
// script only refreshes it (every few seconds) and sends the control buttons' commands
// with the token typed into the page. Self-contained: no external file, font or script.

#include <string>

#include "control/player_status.h"

namespace vitrine::control {

/// How often the page's script reads /status and the picture again, in seconds.
inline constexpr int kStatusPageRefreshSeconds = 3;

/// The whole page for `status`, as HTML.
std::string statusPageHtml(const PlayerStatus& status);

}  // namespace vitrine::control
