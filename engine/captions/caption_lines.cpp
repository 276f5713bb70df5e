#include "captions/caption_lines.h"

#include "files/bounded_read.h"

namespace vitrine {

std::string_view stripBom(std::string_view text) {
    if (text.starts_with(kUtf8Bom)) text.remove_prefix(kUtf8Bom.size());
    return text;
}

std::vector<CaptionLine> splitCaptionLines(std::string_view text) {
    std::vector<CaptionLine> lines;
    std::size_t begin = 0;
    int number = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\n' && text[i] != '\r') continue;
        lines.push_back({text.substr(begin, i - begin), number++});
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
        begin = i + 1;
    }
    if (begin < text.size()) lines.push_back({text.substr(begin), number});
    return lines;
}

bool isBlankCaptionLine(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
}

bool isAllDigits(std::string_view line) {
    if (line.empty()) return false;
    for (char c : line)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string_view trimSpaces(std::string_view text) {
    auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool withinCaptionLimits(std::string_view text, const std::string& fileName, Diagnostics& diagnostics) {
    if (refuseTooLarge(text, fileName, kMaxCaptionFileBytes, "caption file", diagnostics)) return false;
    std::size_t cues = 0;
    for (const CaptionLine& line : splitCaptionLines(stripBom(text))) {
        if (line.text.size() > kMaxCaptionLineBytes) {
            diagnostics.error({fileName, line.number, static_cast<int>(kMaxCaptionLineBytes) + 1}, "caption-line-too-long",
                              "this line is longer than " + std::to_string(kMaxCaptionLineBytes) +
                                  " bytes; the caption file is not read",
                              "a caption line is read in seconds: split it, or check that this is a caption file");
            return false;
        }
        // Every cue has one timing line: counting them counts the cues before parsing any.
        if (line.text.find("-->") != std::string_view::npos && ++cues > kMaxCaptionCues) {
            diagnostics.error({fileName, line.number, 1}, "too-many-captions",
                              "more than " + std::to_string(kMaxCaptionCues) + " cues; the caption file is not read",
                              "split the captions into one file per recording");
            return false;
        }
    }
    return true;
}

}  // namespace vitrine
