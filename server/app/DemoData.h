#pragma once

#include "app/Clock.h"
#include "db/Database.h"

namespace kocmoc {

// The demo users of resources/demo (password in that file) with their chats and
// messages, for trying the product out. Loaded only with --demo; loading them twice
// changes nothing.
class DemoData
{
public:
    static int load(
        db::Database &database, const Clock &clock); // returns how many users were added
};

} // namespace kocmoc
