#pragma once

#include "ApiError.h"

#include <utility>
#include <variant>

namespace kocmoc {

// A value or the ApiError that explains why there is none; services return it
// so that every failure reaches the wire as a status and a named code.
template <typename T> class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(ApiError error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    T &value() { return std::get<T>(m_data); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }
    const ApiError &error() const { return std::get<ApiError>(m_data); }

private:
    std::variant<T, ApiError> m_data;
};

// For operations that succeed with nothing to return.
struct Done
{
};

} // namespace kocmoc
