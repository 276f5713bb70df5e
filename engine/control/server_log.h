#pragma once

#include <functional>
#include <string>

namespace vitrine::control {

/// One line for the log; called from the servers' threads, so it must be thread-safe.
using ServerLog = std::function<void(const std::string&)>;

}  // namespace vitrine::control
