<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>ChatListItem</name>
    <message>
        <source>No messages yet</source>
        <translation>Сообщений пока нет</translation>
    </message>
    <message>
        <source>You: %1</source>
        <translation>Вы: %1</translation>
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
        <translation>Чаты</translation>
    </message>
    <message>
        <source>KOCMOC</source>
        <translation>KOCMOC</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>Search in chat</source>
        <translation>Поиск в чате</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Поиск сообщений</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>Older match</source>
        <translation>Предыдущее совпадение</translation>
    </message>
    <message>
        <source>Newer match</source>
        <translation>Следующее совпадение</translation>
    </message>
    <message>
        <source>Close search</source>
        <translation>Закрыть поиск</translation>
    </message>
    <message>
        <source>Choose a chat to start messaging</source>
        <translation>Выберите чат, чтобы начать переписку</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Forward to</source>
        <translation>Переслать в</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>ChatSidebar</name>
    <message>
        <source>Connecting…</source>
        <translation>Подключение…</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет сети</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Search chats</source>
        <translation>Поиск чатов</translation>
    </message>
    <message>
        <source>No chats match “%1”.</source>
        <translation>Нет чатов по запросу «%1».</translation>
    </message>
    <message>
        <source>No chats yet. Start one with “New chat”.</source>
        <translation>Чатов пока нет. Начните новый кнопкой «Новый чат».</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Neon</source>
        <translation>Неон</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Editing</source>
        <translation>Редактирование</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Ответ %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Emoji</source>
        <translation>Эмодзи</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Сеанс завершён. Войдите снова.</translation>
    </message>
    <message>
        <source>The server sent an answer this app does not understand. Is the server address right?</source>
        <translation>Сервер прислал ответ, который приложение не понимает. Проверьте адрес сервера.</translation>
    </message>
    <message>
        <source>Wrong username, email or password.</source>
        <translation>Неверное имя пользователя, почта или пароль.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again later.</source>
        <translation>Слишком много неудачных попыток. Попробуйте позже.</translation>
    </message>
    <message numerus="yes">
        <source>Too many failed attempts. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Слишком много неудачных попыток. Попробуйте снова через %n минуту.</numerusform>
            <numerusform>Слишком много неудачных попыток. Попробуйте снова через %n минуты.</numerusform>
            <numerusform>Слишком много неудачных попыток. Попробуйте снова через %n минут.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Wait %n minute(s) and try again.</source>
        <translation>
            <numerusform>Слишком много запросов. Подождите %n минуту и попробуйте снова.</numerusform>
            <numerusform>Слишком много запросов. Подождите %n минуты и попробуйте снова.</numerusform>
            <numerusform>Слишком много запросов. Подождите %n минут и попробуйте снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many requests. Wait %n second(s) and try again.</source>
        <translation>
            <numerusform>Слишком много запросов. Подождите %n секунду и попробуйте снова.</numerusform>
            <numerusform>Слишком много запросов. Подождите %n секунды и попробуйте снова.</numerusform>
            <numerusform>Слишком много запросов. Подождите %n секунд и попробуйте снова.</numerusform>
        </translation>
    </message>
    <message>
        <source>An account with this email already exists.</source>
        <translation>Аккаунт с такой почтой уже существует.</translation>
    </message>
    <message>
        <source>This username is already taken.</source>
        <translation>Это имя пользователя уже занято.</translation>
    </message>
    <message>
        <source>The username @%1 is already taken.</source>
        <translation>Имя пользователя @%1 уже занято.</translation>
    </message>
    <message>
        <source>This account has been blocked.</source>
        <translation>Этот аккаунт заблокирован.</translation>
    </message>
    <message>
        <source>Registration on this server is by invitation only.</source>
        <translation>На этом сервере регистрация только по приглашениям.</translation>
    </message>
    <message>
        <source>This invite key is unknown, used up or expired.</source>
        <translation>Ключ приглашения не найден, уже использован или истёк.</translation>
    </message>
    <message>
        <source>The server is temporarily unavailable. Please try again in a moment.</source>
        <translation>Сервер временно недоступен. Попробуйте чуть позже.</translation>
    </message>
    <message>
        <source>Something went wrong on the server. Please try again later.</source>
        <translation>На сервере что-то пошло не так. Попробуйте позже.</translation>
    </message>
    <message>
        <source>Unexpected answer from the server (HTTP %1).</source>
        <translation>Неожиданный ответ сервера (HTTP %1).</translation>
    </message>
    <message>
        <source>The request failed (%1).</source>
        <translation>Запрос не выполнен (%1).</translation>
    </message>
    <message>
        <source>Enter your email address.</source>
        <translation>Введите адрес почты.</translation>
    </message>
    <message>
        <source>This email address is too long.</source>
        <translation>Слишком длинный адрес почты.</translation>
    </message>
    <message>
        <source>This does not look like an email address.</source>
        <translation>Это не похоже на адрес почты.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Введите пароль.</translation>
    </message>
    <message numerus="yes">
        <source>A password can have at most %n character(s).</source>
        <translation>
            <numerusform>Пароль может быть не длиннее %n символа.</numerusform>
            <numerusform>Пароль может быть не длиннее %n символов.</numerusform>
            <numerusform>Пароль может быть не длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A password needs at least %n character(s).</source>
        <translation>
            <numerusform>Пароль должен быть не короче %n символа.</numerusform>
            <numerusform>Пароль должен быть не короче %n символов.</numerusform>
            <numerusform>Пароль должен быть не короче %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter a username.</source>
        <translation>Введите имя пользователя.</translation>
    </message>
    <message>
        <source>A username has %1 to %2 characters.</source>
        <translation>Имя пользователя должно содержать от %1 до %2 символов.</translation>
    </message>
    <message>
        <source>A username can only have Latin letters, digits and underscores.</source>
        <translation>В имени пользователя можно использовать только латинские буквы, цифры и подчёркивание.</translation>
    </message>
    <message>
        <source>Enter your name.</source>
        <translation>Введите имя.</translation>
    </message>
    <message numerus="yes">
        <source>A name can have at most %n character(s).</source>
        <translation>
            <numerusform>Имя может быть не длиннее %n символа.</numerusform>
            <numerusform>Имя может быть не длиннее %n символов.</numerusform>
            <numerusform>Имя может быть не длиннее %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The name has characters that are not allowed.</source>
        <translation>В имени есть недопустимые символы.</translation>
    </message>
    <message>
        <source>Check the field “%1”.</source>
        <translation>Проверьте поле «%1».</translation>
    </message>
    <message>
        <source>Cannot connect to %1. Is the server running?</source>
        <translation>Не удаётся подключиться к %1. Сервер запущен?</translation>
    </message>
    <message>
        <source>Server %1 was not found. Check the address.</source>
        <translation>Сервер %1 не найден. Проверьте адрес.</translation>
    </message>
    <message>
        <source>The server did not answer in time. Check your connection and try again.</source>
        <translation>Сервер не ответил вовремя. Проверьте подключение и попробуйте снова.</translation>
    </message>
    <message>
        <source>The server closed the connection. Please try again.</source>
        <translation>Сервер разорвал соединение. Попробуйте снова.</translation>
    </message>
    <message>
        <source>A secure connection to %1 could not be established.</source>
        <translation>Не удалось установить защищённое соединение с %1.</translation>
    </message>
    <message>
        <source>Cannot reach %1. Check your internet connection.</source>
        <translation>Нет связи с %1. Проверьте подключение к интернету.</translation>
    </message>
</context>
<context>
    <name>FormField</name>
    <message>
        <source>Hide password</source>
        <translation>Скрыть пароль</translation>
    </message>
    <message>
        <source>Show password</source>
        <translation>Показать пароль</translation>
    </message>
</context>
<context>
    <name>Formats</name>
    <message>
        <source>Today</source>
        <translation>Сегодня</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Вчера</translation>
    </message>
    <message>
        <source>%1 is typing…</source>
        <translation>%1 печатает…</translation>
    </message>
    <message numerus="yes">
        <source>%n people are typing…</source>
        <translation>
            <numerusform>%n человек печатает…</numerusform>
            <numerusform>%n человека печатают…</numerusform>
            <numerusform>%n человек печатают…</numerusform>
        </translation>
    </message>
    <message>
        <source>offline</source>
        <translation>не в сети</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>был(а) в сети %1</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>Voice message</source>
        <translation>Голосовое сообщение</translation>
    </message>
    <message>
        <source>Sticker</source>
        <translation>Стикер</translation>
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
    <name>MessageBubble</name>
    <message>
        <source>Forwarded from %1</source>
        <translation>Переслано от %1</translation>
    </message>
    <message>
        <source>Deleted message</source>
        <translation>Удалённое сообщение</translation>
    </message>
    <message>
        <source>Message deleted</source>
        <translation>Сообщение удалено</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>изменено</translation>
    </message>
</context>
<context>
    <name>NewChatDialog</name>
    <message>
        <source>New group</source>
        <translation>Новая группа</translation>
    </message>
    <message>
        <source>New chat</source>
        <translation>Новый чат</translation>
    </message>
    <message>
        <source>Group name</source>
        <translation>Название группы</translation>
    </message>
    <message>
        <source>Name or @username</source>
        <translation>Имя или @username</translation>
    </message>
    <message>
        <source>Nobody found</source>
        <translation>Никого не нашлось</translation>
    </message>
</context>
<context>
    <name>ProfilePage</name>
    <message>
        <source>Verified account</source>
        <translation>Подтверждённый аккаунт</translation>
    </message>
    <message>
        <source>Bio</source>
        <translation>О себе</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Back to sign in</source>
        <translation>Назад ко входу</translation>
    </message>
    <message>
        <source>Create your account</source>
        <translation>Создайте аккаунт</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше имя</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Почта</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message numerus="yes">
        <source>At least %n character(s).</source>
        <translation>
            <numerusform>Не меньше %n символа.</numerusform>
            <numerusform>Не меньше %n символов.</numerusform>
            <numerusform>Не меньше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Create account</source>
        <translation>Создать аккаунт</translation>
    </message>
    <message>
        <source>Already have an account?</source>
        <translation>Уже есть аккаунт?</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>It takes less than a minute.</source>
        <translation>Это займёт меньше минуты.</translation>
    </message>
    <message>
        <source>%1 to %2 characters: Latin letters, digits and underscores.</source>
        <translation>От %1 до %2 символов: латинские буквы, цифры и подчёркивание.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Server: %1</source>
        <translation>Сервер: %1</translation>
    </message>
    <message>
        <source>Email or username</source>
        <translation>Почта или имя пользователя</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>New to KOCMOC?</source>
        <translation>Впервые в KOCMOC?</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Создать аккаунт</translation>
    </message>
    <message>
        <source>Sign in to your account.</source>
        <translation>Войдите в свой аккаунт.</translation>
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
