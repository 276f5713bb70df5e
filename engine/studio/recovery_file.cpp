#include "studio/recovery_file.h"

#include <algorithm>
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

}  // namespace

fs::path recoveryFileOf(const fs::path& exhibit) {
    return exhibit.parent_path() / ("." + exhibit.filename().string() + ".recovery");
}

std::optional<Error> writeRecovery(const fs::path& exhibit, std::string_view text) {
    if (auto error = saveFileAtomically(recoveryFileOf(exhibit), text))
        return Error{"cannot keep a recovery copy of your unsaved edits: " + error->message};
    return std::nullopt;
}

std::optional<Recovery> readRecovery(const fs::path& exhibit) {
    const fs::path file = recoveryFileOf(exhibit);
    auto text = readTextFile(file);
    if (!text) return std::nullopt;
    std::error_code ec;
    auto written = fs::last_write_time(file, ec);
    if (ec) return std::nullopt;
    return Recovery{std::move(*text), std::chrono::file_clock::to_sys(written)};
}

void removeRecovery(const fs::path& exhibit) {
    std::error_code ignored;
    fs::remove(recoveryFileOf(exhibit), ignored);
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
    std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    char out[64];
    std::strftime(out, sizeof out, "at %H:%M on %Y-%m-%d", &local);
    return out;
}

}  // namespace vitrine::studio
