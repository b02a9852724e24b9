#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

#include <optional>

namespace kocmoc::socketio {

// The arguments of an event or of an acknowledgement. Binary data travels as
// attachments: where attachment N belongs, the JSON holds the placeholder
// {"_placeholder":true,"num":N} (N counts from 0 in the order of
// `attachments`), exactly as on the wire. A QJsonArray converts implicitly:
//     socket->emitEvent("message:new", QJsonArray{message});
//     socket->emitEvent("file", Payload().appendBinary(bytes));
struct Payload
{
    QJsonArray args;
    QList<QByteArray> attachments;

    Payload() = default;
    Payload(QJsonArray arguments) // NOLINT(google-explicit-constructor): see above
        : args(std::move(arguments))
    { }
    Payload(QJsonArray arguments, QList<QByteArray> binaries)
        : args(std::move(arguments))
        , attachments(std::move(binaries))
    { }

    // Appends binary data as the next argument.
    Payload &appendBinary(const QByteArray &data);

    static QJsonObject placeholder(int index);
    // The attachment index of a placeholder, or nothing for any other value.
    static std::optional<int> placeholderIndex(const QJsonValue &value);
    // The data a placeholder stands for; nothing when `value` is not a placeholder of this payload.
    std::optional<QByteArray> binary(const QJsonValue &value) const;

    bool operator==(const Payload &other) const = default;
};

} // namespace kocmoc::socketio
