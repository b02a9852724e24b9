// The realtime protocol alone, by default in the configuration the official test suites
// expect (https://github.com/socketio/engine.io-protocol and
// socket.io-protocol, "test-suite"): port 3000, pingInterval 300 ms,
// pingTimeout 200 ms, maxPayload 1e6, connectTimeout 1000 ms.
//
// - /engine.io/: an Engine.IO server that echoes every message.
// - /socket.io/: Socket.IO; every namespace's sockets get "auth" with their
//   CONNECT payload. On "/": "message" comes back as "message-back",
//   "message-with-ack" is acknowledged with its own arguments, and for
//   tests/socketio/js: "join" (room), "to-room" (room, args…: "room-message"
//   to the room), "server-ack" (the server asks the client with "ask" and
//   sends its answer back as "answer"), "disconnect-me". "/custom" exists;
//   "/private" lets in only auth {token: "secret"}, decided asynchronously.
//
// Usage: socketio-protocol-server [--port N] [--host ADDRESS] [--ping-interval MS]
//                                 [--ping-timeout MS] [--verbose]
// Prints "listening on <port>" once ready (--port 0 picks a free port).

#include "http/HttpServer.h"
#include "http/Router.h"
#include "socketio/EngineServer.h"
#include "socketio/EngineSession.h"
#include "socketio/Server.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QPointer>
#include <QTimer>

#include <cstdio>

using namespace kocmoc;

namespace {

void serveEchoEngine(socketio::EngineServer &engine)
{
    QObject::connect(&engine, &socketio::EngineServer::sessionOpened, &engine,
        [](socketio::EngineSession *session) {
            QObject::connect(session, &socketio::EngineSession::messageReceived, session,
                [session](const QByteArray &data, bool binary) {
                    if (binary)
                        session->sendBinary(data);
                    else
                        session->sendMessage(data);
                });
        });
}

void greet(socketio::Namespace &nsp)
{
    QObject::connect(&nsp, &socketio::Namespace::connected, &nsp, [](socketio::Socket *socket) {
        socket->emitEvent(QStringLiteral("auth"), QJsonArray{socket->auth()});
    });
}

void serveMainNamespace(socketio::Namespace &nsp)
{
    QObject::connect(&nsp, &socketio::Namespace::connected, &nsp, [&nsp](socketio::Socket *socket) {
        QObject::connect(socket, &socketio::Socket::event, socket,
            [&nsp, socket](const QString &name, const socketio::Payload &payload,
                const socketio::Socket::Ack &ack) {
                const auto acknowledge = [&ack](const socketio::Payload &answer) {
                    if (ack)
                        ack(answer);
                };
                if (name == u"message") {
                    socket->emitEvent(QStringLiteral("message-back"), payload);
                } else if (name == u"message-with-ack") {
                    acknowledge(payload);
                } else if (name == u"join") {
                    socket->join(payload.args.at(0).toString());
                    acknowledge({});
                } else if (name == u"to-room") {
                    socketio::Payload rest = payload;
                    const QString room = rest.args.takeAt(0).toString();
                    nsp.emitTo(room, QStringLiteral("room-message"), rest);
                    acknowledge({});
                } else if (name == u"server-ack") {
                    socket->emitEvent(QStringLiteral("ask"), payload,
                        [socket = QPointer<socketio::Socket>(socket)](
                            const socketio::Payload &answer) {
                            if (socket)
                                socket->emitEvent(QStringLiteral("answer"), answer);
                        });
                } else if (name == u"disconnect-me") {
                    socket->disconnect();
                }
            });
    });
}

void servePrivateNamespace(socketio::Namespace &nsp)
{
    nsp.setAuthorizer(
        [&nsp](socketio::Socket *, const QJsonObject &auth, socketio::Namespace::Decision decide) {
            // Later, as an app that looks the token up in its database would.
            QTimer::singleShot(10, &nsp, [token = auth.value(u"token").toString(), decide] {
                if (token == u"secret")
                    decide(std::nullopt);
                else
                    decide(QStringLiteral("unauthorized"));
            });
        });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Socket.IO / Engine.IO protocol test server"));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"), QStringLiteral("TCP port."),
        QStringLiteral("port"), QStringLiteral("3000"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Address to listen on (default: every address)."), QStringLiteral("host"));
    const QCommandLineOption pingIntervalOption(QStringLiteral("ping-interval"),
        QStringLiteral("Heartbeat interval in ms."), QStringLiteral("ms"), QStringLiteral("300"));
    const QCommandLineOption pingTimeoutOption(QStringLiteral("ping-timeout"),
        QStringLiteral("Heartbeat timeout in ms."), QStringLiteral("ms"), QStringLiteral("200"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"), QStringLiteral("Log every request and session."));
    parser.addOptions(
        {portOption, hostOption, pingIntervalOption, pingTimeoutOption, verboseOption});
    parser.process(app);
    if (!parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(
            QStringLiteral("kocmoc.*.info=false\nkocmoc.*.debug=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("kocmoc.*.debug=true"));

    http::Router router;
    http::HttpServer httpServer(router, http::HttpServer::Options{});

    const int pingIntervalMs = parser.value(pingIntervalOption).toInt();
    const int pingTimeoutMs = parser.value(pingTimeoutOption).toInt();
    socketio::EngineServer::Options engineOptions;
    engineOptions.pingIntervalMs = pingIntervalMs;
    engineOptions.pingTimeoutMs = pingTimeoutMs;
    engineOptions.maxPayloadBytes = 1'000'000;
    socketio::EngineServer engine(engineOptions);
    serveEchoEngine(engine);
    engine.attach(router, httpServer);

    socketio::Server::Options options;
    options.pingIntervalMs = pingIntervalMs;
    options.pingTimeoutMs = pingTimeoutMs;
    options.maxPayloadBytes = 1'000'000;
    options.connectTimeoutMs = 1000;
    socketio::Server io(options);
    for (const char *name : {"/", "/custom", "/private"})
        greet(io.of(QString::fromLatin1(name)));
    serveMainNamespace(io.of(QStringLiteral("/")));
    servePrivateNamespace(io.of(QStringLiteral("/private")));
    io.attach(router, httpServer);

    const QHostAddress address = parser.isSet(hostOption) ? QHostAddress(parser.value(hostOption))
                                                          : QHostAddress(QHostAddress::Any);
    const quint16 port = httpServer.listenOn(address, quint16(parser.value(portOption).toUInt()));
    if (port == 0) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(httpServer.errorString()));
        return 1;
    }
    std::printf("listening on %u\n", unsigned(port));
    std::fflush(stdout);
    return app.exec();
}
