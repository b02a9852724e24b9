#include "RateLimiter.h"
