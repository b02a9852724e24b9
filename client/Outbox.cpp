#include "Outbox.h"

#include "LocalCache.h"
#include "RealtimeClient.h"

#include <QDateTime>
#include <QJsonObject>
#include <QLoggingCategory>

namespace {
Q_LOGGING_CATEGORY(lcOutbox, "kocmoc.outbox")
} // namespace

using namespace kocmoc;

namespace {

constexpr int ackTimeoutMs = 30'000;
constexpr int rateLimitedRetryMs = 1'000;

// Answers that mean "not now" rather than "never": the send goes again.
bool transient(const QString &code)
{
    return code == QLatin1String("rate_limited") || code == QLatin1String("database_unavailable")
        || code == QLatin1String("internal_error") || code == QLatin1String("shutting_down")
        || code == QLatin1String("maintenance") || code.isEmpty();
}

} // namespace

Outbox::Outbox(RealtimeClient &realtime, LocalCache &cache, QObject *parent)
    : QObject(parent)
    , m_realtime(realtime)
    , m_cache(cache)
{
    m_ackTimeout.setSingleShot(true);
    m_ackTimeout.setInterval(ackTimeoutMs);
    connect(&m_ackTimeout, &QTimer::timeout, this, [this] {
        qCInfo(lcOutbox) << "no acknowledgement for" << m_inFlight << "; sending again";
        finishInFlight();
        flush();
    });
    m_retryLater.setSingleShot(true);
    connect(&m_retryLater, &QTimer::timeout, this, &Outbox::flush);
    connect(&m_realtime, &RealtimeClient::connected, this, &Outbox::flush);
}

void Outbox::restore(const QList<OutboxEntry> &entries)
{
    for (const OutboxEntry &entry : entries) {
        if (indexOf(entry.clientId) < 0)
            m_entries.append(entry);
    }
    emit countChanged();
    flush();
}

void Outbox::clear()
{
    m_entries.clear();
    finishInFlight();
    m_retryLater.stop();
    emit countChanged();
}

OutboxEntry Outbox::add(const QString &chatId, const QString &text, qint64 replyToId)
{
    OutboxEntry entry;
    entry.clientId = OutboxEntry::newClientId();
    entry.chatId = chatId;
    entry.text = text;
    entry.replyToId = replyToId;
    entry.createdAtMs = QDateTime::currentMSecsSinceEpoch();
    m_entries.append(entry);
    m_cache.storeOutboxEntry(entry);
    emit added(entry);
    emit countChanged();
    flush();
    return entry;
}

void Outbox::retry(const QString &clientId)
{
    const qsizetype index = indexOf(clientId);
    if (index < 0 || !m_entries[index].failed)
        return;
    m_entries[index].failed = false;
    m_entries[index].failure.clear();
    m_cache.storeOutboxEntry(m_entries[index]);
    flush();
}

void Outbox::discard(const QString &clientId)
{
    const qsizetype index = indexOf(clientId);
    if (index < 0)
        return;
    if (m_inFlight == clientId)
        finishInFlight();
    m_entries.removeAt(index);
    m_cache.removeOutboxEntry(clientId);
    emit countChanged();
    flush();
}

void Outbox::confirm(const Message &message)
{
    const qsizetype index = indexOf(message.clientId);
    if (index < 0)
        return;
    m_entries.removeAt(index);
    m_cache.removeOutboxEntry(message.clientId);
    emit sent(message);
    emit countChanged();
    if (m_inFlight == message.clientId) {
        finishInFlight();
        flush();
    }
}

QList<OutboxEntry> Outbox::entriesFor(const QString &chatId) const
{
    QList<OutboxEntry> found;
    for (const OutboxEntry &entry : m_entries) {
        if (entry.chatId == chatId)
            found.append(entry);
    }
    return found;
}

qsizetype Outbox::indexOf(const QString &clientId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

void Outbox::flush()
{
    if (!m_inFlight.isEmpty() || m_retryLater.isActive() || !m_realtime.isConnected())
        return;
    sendNext();
}

void Outbox::finishInFlight()
{
    m_inFlight.clear();
    m_ackTimeout.stop();
    ++m_attempt;
}

void Outbox::sendNext()
{
    const auto next = std::find_if(m_entries.cbegin(), m_entries.cend(),
        [](const OutboxEntry &entry) { return !entry.failed; });
    if (next == m_entries.cend())
        return;
    const OutboxEntry entry = *next;
    const quint64 attempt = ++m_attempt;
    m_inFlight = entry.clientId;
    m_ackTimeout.start();
    const bool sentNow
        = m_realtime.emitWithAck(QStringLiteral("message:send"), entry.sendPayload(), this,
            [this, attempt, clientId = entry.clientId](bool answered, const QJsonArray &arguments) {
                if (attempt != m_attempt)
                    return; // an answer to an attempt given up on; confirm() covers success
                finishInFlight();
                if (!answered)
                    return; // the connection dropped: connected() flushes again
                const QJsonObject error = arguments.at(0).toObject();
                if (error.isEmpty()) {
                    confirm(Message::fromJson(arguments.at(1).toObject()));
                    flush();
                    return;
                }
                const QString code = error.value(QStringLiteral("code")).toString();
                if (transient(code)) {
                    m_retryLater.start(rateLimitedRetryMs);
                    return;
                }
                const qsizetype index = indexOf(clientId);
                if (index >= 0) {
                    qCWarning(lcOutbox) << "the server refused" << clientId << code;
                    m_entries[index].failed = true;
                    m_entries[index].failure = error.value(QStringLiteral("message")).toString();
                    m_cache.storeOutboxEntry(m_entries[index]);
                    emit failed(m_entries[index]);
                }
                flush();
            });
    if (!sentNow)
        finishInFlight();
}
