#include "Mailer.h"
