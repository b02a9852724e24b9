#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QStringList>

#include <optional>

namespace kocmoc::http {

// Addresses and CIDR ranges ("127.0.0.1", "::1", "10.0.0.0/8"), as operators write
// them for metrics-allow and trusted-proxies.
class AddressList
{
public:
    // Nothing when an entry is neither an address nor a range; `bad` then names it.
    static std::optional<AddressList> parse(const QStringList &entries, QString *bad = nullptr);

    // IPv4 clients of a dual-stack socket (::ffff:a.b.c.d) count as their IPv4 address.
    bool contains(const QHostAddress &address) const;
    bool isEmpty() const { return m_ranges.isEmpty(); }

private:
    QList<QPair<QHostAddress, int>> m_ranges;
};

} // namespace kocmoc::http
