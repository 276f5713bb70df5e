#include "captions/webvtt_writer.h"

#include <charconv>
#include <cstdio>

#include "captions/caption_lines.h"

namespace vitrine {
namespace {

constexpr std::string_view kArrow = "-->";
constexpr Micros kMicrosPerMinute = 60 * kMicrosPerSecond;
constexpr Micros kMicrosPerHour = 60 * kMicrosPerMinute;
constexpr std::size_t kNumberBuffer = 64;
// An empty class span: it styles nothing, but it stops a payload line from being empty or
// blank, which would end the cue.
constexpr std::string_view kLineKeeper = "<c></c>";

// Text with the characters that WebVTT reads as markup written as references; '>' too, so
// that no payload line can contain "-->" and be taken for the next cue's timing line.
std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

// The shortest decimal that reads back as `value`, in the plain form the settings take.
std::string number(double value) {
    char buffer[kNumberBuffer];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    if (ec != std::errc{}) return "0";
    return std::string(buffer, end);
}

std::string settings(const CaptionCue& cue) {
    using C = CaptionCue;
    std::string out;
    if (cue.line) {
        out += " line:" + number(*cue.line) + (cue.lineUnit == C::LineUnit::Percent ? "%" : "");
        if (cue.lineAlign == C::LineAlign::Center) out += ",center";
        else if (cue.lineAlign == C::LineAlign::End) out += ",end";
    }
    if (cue.position) {
        out += " position:" + number(*cue.position) + "%";
        if (cue.positionAlign == C::PositionAlign::LineLeft) out += ",line-left";
        else if (cue.positionAlign == C::PositionAlign::Center) out += ",center";
        else if (cue.positionAlign == C::PositionAlign::LineRight) out += ",line-right";
    }
    if (cue.size) out += " size:" + number(*cue.size) + "%";
    switch (cue.align) {
        case C::Align::Start: out += " align:start"; break;
        case C::Align::Center: break;  // the default
        case C::Align::End: out += " align:end"; break;
        case C::Align::Left: out += " align:left"; break;
        case C::Align::Right: out += " align:right"; break;
    }
    if (cue.vertical == C::Vertical::RightToLeft) out += " vertical:rl";
    else if (cue.vertical == C::Vertical::LeftToRight) out += " vertical:lr";
    return out;
}

// One span, self-contained: its tags open and close around its text, so spans never depend
// on each other's markup.
std::string span(const CaptionSpan& s) {
    std::string open, close;
    if (!s.voice.empty()) {
        open += "<v " + escaped(s.voice) + ">";
        close = "</v>" + close;
    }
    if (!s.lang.empty()) {
        open += "<lang " + escaped(s.lang) + ">";
        close = "</lang>" + close;
    }
    if (s.italic) {
        open += "<i>";
        close = "</i>" + close;
    }
    if (s.bold) {
        open += "<b>";
        close = "</b>" + close;
    }
    return open + escaped(s.text) + close;
}

std::string payload(const CaptionCue& cue) {
    std::string out;
    // The cue's speaker is the first <v> in its text; when no span carries it (a voice
    // tag around no text), an empty voice tag at the start keeps it.
    std::string firstSpanVoice;
    for (const auto& line : cue.lines)
        for (const auto& s : line)
            if (firstSpanVoice.empty() && !s.voice.empty()) firstSpanVoice = s.voice;
    if (!cue.voice.empty() && cue.voice != firstSpanVoice) out += "<v " + escaped(cue.voice) + "></v>";
    for (std::size_t i = 0; i < cue.lines.size(); ++i) {
        std::string line = i == 0 ? out : std::string();
        for (const CaptionSpan& s : cue.lines[i]) line += span(s);
        if (isBlankCaptionLine(line)) line.insert(0, kLineKeeper);
        if (i == 0) out = line;
        else out += "\n" + line;
    }
    return out;
}

// An identifier line must not be blank or look like a timing line; such an id is dropped
// rather than written as something that reads back differently.
bool writableId(const std::string& id) {
    return !isBlankCaptionLine(id) && id.find(kArrow) == std::string::npos && id.find_first_of("\r\n") == std::string::npos;
}

}  // namespace

std::string formatWebVttTimestamp(Micros t) {
    if (t < 0) t = 0;
    Micros ms = (t + kMicrosPerMillisecond / 2) / kMicrosPerMillisecond;
    Micros msPerHour = kMicrosPerHour / kMicrosPerMillisecond;
    Micros msPerMinute = kMicrosPerMinute / kMicrosPerMillisecond;
    Micros msPerSecond = kMicrosPerSecond / kMicrosPerMillisecond;
    char buffer[kNumberBuffer];
    std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(ms / msPerHour),
                  static_cast<long long>(ms % msPerHour / msPerMinute),
                  static_cast<long long>(ms % msPerMinute / msPerSecond), static_cast<long long>(ms % msPerSecond));
    return buffer;
}

std::string writeWebVtt(const CaptionTrack& track) {
    std::string out = "WEBVTT\n";
    if (!track.lang.empty()) out += "Language: " + track.lang + "\n";
    for (const CaptionCue& cue : track.cues) {
        out += "\n";
        if (writableId(cue.id)) out += cue.id + "\n";
        out += formatWebVttTimestamp(cue.start) + " " + std::string(kArrow) + " " + formatWebVttTimestamp(cue.end) +
               settings(cue) + "\n";
        std::string text = payload(cue);
        if (!text.empty() || cue.lines.size() > 1) out += text + "\n";
    }
    return out;
}

}  // namespace vitrine
