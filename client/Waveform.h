#pragma once

#include <QList>
#include <QtGlobal>

// The outline of a recording that a voice message bubble draws: up to 100
// levels of 0–255 (docs/api.md, File.waveform), each the loudest sample of its
// stretch of time, scaled so that the loudest stretch is 255.
//
// Samples are added as they are recorded, before the length is known: they are
// kept as the peaks of short blocks, and when there are too many blocks, pairs
// merge into blocks twice as long. Memory stays bounded (at most maxBlocks)
// however long the recording, and the blocks are always fine enough for 100
// bars.
class Waveform
{
public:
    static constexpr int maxBlocks = 4096;

    // samplesPerBlock: the first block length, e.g. 10 ms of the recording's rate.
    explicit Waveform(int samplesPerBlock = 480);

    void clear();
    void add(const qint16 *samples, qsizetype count);
    // Up to `count` levels 0–255 (fewer for a recording shorter than `count` blocks);
    // all zero for silence.
    QList<int> levels(int count = 100) const;

private:
    void closeBlock();

    qint64 m_samplesPerBlock;
    qint64 m_firstBlockSamples;
    QList<int> m_blocks; // peak magnitude of each finished block, 0–32768
    qint64 m_inBlock = 0; // samples in the block being filled
    int m_blockPeak = 0;
};
