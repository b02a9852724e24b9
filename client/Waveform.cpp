#include "Waveform.h"

#include <algorithm>
#include <cstdlib>

Waveform::Waveform(int samplesPerBlock)
    : m_samplesPerBlock(qMax(1, samplesPerBlock))
    , m_firstBlockSamples(m_samplesPerBlock)
{ }

void Waveform::clear()
{
    m_samplesPerBlock = m_firstBlockSamples;
    m_blocks.clear();
    m_inBlock = 0;
    m_blockPeak = 0;
}

void Waveform::add(const qint16 *samples, qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i) {
        m_blockPeak = std::max(m_blockPeak, std::abs(int(samples[i])));
        if (++m_inBlock == m_samplesPerBlock)
            closeBlock();
    }
}

void Waveform::closeBlock()
{
    m_blocks.append(m_blockPeak);
    m_inBlock = 0;
    m_blockPeak = 0;
    if (m_blocks.size() < maxBlocks)
        return;
    // Halve the resolution: each pair of blocks becomes one twice as long.
    for (qsizetype i = 0; i < m_blocks.size() / 2; ++i)
        m_blocks[i] = std::max(m_blocks.at(2 * i), m_blocks.at(2 * i + 1));
    m_blocks.resize(m_blocks.size() / 2);
    m_samplesPerBlock *= 2;
}

QList<int> Waveform::levels(int count) const
{
    QList<int> blocks = m_blocks;
    if (m_inBlock > 0)
        blocks.append(m_blockPeak); // the unfinished last block counts too
    const qsizetype bars = std::min<qsizetype>(qMax(0, count), blocks.size());
    QList<int> peaks(bars, 0);
    for (qsizetype i = 0; i < blocks.size(); ++i) {
        int &peak = peaks[i * bars / blocks.size()];
        peak = std::max(peak, blocks.at(i));
    }
    const int loudest = peaks.isEmpty() ? 0 : *std::max_element(peaks.cbegin(), peaks.cend());
    if (loudest == 0)
        return peaks;
    for (int &peak : peaks)
        peak = int((qint64(peak) * 255 + loudest / 2) / loudest);
    return peaks;
}
