#include "exhibit/check_report.h"

#include <algorithm>
#include <cstdio>

#include "diag/json_writer.h"

namespace vitrine {

int checkExitCode(const LoadedExhibit& exhibit) {
    if (exhibit.diagnostics.hasErrors() || !exhibit.show) return 2;
    return exhibit.diagnostics.warningCount() > 0 ? 1 : 0;
}

std::string checkSummary(const LoadedExhibit& e) {
    auto plural = [](size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); };
    std::string s;
    if (e.show) {
        s += plural(e.show->scenes.size(), "scene") + ", " + formatTime(e.show->duration, TimePrecision::Tenths) +
             " total, ";
        s += plural(e.mediaReferenced.size(), "media file") + " referenced, " + std::to_string(e.mediaMissing.size()) +
             " missing; ";
    } else {
        s += "not compiled; ";
    }
    s += plural(static_cast<size_t>(e.diagnostics.errorCount()), "error") + ", " +
         plural(static_cast<size_t>(e.diagnostics.warningCount()), "warning");
    return s;
}

std::string checkReportText(const LoadedExhibit& e) {
    std::string out;
    for (const auto& d : e.diagnostics.all()) out += formatDiagnostic(d) + "\n";
    out += checkSummary(e) + "\n";
    return out;
}

std::string checkReportJson(const LoadedExhibit& e, const std::string& file) {
    std::string out = "{\n  \"file\": " + jsonString(file) + ",\n  \"diagnostics\": [";
    bool first = true;
    for (const auto& d : e.diagnostics.all()) {
        out += first ? "\n" : ",\n";
        first = false;
        out += "    " + diagnosticJson(d);
    }
    out += first ? "],\n" : "\n  ],\n";
    out += "  \"summary\": {";
    if (e.show) {
        out += "\"scenes\": " + std::to_string(e.show->scenes.size()) +
               ", \"duration_us\": " + std::to_string(e.show->duration) +
               ", \"duration\": " + jsonString(formatTime(e.show->duration)) + ", ";
    }
    out += "\"media_referenced\": " + std::to_string(e.mediaReferenced.size()) +
           ", \"media_missing\": " + std::to_string(e.mediaMissing.size()) +
           ", \"errors\": " + std::to_string(e.diagnostics.errorCount()) +
           ", \"warnings\": " + std::to_string(e.diagnostics.warningCount()) + "}\n}\n";
    return out;
}

namespace {

// Characters, not bytes: a UTF-8 continuation byte (10xxxxxx) adds none.
size_t characterCount(const std::string& text) {
    return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `text` padded with spaces to `width` characters.
std::string padded(const std::string& text, size_t width) {
    const size_t n = characterCount(text);
    return n >= width ? text : text + std::string(width - n, ' ');
}

}  // namespace

std::string sceneTable(const Show& show) {
    size_t width = 5;
    for (const auto& s : show.scenes) width = std::max(width, characterCount(s.id));
    std::string out;
    char line[512];
    std::snprintf(line, sizeof line, "  %10s  %10s  %s\n", "start", "duration", "title");
    out += padded("scene", width) + line;
    for (const auto& s : show.scenes) {
        std::snprintf(line, sizeof line, "  %10s  %10s  ", formatClock(s.begin).c_str(),
                      formatTime(s.end - s.begin).c_str());
        out += padded(s.id, width) + line + s.title + "\n";
    }
    std::snprintf(line, sizeof line, "%zu scenes, %s total\n", show.scenes.size(),
                  formatTime(show.duration, TimePrecision::Tenths).c_str());
    out += line;
    return out;
}

}  // namespace vitrine
