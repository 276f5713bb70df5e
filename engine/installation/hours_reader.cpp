#include "installation/hours_reader.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "script/values.h"

namespace vitrine::installation {

namespace {

constexpr int kDaysPerWeek = 7;
const char* const kDayNames[kDaysPerWeek] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

// "mon-fri", "sat,sun", "daily", "tue" → the weekday indices, Monday = 0.
std::optional<std::vector<int>> parseDays(std::string_view text) {
    auto index = [](std::string_view name) -> std::optional<int> {
        std::string lower(trimmed(name));
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        for (int i = 0; i < kDaysPerWeek; ++i)
            if (lower.substr(0, 3) == kDayNames[i] && lower.size() >= 3) return i;
        return std::nullopt;
    };
    auto t = trimmed(text);
    if (t == "daily" || t == "every-day" || t == "all") return std::vector<int>{0, 1, 2, 3, 4, 5, 6};
    std::set<int> days;
    for (auto part : splitOn(t, ',')) {
        auto range = splitOn(part, '-');
        if (range.size() == 1) {
            auto d = index(range[0]);
            if (!d) return std::nullopt;
            days.insert(*d);
        } else if (range.size() == 2) {
            auto a = index(range[0]), b = index(range[1]);
            if (!a || !b) return std::nullopt;
            // Ranges may wrap past Sunday: "fri-mon".
            for (int d = *a;; d = (d + 1) % kDaysPerWeek) {
                days.insert(d);
                if (d == *b) break;
            }
        } else {
            return std::nullopt;
        }
    }
    if (days.empty()) return std::nullopt;
    return std::vector<int>(days.begin(), days.end());
}

std::optional<DaySpan> readSpan(Reader& r, const tinyxml2::XMLElement& e) {
    const char* from = e.Attribute("from");
    const char* to = e.Attribute("to");
    if (!from || !to) {
        r.error(e, nullptr, "missing-attribute", "<" + std::string(e.Name()) + "> needs from=\"HH:MM\" and to=\"HH:MM\"",
                "e.g. from=\"10:00\" to=\"18:00\"; to=\"02:00\" runs past midnight");
        return std::nullopt;
    }
    auto open = parseTimeOfDay(from), close = parseTimeOfDay(to);
    if (!open || *open >= kSecondsPerDay) {
        r.error(e, "from", "bad-time", std::string("'") + from + "' is not a time of day", "write HH:MM, e.g. 09:30");
        return std::nullopt;
    }
    if (!close) {
        r.error(e, "to", "bad-time", std::string("'") + to + "' is not a time of day", "write HH:MM, e.g. 18:00 or 24:00");
        return std::nullopt;
    }
    return DaySpan{*open, *close};
}

// Two openings of one day that share time: allowed (the day is open in either), but
// usually a typo, so the technician is told.
bool overlap(const DaySpan& a, const DaySpan& b) {
    auto end = [](const DaySpan& s) { return s.close <= s.open ? s.close + kSecondsPerDay : s.close; };
    return a.open < end(b) && b.open < end(a);
}

void addSpan(Reader& r, const tinyxml2::XMLElement& e, DaySpans& spans, const std::string& day, DaySpan span) {
    for (const auto& s : spans)
        if (overlap(s, span))
            r.warning(e, "from", "hours-overlap",
                      "this opening overlaps another on " + day + "; the day is open in either",
                      "several <open>s or <special>s on a day add up: a lunch break is two of them");
    spans.push_back(span);
}

}  // namespace

void readHours(Reader& r, const tinyxml2::XMLElement& hoursElement, OpeningHours& hours) {
    hours.always = false;
    // Dates given by <closed>, kept apart so a <special> on the same date is caught in
    // either order (the rule, documented in INSTALLATION.md: the date stays closed).
    std::vector<CivilDate> closedDates;
    auto exceptionFor = [&](CivilDate date) -> HoursException& {
        for (auto& x : hours.exceptions)
            if (x.date == date) return x;
        return hours.exceptions.emplace_back(HoursException{date, {}});
    };
    for (auto e = hoursElement.FirstChildElement(); e; e = e->NextSiblingElement()) {
        std::string name = e->Name();
        if (name == "open") {
            r.onlyAttributes(*e, {"days", "from", "to"});
            const char* daysText = e->Attribute("days");
            auto days = daysText ? parseDays(daysText) : std::nullopt;
            if (!days) {
                r.error(*e, daysText ? "days" : nullptr, "bad-days",
                        daysText ? std::string("'") + daysText + "' is not a set of weekdays" : "<open> needs days=\"…\"",
                        "e.g. days=\"mon-fri\", \"sat,sun\", \"daily\"");
                continue;
            }
            auto span = readSpan(r, *e);
            if (!span) continue;
            // Several <open>s for a day add up: "daily 10-18" and "fri 18-22" is a late Friday.
            for (int d : *days) addSpan(r, *e, hours.weekly[d], kDayNames[d], *span);
        } else if (name == "closed" || name == "special") {
            r.onlyAttributes(*e, name == "closed" ? std::initializer_list<std::string_view>{"date", "note"}
                                                  : std::initializer_list<std::string_view>{"date", "from", "to", "note"});
            const char* dateText = e->Attribute("date");
            auto date = dateText ? parseDate(dateText) : std::nullopt;
            if (!date) {
                r.error(*e, dateText ? "date" : nullptr, "bad-date",
                        dateText ? std::string("'") + dateText + "' is not a date" : "<" + name + "> needs date=\"YYYY-MM-DD\"",
                        "e.g. date=\"2026-12-25\"");
                continue;
            }
            bool closedAlready = std::find(closedDates.begin(), closedDates.end(), *date) != closedDates.end();
            auto& x = exceptionFor(*date);
            if (name == "closed") {
                if (!x.spans.empty())
                    r.error(*e, "date", "closed-and-special",
                            std::string(dateText) + " is given both as <closed> and with hours; it stays closed",
                            "remove the <closed> or the <special>s for this date");
                closedDates.push_back(*date);
                x.spans.clear();
                continue;
            }
            auto span = readSpan(r, *e);
            if (!span) continue;
            if (closedAlready) {
                r.error(*e, "date", "closed-and-special",
                        std::string(dateText) + " is given both as <closed> and with hours; it stays closed",
                        "remove the <closed> or the <special>s for this date");
                continue;
            }
            // Several <special>s on a date add up, like several <open>s on a weekday.
            addSpan(r, *e, x.spans, dateText, *span);
        } else {
            r.warning(*e, nullptr, "unknown-element", "<hours> has no element <" + name + ">; it is ignored",
                      "use <open days from to>, <closed date>, <special date from to>");
        }
    }
}

}  // namespace vitrine::installation
