import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// alice posts stories with the composer against the server: a text on a
// background and a photo from a file; both show in her own row at once and
// reach bob's row through story:new. Files that cannot be a story and texts
// the server would refuse are explained before anything is sent. A new author
// (dave) appears in alice's row by themselves; alice deletes one of hers.
TestCase {
    id: testCase
    name: "StoryComposer"
    width: 1000
    height: 760
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
        id: composerComponent
        StoryComposer {
            width: testCase.width
            height: testCase.height
            messenger: Backend.messenger
            feed: aliceFeed
        }
    }
    Component {
        id: viewerComponent
        StoryViewer {
            width: testCase.width
            height: testCase.height
            feed: aliceFeed
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
        tryVerify(() => !aliceFeed.loading && !bobFeed.loading, 10000)
    }

    function openComposer() {
        const composer = createTemporaryObject(composerComponent, testCase)
        verify(composer !== null)
        composer.open()
        verify(composer.visible)
        waitForRendering(composer)
        return composer
    }
    function ownStories() {
        return aliceFeed.storiesOf(Backend.aliceId)
    }
    function typeText(composer, text) {
        const field = findChild(composer, "storyTextField")
        mouseClick(field)
        for (const character of text)
            keyClick(character)
        compare(field.text, text)
    }

    function test_1_theOwnRowIsThereWithoutStories() {
        const row = createTemporaryObject(rowComponent, testCase)
        compare(aliceFeed.rowOf(Backend.aliceId), 0)
        compare(ownStories().length, 0)
        const list = findChild(row, "storiesList")
        tryVerify(() => findChild(list, "storyAuthor_" + Backend.aliceId) !== null)
        const own = findChild(list, "storyAuthor_" + Backend.aliceId)
        verify(findChild(own, "addStoryButton").visible)
        compare(findChild(own, "storyAuthorName").text, "Your story")
        // Without stories, the avatar itself asks for the composer.
        const spy = createTemporaryObject(spyComponent, testCase, {target: row, signalName: "composeRequested"})
        mouseClick(own)
        compare(spy.count, 1)
    }

    function test_2_aTextStory() {
        const composer = openComposer()
        mouseClick(findChild(composer, "choice_text"))
        compare(composer.mode, "text")
        const publish = findChild(composer, "storyPublishButton")
        verify(!publish.enabled) // nothing written yet
        typeText(composer, "Hello from Alice")
        mouseClick(findChild(composer, "storyBackground_forest"))
        compare(composer.background, "forest")
        grabImage(composer).save(Backend.screenshotDir + "/qml-story-composer-text.png")
        verify(publish.enabled)
        mouseClick(publish)
        tryVerify(() => !composer.visible, 10000)

        // Here at once, and in bob's row through story:new.
        compare(ownStories().length, 1)
        compare(ownStories()[0].type, "text")
        compare(ownStories()[0].text, "Hello from Alice")
        compare(ownStories()[0].background, "forest")
        tryVerify(() => bobFeed.storiesOf(Backend.aliceId).length === 1, 10000)
        compare(bobFeed.storiesOf(Backend.aliceId)[0].text, "Hello from Alice")
        compare(bobFeed.storiesOf(Backend.aliceId)[0].seen, false)
        verify(bobFeed.rowOf(Backend.aliceId) > 0)
    }

    function test_3_aPhotoStory() {
        const composer = openComposer()
        compare(composer.mode, "media")
        composer.chooseFile(Backend.writePicture("beach.png"))
        compare(composer.errorText, "")
        compare(composer.fileInfo.kind, "photo")
        const preview = findChild(composer, "storyChosenPhoto")
        verify(preview.visible)
        tryCompare(preview, "status", Image.Ready)
        findChild(composer, "storyCaptionField").text = "At the beach"
        grabImage(composer).save(Backend.screenshotDir + "/qml-story-composer-photo.png")
        mouseClick(findChild(composer, "storyPublishButton"))
        tryVerify(() => !composer.visible, 20000)

        compare(ownStories().length, 2)
        const photo = ownStories()[1]
        compare(photo.type, "photo")
        compare(photo.text, "At the beach")
        verify(photo.fileUrl !== "")
        tryVerify(() => bobFeed.storiesOf(Backend.aliceId).length === 2, 10000)
        compare(bobFeed.storiesOf(Backend.aliceId)[1].type, "photo")
        // The own ring: two arcs.
        compare(aliceFeed.data(aliceFeed.index(0, 0), StoryFeedModel.SeenFlagsRole), [true, true])
    }

    function test_4_filesThatCannotBeAStoryAreExplained() {
        const composer = openComposer()
        composer.chooseFile(Backend.writeFile("notes.txt", "Shopping list: milk, bread"))
        compare(composer.errorText, "A story can be a photo or a video. “notes.txt” is neither.")
        verify(findChild(composer, "storyError").visible)
        verify(!findChild(composer, "storyPublishButton").enabled)
        composer.chooseFile(Backend.writeFile("run.sh", "#!/bin/sh\necho hi\n"))
        compare(composer.errorText, "Programs and scripts cannot be sent.")
        composer.chooseFile(Backend.writeFile("empty.png", ""))
        compare(composer.errorText, "The file “empty.png” is empty.")
        // A good file clears the message.
        composer.chooseFile(Backend.writePicture("fine.png"))
        compare(composer.errorText, "")
        verify(findChild(composer, "storyPublishButton").enabled)
    }

    function test_5_textsTheServerWouldRefuse() {
        const composer = openComposer()
        mouseClick(findChild(composer, "choice_text"))
        const field = findChild(composer, "storyTextField")
        field.text = "   "
        verify(!findChild(composer, "storyPublishButton").enabled)
        field.text = "x".repeat(701)
        mouseClick(findChild(composer, "storyPublishButton"))
        // ("character(s)" until the English plural forms are translated.)
        verify(composer.errorText.startsWith("A story's text can have at most 700 character"), composer.errorText)
        verify(composer.visible)
        compare(ownStories().length, 2) // nothing was posted
    }

    function test_6_aNewAuthorAppearsInTheRow() {
        const row = createTemporaryObject(rowComponent, testCase)
        compare(aliceFeed.rowOf(Backend.daveId), -1)
        verify(Backend.postTextStory("dave", "Dave is here", "night") !== "")
        tryVerify(() => aliceFeed.rowOf(Backend.daveId) >= 0, 10000)
        const list = findChild(row, "storiesList")
        tryVerify(() => findChild(list, "storyAuthor_" + Backend.daveId) !== null)
        // Newest with something unseen: right after the own row.
        compare(aliceFeed.rowOf(Backend.daveId), 1)
        compare(findChild(findChild(list, "storyAuthor_" + Backend.daveId), "storyAuthorName").text, "Dave Lee")
        verify(Backend.postTextStory("dave", "And again", "#3B82F6") !== "")
        tryVerify(() => aliceFeed.storiesOf(Backend.daveId).length === 2, 10000)
        compare(findChild(findChild(list, "storyAuthor_" + Backend.daveId), "storyRing").seenFlags, [false, false])
    }

    function test_7_deletingAnOwnStory() {
        const viewer = createTemporaryObject(viewerComponent, testCase)
        verify(viewer.open(Backend.aliceId))
        compare(viewer.stories.length, 2)
        compare(viewer.storyIndex, 0)
        mouseClick(findChild(viewer, "storyDeleteButton"))
        const confirmation = findChild(viewer, "storyDeleteConfirmation")
        verify(confirmation.visible)
        verify(viewer.paused)
        mouseClick(findChild(viewer, "storyConfirmDelete"))
        tryVerify(() => ownStories().length === 1, 10000)
        // The viewer stays, on the story that is left.
        verify(viewer.visible)
        compare(viewer.stories.length, 1)
        compare(viewer.story.type, "photo")
        tryVerify(() => bobFeed.storiesOf(Backend.aliceId).length === 1, 10000)
        compare(bobFeed.storiesOf(Backend.aliceId)[0].type, "photo")
    }

    Component {
        id: spyComponent
        SignalSpy {}
    }
}
