#pragma once
// The status in the Prometheus text exposition format (version 0.0.4), served at
// /metrics so an existing Prometheus, Grafana or Zabbix watches every player.

#include <string>

#include "control/player_status.h"

namespace vitrine::control {

/// The Content-Type of metricsText()'s output.
inline constexpr const char* kMetricsContentType = "text/plain; version=0.0.4; charset=utf-8";

/// Every metric, `vitrine_…`, with its HELP and TYPE lines.
std::string metricsText(const PlayerStatus& status);

}  // namespace vitrine::control
