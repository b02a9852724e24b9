#pragma once

#include <stdexcept>

namespace kocmoc::db {

// A statement failed. Thrown on worker threads only and turned into a 500 there.
class DatabaseError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The database cannot be reached; requests get 503 until it comes back.
class DatabaseUnavailable : public DatabaseError
{
public:
    using DatabaseError::DatabaseError;
};

} // namespace kocmoc::db
