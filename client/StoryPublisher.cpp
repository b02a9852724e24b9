#include "StoryPublisher.h"

#include "ErrorMessages.h"
#include "FileChecks.h"
#include "Messenger.h"
#include "RestClient.h"
#include "StoryFeedModel.h"
#include "UploadTask.h"

#include <kocmoc/Limits.h>
#include <kocmoc/Story.h>
#include <kocmoc/Validation.h>

#include <QFileInfo>
#include <QRegularExpression>

using namespace kocmoc;

StoryPublisher::StoryPublisher(QObject *parent)
    : QObject(parent)
{ }

StoryPublisher::~StoryPublisher() = default;

void StoryPublisher::setMessenger(Messenger *messenger)
{
    if (messenger == m_messenger)
        return;
    reset();
    m_messenger = messenger;
    emit messengerChanged();
}

void StoryPublisher::setFeed(StoryFeedModel *feed)
{
    if (feed == m_feed)
        return;
    m_feed = feed;
    emit feedChanged();
}

qreal StoryPublisher::progress() const
{
    if (m_state == State::Publishing || m_state == State::Published)
        return 1.0;
    return m_upload ? m_upload->progress() : 0.0;
}

QStringList StoryPublisher::backgrounds() const
{
    return story::backgrounds();
}

QVariantMap StoryPublisher::inspectFile(const QUrl &file) const
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    QVariantMap result{{QStringLiteral("ok"), false}, {QStringLiteral("path"), path},
        {QStringLiteral("name"), QFileInfo(path).fileName()}, {QStringLiteral("kind"), QString()},
        {QStringLiteral("message"), QString()}};
    const FileChecks::Verdict verdict = FileChecks::check(path, limits::defaultMaxBodyBytes);
    if (!verdict.ok) {
        result.insert(QStringLiteral("message"), verdict.message);
        return result;
    }
    if (verdict.kind != FileChecks::Kind::Image && verdict.kind != FileChecks::Kind::Video) {
        result.insert(QStringLiteral("message"),
            tr("A story can be a photo or a video. “%1” is neither.")
                .arg(QFileInfo(path).fileName()));
        return result;
    }
    result.insert(QStringLiteral("ok"), true);
    result.insert(QStringLiteral("kind"),
        verdict.kind == FileChecks::Kind::Image ? story::typePhoto : story::typeVideo);
    return result;
}

QString StoryPublisher::textProblem(const QString &text, bool caption)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return caption ? QString() : tr("Write the story's text first.");
    if (validation::codePointCount(trimmed) > limits::storyTextMaxChars)
        return tr(
            "A story's text can have at most %n character(s).", nullptr, limits::storyTextMaxChars);
    if (validation::hasForbiddenCharacters(trimmed, true))
        return tr("The text has characters that cannot be sent.");
    return {};
}

void StoryPublisher::publishFile(const QUrl &file, const QString &caption)
{
    if (busy() || !m_messenger || !m_messenger->api())
        return;
    m_errorString.clear();
    const QVariantMap checked = inspectFile(file);
    if (!checked.value(QStringLiteral("ok")).toBool()) {
        fail(checked.value(QStringLiteral("message")).toString());
        return;
    }
    if (const QString problem = textProblem(caption, true); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    m_caption = caption.trimmed();
    m_kind = checked.value(QStringLiteral("kind")).toString();
    m_upload = std::make_unique<UploadTask>();
    m_upload->setApi(m_messenger->api());
    m_upload->setFilePath(checked.value(QStringLiteral("path")).toString());
    connect(m_upload.get(), &UploadTask::progressChanged, this, &StoryPublisher::progressChanged);
    connect(m_upload.get(), &UploadTask::failed, this, &StoryPublisher::fail);
    connect(m_upload.get(), &UploadTask::finished, this, [this](const QJsonObject &file) {
        QJsonObject body{{QStringLiteral("type"), m_kind},
            {QStringLiteral("fileId"), file.value(QStringLiteral("id")).toString()}};
        if (!m_caption.isEmpty())
            body.insert(QStringLiteral("text"), m_caption);
        post(body);
    });
    setState(State::Uploading);
    emit progressChanged();
    m_upload->start();
}

void StoryPublisher::publishText(const QString &text, const QString &background)
{
    if (busy() || !m_messenger || !m_messenger->api())
        return;
    m_errorString.clear();
    if (const QString problem = textProblem(text, false); !problem.isEmpty()) {
        fail(problem);
        return;
    }
    static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!story::backgrounds().contains(background) && !colour.match(background).hasMatch()) {
        fail(tr("Choose a background for the story."));
        return;
    }
    m_upload.reset();
    post(QJsonObject{{QStringLiteral("type"), story::typeText},
        {QStringLiteral("text"), text.trimmed()}, {QStringLiteral("background"), background}});
}

void StoryPublisher::post(const QJsonObject &body)
{
    RestClient *rest = m_messenger ? m_messenger->rest() : nullptr;
    if (!rest) {
        fail(ErrorMessages::sessionEnded());
        return;
    }
    setState(State::Publishing);
    emit progressChanged();
    const quint64 attempt = ++m_attempt;
    rest->send("POST", QStringLiteral("/api/stories"), body, RestClient::Auth::Bearer, this,
        [this, attempt](const RestResponse &response) {
            if (attempt != m_attempt || m_state != State::Publishing)
                return;
            if (!response.ok()) {
                const QString &code = response.error.code;
                if (code == QLatin1String("text_too_long"))
                    fail(textProblem(
                        QString(limits::storyTextMaxChars + 1, QLatin1Char('x')), false));
                else if (code == QLatin1String("unknown_file")
                    || response.error.field == QLatin1String("fileId"))
                    fail(tr("The server did not accept this file for a story. Choose another "
                            "photo or video."));
                else if (response.error.field == QLatin1String("text"))
                    fail(tr("The text has characters that cannot be sent."));
                else
                    fail(ErrorMessages::forResponse(response, m_messenger->api()->serverUrl()));
                return;
            }
            const QJsonObject story = response.object();
            if (m_feed)
                m_feed->applyStory(story);
            setState(State::Published);
            emit published(story.value(QStringLiteral("id")).toString());
        });
}

void StoryPublisher::reset()
{
    ++m_attempt;
    if (m_upload) {
        m_upload->disconnect(this);
        m_upload->cancel();
        // Its DELETE finishes on its own: the network manager owns the reply.
        m_upload.reset();
    }
    m_errorString.clear();
    setState(State::Idle);
    emit progressChanged();
}

void StoryPublisher::fail(const QString &message)
{
    m_errorString = message;
    setState(State::Failed);
    emit failed(message);
}

void StoryPublisher::setState(State state)
{
    if (state == m_state) {
        if (state == State::Failed)
            emit stateChanged(); // a new message
        return;
    }
    m_state = state;
    emit stateChanged();
}
