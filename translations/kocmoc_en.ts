<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AttachmentSheet</name>
    <message>
        <source>Send a photo</source>
        <translation>Send a photo</translation>
    </message>
    <message>
        <source>Send a video</source>
        <translation>Send a video</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Send a file</translation>
    </message>
    <message>
        <source>Add a caption</source>
        <translation>Add a caption</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
</context>
<context>
    <name>AvatarPicker</name>
    <message>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation>Change photo</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Choose your photo</source>
        <translation>Choose your photo</translation>
    </message>
    <message>
        <source>Choose the group&apos;s photo</source>
        <translation>Choose the group&apos;s photo</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Images (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
</context>
<context>
    <name>AvatarUploader</name>
    <message>
        <source>This picture is too large: a photo can be up to %1.</source>
        <translation>This picture is too large: a photo can be up to %1.</translation>
    </message>
    <message>
        <source>A photo has to be a JPEG, PNG, WebP or GIF image.</source>
        <translation>A photo has to be a JPEG, PNG, WebP or GIF image.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can change its photo.</source>
        <translation>Only the group&apos;s owners and admins can change its photo.</translation>
    </message>
</context>
<context>
    <name>ChatListItem</name>
    <message>
        <source>No messages yet</source>
        <translation>No messages yet</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>You: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ChatPane</name>
    <message>
        <source>Chats</source>
        <translation>Chats</translation>
    </message>
    <message>
        <source>KOCMOC</source>
        <translation>KOCMOC</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Search in chat</source>
        <translation>Search in chat</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Search messages</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 of %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>No matches</translation>
    </message>
    <message>
        <source>Older match</source>
        <translation>Older match</translation>
    </message>
    <message>
        <source>Newer match</source>
        <translation>Newer match</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Close search</translation>
    </message>
    <message>
        <source>Choose a chat to start messaging</source>
        <translation>Choose a chat to start messaging</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Reply</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Forward to</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Your chats are behind the menu button.</source>
        <translation>Your chats are behind the menu button.</translation>
    </message>
    <message>
        <source>Ctrl+K finds a chat; “New chat” starts one.</source>
        <translation>Ctrl+K finds a chat; “New chat” starts one.</translation>
    </message>
    <message>
        <source>Drop files here to send them</source>
        <translation>Drop files here to send them</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Search chats</translation>
    </message>
    <message>
        <source>No chats match “%1”.</source>
        <translation>No chats match “%1”.</translation>
    </message>
    <message>
        <source>No chats yet. Start one with “New chat”.</source>
        <translation>No chats yet. Start one with “New chat”.</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Neon</source>
        <translation>Neon</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing</source>
        <translation>Editing</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Reply to %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Emoji</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send (Enter)</source>
        <translation>Send (Enter)</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Send files</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Attach files</translation>
    </message>
    <message>
        <source>Stickers</source>
        <translation>Stickers</translation>
    </message>
    <message>
        <source>Cancel recording</source>
        <translation>Cancel recording</translation>
    </message>
    <message>
        <source>‹ Slide left to cancel</source>
        <translation>‹ Slide left to cancel</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Recording…</translation>
    </message>
    <message>
        <source>The picture on the clipboard cannot be attached.</source>
        <translation>The picture on the clipboard cannot be attached.</translation>
    </message>
    <message>
        <source>Record a voice message</source>
        <translation>Record a voice message</translation>
    </message>
    <message>
        <source>Hold to record, release to send</source>
        <translation>Hold to record, release to send</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Is the server address right?</source>
        <translation>The server sent an answer this app does not understand. Is the server address right?</translation>
    </message>
    <message>
        <source>Wrong username, email or password.</source>
        <translation>Wrong username, email or password.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again later.</source>
        <translation>Too many failed attempts. Try again later.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Too many failed attempts. Try again in %n minute.</numerusform>
            <numerusform>Too many failed attempts. Try again in %n minutes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Wait %n minute(s) and try again.</source>
        <translation>
            <numerusform>Too many requests. Wait %n minute and try again.</numerusform>
            <numerusform>Too many requests. Wait %n minutes and try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Too many requests. Wait %n second and try again.</numerusform>
            <numerusform>Too many requests. Wait %n seconds and try again.</numerusform>
        </translation>
    </message>
    <message>
        <source>An account with this email already exists.</source>
        <translation>An account with this email already exists.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>This username is already taken.</translation>
    </message>
    <message>
        <source>The username @%1 is already taken.</source>
        <translation>The username @%1 is already taken.</translation>
    </message>
    <message>
        <source>This account has been blocked.</source>
        <translation>This account has been blocked.</translation>
    </message>
    <message>
        <source>Registration on this server is by invitation only.</source>
        <translation>Registration on this server is by invitation only.</translation>
    </message>
    <message>
        <source>This invite key is unknown, used up or expired.</source>
        <translation>This invite key is unknown, used up or expired.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again in a moment.</source>
        <translation>The server is temporarily unavailable. Please try again in a moment.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again later.</source>
        <translation>Something went wrong on the server. Please try again later.</translation>
    </message>
    <message>
        <source>Unexpected answer from the server (HTTP %1).</source>
        <translation>Unexpected answer from the server (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>The request failed (%1).</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Enter your email address.</translation>
    </message>
    <message>
        <source>This email address is too long.</source>
        <translation>This email address is too long.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>This does not look like an email address.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message numerus="yes">
        <source>A password can have at most %n character(s).</source>
        <translation>
            <numerusform>A password can have at most %n character.</numerusform>
            <numerusform>A password can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A password needs at least %n character(s).</source>
        <translation>
            <numerusform>A password needs at least %n character.</numerusform>
            <numerusform>A password needs at least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Enter a username.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters.</source>
        <translation>A username has %1 to %2 characters.</translation>
    </message>
    <message>
        <source>A username can only have Latin letters, digits and underscores.</source>
        <translation>A username can only have Latin letters, digits and underscores.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Enter your name.</translation>
    </message>
    <message numerus="yes">
        <source>A name can have at most %n character(s).</source>
        <translation>
            <numerusform>A name can have at most %n character.</numerusform>
            <numerusform>A name can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The name has characters that are not allowed.</source>
        <translation>The name has characters that are not allowed.</translation>
    </message>
    <message>
        <source>Check the field “%1”.</source>
        <translation>Check the field “%1”.</translation>
    </message>
    <message>
        <source>Cannot connect to %1. Is the server running?</source>
        <translation>Cannot connect to %1. Is the server running?</translation>
    </message>
    <message>
        <source>Server %1 was not found. Check the address.</source>
        <translation>Server %1 was not found. Check the address.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your connection and try again.</source>
        <translation>The server did not answer in time. Check your connection and try again.</translation>
    </message>
    <message>
        <source>The server closed the connection. Please try again.</source>
        <translation>The server closed the connection. Please try again.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established.</source>
        <translation>A secure connection to %1 could not be established.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check your internet connection.</source>
        <translation>Cannot reach %1. Check your internet connection.</translation>
    </message>
    <message>
        <source>You are the group&apos;s only owner. Make someone else an owner first, or delete the group.</source>
        <translation>You are the group&apos;s only owner. Make someone else an owner first, or delete the group.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can do that.</source>
        <translation>Only the group&apos;s owners and admins can do that.</translation>
    </message>
    <message>
        <source>This message has been deleted.</source>
        <translation>This message has been deleted.</translation>
    </message>
</context>
<context>
    <name>FileChecks</name>
    <message>
        <source>The file “%1” is empty.</source>
        <translation>The file “%1” is empty.</translation>
    </message>
    <message>
        <source>Web pages, SVG and XML files cannot be sent.</source>
        <translation>Web pages, SVG and XML files cannot be sent.</translation>
    </message>
    <message>
        <source>Files of this type (%1) cannot be sent. Photos, videos, audio and common documents can.</source>
        <translation>Files of this type (%1) cannot be sent. Photos, videos, audio and common documents can.</translation>
    </message>
    <message>
        <source>The file is too large: files up to %1 can be sent.</source>
        <translation>The file is too large: files up to %1 can be sent.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation>The file “%1” cannot be read.</translation>
    </message>
    <message>
        <source>Programs and scripts cannot be sent.</source>
        <translation>Programs and scripts cannot be sent.</translation>
    </message>
    <message>
        <source>Files of this type cannot be sent. Photos, videos, audio and common documents can.</source>
        <translation>Files of this type cannot be sent. Photos, videos, audio and common documents can.</translation>
    </message>
    <message numerus="yes">
        <source>The image is too large: at most %n megapixel(s) can be sent.</source>
        <translation>
            <numerusform>The image is too large: at most %n megapixel can be sent.</numerusform>
            <numerusform>The image is too large: at most %n megapixels can be sent.</numerusform>
        </translation>
    </message>
    <message>
        <source>The image cannot be read. It may be damaged.</source>
        <translation>The image cannot be read. It may be damaged.</translation>
    </message>
    <message>
        <source>Your storage on the server is full. Delete some files and try again.</source>
        <translation>Your storage on the server is full. Delete some files and try again.</translation>
    </message>
    <message>
        <source>Too many uploads are unfinished. Wait for them or cancel some.</source>
        <translation>Too many uploads are unfinished. Wait for them or cancel some.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Hide password</source>
        <translation>Hide password</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Show password</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Today</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Yesterday</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 is typing…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n person is typing…</numerusform>
            <numerusform>%n people are typing…</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>last seen %1</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Voice message</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <source>MMMM d</source>
        <comment>date pattern: a day of this year</comment>
        <translation>MMMM d</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <comment>date pattern: a day of another year</comment>
        <translation>MMMM d, yyyy</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>KOCMOC</source>
        <translation>KOCMOC</translation>
    </message>
</context>
<context>
    <name>MediaPlayback</name>
    <message>
        <source>This recording cannot be played.</source>
        <translation>This recording cannot be played.</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>The photo cannot be loaded.</source>
        <translation>The photo cannot be loaded.</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Only the group&apos;s owners can change roles.</source>
        <translation>Only the group&apos;s owners can change roles.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can remove people, and only owners can remove an owner.</source>
        <translation>Only the group&apos;s owners and admins can remove people, and only owners can remove an owner.</translation>
    </message>
    <message>
        <source>This person is no longer in the group.</source>
        <translation>This person is no longer in the group.</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n online</source>
        <translation>
            <numerusform>, %n online</numerusform>
            <numerusform>, %n online</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (you)</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Leave group</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>Leave “%1”?</translation>
    </message>
    <message>
        <source>You will no longer see its messages. Someone in the group can add you again.</source>
        <translation>You will no longer see its messages. Someone in the group can add you again.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Leave</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Actions for %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Remove %1 from “%2”?</source>
        <translation>Remove %1 from “%2”?</translation>
    </message>
    <message>
        <source>They will no longer see its messages. An owner or admin can add them again.</source>
        <translation>They will no longer see its messages. An owner or admin can add them again.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Remove admin rights</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Make admin</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Remove from group</translation>
    </message>
</context>
<context>
    <name>MessageBubble</name>
    <message>
        <source>Forwarded from %1</source>
        <translation>Forwarded from %1</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>Deleted message</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Message deleted</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>Cancel sending</source>
        <translation>Cancel sending</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New group</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>New chat</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Group name</translation>
    </message>
    <message>
        <source>Name or @username</source>
        <translation>Name or @username</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Nobody found</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Add people</translation>
    </message>
    <message>
        <source>already in the group</source>
        <translation>already in the group</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Voice message</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Sticker</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A photo, video or document with its caption: &quot;Photo: Sunset over the Neva&quot;.
----------
A group&apos;s message in a notification: &quot;Boris: See you at eight&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>New message</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Verified account</source>
        <translation>Verified account</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>Bio</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Back to sign in</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Create your account</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Username</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>At least %n character.</numerusform>
            <numerusform>At least %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Create account</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Already have an account?</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>It takes less than a minute.</source>
        <translation>It takes less than a minute.</translation>
    </message>
    <message>
        <source>%1 to %2 characters: Latin letters, digits and underscores.</source>
        <translation>%1 to %2 characters: Latin letters, digits and underscores.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Appearance</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Neon glow</source>
        <translation>Neon glow</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Notifications</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>New messages</translation>
    </message>
    <message>
        <source>A notification when a message arrives while KOCMOC is in the background.</source>
        <translation>A notification when a message arrives while KOCMOC is in the background.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Add photo</translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation>Change photo</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Remove photo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Email or username</source>
        <translation>Email or username</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>New to KOCMOC?</source>
        <translation>New to KOCMOC?</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Sign in to your account.</source>
        <translation>Sign in to your account.</translation>
    </message>
</context>
<context>
    <name>StickerPanel</name>
    <message>
        <source>Loading stickers…</source>
        <translation>Loading stickers…</translation>
    </message>
</context>
<context>
    <name>StoriesRow</name>
    <message>
        <source>Your story</source>
        <translation>Your story</translation>
    </message>
    <message>
        <source>Stories of %1</source>
        <translation>Stories of %1</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>New story</translation>
    </message>
</context>
<context>
    <name>StoryComposer</name>
    <message>
        <source>Choose a photo or a video</source>
        <translation>Choose a photo or a video</translation>
    </message>
    <message>
        <source>Photos and videos (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.webm *.mov)</source>
        <translation>Photos and videos (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.webm *.mov)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>New story</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Photo or video</source>
        <translation>Photo or video</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Write something</source>
        <translation>Write something</translation>
    </message>
    <message>
        <source>Video: %1</source>
        <translation>Video: %1</translation>
    </message>
    <message>
        <source>Choose another</source>
        <translation>Choose another</translation>
    </message>
    <message>
        <source>Choose a photo or video</source>
        <translation>Choose a photo or video</translation>
    </message>
    <message>
        <source>Add a caption</source>
        <translation>Add a caption</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Publish</translation>
    </message>
</context>
<context>
    <name>StoryFeedModel</name>
    <message>
        <source>This story is no longer available.</source>
        <translation>This story is no longer available.</translation>
    </message>
    <message>
        <source>Only the author of a story can do that.</source>
        <translation>Only the author of a story can do that.</translation>
    </message>
</context>
<context>
    <name>StoryPublisher</name>
    <message>
        <source>A story can be a photo or a video. “%1” is neither.</source>
        <translation>A story can be a photo or a video. “%1” is neither.</translation>
    </message>
    <message>
        <source>Write the story&apos;s text first.</source>
        <translation>Write the story&apos;s text first.</translation>
    </message>
    <message numerus="yes">
        <source>A story&apos;s text can have at most %n character(s).</source>
        <translation>
            <numerusform>A story&apos;s text can have at most %n character.</numerusform>
            <numerusform>A story&apos;s text can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <source>The text has characters that cannot be sent.</source>
        <translation>The text has characters that cannot be sent.</translation>
    </message>
    <message>
        <source>Choose a background for the story.</source>
        <translation>Choose a background for the story.</translation>
    </message>
    <message>
        <source>The server did not accept this file for a story. Choose another photo or video.</source>
        <translation>The server did not accept this file for a story. Choose another photo or video.</translation>
    </message>
</context>
<context>
    <name>StoryViewer</name>
    <message>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>This photo could not be loaded.</source>
        <translation>This photo could not be loaded.</translation>
    </message>
    <message>
        <source>This video could not be played.</source>
        <translation>This video could not be played.</translation>
    </message>
    <message>
        <source>Your story</source>
        <translation>Your story</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n view</numerusform>
            <numerusform>%n views</numerusform>
        </translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Views</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Delete story</source>
        <translation>Delete story</translation>
    </message>
    <message numerus="yes">
        <source>Viewed by %n</source>
        <translation>
            <numerusform>Viewed by %n</numerusform>
            <numerusform>Viewed by %n</numerusform>
        </translation>
    </message>
    <message>
        <source>No views yet.</source>
        <translation>No views yet.</translation>
    </message>
    <message>
        <source>Delete this story? It disappears for everyone.</source>
        <translation>Delete this story? It disappears for everyone.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>VoiceBubble</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Play</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>No microphone was found. Connect one and try again.</source>
        <translation>No microphone was found. Connect one and try again.</translation>
    </message>
    <message>
        <source>The microphone “%1” cannot be used for recording.</source>
        <translation>The microphone “%1” cannot be used for recording.</translation>
    </message>
    <message>
        <source>Recordings cannot be saved in %1.</source>
        <translation>Recordings cannot be saved in %1.</translation>
    </message>
    <message>
        <source>The recording cannot be saved: %1</source>
        <translation>The recording cannot be saved: %1</translation>
    </message>
    <message>
        <source>The microphone could not be opened. Is another app using it?</source>
        <translation>The microphone could not be opened. Is another app using it?</translation>
    </message>
    <message>
        <source>The microphone stopped working. The recording was discarded.</source>
        <translation>The microphone stopped working. The recording was discarded.</translation>
    </message>
    <message>
        <source>No sound came from the microphone. Check that it is connected and not muted.</source>
        <translation>No sound came from the microphone. Check that it is connected and not muted.</translation>
    </message>
</context>
<context>
    <name>Wordmark</name>
    <message>
        <source>KOCMOC</source>
        <extracomment>The product name, the logo: keep it in Latin capitals in every language.</extracomment>
        <translation>KOCMOC</translation>
    </message>
</context>
</TS>
