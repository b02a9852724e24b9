#include "PasswordHasher.h"
