#include "studio/recovery_file.h"

#include <algorithm>
#include <cctype>
#include <ctime>
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

// ".NAME." and the stamp of a recovery set aside: digits and dashes ("20261207-093512-2").
std::string setAsidePrefix(const fs::path& exhibit) { return "." + exhibit.filename().string() + "."; }

bool isStamp(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c) || c == '-'; });
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

std::optional<Error> setRecoveryAside(const fs::path& exhibit) {
    const fs::path current = recoveryFileOf(exhibit);
    std::error_code ec;
    const auto written = fs::last_write_time(current, ec);
    if (ec) return std::nullopt;  // none to set aside
    // Renaming keeps the time it was written; two in one second are numbered.
    const std::string stamp = localTime(std::chrono::file_clock::to_sys(written), "%Y%m%d-%H%M%S");
    fs::path aside = exhibit.parent_path() / (setAsidePrefix(exhibit) + stamp + std::string(kSuffix));
    for (int n = 2; fs::exists(aside); ++n)
        aside = exhibit.parent_path() / (setAsidePrefix(exhibit) + stamp + "-" + std::to_string(n) + std::string(kSuffix));
    fs::rename(current, aside, ec);
    if (ec) return Error{"cannot set aside the unsaved edits of the last session: " + ec.message()};
    return std::nullopt;
}

std::vector<Recovery> recoveriesSetAside(const fs::path& exhibit) {
    std::vector<Recovery> found;
    const std::string prefix = setAsidePrefix(exhibit);
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(exhibit.parent_path().empty() ? "." : exhibit.parent_path(), ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() <= prefix.size() + kSuffix.size() || !name.starts_with(prefix) || !name.ends_with(kSuffix))
            continue;
        if (!isStamp(std::string_view(name).substr(prefix.size(), name.size() - prefix.size() - kSuffix.size())))
            continue;
        if (auto recovery = readRecoveryFile(entry.path())) found.push_back(std::move(*recovery));
    }
    std::sort(found.begin(), found.end(), [](const Recovery& a, const Recovery& b) {
        return a.written != b.written ? a.written < b.written : a.file < b.file;
    });
    return found;
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
