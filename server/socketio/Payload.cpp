#include "Payload.h"

namespace kocmoc::socketio {

Payload &Payload::appendBinary(const QByteArray &data)
{
    args.append(placeholder(int(attachments.size())));
    attachments.append(data);
    return *this;
}

QJsonObject Payload::placeholder(int index)
{
    return QJsonObject{{QStringLiteral("_placeholder"), true}, {QStringLiteral("num"), index}};
}

std::optional<int> Payload::placeholderIndex(const QJsonValue &value)
{
    if (!value.isObject())
        return std::nullopt;
    const QJsonObject object = value.toObject();
    const QJsonValue num = object.value(QLatin1String("num"));
    if (object.size() != 2 || object.value(QLatin1String("_placeholder")) != QJsonValue(true)
        || !num.isDouble() || num.toDouble() != double(num.toInt(-1)) || num.toInt(-1) < 0)
        return std::nullopt;
    return num.toInt();
}

std::optional<QByteArray> Payload::binary(const QJsonValue &value) const
{
    const auto index = placeholderIndex(value);
    if (!index || *index >= attachments.size())
        return std::nullopt;
    return attachments.at(*index);
}

} // namespace kocmoc::socketio
