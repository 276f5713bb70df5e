#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "base/error.h"

using namespace vitrine;

TEST_CASE("error: a result holds its value, or the error that says why there is none") {
    Result<int> seven = 7;
    REQUIRE(seven.ok());
    CHECK(static_cast<bool>(seven));
    CHECK(*seven == 7);

    Result<int> refused = Error{"the disk is full"};
    CHECK_FALSE(refused.ok());
    CHECK_FALSE(static_cast<bool>(refused));
    CHECK(refused.error().message == "the disk is full");
}

TEST_CASE("error: a result of a string is the value, not an error, whatever the text") {
    Result<std::string> text = std::string("cannot open");
    REQUIRE(text.ok());
    CHECK(text->size() == 11);
}

TEST_CASE("error: a result can hold a value that is only moved") {
    Result<std::unique_ptr<int>> owned = std::make_unique<int>(3);
    REQUIRE(owned.ok());
    std::unique_ptr<int> taken = std::move(*owned);
    CHECK(*taken == 3);
}
