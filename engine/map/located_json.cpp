#include "map/located_json.h"

#include "files/bounded_read.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace vitrine::map {

using nlohmann::json;

SourceLocation locationAt(std::string_view text, std::size_t offset, const std::string& file) {
    SourceLocation where{file, 1, 1};
    const std::size_t end = std::min(offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == '\n') {
            ++where.line;
            where.column = 1;
        } else if ((byte & 0xC0) != 0x80) {  // count code points, not continuation bytes
            ++where.column;
        }
    }
    return where;
}

std::optional<std::string> readTextFile(const std::filesystem::path& path) {
    return readFileUpTo(path, kMaxMapFileBytes);
}

namespace {

// Turns increasing byte offsets into line:column without re-reading the text
// from the start each time (a file has one container per coordinate pair).
class LineCounter {
public:
    LineCounter(std::string_view text, const std::string& file) : text_(text), at_{file, 1, 1} {}

    SourceLocation locate(std::size_t offset) {
        if (offset < offset_) return locationAt(text_, offset, at_.file);
        const std::size_t end = std::min(offset, text_.size());
        for (; offset_ < end; ++offset_) {
            const auto byte = static_cast<unsigned char>(text_[offset_]);
            if (byte == '\n') {
                ++at_.line;
                at_.column = 1;
            } else if ((byte & 0xC0) != 0x80) {
                ++at_.column;
            }
        }
        return at_;
    }

private:
    std::string_view text_;
    SourceLocation at_;
    std::size_t offset_ = 0;
};

// A forward iterator over the text that counts how many bytes the parser took,
// so that the SAX callbacks know where they are.
class CountingIterator {
public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    CountingIterator() = default;
    CountingIterator(const char* p, std::size_t* consumed) : p_(p), consumed_(consumed) {}
    reference operator*() const { return *p_; }
    CountingIterator& operator++() {
        ++p_;
        if (consumed_) ++*consumed_;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIterator& other) const { return p_ == other.p_; }

private:
    const char* p_ = nullptr;
    std::size_t* consumed_ = nullptr;
};

}  // namespace

// Builds the DOM like nlohmann's own json_sax_dom_parser, and records where each
// container opened. A container is identified by the address of its heap-held
// map or vector, which stays put when the json value holding it moves.
class LocatedJsonBuilder : public nlohmann::json_sax<json> {
public:
    LocatedJsonBuilder(LocatedJson& doc, std::string_view text, const std::size_t& consumed,
                       Diagnostics& diagnostics)
        : doc_(doc), text_(text), lines_(text, doc.file_), consumed_(consumed), diagnostics_(diagnostics) {}

    bool null() override { return add(json(nullptr)); }
    bool boolean(bool v) override { return add(json(v)); }
    bool number_integer(number_integer_t v) override { return add(json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return add(json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return add(json(v)); }
    bool string(string_t& v) override { return add(json(v)); }
    bool binary(binary_t& v) override { return add(json(v)); }
    bool key(string_t& k) override {
        key_ = k;
        return true;
    }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_array() override { return close(); }

    bool parse_error(std::size_t position, const std::string& lastToken,
                     const nlohmann::detail::exception& ex) override {
        // `position` counts the characters read, up to the end of the offending token;
        // point at the token's start, where the reader's eye should go.
        std::size_t offset = position > 0 ? position - 1 : 0;
        if (!lastToken.empty() && lastToken.size() <= position) offset = position - lastToken.size();
        // nlohmann's count can run past the token with some input adapters and optimisation
        // levels; the token's own text, searched back from there, is where it really starts.
        if (!lastToken.empty())
            if (auto found = text_.rfind(lastToken, offset); found != std::string_view::npos) offset = found;
        std::string what = ex.what();
        // nlohmann's message repeats its own position; keep the part after it.
        if (const auto cut = what.find(": syntax error"); cut != std::string::npos) {
            what = what.substr(cut + 2);
        }
        diagnostics_.error(lines_.locate(offset), "json-syntax",
                           "malformed JSON: " + what,
                           "check for a missing comma, quote or bracket just before this point");
        stopReading();
        return false;
    }

private:
    json* place(json value) {
        if (stack_.empty()) {
            doc_.root_ = std::move(value);
            return &doc_.root_;
        }
        json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        json& slot = parent[key_];
        slot = std::move(value);
        return &slot;
    }
    bool add(json value) {
        place(std::move(value));
        return true;
    }
    // Ends the parse early: what was read stays, its open containers marked unfinished.
    void stopReading() {
        doc_.complete_ = false;
        for (json* open : stack_) doc_.unfinished_.insert(LocatedJson::identity(*open));
    }
    bool open(json container) {
        if (stack_.size() >= kMaxJsonDepth) {
            const std::size_t offset = consumed_ > 0 ? consumed_ - 1 : 0;
            diagnostics_.error(lines_.locate(offset), "json-too-deep",
                               "objects and arrays are nested more than " + std::to_string(kMaxJsonDepth) +
                                   " levels deep here; the rest of the file is not read",
                               "map data never needs this depth: the file is damaged or was not made for a map");
            stopReading();
            return false;
        }
        json* placed = place(std::move(container));
        // The '{' or '[' is the last character the parser took.
        const std::size_t offset = consumed_ > 0 ? consumed_ - 1 : 0;
        doc_.starts_[LocatedJson::identity(*placed)] = lines_.locate(offset);
        stack_.push_back(placed);
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }

    LocatedJson& doc_;
    std::string_view text_;
    LineCounter lines_;
    const std::size_t& consumed_;
    Diagnostics& diagnostics_;
    std::vector<json*> stack_;
    std::string key_;
};

const void* LocatedJson::identity(const json& value) {
    if (const auto* object = value.get_ptr<const json::object_t*>()) return object;
    if (const auto* array = value.get_ptr<const json::array_t*>()) return array;
    return nullptr;
}

LocatedJson LocatedJson::parse(std::string_view text, std::string file, Diagnostics& diagnostics) {
    LocatedJson doc;
    doc.file_ = std::move(file);
    std::size_t consumed = 0;
    LocatedJsonBuilder builder(doc, text, consumed, diagnostics);
    CountingIterator first(text.data(), &consumed);
    CountingIterator last(text.data() + text.size(), nullptr);
    json::sax_parse(first, last, &builder);
    return doc;
}

SourceLocation LocatedJson::where(const json& value) const {
    if (const void* id = identity(value)) {
        if (auto it = starts_.find(id); it != starts_.end()) return it->second;
    }
    return SourceLocation{file_, 0, 0};
}

bool LocatedJson::finished(const json& value) const {
    const void* id = identity(value);
    return id == nullptr || !unfinished_.contains(id);
}

}  // namespace vitrine::map
