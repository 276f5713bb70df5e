#pragma once
// The one shape of a failure at run time: a file that cannot be written, an encoder that
// refuses, an edit whose place is gone. A problem *in* a designer's or technician's file
// is a Diagnostic instead (diag/diagnostic.h), since it has a place in that file.
//   - an action that gives nothing back returns std::optional<Error>: nullopt when it worked;
//   - an action that gives a value returns Result<T>: the value, or the Error instead.
// Neither throws, and neither prints: the caller decides who must hear of it.

#include <string>
#include <utility>
#include <variant>

namespace vitrine {

/// The kinds of failure some callers react to differently (a missing file may appear
/// later, a damaged one will not mend; the mixer and the media check decide by kind). Most
/// callers only pass the message on, and most errors are Other.
enum class ErrorKind {
    Other,
    FileNotFound,
    Unreadable,   // exists but cannot be opened or read (permissions, a directory, I/O error)
    EmptyFile,
    WrongKind,    // readable, but not what was wanted (no sound in it, not a picture)
    Corrupt,      // damaged data, or a stream whose decoder cannot start
    TooLarge,     // more pixels than allowed
    OutOfMemory,
};

/// Why something could not be done, in words for the person who must act on it (naming
/// the file, device or element concerned).
struct Error {
    std::string message;
    ErrorKind kind = ErrorKind::Other;
};

/// A value, or the Error that says why there is none (the part of C++23's std::expected
/// the engine needs).
template <class T>
class Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }

    /// The value; only when ok().
    T& value() { return std::get<0>(state_); }
    const T& value() const { return std::get<0>(state_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    /// Why there is no value; only when !ok().
    const Error& error() const { return std::get<1>(state_); }

private:
    std::variant<T, Error> state_;
};

}  // namespace vitrine
