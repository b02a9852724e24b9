#pragma once

#include "ApiClient.h"
#include "Messenger.h"
#include "TestServer.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrl>

#include <memory>

namespace kocmoc::test {

// Generous: the server runs in the test's own thread, on a shared 2-core machine.
constexpr int answerMs = 20'000;

// A port that was free a moment ago, for a server that must come back on the same one.
inline quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

// A text sent by someone else through the REST API (as another device of theirs would),
// waiting out the server's 200 ms between two sends of one person (429 with Retry-After).
inline Response sendAs(
    TestServer &server, const QString &token, const QString &chatId, const QString &text)
{
    static int counter = 0;
    for (;;) {
        const Response response
            = server.call("POST", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                QJsonObject{{QStringLiteral("clientId"), QStringLiteral("rest-%1").arg(++counter)},
                    {QStringLiteral("text"), text}},
                token);
        if (response.status != 429)
            return response;
        QTest::qWait(100);
    }
}

// One installation of the client: its session, its chats and its files (the
// keychain's fallback settings and the cache), as a person's device has them.
struct ClientDevice
{
    ApiClient api;
    Messenger messenger;

    ClientDevice(quint16 port, const QString &dataDir)
    {
        api.setServerUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        api.tokenStore().setSettingsFile(dataDir + QStringLiteral("/settings.ini"));
        messenger.setCacheDirectory(dataDir + QStringLiteral("/cache"));
        // Quick retries, so a restarted server is found again within a second.
        messenger.realtime().setBackoff(100, 1000);
        messenger.setApi(&api);
    }
    ~ClientDevice() { messenger.setApi(nullptr); }

    bool signIn(
        const QString &username, const QString &password = QStringLiteral("correct horse battery"))
    {
        api.login(username, password);
        return QTest::qWaitFor([this] { return api.signedIn(); }, answerMs);
    }
    bool online()
    {
        return QTest::qWaitFor([this] { return messenger.online(); }, answerMs);
    }
    // Connected and caught up: what a person sees once the spinner is gone.
    bool ready()
    {
        if (!online())
            return false;
        return QTest::qWaitFor([this] { return !messenger.loadingChats(); }, answerMs);
    }
    QVariantMap chat(const QString &chatId) { return messenger.chats()->get(chatId); }
};

} // namespace kocmoc::test
