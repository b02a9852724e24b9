#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class Messenger;
class StoryFeedModel;
class UploadTask;
Q_MOC_INCLUDE("Messenger.h")
Q_MOC_INCLUDE("StoryFeedModel.h")

// Publishes one story at a time (docs/api.md, POST /api/stories): a photo or a
// video is checked here first (FileChecks: a readable image or video within the
// upload limit), uploaded with UploadTask (tus, resumable), then posted; a text
// story is checked against the server's rules (1–700 characters, one of the
// named backgrounds) and posted. The new story goes into the feed at once; the
// other people get it through story:new. Every refusal ends in failed with a
// readable, localised errorString.
class StoryPublisher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(Messenger *messenger READ messenger WRITE setMessenger NOTIFY messengerChanged)
    // Where a published story goes at once (the row); optional.
    Q_PROPERTY(StoryFeedModel *feed READ feed WRITE setFeed NOTIFY feedChanged)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY stateChanged)
    // The upload's progress, 0..1; 1 while the story itself is posted.
    Q_PROPERTY(qreal progress READ progress NOTIFY progressChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY stateChanged)

public:
    enum class State { Idle, Uploading, Publishing, Published, Failed };
    Q_ENUM(State)

    explicit StoryPublisher(QObject *parent = nullptr);
    ~StoryPublisher() override;

    Messenger *messenger() const { return m_messenger; }
    void setMessenger(Messenger *messenger);
    StoryFeedModel *feed() const { return m_feed; }
    void setFeed(StoryFeedModel *feed);
    State state() const { return m_state; }
    bool busy() const { return m_state == State::Uploading || m_state == State::Publishing; }
    qreal progress() const;
    QString errorString() const { return m_errorString; }

    // What a chosen file would become: {ok, kind ("photo" or "video"), path, name,
    // message (why not, when not ok)}. Nothing is sent.
    Q_INVOKABLE QVariantMap inspectFile(const QUrl &file) const;
    Q_INVOKABLE void publishFile(const QUrl &file, const QString &caption = {});
    Q_INVOKABLE void publishText(const QString &text, const QString &background);
    // Stops an upload under way (deleted on the server) and forgets the error.
    Q_INVOKABLE void reset();
    // The named backgrounds a text story may use (the server's list).
    Q_INVOKABLE QStringList backgrounds() const;

signals:
    void messengerChanged();
    void feedChanged();
    void stateChanged();
    void progressChanged();
    void published(const QString &storyId);
    void failed(const QString &message);

private:
    void post(const QJsonObject &body);
    void fail(const QString &message);
    void setState(State state);
    // The caption or text's problem, or empty: the server's rules, told before sending.
    static QString textProblem(const QString &text, bool caption);

    QPointer<Messenger> m_messenger;
    QPointer<StoryFeedModel> m_feed;
    State m_state = State::Idle;
    QString m_errorString;
    std::unique_ptr<UploadTask> m_upload;
    QString m_caption;
    QString m_kind;
    quint64 m_attempt = 0; // tells the current answer from one for a reset attempt
};
