#include "DemoData.h"

#include "db/Sql.h"
#include "repositories/UserRepository.h"
#include "security/PasswordHasher.h"
#include "security/Random.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace kocmoc {

int DemoData::load(db::Database &database, const Clock &clock)
{
    QFile file(QStringLiteral(":/demo/users.json"));
    if (!file.open(QIODevice::ReadOnly))
        throw db::DatabaseError("the demo data is missing from the build");
    const QJsonObject demo = QJsonDocument::fromJson(file.readAll()).object();
    const QString password = demo.value(QStringLiteral("password")).toString();
    const QString passwordHash = security::PasswordHasher::hash(password);
    int added = 0;
    for (const QJsonValue entry : demo.value(QStringLiteral("users")).toArray()) {
        const QJsonObject user = entry.toObject();
        const QString username = user.value(QStringLiteral("username")).toString();
        added += database.transaction([&](QSqlDatabase &db) {
            UserRepository users(db);
            const qint64 now = clock.nowMs();
            const QString id = security::random::uuid();
            if (!users.insert({id, user.value(QStringLiteral("email")).toString(), username,
                    user.value(QStringLiteral("displayName")).toString(), passwordHash, now}))
                return 0;
            users.updateProfile(id,
                {std::nullopt, user.value(QStringLiteral("bio")).toString(), std::nullopt}, now);
            db::Sql(db,
                QStringLiteral("UPDATE users SET access_level = ?, verified = ?, email_verified = "
                               "1 WHERE id = ?"))
                .bind(user.value(QStringLiteral("accessLevel")).toInt(1))
                .bind(user.value(QStringLiteral("verified")).toBool())
                .bind(id)
                .exec();
            return 1;
        });
    }
    return added;
}

} // namespace kocmoc
