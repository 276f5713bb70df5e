#include "captions/caption_loader.h"

#include <algorithm>
#include <cctype>

#include "captions/caption_lines.h"
#include "captions/srt_parser.h"
#include "captions/webvtt_parser.h"

namespace vitrine {
namespace {

// An SRT file's first timing line is its second line; a few more allow for leading blanks.
constexpr std::size_t kSniffLines = 5;

std::string lowerExtension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

}  // namespace

CaptionFormat sniffCaptionFormat(std::string_view text) {
    if (hasWebVttSignature(text)) return CaptionFormat::WebVtt;
    auto lines = splitCaptionLines(stripBom(text));
    for (std::size_t i = 0; i < std::min(lines.size(), kSniffLines); ++i)
        if (lines[i].text.find("-->") != std::string_view::npos) return CaptionFormat::Srt;
    return CaptionFormat::Unknown;
}

CaptionFormat captionFormatFor(const std::filesystem::path& file, std::string_view text) {
    std::string ext = lowerExtension(file);
    if (ext == ".vtt") return CaptionFormat::WebVtt;
    if (ext == ".srt") return CaptionFormat::Srt;
    return sniffCaptionFormat(text);
}

CaptionTrack loadCaptions(const std::filesystem::path& file, Diagnostics& diagnostics, const FileReader& reader) {
    const std::string name = file.string();
    std::optional<std::string> text = reader(file);
    if (!text) {
        diagnostics.error({name, 0, 0}, "caption-file-unreadable", "cannot read caption file '" + name + "'",
                          "check the path and that the file exists");
        CaptionTrack empty;
        empty.file = name;
        return empty;
    }
    switch (captionFormatFor(file, *text)) {
        case CaptionFormat::WebVtt: return parseWebVtt(*text, name, diagnostics);
        case CaptionFormat::Srt: return parseSrt(*text, name, diagnostics);
        case CaptionFormat::Unknown: break;
    }
    diagnostics.error({name, 1, 1}, "caption-unknown-format",
                      "'" + name + "' is neither WebVTT nor SRT; no captions were read",
                      "name caption files .vtt (starting with the line WEBVTT) or .srt");
    CaptionTrack empty;
    empty.file = name;
    return empty;
}

}  // namespace vitrine
