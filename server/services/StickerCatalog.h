#pragma once

#include <QList>
#include <QString>

namespace kocmoc {

// The built-in sticker sets shipped in resources/stickers (a manifest and PNG images).
// Each sticker's file keeps a fixed id derived from its name, so messages that show a
// sticker stay valid across restarts and servers.
class StickerCatalog
{
public:
    struct Sticker
    {
        QString id; // "<set>/<name>", what a sticker message names as stickerId
        QString emoji; // what it stands for
        QString fileId;
        QString resourcePath;
    };
    struct Set
    {
        QString id;
        QString title;
        QList<Sticker> stickers;
    };

    static const StickerCatalog &builtIn();

    const QList<Set> &sets() const { return m_sets; }
    QList<Sticker> stickers() const;
    const Sticker *find(const QString &stickerId) const;

private:
    QList<Set> m_sets;
};

} // namespace kocmoc
