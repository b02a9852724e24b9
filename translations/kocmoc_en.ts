<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
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
    <name>Main</name>
    <message>
        <source>KOCMOC</source>
        <translation>KOCMOC</translation>
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
    <name>Wordmark</name>
    <message>
        <source>KOCMOC</source>
        <extracomment>The product name, the logo: keep it in Latin capitals in every language.</extracomment>
        <translation>KOCMOC</translation>
    </message>
</context>
</TS>
