// The realtime protocol's encodings without a network: Engine.IO packets and
// polling payloads, the ready-made WebSocket frames, Socket.IO packets and
// their checks, and binary placeholders.

#include "socketio/EnginePacket.h"
#include "socketio/Packet.h"
#include "socketio/Payload.h"
#include "socketio/WirePacket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace kocmoc::socketio;

class TestSocketIoCodec : public QObject
{
    Q_OBJECT

private slots:
    void decodesEnginePackets();
    void decodesPollingPayloads_data();
    void decodesPollingPayloads();
    void buildsWebSocketFrames_data();
    void buildsWebSocketFrames();
    void encodesForPolling();
    void decodesSocketIoPackets_data();
    void decodesSocketIoPackets();
    void refusesMalformedSocketIoPackets_data();
    void refusesMalformedSocketIoPackets();
    void encodesSocketIoPackets();
    void resolvesPlaceholders();
};

void TestSocketIoCodec::decodesEnginePackets()
{
    const auto message = EnginePacket::decodeText("4hello");
    QVERIFY(message);
    QCOMPARE(message->type, EnginePacketType::Message);
    QCOMPARE(message->data, QByteArray("hello"));
    QVERIFY(!message->binary);
    const auto probe = EnginePacket::decodeText("2probe");
    QVERIFY(probe);
    QCOMPARE(probe->type, EnginePacketType::Ping);
    QCOMPARE(probe->data, QByteArray("probe"));
    QVERIFY(!EnginePacket::decodeText(""));
    QVERIFY(!EnginePacket::decodeText("7"));
    QVERIFY(!EnginePacket::decodeText("abc"));
    QVERIFY(!EnginePacket::decodeText("bAQID")); // base64 only in polling payloads
}

void TestSocketIoCodec::decodesPollingPayloads_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("count"); // -1: malformed
    QTest::addColumn<QByteArray>("last");
    QTest::addColumn<bool>("lastBinary");

    QTest::newRow("one") << QByteArray("4hello") << 1 << QByteArray("hello") << false;
    QTest::newRow("batch") << QByteArray("4a\x1e"
                                         "2\x1e"
                                         "4b")
                           << 3 << QByteArray("b") << false;
    QTest::newRow("binary") << QByteArray("4x\x1e"
                                          "bAQIDBA==")
                            << 2 << QByteArray("\x01\x02\x03\x04") << true;
    QTest::newRow("empty message") << QByteArray("4") << 1 << QByteArray() << false;
    QTest::newRow("empty body") << QByteArray() << -1 << QByteArray() << false;
    QTest::newRow("trailing separator") << QByteArray("4a\x1e") << -1 << QByteArray() << false;
    QTest::newRow("bad type") << QByteArray("4a\x1e"
                                            "9")
                              << -1 << QByteArray() << false;
    QTest::newRow("bad base64") << QByteArray("b!!!") << -1 << QByteArray() << false;
    QTest::newRow("garbage") << QByteArray("abc") << -1 << QByteArray() << false;
}

void TestSocketIoCodec::decodesPollingPayloads()
{
    QFETCH(QByteArray, body);
    QFETCH(int, count);
    QFETCH(QByteArray, last);
    QFETCH(bool, lastBinary);
    const auto packets = EnginePacket::decodePayload(body);
    if (count < 0) {
        QVERIFY(!packets);
        return;
    }
    QVERIFY(packets);
    QCOMPARE(packets->size(), count);
    QCOMPARE(packets->last().data, last);
    QCOMPARE(packets->last().binary, lastBinary);
}

void TestSocketIoCodec::buildsWebSocketFrames_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("header");
    QTest::newRow("small") << 5 << QByteArray::fromHex("8105");
    QTest::newRow("125") << 125 << QByteArray::fromHex("817d");
    QTest::newRow("126") << 126 << QByteArray::fromHex("817e007e");
    QTest::newRow("65535") << 65535 << QByteArray::fromHex("817effff");
    QTest::newRow("65536") << 65536 << QByteArray::fromHex("817f0000000000010000");
}

void TestSocketIoCodec::buildsWebSocketFrames()
{
    QFETCH(int, size);
    QFETCH(QByteArray, header);
    // A text packet of `size` bytes: the type character and size - 1 bytes of data.
    const QByteArray data(size - 1, 'x');
    const WirePacket packet = WirePacket::text(EnginePacketType::Message, data);
    QCOMPARE(packet.frame().left(header.size()), header);
    QCOMPARE(packet.frame().size(), header.size() + size);
    QCOMPARE(packet.content(), QByteArray('4' + data));

    const WirePacket binary = WirePacket::binary(QByteArray(size, '\0'));
    QCOMPARE(quint8(binary.frame().at(0)), quint8(0x82)); // FIN, binary
    QCOMPARE(binary.frame().mid(1, header.size() - 1), header.mid(1));
    QVERIFY(binary.isBinary());
}

void TestSocketIoCodec::encodesForPolling()
{
    QByteArray payload;
    WirePacket::text(EnginePacketType::Message, "hé").appendToPolling(payload);
    QCOMPARE(payload, QByteArray("4hé"));
    QCOMPARE(WirePacket::text(EnginePacketType::Message, "hé").pollingSize(), payload.size());
    payload.clear();
    const WirePacket binary = WirePacket::binary(QByteArray::fromHex("01020304"));
    binary.appendToPolling(payload);
    QCOMPARE(payload, QByteArray("bAQIDBA=="));
    QCOMPARE(binary.pollingSize(), payload.size());
    // Copies share the frame: a broadcast encodes once.
    const WirePacket copy = binary;
    QCOMPARE(copy.frame().constData(), binary.frame().constData());
}

void TestSocketIoCodec::decodesSocketIoPackets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("ackId"); // -1: none
    QTest::addColumn<QByteArray>("data"); // compact JSON, empty: none
    QTest::addColumn<int>("attachments");

    QTest::newRow("connect") << QByteArray("0") << 0 << "/" << -1LL << QByteArray() << 0;
    QTest::newRow("connect auth") << QByteArray("0{\"token\":\"123\"}") << 0 << "/" << -1LL
                                  << QByteArray("{\"token\":\"123\"}") << 0;
    QTest::newRow("connect custom")
        << QByteArray("0/custom,") << 0 << "/custom" << -1LL << QByteArray() << 0;
    QTest::newRow("connect custom, no comma")
        << QByteArray("0/custom") << 0 << "/custom" << -1LL << QByteArray() << 0;
    QTest::newRow("disconnect") << QByteArray("1/admin,") << 1 << "/admin" << -1LL << QByteArray()
                                << 0;
    QTest::newRow("event") << QByteArray("2[\"hello\",1]") << 2 << "/" << -1LL
                           << QByteArray("[\"hello\",1]") << 0;
    QTest::newRow("event with ack")
        << QByteArray("2/admin,456[\"project:delete\",123]") << 2 << "/admin" << 456LL
        << QByteArray("[\"project:delete\",123]") << 0;
    QTest::newRow("ack") << QByteArray("3/admin,456[]") << 3 << "/admin" << 456LL
                         << QByteArray("[]") << 0;
    QTest::newRow("binary event") << QByteArray("51-[\"hello\",{\"_placeholder\":true,\"num\":0}]")
                                  << 5 << "/" << -1LL
                                  << QByteArray("[\"hello\",{\"_placeholder\":true,\"num\":0}]")
                                  << 1;
    QTest::newRow("binary ack") << QByteArray("61-/admin,456[{\"_placeholder\":true,\"num\":0}]")
                                << 6 << "/admin" << 456LL
                                << QByteArray("[{\"_placeholder\":true,\"num\":0}]") << 1;
}

void TestSocketIoCodec::decodesSocketIoPackets()
{
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, ackId);
    QFETCH(QByteArray, data);
    QFETCH(int, attachments);
    const auto packet = Packet::decode(text, 10);
    QVERIFY(packet);
    QCOMPARE(int(packet->type) - '0', type);
    QCOMPARE(packet->nsp, nsp);
    QCOMPARE(packet->ackId.value_or(-1), ackId);
    QCOMPARE(packet->attachmentCount, attachments);
    if (data.isEmpty()) {
        QVERIFY(packet->data.isUndefined());
    } else {
        const QJsonDocument document = packet->data.isArray()
            ? QJsonDocument(packet->data.toArray())
            : QJsonDocument(packet->data.toObject());
        QCOMPARE(document.toJson(QJsonDocument::Compact), data);
    }
}

void TestSocketIoCodec::refusesMalformedSocketIoPackets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("unknown type") << QByteArray("abc");
    QTest::newRow("type 7") << QByteArray("7[]");
    QTest::newRow("event not an array") << QByteArray("2{}");
    QTest::newRow("event without a name") << QByteArray("2[]");
    QTest::newRow("event name not a string") << QByteArray("2[1]");
    QTest::newRow("reserved event name") << QByteArray("2[\"disconnect\"]");
    QTest::newRow("invalid ack id") << QByteArray("2abc[\"message\"]");
    QTest::newRow("ack id too long") << QByteArray("21234567890123456[\"m\"]");
    QTest::newRow("invalid json") << QByteArray("2[\"m\",");
    QTest::newRow("trailing garbage") << QByteArray("2[\"m\"]x");
    QTest::newRow("scalar json") << QByteArray("0\"auth\"");
    QTest::newRow("connect with an array") << QByteArray("0[1]");
    QTest::newRow("disconnect with data") << QByteArray("1{}");
    QTest::newRow("ack without id") << QByteArray("3[]");
    QTest::newRow("connect error from a client") << QByteArray("4{\"message\":\"x\"}");
    QTest::newRow("binary without count") << QByteArray("5[\"m\"]");
    QTest::newRow("too many attachments") << QByteArray("511-[\"m\"]");
    QTest::newRow("placeholder out of range")
        << QByteArray("51-[\"m\",{\"_placeholder\":true,\"num\":1}]");
    QTest::newRow("bad placeholder")
        << QByteArray("51-[\"m\",{\"_placeholder\":true,\"num\":\"0\"}]");
}

void TestSocketIoCodec::refusesMalformedSocketIoPackets()
{
    QFETCH(QByteArray, text);
    QVERIFY(!Packet::decode(text, 10));
}

void TestSocketIoCodec::encodesSocketIoPackets()
{
    const auto content = [](const QList<WirePacket> &packets) {
        QList<QByteArray> texts;
        for (const WirePacket &packet : packets)
            texts.append(packet.content().toByteArray());
        return texts;
    };
    QCOMPARE(content(Packet::encode(PacketType::Connect, "/", QJsonObject{{"sid", "abc"}})),
        QList<QByteArray>{"40{\"sid\":\"abc\"}"});
    QCOMPARE(content(Packet::encode(PacketType::ConnectError, "/random",
                 QJsonObject{{"message", "Invalid namespace"}})),
        QList<QByteArray>{"44/random,{\"message\":\"Invalid namespace\"}"});
    QCOMPARE(content(Packet::encode(PacketType::Disconnect, "/", QJsonValue::Undefined)),
        QList<QByteArray>{"41"});
    QCOMPARE(content(Packet::encodeEvent("/", "message-back", QJsonArray{1, "2"})),
        QList<QByteArray>{"42[\"message-back\",1,\"2\"]"});
    QCOMPARE(content(Packet::encodeEvent("/chat", "ask", QJsonArray{}, 7)),
        QList<QByteArray>{"42/chat,7[\"ask\"]"});
    QCOMPARE(
        content(Packet::encodeAck("/", 456, QJsonArray{false})), QList<QByteArray>{"43456[false]"});

    Payload payload(QJsonArray{"file"});
    payload.appendBinary(QByteArray("\x01\x02", 2)).appendBinary(QByteArray("\x03", 1));
    const QList<WirePacket> binary = Packet::encodeEvent("/", "upload", payload, 3);
    QCOMPARE(binary.size(), 3);
    QCOMPARE(binary.at(0).content(),
        QByteArray("452-3[\"upload\",\"file\",{\"_placeholder\":true,\"num\":0},"
                   "{\"_placeholder\":true,\"num\":1}]"));
    QVERIFY(binary.at(1).isBinary());
    QCOMPARE(binary.at(1).content(), QByteArray("\x01\x02", 2));
    QCOMPARE(binary.at(2).content(), QByteArray("\x03", 1));
    QCOMPARE(content(Packet::encodeAck("/", 9, Payload().appendBinary("x"))).first(),
        QByteArray("461-9[{\"_placeholder\":true,\"num\":0}]"));
}

void TestSocketIoCodec::resolvesPlaceholders()
{
    Payload payload;
    payload.appendBinary("first");
    payload.args.append(QJsonObject{{"nested", Payload::placeholder(1)}});
    payload.attachments.append("second");
    QCOMPARE(payload.binary(payload.args.at(0)), QByteArray("first"));
    QCOMPARE(payload.binary(payload.args.at(1).toObject().value("nested")), QByteArray("second"));
    QVERIFY(!payload.binary(QJsonObject{{"_placeholder", true}, {"num", 2}}));
    QVERIFY(!payload.binary(QJsonObject{{"_placeholder", false}, {"num", 0}}));
    QVERIFY(!payload.binary(QJsonValue("first")));
    QCOMPARE(Payload::placeholderIndex(Payload::placeholder(4)), 4);
}

QTEST_GUILESS_MAIN(TestSocketIoCodec)
#include "tst_socketio_codec.moc"
