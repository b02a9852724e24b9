#include "AddressList.h"

namespace kocmoc::http {

std::optional<AddressList> AddressList::parse(const QStringList &entries, QString *bad)
{
    AddressList list;
    for (const QString &entry : entries) {
        const QString text = entry.trimmed();
        if (text.isEmpty())
            continue;
        QPair<QHostAddress, int> range;
        if (text.contains(QLatin1Char('/'))) {
            range = QHostAddress::parseSubnet(text);
        } else {
            const QHostAddress address(text);
            range = {address, address.protocol() == QAbstractSocket::IPv4Protocol ? 32 : 128};
        }
        if (range.first.isNull()) {
            if (bad)
                *bad = text;
            return std::nullopt;
        }
        list.m_ranges.append(range);
    }
    return list;
}

bool AddressList::contains(const QHostAddress &address) const
{
    bool isMappedIpv4 = false;
    const quint32 ipv4 = address.toIPv4Address(&isMappedIpv4);
    const QHostAddress plain = isMappedIpv4 ? QHostAddress(ipv4) : address;
    for (const auto &range : m_ranges) {
        if (plain.isInSubnet(range))
            return true;
    }
    return false;
}

} // namespace kocmoc::http
