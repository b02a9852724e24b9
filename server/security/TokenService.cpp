#include "TokenService.h"
