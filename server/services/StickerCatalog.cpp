#include "StickerCatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace kocmoc {

const StickerCatalog &StickerCatalog::builtIn()
{
    static const StickerCatalog catalog = [] {
        // The namespace of the stickers' name-based (version 5) UUIDs.
        static const QUuid stickerNamespace(
            QStringLiteral("{6f1c2b1e-4a43-5e0a-9d7b-2f1f8a3c9e51}"));
        StickerCatalog result;
        QFile manifest(QStringLiteral(":/stickers/stickers.json"));
        if (!manifest.open(QIODevice::ReadOnly))
            return result;
        const QJsonArray sets = QJsonDocument::fromJson(manifest.readAll())
                                    .object()
                                    .value(QStringLiteral("sets"))
                                    .toArray();
        for (const QJsonValue &setValue : sets) {
            const QJsonObject setJson = setValue.toObject();
            Set set{setJson.value(QStringLiteral("id")).toString(),
                setJson.value(QStringLiteral("title")).toString(), {}};
            for (const QJsonValue &stickerValue :
                setJson.value(QStringLiteral("stickers")).toArray()) {
                const QJsonObject json = stickerValue.toObject();
                Sticker sticker;
                sticker.id
                    = set.id + QLatin1Char('/') + json.value(QStringLiteral("name")).toString();
                sticker.emoji = json.value(QStringLiteral("emoji")).toString();
                sticker.fileId = QUuid::createUuidV5(stickerNamespace, sticker.id)
                                     .toString(QUuid::WithoutBraces);
                sticker.resourcePath
                    = QStringLiteral(":/stickers/") + json.value(QStringLiteral("file")).toString();
                set.stickers.append(sticker);
            }
            result.m_sets.append(set);
        }
        return result;
    }();
    return catalog;
}

QList<StickerCatalog::Sticker> StickerCatalog::stickers() const
{
    QList<Sticker> all;
    for (const Set &set : m_sets)
        all.append(set.stickers);
    return all;
}

const StickerCatalog::Sticker *StickerCatalog::find(const QString &stickerId) const
{
    for (const Set &set : m_sets) {
        for (const Sticker &sticker : set.stickers) {
            if (sticker.id == stickerId)
                return &sticker;
        }
    }
    return nullptr;
}

} // namespace kocmoc
