#pragma once

#include <QString>

#include <atomic>

namespace kocmoc {

// Whether a user has a connected device right now (User.online). Asked from worker
// threads while chats are built: implementations must be thread-safe.
class PresenceSource
{
public:
    virtual ~PresenceSource() = default;
    virtual bool isOnline(const QString &userId) const = 0;
};

// What the services ask: nobody is online until the realtime hub plugs its source in.
class PresenceHook final : public PresenceSource
{
public:
    // While wiring the server, before requests arrive; the source outlives the services.
    void setSource(const PresenceSource *source) { m_source.store(source); }
    bool isOnline(const QString &userId) const override
    {
        const PresenceSource *source = m_source.load();
        return source && source->isOnline(userId);
    }

private:
    std::atomic<const PresenceSource *> m_source{nullptr};
};

} // namespace kocmoc
