import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// A group's members from the chat header, against the server: roles shown,
// "Add people" for owners and admins, leaving a group removes it from the list.
TestCase {
    id: testCase
    name: "Members"
    width: 420
    height: 760
    visible: true
    when: windowShown

    Component {
        id: panelComponent
        MembersPanel { messenger: Backend.messenger }
    }
    Component {
        id: addComponent
        NewChatDialog {
            api: Backend.api
            messenger: Backend.messenger
        }
    }
    Component {
        id: failureSpy
        SignalSpy { target: Backend.messenger; signalName: "operationFailed" }
    }

    function openPanel(chatId) {
        const panel = createTemporaryObject(panelComponent, testCase,
                                            {chat: Backend.messenger.chats.get(chatId)})
        verify(panel !== null)
        panel.open()
        tryCompare(panel, "position", 1)
        return panel
    }
    function member(panel, username) {
        const list = findChild(panel.contentItem, "memberList")
        tryVerify(() => findChild(list, "member_" + username) !== null)
        return findChild(list, "member_" + username)
    }
    function label(item, text) {
        // The Label among item's descendants that shows text.
        const stack = [item]
        while (stack.length > 0) {
            const next = stack.pop()
            if (next.text === text)
                return next
            for (let i = 0; i < next.children.length; ++i)
                stack.push(next.children[i])
        }
        return null
    }

    function test_ownerSeesRolesAndCanAddPeople() {
        const panel = openPanel(Backend.teamId)
        compare(findChild(panel.contentItem, "panelTitle").text, "Команда")
        // Makar may have been added by test_addPeople already.
        const count = Backend.messenger.chats.get(Backend.teamId).memberCount
        verify(count >= 3)
        compare(findChild(panel.contentItem, "memberList").count, count)
        verify(findChild(panel.contentItem, "panelSubtitle").text.startsWith(count + " members"))
        verify(label(member(panel, "alice"), "Алиса Смирнова (you)") !== null)
        compare(findChild(member(panel, "alice"), "roleLabel").text, "owner")
        compare(findChild(member(panel, "boris"), "roleLabel").text, "admin")
        verify(!findChild(member(panel, "emma"), "roleLabel").visible)
        verify(findChild(panel.contentItem, "addPeopleButton").visible)
        verify(findChild(panel.contentItem, "leaveGroupButton").visible)
        waitForRendering(panel.contentItem)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-members.png")
    }

    function test_addPeople() {
        const panel = openPanel(Backend.teamId)
        const spy = createTemporaryObject(addedSpy, testCase)
        const add = createTemporaryObject(addComponent, testCase)
        panel.addPeopleRequested.connect(ids => {
            add.addToChatId = Backend.teamId
            add.memberIds = ids
            add.open()
        })
        mouseClick(findChild(panel.contentItem, "addPeopleButton"))
        tryCompare(add, "opened", true)
        compare(add.title, "Add people")
        const search = findChild(add.contentItem, "userSearchField")
        mouseClick(search)
        search.insert(0, "мака") // as an input method types Cyrillic
        let makar = null
        tryVerify(() => (makar = label(add.contentItem, "Макар Иванов")) !== null, 10000)
        mouseClick(makar)
        add.accept()
        tryCompare(spy, "count", 1, 10000)
        tryCompare(findChild(panel.contentItem, "memberList"), "count", 4)
    }
    Component {
        id: addedSpy
        SignalSpy { target: Backend.messenger; signalName: "membersAdded" }
    }

    function test_onlyOwnerCannotLeave() {
        const panel = openPanel(Backend.teamId)
        const failures = createTemporaryObject(failureSpy, testCase)
        mouseClick(findChild(panel.contentItem, "leaveGroupButton"))
        const confirm = findChild(panel, "confirmLeave")
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm.footer, "confirmLeaveButton"))
        tryCompare(failures, "count", 1, 10000)
        compare(failures.signalArguments[0][0],
                "You are the group's only owner. Make someone else an owner first, or delete the group.")
        verify(Backend.messenger.chats.indexOf(Backend.teamId) >= 0)
    }

    function test_memberLeavesAGroup() {
        const panel = openPanel(Backend.hikeId)
        verify(!findChild(panel.contentItem, "addPeopleButton").visible)
        compare(findChild(member(panel, "makar"), "roleLabel").text, "owner")
        mouseClick(findChild(panel.contentItem, "leaveGroupButton"))
        const confirm = findChild(panel, "confirmLeave")
        tryCompare(confirm, "opened", true)
        mouseClick(findChild(confirm.footer, "confirmLeaveButton"))
        tryCompare(Backend.messenger.chats, "count", 3, 10000)
        compare(Backend.messenger.chats.indexOf(Backend.hikeId), -1)
        tryCompare(panel, "opened", false)
    }
}
