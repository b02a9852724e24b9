import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// alice watches the stories of bob (a photo, then a text) and carol (two texts)
// from the server: one bar per story, taps forward and back and on to the next
// author, Esc and a swipe down close, holding pauses; what was shown is seen on
// the server, and the row dims and reorders a fully seen author. bob then sees
// alice among his story's viewers. The tests build on each other, in order.
TestCase {
    id: testCase
    name: "StoryViewer"
    width: 1000
    height: 700
    visible: true
    when: windowShown

    StoryFeedModel {
        id: aliceFeed
        messenger: Backend.messenger
    }
    StoryFeedModel {
        id: bobFeed
        messenger: Backend.bobMessenger
    }
    Component {
        id: viewerComponent
        StoryViewer {
            width: testCase.width
            height: testCase.height
            feed: aliceFeed
            // Long enough that nothing moves on by itself unless a test wants it.
            storyDurationMs: 60000
        }
    }
    Component {
        id: rowComponent
        StoriesRow {
            width: testCase.width
            feed: aliceFeed
        }
    }

    function initTestCase() {
        tryVerify(() => !aliceFeed.loading && aliceFeed.rowOf(Backend.bobId) >= 0
                  && aliceFeed.rowOf(Backend.carolId) >= 0, 10000)
    }

    function openViewer(authorId, properties) {
        const viewer = createTemporaryObject(viewerComponent, testCase, properties || {})
        verify(viewer !== null)
        verify(viewer.open(authorId))
        verify(viewer.visible)
        waitForRendering(viewer)
        return viewer
    }
    function card(viewer) {
        return findChild(viewer, "storyCard")
    }
    function tapRight(viewer) {
        const area = card(viewer)
        mouseClick(area, area.width * 0.85, area.height / 2)
    }
    function tapLeft(viewer) {
        const area = card(viewer)
        mouseClick(area, area.width * 0.15, area.height / 2)
    }
    function barCount(viewer) {
        return findChild(viewer, "storyBarRepeater").count
    }
    // What the server says alice has viewed of that author's stories, oldest first.
    function seenOnServer(authorId) {
        for (const group of Backend.serverStories("alice")) {
            if (group.author.id === authorId)
                return group.stories.map(story => story.viewed)
        }
        return []
    }
    function near(colour, expected) {
        return Math.abs(colour.r - expected.r) < 0.12 && Math.abs(colour.g - expected.g) < 0.12
                && Math.abs(colour.b - expected.b) < 0.12
    }

    function test_1_tapsGoThroughAnAuthorAndOnToTheNext() {
        const viewer = openViewer(Backend.bobId)
        compare(viewer.authorId, Backend.bobId)
        compare(viewer.storyIndex, 0)
        compare(barCount(viewer), 2)
        compare(barCount(viewer), aliceFeed.storiesOf(Backend.bobId).length)
        verify(findChild(viewer, "storyPhoto").visible)
        compare(findChild(viewer, "storyCaption").text, "Sunset at sea")
        compare(findChild(viewer, "storyAuthorTitle").text, "Bob Stone")
        tryCompare(findChild(viewer, "storyPhoto"), "status", Image.Ready, 10000)
        grabImage(viewer).save(Backend.screenshotDir + "/qml-story-viewer-photo.png")

        tapRight(viewer)
        compare(viewer.storyIndex, 1)
        verify(findChild(viewer, "storyTextPage").visible)
        compare(findChild(viewer, "storyText").text, "Bob's words")
        // The first bar is full, the second is the one running.
        compare(findChild(viewer, "storyBar_0").children[0].width, findChild(viewer, "storyBar_0").width)

        tapLeft(viewer)
        compare(viewer.storyIndex, 0)
        compare(viewer.authorId, Backend.bobId)
        tapRight(viewer)
        compare(viewer.storyIndex, 1)

        // Past bob's last story: the next author in the row, from their first unseen one.
        const nextAuthor = viewer.authorIds[viewer.authorIndex + 1]
        compare(nextAuthor, Backend.carolId)
        tapRight(viewer)
        compare(viewer.authorId, Backend.carolId)
        compare(viewer.storyIndex, 0)
        compare(barCount(viewer), 2)
        compare(findChild(viewer, "storyText").text, "Carol's first")
        grabImage(viewer).save(Backend.screenshotDir + "/qml-story-viewer-text.png")

        // Back from carol's first: bob's last again.
        tapLeft(viewer)
        compare(viewer.authorId, Backend.bobId)
        compare(viewer.storyIndex, 1)

        const closed = createTemporaryObject(spyComponent, testCase, {target: viewer, signalName: "closed"})
        keyClick(Qt.Key_Escape)
        compare(viewer.visible, false)
        compare(closed.count, 1)
    }

    function test_2_shownStoriesAreSeenOnTheServer() {
        tryVerify(() => {
            const bob = seenOnServer(Backend.bobId)
            return bob.length === 2 && bob[0] && bob[1]
        }, 10000)
        const carol = seenOnServer(Backend.carolId)
        compare(carol, [true, false])
        // Here at once, too.
        compare(aliceFeed.firstUnseenIndex(Backend.carolId), 1)
    }

    function test_3_aSeenAuthorsRingIsDimAndAfterTheUnseen() {
        const row = createTemporaryObject(rowComponent, testCase)
        waitForRendering(row)
        verify(aliceFeed.rowOf(Backend.bobId) > aliceFeed.rowOf(Backend.carolId))
        const list = findChild(row, "storiesList")
        tryVerify(() => findChild(list, "storyAuthor_" + Backend.bobId) !== null)
        const bob = findChild(list, "storyAuthor_" + Backend.bobId)
        const carol = findChild(list, "storyAuthor_" + Backend.carolId)
        verify(bob.x > carol.x)
        compare(bob.allSeen, true)
        compare(carol.allSeen, false)

        const bobRing = findChild(bob, "storyRing")
        const carolRing = findChild(carol, "storyRing")
        compare(bobRing.seenFlags, [true, true])
        compare(carolRing.seenFlags, [true, false])
        waitForRendering(row)
        // On the right the first arc, on the left the second (clockwise from the top).
        // (grabImage crops at an item's own x and y, so the window is grabbed whole.)
        const window = grabImage(testCase)
        function ringPixel(ring, right) {
            const point = ring.mapToItem(testCase, right ? ring.width - 2 : 1, Math.floor(ring.height / 2))
            return window.pixel(Math.round(point.x), Math.round(point.y))
        }
        verify(near(ringPixel(bobRing, true), Theme.storyRingSeen), String(ringPixel(bobRing, true)))
        verify(near(ringPixel(bobRing, false), Theme.storyRingSeen), String(ringPixel(bobRing, false)))
        verify(near(ringPixel(carolRing, true), Theme.storyRingSeen), String(ringPixel(carolRing, true)))
        const bright = ringPixel(carolRing, false)
        verify(!near(bright, Theme.storyRingSeen), String(bright))
        verify(bright.r > 0.6 && bright.b > 0.5, String(bright))
        grabImage(row).save(Backend.screenshotDir + "/qml-stories-row.png")
    }

    function test_4_holdingPauses() {
        const viewer = openViewer(Backend.carolId, {storyDurationMs: 6000})
        compare(viewer.storyIndex, 1) // carol's first unseen
        tryVerify(() => viewer.progress > 0.02)
        const area = card(viewer)
        mousePress(area, area.width / 2, area.height / 2)
        wait(400)
        verify(viewer.held)
        const progress = viewer.progress
        wait(800)
        fuzzyCompare(viewer.progress, progress, 0.005)
        mouseRelease(area, area.width / 2, area.height / 2)
        // A hold is not a tap: still the same story, running again.
        compare(viewer.storyIndex, 1)
        compare(viewer.authorId, Backend.carolId)
        tryVerify(() => viewer.progress > progress + 0.02)
    }

    function test_5_aSwipeDownCloses() {
        const viewer = openViewer(Backend.bobId)
        const area = card(viewer)
        const x = area.width / 2
        const top = area.height / 3
        mousePress(area, x, top)
        for (let step = 1; step <= 10; ++step)
            mouseMove(area, x, top + step * 25, -1, Qt.LeftButton)
        mouseRelease(area, x, top + 250)
        compare(viewer.visible, false)
    }

    function test_6_theLastStoryOfTheLastAuthorCloses() {
        const last = aliceFeed.authorIdsWithStories()
        const viewer = openViewer(last[last.length - 1])
        compare(viewer.authorIndex, viewer.authorIds.length - 1)
        const count = barCount(viewer)
        for (let i = viewer.storyIndex; i < count; ++i) {
            verify(viewer.visible)
            tapRight(viewer)
        }
        compare(viewer.visible, false)
    }

    function test_7_aStoryMovesOnByItself() {
        const viewer = openViewer(Backend.bobId, {storyDurationMs: 400})
        compare(viewer.storyIndex, 0)
        tryCompare(viewer, "storyIndex", 1, 5000)
        compare(findChild(viewer, "storyBar_0").children[0].width, findChild(viewer, "storyBar_0").width)
    }

    function test_8_theAuthorSeesWhoViewed() {
        tryVerify(() => !bobFeed.loading && bobFeed.storiesOf(Backend.bobId).length === 2, 10000)
        const viewer = openViewer(Backend.bobId, {feed: bobFeed})
        compare(viewer.author.isMine, true)
        compare(findChild(viewer, "storyAuthorTitle").text, "Your story")
        const ownBar = findChild(viewer, "storyOwnBar")
        verify(ownBar.visible)
        const views = findChild(viewer, "storyViewsButton")
        tryVerify(() => views.text.startsWith("1 view"), 10000)
        mouseClick(views)
        const panel = findChild(viewer, "storyViewersPanel")
        verify(panel.visible)
        const list = findChild(viewer, "storyViewersList")
        tryVerify(() => findChild(list, "storyViewer_" + Backend.aliceId) !== null, 10000)
        const row = findChild(list, "storyViewer_" + Backend.aliceId)
        compare(findChild(row, "storyViewerName").text, "Алиса Смирнова")
        compare(list.count, 1)
        // The story waits while the list is open; Esc closes the list, then the viewer.
        verify(viewer.paused)
        grabImage(viewer).save(Backend.screenshotDir + "/qml-story-viewers.png")
        keyClick(Qt.Key_Escape)
        verify(!panel.visible)
        verify(viewer.visible)
        keyClick(Qt.Key_Escape)
        verify(!viewer.visible)
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
