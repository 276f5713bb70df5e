#include "studio/word_merge.h"

#include <vector>

namespace vitrine::studio {
namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

struct Word {
    std::size_t begin = 0, end = 0;  // in the text it was read from
};

std::vector<Word> wordsOf(std::string_view text) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) ++i;
        if (i >= text.size()) break;
        std::size_t begin = i;
        while (i < text.size() && !isSpace(text[i])) ++i;
        out.push_back({begin, i});
    }
    return out;
}

// For each old word, the new word it is kept as (-1 when deleted): the longest common
// sequence of words.
std::vector<int> commonWords(const std::vector<std::string_view>& a, const std::vector<std::string>& b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<int>> length(n + 1, std::vector<int>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            length[i][j] = a[i] == b[j] ? length[i + 1][j + 1] + 1 : std::max(length[i + 1][j], length[i][j + 1]);
    std::vector<int> keptAs(n, -1);
    std::size_t i = 0, j = 0;
    while (i < n && j < m) {
        if (a[i] == b[j]) keptAs[i++] = static_cast<int>(j++);
        else if (length[i + 1][j] >= length[i][j + 1]) ++i;
        else ++j;
    }
    return keptAs;
}

// Text built with a mark on each character that new words brought.
struct Marked {
    std::string text;
    std::vector<bool> isNew;
    void add(std::string_view s, bool fresh) {
        text += s;
        isNew.insert(isNew.end(), s.size(), fresh);
    }
};

std::string joined(const std::vector<std::string>& words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t k = from; k < to; ++k) out += (k > from ? " " : "") + words[k];
    return out;
}

// Breaks each line that new words made longer than the width, at spaces; other lines stay.
// The words that overflow go to the start of the next line (so one added word does not make
// a line of its own), which is broken in turn if they make it too long: the paragraph is
// filled again from the change only as far as it must be.
std::string wrapNewLines(const Marked& merged, const Wrapping& wrapping) {
    struct Line {
        std::string text;
        bool touched = false;
    };
    std::vector<Line> lines(1);
    for (std::size_t k = 0; k < merged.text.size(); ++k) {
        if (merged.text[k] == '\n') lines.emplace_back();
        else {
            lines.back().text += merged.text[k];
            lines.back().touched = lines.back().touched || merged.isNew[k];
        }
    }
    std::string out;
    std::string carry;  // words moved to the start of the next line
    for (std::size_t n = 0; n < lines.size(); ++n) {
        std::string line = lines[n].text;
        std::size_t lead = 0;
        while (lead < line.size() && isSpace(line[lead])) ++lead;
        if (!carry.empty()) {
            line.insert(lead, carry + " ");
            carry.clear();
        }
        const std::size_t column = n == 0 ? wrapping.firstColumn : 0;
        if (n > 0) out += '\n';
        if (!lines[n].touched || column + line.size() <= wrapping.width) {
            out += line;
            continue;
        }
        // Greedy: as many words as fit, the rest on lines that start with the indentation.
        std::vector<std::string> pieces{line.substr(0, lead)};
        std::size_t pieceColumn = column + lead;
        bool empty = true;
        for (const Word& w : wordsOf(line)) {
            std::string_view word = std::string_view(line).substr(w.begin, w.end - w.begin);
            if (!empty && pieceColumn + 1 + word.size() > wrapping.width) {
                pieces.push_back(wrapping.indent);
                pieceColumn = wrapping.indent.size();
                empty = true;
            }
            if (!empty) {
                pieces.back() += ' ';
                ++pieceColumn;
            }
            pieces.back() += word;
            pieceColumn += word.size();
            empty = false;
        }
        if (pieces.size() > 1 && n + 1 < lines.size()) {
            carry = pieces.back().substr(wrapping.indent.size());
            lines[n + 1].touched = true;
            pieces.pop_back();
        }
        for (std::size_t k = 0; k < pieces.size(); ++k) out += (k > 0 ? "\n" : "") + pieces[k];
    }
    return out;
}

}  // namespace

std::string mergeWords(std::string_view written, std::string_view words, const Wrapping& wrapping,
                       std::string (*escape)(std::string_view)) {
    const std::vector<Word> old = wordsOf(written);
    std::vector<std::string_view> oldWords;
    for (const Word& w : old) oldWords.push_back(written.substr(w.begin, w.end - w.begin));
    std::vector<std::string> fresh;
    for (const Word& w : wordsOf(words)) fresh.push_back(escape(words.substr(w.begin, w.end - w.begin)));
    const std::vector<int> keptAs = commonWords(oldWords, fresh);

    // Walk from one kept word to the next; between them, the written words dropped and the
    // new words added. The whitespace around a change is the designer's, where there is some.
    Marked merged;
    std::size_t nextFresh = 0;  // the first new word not yet written
    std::size_t i = 0;          // the first old word not yet handled
    std::size_t written_to = 0; // characters of `written` already copied or replaced
    auto flushGap = [&](std::size_t oldEnd, std::size_t freshEnd, bool atEnd) {
        // Old words [i, oldEnd) are dropped, new words [nextFresh, freshEnd) added.
        const bool dropped = oldEnd > i, added = freshEnd > nextFresh;
        std::string addedText = joined(fresh, nextFresh, freshEnd);
        if (dropped) {
            // The added words take the dropped words' place; the whitespace around stays.
            merged.add(written.substr(written_to, old[i].begin - written_to), false);
            if (added) {
                merged.add(addedText, true);
                written_to = old[oldEnd - 1].end;
            } else if (atEnd && i > 0) {
                // Dropped at the end: the whitespace before them goes too.
                merged.text.resize(merged.text.size() - (old[i].begin - old[i - 1].end));
                merged.isNew.resize(merged.text.size());
                written_to = old[oldEnd - 1].end;
            } else {
                written_to = atEnd ? old[oldEnd - 1].end : old[oldEnd].begin;
            }
        } else if (added) {
            if (i > 0) {
                // After the previous kept word, with a space; the designer's break follows.
                merged.add(written.substr(written_to, old[i - 1].end - written_to), false);
                merged.add(" " + addedText, true);
                written_to = old[i - 1].end;
            } else {
                merged.add(written.substr(written_to, atEnd ? written.size() - written_to : old[0].begin - written_to), false);
                written_to = atEnd ? written.size() : old[0].begin;
                merged.add(addedText + (atEnd ? "" : " "), true);
            }
        }
        i = oldEnd;
        nextFresh = freshEnd;
    };
    for (std::size_t k = 0; k < old.size(); ++k) {
        if (keptAs[k] < 0) continue;
        flushGap(k, static_cast<std::size_t>(keptAs[k]), false);
        merged.add(written.substr(written_to, old[k].end - written_to), false);
        written_to = old[k].end;
        i = k + 1;
        nextFresh = static_cast<std::size_t>(keptAs[k]) + 1;
    }
    flushGap(old.size(), fresh.size(), true);
    merged.add(written.substr(written_to), false);
    return wrapNewLines(merged, wrapping);
}

}  // namespace vitrine::studio
