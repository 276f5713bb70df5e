#include "studio/recovery_file.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <vector>

#include "files/atomic_save.h"
#include "studio/studio_document.h"

namespace vitrine::studio {
namespace {

namespace fs = std::filesystem;

std::vector<std::string_view> linesOf(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

constexpr std::string_view kSuffix = ".recovery";

// A recovery set aside is ".NAME.STAMP.recovery" beside the file it recovers; the stamp is
// digits and dashes ("20261207-093512-2"), the same for every file of one session.
std::string setAsidePrefix(const fs::path& file) { return "." + file.filename().string() + "."; }

bool isStamp(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) || c == '-'; });
}

fs::path setAsideFile(const fs::path& file, const std::string& stamp) {
    return file.parent_path() / (setAsidePrefix(file) + stamp + std::string(kSuffix));
}

// The stamp of `aside` when it is a recovery of `file` set aside, else empty.
std::string stampOf(const fs::path& file, const fs::path& aside) {
    const std::string prefix = setAsidePrefix(file), name = aside.filename().string();
    if (name.size() <= prefix.size() + kSuffix.size() || !name.starts_with(prefix) || !name.ends_with(kSuffix)) return {};
    std::string stamp = name.substr(prefix.size(), name.size() - prefix.size() - kSuffix.size());
    return isStamp(stamp) ? stamp : std::string();
}

// `when` in local time, as `format` (strftime) says.
std::string localTime(std::chrono::system_clock::time_point when, const char* format) {
    std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    char out[64];
    std::strftime(out, sizeof out, format, &local);
    return out;
}

std::optional<Recovery> readRecoveryFile(const fs::path& file) {
    auto text = readTextFile(file);
    if (!text) return std::nullopt;
    std::error_code ec;
    auto written = fs::last_write_time(file, ec);
    if (ec) return std::nullopt;
    return Recovery{std::move(*text), std::chrono::file_clock::to_sys(written), file};
}

}  // namespace

fs::path recoveryFileOf(const fs::path& exhibit) {
    return exhibit.parent_path() / ("." + exhibit.filename().string() + ".recovery");
}

std::optional<Error> writeRecovery(const fs::path& exhibit, std::string_view text) {
    if (auto error = saveFileAtomically(recoveryFileOf(exhibit), text))
        return Error{"cannot keep a recovery copy of your unsaved edits: " + error->message};
    return std::nullopt;
}

std::optional<Recovery> readRecovery(const fs::path& exhibit) { return readRecoveryFile(recoveryFileOf(exhibit)); }

void removeRecovery(const fs::path& exhibit) {
    std::error_code ignored;
    fs::remove(recoveryFileOf(exhibit), ignored);
}

std::optional<Error> setRecoveriesAside(const std::vector<fs::path>& files) {
    // Those that have a recovery, and when the newest of them was written.
    std::vector<fs::path> present;
    fs::file_time_type newest = fs::file_time_type::min();
    for (const fs::path& file : files) {
        std::error_code ec;
        const auto written = fs::last_write_time(recoveryFileOf(file), ec);
        if (ec) continue;  // none to set aside
        present.push_back(file);
        newest = std::max(newest, written);
    }
    if (present.empty()) return std::nullopt;
    // One stamp names the session's set; renaming keeps the time each was written. A stamp
    // taken for any of them (two sessions in one second) is numbered.
    const std::string base = localTime(std::chrono::file_clock::to_sys(newest), "%Y%m%d-%H%M%S");
    std::string stamp = base;
    auto taken = [&] {
        return std::any_of(present.begin(), present.end(), [&](const fs::path& f) { return fs::exists(setAsideFile(f, stamp)); });
    };
    for (int n = 2; taken(); ++n) stamp = base + "-" + std::to_string(n);
    for (const fs::path& file : present) {
        std::error_code ec;
        fs::rename(recoveryFileOf(file), setAsideFile(file, stamp), ec);
        if (ec) return Error{"cannot set aside the unsaved edits of the last session: " + ec.message()};
    }
    return std::nullopt;
}

std::vector<Recovery> recoveriesSetAside(const fs::path& file) {
    std::vector<Recovery> found;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(file.parent_path().empty() ? "." : file.parent_path(), ec)) {
        if (stampOf(file, entry.path()).empty()) continue;
        if (auto recovery = readRecoveryFile(entry.path())) found.push_back(std::move(*recovery));
    }
    std::sort(found.begin(), found.end(), [](const Recovery& a, const Recovery& b) {
        return a.written != b.written ? a.written < b.written : a.file < b.file;
    });
    return found;
}

std::vector<RecoverySet> recoverySetsAside(const std::vector<fs::path>& files) {
    std::map<std::string, RecoverySet> byStamp;
    for (const fs::path& file : files) {
        for (Recovery& recovery : recoveriesSetAside(file)) {
            RecoverySet& set = byStamp[stampOf(file, recovery.file)];
            set.written = std::max(set.written, recovery.written);
            set.recoveries.emplace(file, std::move(recovery));
        }
    }
    std::vector<std::pair<std::string, RecoverySet>> sets(byStamp.begin(), byStamp.end());
    std::sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
        return a.second.written != b.second.written ? a.second.written < b.second.written : a.first < b.first;
    });
    std::vector<RecoverySet> oldestFirst;
    for (auto& [stamp, set] : sets) oldestFirst.push_back(std::move(set));
    return oldestFirst;
}

void removeSetAside(const RecoverySet& set) {
    for (const auto& [file, recovery] : set.recoveries) removeSetAside(recovery);
}

void removeSetAside(const Recovery& recovery) {
    std::error_code ignored;
    fs::remove(recovery.file, ignored);
}

int changedLines(std::string_view a, std::string_view b) {
    auto x = linesOf(a), y = linesOf(b);
    // Longest common subsequence of lines, one row at a time.
    std::vector<int> previous(y.size() + 1, 0), row(y.size() + 1, 0);
    for (std::size_t i = 1; i <= x.size(); ++i) {
        for (std::size_t j = 1; j <= y.size(); ++j)
            row[j] = x[i - 1] == y[j - 1] ? previous[j - 1] + 1 : std::max(previous[j], row[j - 1]);
        std::swap(previous, row);
    }
    const int common = previous[y.size()];
    return static_cast<int>(std::max(x.size(), y.size())) - common;
}

std::string describeTime(std::chrono::system_clock::time_point when) {
    return localTime(when, "at %H:%M on %Y-%m-%d");
}

}  // namespace vitrine::studio
