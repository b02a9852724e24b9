#include "OpusFileWriter.h"

#include <QFile>

#include <opusenc.h>

OpusFileWriter::~OpusFileWriter()
{
    if (m_encoder)
        discard(); // a finished file is kept: it is the result
}

bool OpusFileWriter::open(const QString &path, int sampleRate, int bitrate)
{
    if (m_encoder)
        discard();
    m_path = path;
    m_errorString.clear();
    OggOpusComments *comments = ope_comments_create();
    if (!comments)
        return fail(OPE_ALLOC_FAIL, "create the comments");
    ope_comments_add(comments, "ENCODER", "KOCMOC");
    int error = OPE_OK;
    // Family 0: plain mono or stereo, what every Opus player reads.
    m_encoder = ope_encoder_create_file(
        QFile::encodeName(path).constData(), comments, sampleRate, 1, 0, &error);
    ope_comments_destroy(comments);
    if (!m_encoder)
        return fail(error, "create the file");
    ope_encoder_ctl(m_encoder, OPUS_SET_BITRATE(bitrate));
    ope_encoder_ctl(m_encoder, OPUS_SET_SIGNAL(OPUS_SIGNAL_VOICE));
    return true;
}

bool OpusFileWriter::write(const qint16 *samples, int count)
{
    if (!m_encoder)
        return false;
    const int error = ope_encoder_write(m_encoder, samples, count);
    return error == OPE_OK || fail(error, "encode");
}

bool OpusFileWriter::finish()
{
    if (!m_encoder)
        return false;
    const int error = ope_encoder_drain(m_encoder);
    ope_encoder_destroy(m_encoder);
    m_encoder = nullptr;
    if (error != OPE_OK) {
        fail(error, "finish the file");
        QFile::remove(m_path);
        return false;
    }
    return true;
}

void OpusFileWriter::discard()
{
    if (m_encoder) {
        ope_encoder_destroy(m_encoder);
        m_encoder = nullptr;
    }
    if (!m_path.isEmpty())
        QFile::remove(m_path);
}

bool OpusFileWriter::fail(int error, const char *what)
{
    m_errorString = QStringLiteral("Opus encoder: cannot %1 %2 (%3)")
                        .arg(QLatin1String(what), m_path, QString::fromUtf8(ope_strerror(error)));
    if (m_encoder) {
        ope_encoder_destroy(m_encoder);
        m_encoder = nullptr;
        QFile::remove(m_path);
    }
    return false;
}
