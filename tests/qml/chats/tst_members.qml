import QtQuick
import QtTest

import Kocmoc
import KocmocTest

// A group's members from the chat header, against the server: roles shown,
// "Add people" for owners and admins, leaving a group removes it from the list;
// the owner makes a member admin and back and removes people (confirmed), the
// changes show once the server agrees and are on the server; a role changed
// elsewhere arrives through realtime; a plain member sees no actions and gets a
// message when the server refuses; owners change the group's picture.
TestCase {
    id: testCase
    name: "Members"
    width: 420
    height: 760
    visible: true
    when: windowShown

    Component {
        id: panelComponent
        MembersPanel {
            id: shown
            messenger: Backend.messenger
            // As ChatScreen gives it: the chat as it is now.
            Connections {
                target: Backend.messenger.chats
                function onChatChanged(chatId) {
                    if (chatId === shown.chatId)
                        shown.chat = Backend.messenger.chats.get(chatId)
                }
            }
        }
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
        // Actions for the others, none on one's own row.
        verify(!findChild(member(panel, "alice"), "memberActions").visible)
        verify(findChild(member(panel, "boris"), "memberActions").visible)
        verify(findChild(member(panel, "emma"), "memberActions").visible)
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

    // Opens a member's actions and gives the menu.
    function openActions(panel, username) {
        mouseClick(findChild(member(panel, username), "memberActions"))
        const menu = findChild(panel, "memberMenu")
        tryCompare(menu, "opened", true)
        return menu
    }
    function roleOf(panel, username) {
        const chip = findChild(member(panel, username), "roleLabel")
        return chip.visible ? chip.text : "member"
    }

    function test_changeRoleOfAMember() {
        const panel = openPanel(Backend.teamId)
        compare(roleOf(panel, "emma"), "member")
        let menu = openActions(panel, "emma")
        const makeAdmin = findChild(menu, "roleAction")
        compare(makeAdmin.text, "Make admin")
        verify(findChild(menu, "removeAction").visible)
        waitForRendering(panel.contentItem)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-members-actions.png")
        Preferences.theme = "dark"
        waitForRendering(panel.contentItem)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-members-actions-dark.png")
        Preferences.theme = ""
        mouseClick(makeAdmin)
        tryCompare(menu, "opened", false)
        tryVerify(() => roleOf(panel, "emma") === "admin", 10000)
        compare(Backend.roleOnServer(Backend.teamId, Backend.emmaId), "admin")

        menu = openActions(panel, "emma")
        compare(findChild(menu, "roleAction").text, "Remove admin rights")
        mouseClick(findChild(menu, "roleAction"))
        tryVerify(() => roleOf(panel, "emma") === "member", 10000)
        compare(Backend.roleOnServer(Backend.teamId, Backend.emmaId), "member")
        compare(findChild(panel.contentItem, "membersError").text, "")
    }

    function test_changedRoleArrivesThroughRealtime() {
        const panel = openPanel(Backend.teamId)
        compare(Backend.setRoleElsewhere(Backend.teamId, Backend.emmaId, "admin"), 200)
        tryVerify(() => roleOf(panel, "emma") === "admin", 10000)
        compare(Backend.setRoleElsewhere(Backend.teamId, Backend.emmaId, "member"), 200)
        tryVerify(() => roleOf(panel, "emma") === "member", 10000)
    }

    function test_memberActionsHiddenFromMembers() {
        // Alice is a plain member of Makar's group.
        const panel = openPanel(Backend.hikeId)
        compare(roleOf(panel, "alice"), "member")
        for (const name of ["alice", "makar", "emma"])
            verify(!findChild(member(panel, name), "memberActions").visible)
        const photo = findChild(panel.contentItem, "groupAvatar")
        verify(!findChild(photo, "changePhoto").visible)
        // Were it asked anyway, the server's refusal is shown, not swallowed.
        const model = findChild(panel, "memberModel")
        model.setRole(member(panel, "emma").userId, "admin")
        tryCompare(findChild(panel.contentItem, "membersError"), "text",
                   "Only the group's owners can change roles.", 10000)
        verify(findChild(panel.contentItem, "membersError").visible)
        compare(Backend.roleOnServer(Backend.hikeId, Backend.emmaId), "member")
    }

    function test_groupPhotoByItsOwner() {
        const panel = openPanel(Backend.teamId)
        const photo = findChild(panel.contentItem, "groupAvatar")
        const avatar = findChild(photo, "pickerAvatar")
        verify(findChild(photo, "changePhoto").visible)
        compare(avatar.avatarUrl, "")
        photo.uploader.upload(Backend.writeImage("team.png", 300, 300))
        verify(findChild(photo, "uploadProgress").visible)
        tryVerify(() => avatar.avatarUrl.indexOf("/thumbnail") > 0, 10000)
        verify(Backend.messenger.chats.get(Backend.teamId).avatarUrl !== "")
        tryVerify(() => avatar.showsPicture, 10000)
        mouseClick(findChild(photo, "removePhoto"))
        tryCompare(avatar, "avatarUrl", "", 10000)
        compare(Backend.messenger.chats.get(Backend.teamId).avatarUrl, "")
    }

    // Last: the others count on Emma being in the team.
    function test_removeMember() {
        const panel = openPanel(Backend.teamId)
        const list = findChild(panel.contentItem, "memberList")
        const before = list.count
        const menu = openActions(panel, "emma")
        const remove = findChild(menu, "removeAction")
        mouseClick(remove)
        const confirm = findChild(panel, "confirmRemove")
        tryCompare(confirm, "opened", true)
        compare(confirm.question, "Remove Emma Wilson from “Команда”?")
        waitForRendering(panel.contentItem)
        grabImage(testCase).save(Backend.screenshotDir + "/qml-members-remove.png")
        mouseClick(findChild(confirm.footer, "confirmRemoveButton"))
        tryVerify(() => findChild(list, "member_emma") === null, 10000)
        compare(list.count, before - 1)
        compare(Backend.roleOnServer(Backend.teamId, Backend.emmaId), "")
        compare(findChild(panel.contentItem, "membersError").text, "")
    }
}
