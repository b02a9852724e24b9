#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

namespace kocmoc {

// SIGTERM and SIGINT as a Qt signal. The handler only writes the signal's number to a
// pipe (async-signal-safe); a QSocketNotifier reads it on the event loop, where Qt may
// be used. One instance per process.
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

    bool isInstalled() const { return m_notifier != nullptr; }

signals:
    void received(int signalNumber);

private:
    void readPipe();

    std::unique_ptr<QSocketNotifier> m_notifier;
};

} // namespace kocmoc
