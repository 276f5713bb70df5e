#include "control/metrics_text.h"

#include <cstdio>

namespace vitrine::control {

namespace {

constexpr double kMicrosPerSecond = 1e6;
constexpr double kSecondsPerHour = 3600;

// A label value as the format wants it: backslash, double quote and newline escaped.
std::string labelValue(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') out += "\\\\";
        else if (c == '"') out += "\\\"";
        else if (c == '\n') out += "\\n";
        else out += c;
    }
    return out;
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", v);
    return buffer;
}

class Writer {
public:
    void family(const char* name, const char* type, const char* help) {
        text_ += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    }
    void sample(const std::string& name, double value, const std::string& labels = "") {
        text_ += name + (labels.empty() ? "" : "{" + labels + "}") + " " + number(value) + "\n";
    }
    std::string take() { return std::move(text_); }

private:
    std::string text_;
};

}  // namespace

std::string metricsText(const PlayerStatus& s) {
    Writer w;
    w.family("vitrine_frames_drawn_total", "counter", "Frames drawn since the player started.");
    w.sample("vitrine_frames_drawn_total", static_cast<double>(s.frame));
    w.family("vitrine_frames_late_total", "counter", "Frames that took longer than their period.");
    w.sample("vitrine_frames_late_total", static_cast<double>(s.lateFrames));
    w.family("vitrine_frames_dropped_total", "counter",
             "Frames that took longer than one and a half periods, so a refresh showed the previous one.");
    w.sample("vitrine_frames_dropped_total", static_cast<double>(s.droppedFrames));
    w.family("vitrine_frame_time_seconds", "summary",
             "Time to draw and present a frame; quantiles over the last 600 frames.");
    w.sample("vitrine_frame_time_seconds", s.frameTime.p50 / kMicrosPerSecond, "quantile=\"0.5\"");
    w.sample("vitrine_frame_time_seconds", s.frameTime.p95 / kMicrosPerSecond, "quantile=\"0.95\"");
    w.sample("vitrine_frame_time_seconds", s.frameTime.p99 / kMicrosPerSecond, "quantile=\"0.99\"");
    w.sample("vitrine_frame_time_seconds_sum", s.frameTime.sumSeconds);
    w.sample("vitrine_frame_time_seconds_count", static_cast<double>(s.frameTime.count));
    w.family("vitrine_drift_seconds", "gauge", "Show time minus where the wall clock puts the show.");
    w.sample("vitrine_drift_seconds", s.drift / kMicrosPerSecond);
    w.family("vitrine_resident_memory_bytes", "gauge", "Memory the player holds in RAM.");
    w.sample("vitrine_resident_memory_bytes", static_cast<double>(s.residentBytes));
    w.family("vitrine_uptime_seconds", "gauge", "Time since the player started.");
    w.sample("vitrine_uptime_seconds", s.uptime / kMicrosPerSecond);
    w.family("vitrine_open", "gauge", "1 while the opening hours say to play, 0 while closed.");
    w.sample("vitrine_open", s.state == "closed" ? 0 : 1);
    w.family("vitrine_problems", "gauge", "Current problems (their words are on /status).");
    w.sample("vitrine_problems", static_cast<double>(s.problems.size()));
    // Projectors and displays, as the power side last saw them (engine/power).
    w.family("vitrine_projector_power_on", "gauge", "1 when the output's projector or display reports power on, else 0.");
    for (const auto& d : s.power)
        w.sample("vitrine_projector_power_on", d.state == power::PowerState::On ? 1 : 0,
                 "output=\"" + labelValue(d.output) + "\"");
    // Base units, as Prometheus asks: the projector's lamp hours in seconds.
    w.family("vitrine_projector_lamp_seconds", "gauge", "Lamp time the projector reports (its lamp hours, in seconds).");
    for (const auto& d : s.power)
        if (d.lampHours >= 0)
            w.sample("vitrine_projector_lamp_seconds", static_cast<double>(d.lampHours) * kSecondsPerHour,
                     "output=\"" + labelValue(d.output) + "\"");
    w.family("vitrine_projector_error", "gauge",
             "1 when the projector reports an error or cannot be reached or obeyed, else 0.");
    for (const auto& d : s.power)
        w.sample("vitrine_projector_error", d.errors.empty() && d.problem.empty() ? 0 : 1,
                 "output=\"" + labelValue(d.output) + "\"");
    return w.take();
}

}  // namespace vitrine::control
