#include "script/suggest.h"

#include <algorithm>
#include <cctype>

namespace vitrine {

int editDistance(std::string_view a, std::string_view b) {
    auto same = [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    };
    // Three rows: a swap looks two rows back.
    std::vector<int> beforePrevious(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (same(a[i - 1], b[j - 1]) ? 0 : 1)});
            if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) && same(a[i - 2], b[j - 1]))
                current[j] = std::min(current[j], beforePrevious[j - 2] + 1);
        }
        std::swap(beforePrevious, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::optional<std::string> closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
    // A third of the word's length (at least 1, at most 3 edits) separates typos from other words.
    constexpr int kMaxEdits = 3;
    int allowed = std::clamp(static_cast<int>(word.size()) / 3, 1, kMaxEdits);
    std::optional<std::string> best;
    int bestDistance = allowed + 1;
    for (const auto& c : candidates) {
        int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates, std::string fallback) {
    if (auto m = closestMatch(word, candidates)) return "did you mean '" + *m + "'?";
    return fallback;
}

std::optional<std::string> closestExistingFile(const std::filesystem::path& missing) {
    namespace fs = std::filesystem;
    const fs::path folder = missing.parent_path();
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end; !ec && it != end;
         it.increment(ec))
        if (it->is_regular_file(ec)) names.push_back(it->path().filename().string());
    auto name = closestMatch(missing.filename().string(), names);
    if (!name) return std::nullopt;
    return (folder / *name).string();
}

}  // namespace vitrine
