#include "AppIcon.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

#include <numbers>

namespace {

// Theme.qml's accentHovered, accentPressed and accent (light scheme).
const QColor tileTop(0x6E, 0x3D, 0xF5);
const QColor tileBottom(0x5F, 0x2F, 0xE6);
const QColor band(0x7C, 0x4D, 0xFF);

// Half of the ring (the far or the near one) as an arc of a flattened circle.
void drawRingHalf(QPainter &painter, bool nearHalf, const QColor &color, qreal width)
{
    const qreal ringRadius = 38;
    const qreal flatten = 0.3;
    const QRectF ellipse(
        -ringRadius, -ringRadius * flatten, 2 * ringRadius, 2 * ringRadius * flatten);
    QPainterPath path;
    // Qt's angles run counter-clockwise from three o'clock, in degrees.
    const qreal start = nearHalf ? 180 : 0;
    path.arcMoveTo(ellipse, start);
    path.arcTo(ellipse, start, 180);
    painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(path);
}

} // namespace

QPixmap AppIcon::pixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    // Drawn on a 100-unit tile.
    painter.scale(size / 100.0, size / 100.0);
    QLinearGradient gradient(0, 0, 0, 100);
    gradient.setColorAt(0, tileTop);
    gradient.setColorAt(1, tileBottom);
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRoundedRect(QRectF(0, 0, 100, 100), 30, 30);

    painter.translate(50, 52);
    painter.rotate(-0.38 * 180 / std::numbers::pi);
    drawRingHalf(painter, false, Qt::white, 5);
    painter.setPen(Qt::NoPen);
    painter.setBrush(Qt::white);
    painter.drawEllipse(QPointF(0, 0), 21, 21);
    // The near half crosses the planet; a band of the tile's colour keeps it readable.
    drawRingHalf(painter, true, band, 11);
    drawRingHalf(painter, true, Qt::white, 5);
    return pixmap;
}

QIcon AppIcon::icon()
{
    QIcon icon;
    for (const int size : {16, 22, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(pixmap(size));
    return icon;
}
