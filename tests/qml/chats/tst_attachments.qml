import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// Files in a chat, against the real server with alice signed in: the preview
// sheet refuses what cannot be sent before uploading, a photo shows as a pending
// bubble with progress and then as the photo, cancelling takes it away, and a
// sticker from the panel is sent.
TestCase {
    id: testCase
    name: "Attachments"
    width: 900
    height: 700
    visible: true
    when: windowShown

    Component {
        id: paneComponent
        ChatPane {
            width: testCase.width
            height: testCase.height
            messenger: Backend.messenger
        }
    }

    // The hike group has the newest message already: what is sent here keeps the
    // chat list's order the other tests expect.
    function openChat() {
        Backend.messenger.currentChatId = Backend.hikeId
        const pane = createTemporaryObject(paneComponent, testCase)
        verify(pane !== null)
        const list = findChild(pane, "messageList")
        tryVerify(() => list.count > 0, 10000, "the chat's messages load")
        return pane
    }
    function sheetOf(pane) {
        return pane.attachmentSheet
    }
    function newest(pane) {
        const list = findChild(pane, "messageList")
        list.positionViewAtBeginning()
        return list.itemAtIndex(0)
    }

    function test_tooLargeAndProgramsAreRefusedBeforeUploading_data() {
        return [
            {tag: "too large", kind: "tooLarge", says: "too large"},
            {tag: "a program", kind: "program", says: "Programs and scripts cannot be sent"},
        ]
    }
    function test_tooLargeAndProgramsAreRefusedBeforeUploading(data) {
        const pane = openChat()
        const list = findChild(pane, "messageList")
        const before = list.count
        const sheet = sheetOf(pane)
        sheet.openFiles([Backend.makeAttachment(data.kind)], false)
        tryVerify(() => sheet.opened)
        const error = findChild(sheet.contentItem, "sheetError")
        verify(error.visible)
        verify(error.text.indexOf(data.says) >= 0, error.text)
        const send = findChild(sheet.contentItem, "sheetSend")
        verify(!send.enabled)
        if (data.kind === "tooLarge") {
            wait(300) // the sheet's opening transition
            waitForRendering(pane)
            grabImage(testCase).save(Backend.screenshotDir + "/qml-attachment-refused.png")
        }
        mouseClick(send)
        mouseClick(findChild(sheet.contentItem, "sheetCancel"))
        tryVerify(() => !sheet.visible)
        compare(list.count, before)
    }

    function test_photoIsPendingWithProgressThenShown() {
        const pane = openChat()
        const list = findChild(pane, "messageList")
        const before = list.count
        const sheet = sheetOf(pane)
        sheet.openFiles([Backend.makeAttachment("photo", 12)], false)
        tryVerify(() => sheet.opened)
        verify(findChild(sheet.contentItem, "sheetPhoto").visible)
        findChild(sheet.contentItem, "captionField").text = "Закат"
        mouseClick(findChild(sheet.contentItem, "sheetSend"))
        tryVerify(() => !sheet.visible)

        compare(list.count, before + 1)
        let bubble = newest(pane)
        verify(bubble !== null)
        compare(bubble.type, "photo")
        compare(bubble.status, "pending")
        const progress = findChild(bubble, "uploadProgress")
        verify(progress.visible, "a pending photo shows its progress")
        verify(findChild(bubble, "uploadCancel").visible)
        verify(findChild(bubble, "photoImage") !== null)
        wait(Theme.durationNormal + 50) // the row fades in
        grabImage(testCase).save(Backend.screenshotDir + "/qml-attachment-pending.png")

        // Sent: the server's photo with its caption, without progress.
        tryVerify(() => newest(pane).messageId > 0, 20000, "the photo is sent")
        bubble = newest(pane)
        compare(list.count, before + 1)
        compare(bubble.type, "photo")
        compare(bubble.text, "Закат")
        verify(bubble.upload === null)
        verify(!findChild(bubble, "uploadProgress").visible)
        const image = findChild(bubble, "photoImage")
        verify(String(image.source).indexOf("/thumbnail") > 0, image.source)
        tryVerify(() => image.status === Image.Ready, 10000, "the thumbnail loads")
        // Landscape, as the picture is.
        verify(image.width > image.height)
        tryCompare(Backend.messenger, "pendingCount", 0)
    }

    function test_cancelRemovesThePendingFile() {
        const pane = openChat()
        const list = findChild(pane, "messageList")
        const before = list.count
        const sheet = sheetOf(pane)
        sheet.openFiles([Backend.makeAttachment("pdf", 40)], false)
        tryVerify(() => sheet.opened)
        verify(findChild(sheet.contentItem, "sheetDocument").visible)
        mouseClick(findChild(sheet.contentItem, "sheetSend"))
        compare(list.count, before + 1)
        const bubble = newest(pane)
        compare(bubble.type, "document")
        const cancel = findChild(bubble, "uploadCancel")
        verify(cancel.visible)
        mouseClick(cancel)
        tryCompare(list, "count", before)
        verify(newest(pane).type !== "document" || newest(pane).messageId > 0)
        // Nothing arrives later either.
        wait(500)
        compare(list.count, before)
    }

    function test_stickerPanelSendsASticker() {
        const pane = openChat()
        const list = findChild(pane, "messageList")
        const before = list.count
        mouseClick(findChild(pane, "stickerButton"))
        const panel = findChild(pane, "stickerPanel")
        tryVerify(() => panel.visible && panel.stickerSets.length > 0, 10000, "the sticker sets load")
        const first = panel.stickerSets[0].stickers[0]
        let button = null
        tryVerify(() => (button = findChild(panel, "sticker_" + first.id)) !== null)
        waitForRendering(panel)
        mouseClick(button)
        verify(!panel.visible, "the panel closes")
        tryCompare(list, "count", before + 1, 10000)
        const bubble = newest(pane)
        compare(bubble.type, "sticker")
        verify(bubble.messageId > 0)
        const image = findChild(bubble, "stickerImage")
        tryVerify(() => image.status === Image.Ready, 10000, "the sticker's picture loads")
        compare(findChild(bubble, "bubble").color.a, 0) // no bubble behind a sticker
    }
}
