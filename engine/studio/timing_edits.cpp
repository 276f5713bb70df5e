#include "studio/timing_edits.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

namespace vitrine::studio {
namespace {

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool endsWith(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// `value` counted in units of `unit` (a power of ten) as a decimal, no trailing zeros.
std::string decimal(Micros value, Micros unit) {
    Micros whole = value / unit, part = value % unit;
    std::string out = std::to_string(whole);
    if (part == 0) return out;
    std::string digits = std::to_string(part);
    std::string fraction = std::string(std::to_string(unit).size() - 1 - digits.size(), '0') + digits;
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    return out + "." + fraction;
}

// "m:ss.fff" or, with hours, "h:mm:ss.fff".
std::string clock(Micros value, bool hours) {
    Micros secondsPart = value % (60 * kMicrosPerSecond);
    Micros minutes = value / (60 * kMicrosPerSecond);
    std::string s = decimal(secondsPart, kMicrosPerSecond);
    if (secondsPart < 10 * kMicrosPerSecond) s = "0" + s;
    if (!hours) return std::to_string(minutes) + ":" + s;
    std::string m = std::to_string(minutes % 60);
    if (m.size() < 2) m = "0" + m;
    return std::to_string(minutes / 60) + ":" + m + ":" + s;
}

// The written attribute `name` of `node`, or nullopt.
std::optional<std::string_view> written(const ScriptNode& node, std::string_view name) {
    if (const ScriptAttribute* a = node.attribute(name)) return a->value;
    return std::nullopt;
}

// A plain time (not a syncbase): what parseTimeValue reads.
std::optional<Micros> plain(std::optional<std::string_view> value) {
    return value ? parseTimeValue(trimmed(*value)) : std::nullopt;
}

bool isMedia(const ScriptNode& node) { return node.name == "audio" || node.name == "video"; }

}  // namespace

std::string formatTimeLike(std::string_view like, Micros value) {
    like = trimmed(like);
    if (value < 0) return "-" + formatTimeLike(like, -value);
    if (like.empty() || !parseTimeValue(like)) return formatTime(value);
    if (like.find(':') != std::string_view::npos)
        return clock(value, std::count(like.begin(), like.end(), ':') == 2 || value >= 3600 * kMicrosPerSecond);
    if (endsWith(like, "ms")) return decimal(value, kMicrosPerMillisecond) + "ms";
    // Minutes and hours stay so only when the value is a whole number of them in a few
    // decimals; "0.0416667min" says less than "2.5s".
    if (endsWith(like, "min"))
        return value % (60 * kMicrosPerMillisecond) == 0 ? decimal(value / (60 * kMicrosPerMillisecond), 1000) + "min"
                                                         : decimal(value, kMicrosPerSecond) + "s";
    if (endsWith(like, "h"))
        return value % (3600 * kMicrosPerMillisecond) == 0 ? decimal(value / (3600 * kMicrosPerMillisecond), 1000) + "h"
                                                           : decimal(value, kMicrosPerSecond) + "s";
    if (endsWith(like, "s")) return decimal(value, kMicrosPerSecond) + "s";
    return decimal(value, kMicrosPerSecond);  // a bare number of seconds
}

Result<std::string> shiftTimeValue(std::string_view text, Micros delta) {
    std::string_view value = trimmed(text);
    if (auto t = parseTimeValue(value)) return formatTimeLike(value, *t + delta);
    // A syncbase: "base", "base+offset" or "base-offset", where base is "id.begin" or "id.end".
    std::size_t sign = value.find_last_of("+-");
    std::string_view base = sign == std::string_view::npos ? value : trimmed(value.substr(0, sign));
    std::string_view offsetText = sign == std::string_view::npos ? std::string_view() : trimmed(value.substr(sign + 1));
    const bool hasBase = base.find('.') != std::string_view::npos &&
                         (endsWith(base, ".begin") || endsWith(base, ".end")) && base.front() != '.';
    std::optional<Micros> offset = offsetText.empty() ? std::optional<Micros>(0) : parseTimeValue(offsetText);
    if (!hasBase || !offset || (sign != std::string_view::npos && offsetText.empty()))
        return Error{"\"" + std::string(value) + "\" is not a time the studio can move; write it as a time such as 2s"};
    Micros shifted = (sign != std::string_view::npos && value[sign] == '-' ? -*offset : *offset) + delta;
    if (shifted == 0 && offsetText.empty()) return std::string(base);
    return std::string(base) + (shifted < 0 ? "-" : "+") +
           formatTimeLike(offsetText.empty() ? "1s" : offsetText, shifted < 0 ? -shifted : shifted);
}

EditRecipe timingRecipe(ElementPath path, TimingDrag drag, Micros delta, Micros length) {
    return [path = std::move(path), drag, delta, length](std::string_view text, const Script& script) -> Result<TextEdit> {
        const ScriptNode* node = findElement(script.root, path);
        if (!node) return Error{"the file no longer has " + path.describe()};
        const std::string name(node->name);
        const auto begin = written(*node, "begin");
        const auto dur = written(*node, "dur");
        const auto end = written(*node, "end");
        const auto in = written(*node, "in");
        Micros d = delta;
        // A plain begin never goes before where the parent places the element (a negative
        // begin written by hand stays the designer's choice).
        if (drag != TimingDrag::TrimEnd) {
            Micros oldBegin = begin ? plain(begin).value_or(-1) : 0;
            if (oldBegin >= 0) d = std::max(d, -oldBegin);
            if (drag == TimingDrag::TrimStart && isMedia(*node)) d = std::max(d, -plain(in).value_or(0));
            if (d == 0 && delta != 0) return Error{"<" + name + "> already starts where its parent places it"};
        }
        std::vector<std::pair<std::string, std::string>> changes;  // attribute, new value
        auto shift = [&](std::string_view attribute, std::optional<std::string_view> value, Micros by) -> std::optional<Error> {
            auto next = value ? shiftTimeValue(*value, by) : Result<std::string>(formatTime(by));
            if (!next) return Error{std::string(attribute) + " of <" + name + ">: " + next.error().message};
            changes.emplace_back(attribute, *next);
            return std::nullopt;
        };
        auto lengthLeft = [&](Micros now, Micros by) -> std::optional<Error> {
            if (now + by > 0) return std::nullopt;
            return Error{"<" + name + "> would last no time at all; it is " + formatTime(now) + " long"};
        };
        std::optional<Error> problem;
        switch (drag) {
            case TimingDrag::Move:
                problem = shift("begin", begin, d);
                if (!problem && end && !dur) problem = shift("end", end, d);  // end is on begin's scale
                break;
            case TimingDrag::TrimStart:
                if (!dur && !end && !isMedia(*node) && length - d <= 0) problem = lengthLeft(length, -d);
                if (!problem && dur) {
                    if (auto now = plain(dur)) problem = lengthLeft(*now, -d);
                    if (!problem) problem = shift("dur", dur, -d);
                }
                if (!problem && end && !dur) problem = lengthLeft(length, -d);
                if (!problem) problem = shift("begin", begin, d);
                if (!problem && isMedia(*node)) problem = shift("in", in, d);
                break;
            case TimingDrag::TrimEnd:
                problem = lengthLeft(length, d);
                if (problem) break;
                if (dur) problem = shift("dur", dur, d);
                else if (end) problem = shift("end", end, d);
                else changes.emplace_back("dur", formatTime(length + d));
                break;
        }
        if (problem) return *problem;
        std::vector<TextEdit> edits;
        for (const auto& [attribute, value] : changes) {
            auto e = attributeEdit(text, node->where, node->name, attribute, value);
            if (!e) return e.error();
            edits.push_back(*e);
        }
        return combineEdits(text, std::move(edits));
    };
}

EditRecipe transitionLengthRecipe(ElementPath scene, Micros delta) {
    return [scene = std::move(scene), delta](std::string_view text, const Script& script) -> Result<TextEdit> {
        const ScriptNode* node = findElement(script.root, scene);
        if (!node) return Error{"the file no longer has " + scene.describe()};
        const auto value = written(*node, "transition");
        if (!value)
            return Error{"this scene's transition comes from the exhibit's default-transition; give the scene a "
                         "transition=\"fade 1s\" in the inspector to change its own"};
        // "fade 1.5s": the kind, then the length; the length is the word that reads as a time.
        std::string words(*value);
        std::size_t start = 0;
        while (start < words.size()) {
            std::size_t stop = words.find(' ', start);
            if (stop == std::string::npos) stop = words.size();
            std::string_view word = std::string_view(words).substr(start, stop - start);
            if (auto t = parseTimeValue(word)) {
                if (*t + delta <= 0) return Error{"a transition must last more than no time"};
                words.replace(start, stop - start, formatTimeLike(word, *t + delta));
                return attributeEdit(text, node->where, node->name, "transition", words);
            }
            start = stop + 1;
        }
        return Error{"transition=\"" + std::string(*value) + "\" gives no length to change (a cut has none)"};
    };
}

std::optional<Error> dragChip(StudioDocument& doc, const Chip& chip, ChipPart part, Micros delta) {
    if (delta == 0) return std::nullopt;
    if (chip.element.steps.empty()) return Error{"nothing to change: the element is not in the exhibit's file"};
    const Micros length = chip.end - chip.begin;
    const std::string by = (delta < 0 ? "-" : "+") + formatTime(delta < 0 ? -delta : delta);
    const ScriptNode* node = doc.script() ? findElement(doc.script()->root, chip.element) : nullptr;
    if (!node) return Error{"the file no longer has " + chip.element.describe()};
    const std::string what = "<" + std::string(node->name) + "> at line " + std::to_string(node->where.line);
    if (chip.kind == ChipKind::Transition) {
        if (part != ChipPart::EndEdge) return Error{"a transition's length is changed at its right edge"};
        return doc.edit("transition of " + what + " " + by, transitionLengthRecipe(chip.element, delta));
    }
    if (part == ChipPart::Body && !chip.movable)
        return Error{"a scene follows the one before it; change the length of that one to move " + what};
    if (part == ChipPart::StartEdge && !chip.trimsStart) return Error{"the start of " + what + " cannot be trimmed"};
    if (part == ChipPart::EndEdge && !chip.trimsEnd)
        return Error{what + " repeats; change its dur or repeat in the inspector"};
    const TimingDrag drag = part == ChipPart::Body        ? TimingDrag::Move
                            : part == ChipPart::StartEdge ? TimingDrag::TrimStart
                                                          : TimingDrag::TrimEnd;
    const char* verb = drag == TimingDrag::Move ? "moved " : drag == TimingDrag::TrimStart ? "trimmed the start of " : "trimmed the end of ";
    return doc.edit(verb + what + " " + by, timingRecipe(chip.element, drag, delta, length));
}

CueDrag cueDragOf(ChipPart part) {
    return part == ChipPart::Body ? CueDrag::Move : part == ChipPart::StartEdge ? CueDrag::TrimStart : CueDrag::TrimEnd;
}

CueChip draggedCueChip(const StudioDocument& doc, const CueChip& cue, ChipPart part, Micros delta) {
    const HeldCaptions* held = doc.captionFile(cue.file);
    if (!held || cue.index >= held->track.cues.size()) return cue;
    const auto [start, end] = draggedCue(held->track.cues[cue.index], cueDragOf(part), delta,
                                         cueLimits(held->track, cue.index, held->soundEnd));
    CueChip moved = cue;
    moved.begin = start + cue.offset;
    moved.end = end + cue.offset;
    return moved;
}

std::optional<Error> dragCueChip(StudioDocument& doc, const CueChip& cue, ChipPart part, Micros delta) {
    if (delta == 0) return std::nullopt;
    return doc.dragCue(cue.file, cue.index, cueDragOf(part), delta);
}

}  // namespace vitrine::studio
