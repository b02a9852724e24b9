#pragma once

#include <QStringList>

#include <vector>

namespace kocmoc::db {

// A numbered schema change. Both drivers run the same statements; where DDL must
// differ, postgres holds PostgreSQL's own version.
struct Migration
{
    int version;
    QString name;
    QStringList statements;
    QStringList postgres; // empty: the same as statements
};

const std::vector<Migration> &migrations();
int latestSchemaVersion();

} // namespace kocmoc::db
