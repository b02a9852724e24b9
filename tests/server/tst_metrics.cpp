#include "RealtimeClient.h"
#include "ServerTestCase.h"

using namespace kocmoc;
using namespace kocmoc::test;

// GET /metrics (docs/api.md, Operations): the Prometheus text format, the names the
// dashboards use, route labels from the router's patterns, and the allow-list.
class MetricsTest : public QObject
{
    Q_OBJECT

private:
    // The value of one sample line ("name{labels} value"), or -1 when it is missing.
    static double sample(const QByteArray &text, const QByteArray &series)
    {
        for (const QByteArray &line : text.split('\n')) {
            if (line.startsWith(series + ' '))
                return line.mid(series.size() + 1).toDouble();
        }
        return -1;
    }

private slots:
    void initTestCase() { KOCMOC_REQUIRE_DATABASE(); }

    void metricsCountWhatHappens()
    {
        TestServer server;
        KOCMOC_START(server);
        const QJsonObject anna = server.registerUser(QStringLiteral("anna"));
        const QJsonObject boris = server.registerUser(QStringLiteral("boris"));
        const QString token = anna.value("accessToken").toString();
        const QString chatId
            = server
                  .call("POST", "/api/chats",
                      QJsonObject{{"userId", boris.value("user").toObject().value("id")}}, token)
                  .object()
                  .value("id")
                  .toString();
        RealtimeClient borisPhone;
        QVERIFY(
            borisPhone.connectTo(server.server().port(), boris.value("accessToken").toString()));
        QCOMPARE(server
                     .call("POST", QStringLiteral("/api/chats/%1/messages").arg(chatId),
                         QJsonObject{{"clientId", "m1"}, {"type", "text"}, {"text", "hi"}}, token)
                     .status,
            201);
        QVERIFY(borisPhone.waitFor(QStringLiteral("message:new")));
        QCOMPARE(server.call("GET", "/api/chats/" + chatId, {}, token).status, 200);
        QCOMPARE(server.call("GET", "/nowhere").status, 404);
        QCOMPARE(server
                     .raw("POST", "/api/upload/file?name=note.txt", "a note\n", "text/plain",
                         {{"Authorization", "Bearer " + token.toLatin1()}})
                     .status,
            201);

        const Response metrics = server.call("GET", "/metrics");
        QCOMPARE(metrics.status, 200);
        QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = metrics.body;
        QCOMPARE(sample(text,
                     "kocmoc_http_requests_total{route=\"/api/chats/{id}\",method=\"GET\","
                     "status=\"200\"}"),
            1.0);
        QCOMPARE(sample(text,
                     "kocmoc_http_requests_total{route=\"/api/auth/register\",method=\"POST\","
                     "status=\"201\"}"),
            2.0);
        QCOMPARE(sample(text,
                     "kocmoc_http_requests_total{route=\"unmatched\",method=\"GET\","
                     "status=\"404\"}"),
            1.0);
        QVERIFY(!text.contains(chatId.toLatin1())); // never the raw path
        QCOMPARE(sample(text,
                     "kocmoc_http_request_duration_seconds_bucket{route=\"/api/chats/{id}\","
                     "le=\"+Inf\"}"),
            1.0);
        for (const char *bound :
            {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5"})
            QVERIFY2(sample(text,
                         QByteArray("kocmoc_http_request_duration_seconds_bucket{route=\"/api/"
                                    "chats/{id}\",le=\"")
                             + bound + "\"}")
                    >= 0,
                bound);
        QCOMPARE(
            sample(text, "kocmoc_http_request_duration_seconds_count{route=\"/api/chats/{id}\"}"),
            1.0);
        QCOMPARE(sample(text, "kocmoc_realtime_connections"), 1.0);
        QVERIFY(sample(text, "kocmoc_realtime_events_sent_total") >= 1);
        QCOMPARE(sample(text, "kocmoc_messages_stored_total"), 1.0);
        QCOMPARE(sample(text, "kocmoc_uploads_total"), 1.0);
        QVERIFY(sample(text, "kocmoc_workers_busy") >= 0);
        QVERIFY(sample(text, "kocmoc_workers_queued") >= 0);
        QCOMPARE(sample(text, "kocmoc_build_info{version=\"" KOCMOC_VERSION "\"}"), 1.0);
        QVERIFY(sample(text, "process_resident_memory_bytes") > 1e6);
        const double started = sample(text, "process_start_time_seconds");
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        QVERIFY2(started > now - 3600 && started <= now + 1, qPrintable(QString::number(started)));
        for (const char *type : {"# TYPE kocmoc_http_requests_total counter",
                 "# TYPE kocmoc_http_request_duration_seconds histogram",
                 "# TYPE kocmoc_realtime_connections gauge"})
            QVERIFY2(text.contains(type), type);
        // A scrape is counted like any request, under its own route.
        QCOMPARE(
            sample(server.call("GET", "/metrics").body,
                "kocmoc_http_requests_total{route=\"/metrics\",method=\"GET\",status=\"200\"}"),
            1.0);
    }

    void onlyTheAllowListMayScrape()
    {
        TestServer server([](ServerConfig &config) {
            config.metricsAllow = QStringList{QStringLiteral("10.0.0.0/8"), QStringLiteral("::2")};
        });
        KOCMOC_START(server);
        const Response refused = server.call("GET", "/metrics");
        QCOMPARE(refused.status, 404);
        QCOMPARE(refused.errorCode(), QStringLiteral("not_found"));
    }

    void allowListIsChecked()
    {
        const QProcessEnvironment none;
        const auto load = [&](const QString &value) {
            return ServerConfig::load({"kocmoc-server", "--metrics-allow", value}, none);
        };
        QVERIFY(load(QStringLiteral("127.0.0.1, ::1, 192.168.0.0/16, fd00::/8")).ok());
        const auto wrong = load(QStringLiteral("127.0.0.1,localhost"));
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QLatin1String("metrics-allow")));
        const auto defaults = ServerConfig::load({"kocmoc-server"}, none);
        QCOMPARE(defaults->metricsAllow, QStringList({"127.0.0.1", "::1"}));
    }
};

QTEST_MAIN(MetricsTest)
#include "tst_metrics.moc"
