#pragma once

#include "http/HttpReply.h"
#include "http/HttpResponse.h"

#include <kocmoc/Result.h>

namespace kocmoc {

// A service's result as the JSON answer `encode(value)` with `status`, or its error.
template <typename T, typename Encode>
Result<http::HttpResponse> jsonAnswer(const Result<T> &result, int status, Encode encode)
{
    if (!result)
        return result.error();
    return http::HttpResponse::json(status, http::compactJson(encode(result.value())));
}

// 204 for a service's success, or its error.
inline Result<http::HttpResponse> noContentAnswer(const Result<Done> &result)
{
    if (!result)
        return result.error();
    return http::HttpResponse::empty(204);
}

} // namespace kocmoc
