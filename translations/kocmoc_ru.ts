<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
<context>
    <name>AttachmentSheet</name>
    <message>
        <source>Send a photo</source>
        <translation>Отправить фото</translation>
    </message>
    <message>
        <source>Send a video</source>
        <translation>Отправить видео</translation>
    </message>
    <message>
        <source>Send a file</source>
        <translation>Отправить файл</translation>
    </message>
    <message>
        <source>Add a caption</source>
        <translation>Добавить подпись</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Отправить</translation>
    </message>
</context>
<context>
    <name>AvatarPicker</name>
    <message>
        <source>Add photo</source>
        <translation>Добавить фото</translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation>Сменить фото</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Удалить фото</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose your photo</source>
        <translation>Выберите своё фото</translation>
    </message>
    <message>
        <source>Choose the group&apos;s photo</source>
        <translation>Выберите фото группы</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif)</source>
        <translation>Изображения (*.jpg *.jpeg *.png *.webp *.gif)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>AvatarUploader</name>
    <message>
        <source>This picture is too large: a photo can be up to %1.</source>
        <translation>Картинка слишком большая: фото может быть не больше %1.</translation>
    </message>
    <message>
        <source>A photo has to be a JPEG, PNG, WebP or GIF image.</source>
        <translation>Фото должно быть изображением JPEG, PNG, WebP или GIF.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can change its photo.</source>
        <translation>Менять фото группы могут только её владельцы и администраторы.</translation>
    </message>
</context>
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
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Your chats are behind the menu button.</source>
        <translation>Ваши чаты — за кнопкой меню.</translation>
    </message>
    <message>
        <source>Ctrl+K finds a chat; “New chat” starts one.</source>
        <translation>Ctrl+K — найти чат, «Новый чат» — начать новый.</translation>
    </message>
    <message>
        <source>Drop files here to send them</source>
        <translation>Перетащите файлы сюда, чтобы отправить</translation>
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
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
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
    <message>
        <source>Send (Enter)</source>
        <translation>Отправить (Enter)</translation>
    </message>
    <message>
        <source>Send files</source>
        <translation>Отправить файлы</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Прикрепить файлы</translation>
    </message>
    <message>
        <source>Stickers</source>
        <translation>Стикеры</translation>
    </message>
    <message>
        <source>Cancel recording</source>
        <translation>Отменить запись</translation>
    </message>
    <message>
        <source>‹ Slide left to cancel</source>
        <translation>‹ Влево — отмена</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Запись…</translation>
    </message>
    <message>
        <source>The picture on the clipboard cannot be attached.</source>
        <translation>Картинку из буфера обмена нельзя прикрепить.</translation>
    </message>
    <message>
        <source>Record a voice message</source>
        <translation>Записать голосовое сообщение</translation>
    </message>
    <message>
        <source>Hold to record, release to send</source>
        <translation>Удерживайте для записи, отпустите для отправки</translation>
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
    <message>
        <source>You are the group&apos;s only owner. Make someone else an owner first, or delete the group.</source>
        <translation>Вы единственный владелец группы. Сначала назначьте владельцем кого-то ещё или удалите группу.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can do that.</source>
        <translation>Это могут только владельцы и администраторы группы.</translation>
    </message>
    <message>
        <source>This message has been deleted.</source>
        <translation>Это сообщение удалено.</translation>
    </message>
</context>
<context>
    <name>FileChecks</name>
    <message>
        <source>The file “%1” is empty.</source>
        <translation>Файл «%1» пустой.</translation>
    </message>
    <message>
        <source>Web pages, SVG and XML files cannot be sent.</source>
        <translation>Веб-страницы, файлы SVG и XML отправлять нельзя.</translation>
    </message>
    <message>
        <source>Files of this type (%1) cannot be sent. Photos, videos, audio and common documents can.</source>
        <translation>Файлы этого типа (%1) отправлять нельзя. Можно фото, видео, аудио и обычные документы.</translation>
    </message>
    <message>
        <source>The file is too large: files up to %1 can be sent.</source>
        <translation>Файл слишком большой: можно отправлять файлы до %1.</translation>
    </message>
    <message>
        <source>The file “%1” cannot be read.</source>
        <translation>Не удаётся прочитать файл «%1».</translation>
    </message>
    <message>
        <source>Programs and scripts cannot be sent.</source>
        <translation>Программы и скрипты отправлять нельзя.</translation>
    </message>
    <message>
        <source>Files of this type cannot be sent. Photos, videos, audio and common documents can.</source>
        <translation>Файлы этого типа отправлять нельзя. Можно фото, видео, аудио и обычные документы.</translation>
    </message>
    <message numerus="yes">
        <source>The image is too large: at most %n megapixel(s) can be sent.</source>
        <translation>
            <numerusform>Изображение слишком большое: можно не больше %n мегапикселя.</numerusform>
            <numerusform>Изображение слишком большое: можно не больше %n мегапикселей.</numerusform>
            <numerusform>Изображение слишком большое: можно не больше %n мегапикселей.</numerusform>
        </translation>
    </message>
    <message>
        <source>The image cannot be read. It may be damaged.</source>
        <translation>Не удаётся прочитать изображение. Возможно, оно повреждено.</translation>
    </message>
    <message>
        <source>Your storage on the server is full. Delete some files and try again.</source>
        <translation>Ваше место на сервере закончилось. Удалите часть файлов и попробуйте снова.</translation>
    </message>
    <message>
        <source>Too many uploads are unfinished. Wait for them or cancel some.</source>
        <translation>Слишком много незавершённых загрузок. Дождитесь их или отмените часть.</translation>
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
    <message>
        <source>MMMM d</source>
        <comment>date pattern: a day of this year</comment>
        <translation>d MMMM</translation>
    </message>
    <message>
        <source>MMMM d, yyyy</source>
        <comment>date pattern: a day of another year</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
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
        <translation>Эту запись не удаётся воспроизвести.</translation>
    </message>
</context>
<context>
    <name>MediaViewer</name>
    <message>
        <source>The photo cannot be loaded.</source>
        <translation>Фото не удаётся загрузить.</translation>
    </message>
</context>
<context>
    <name>MemberListModel</name>
    <message>
        <source>Only the group&apos;s owners can change roles.</source>
        <translation>Менять роли могут только владельцы группы.</translation>
    </message>
    <message>
        <source>Only the group&apos;s owners and admins can remove people, and only owners can remove an owner.</source>
        <translation>Удалять участников могут только владельцы и администраторы группы, а владельца — только владелец.</translation>
    </message>
    <message>
        <source>This person is no longer in the group.</source>
        <translation>Этого человека уже нет в группе.</translation>
    </message>
</context>
<context>
    <name>MembersPanel</name>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n участник</numerusform>
            <numerusform>%n участника</numerusform>
            <numerusform>%n участников</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n online</source>
        <translation>
            <numerusform>, %n в сети</numerusform>
            <numerusform>, %n в сети</numerusform>
            <numerusform>, %n в сети</numerusform>
        </translation>
    </message>
    <message>
        <source>online</source>
        <translation>в сети</translation>
    </message>
    <message>
        <source>Add people</source>
        <translation>Добавить участников</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (вы)</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>владелец</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>админ</translation>
    </message>
    <message>
        <source>Leave group</source>
        <translation>Покинуть группу</translation>
    </message>
    <message>
        <source>Leave “%1”?</source>
        <translation>Покинуть «%1»?</translation>
    </message>
    <message>
        <source>You will no longer see its messages. Someone in the group can add you again.</source>
        <translation>Вы больше не увидите её сообщений. Участники группы смогут добавить вас снова.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>Покинуть</translation>
    </message>
    <message>
        <source>Actions for %1</source>
        <translation>Действия: %1</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Действия</translation>
    </message>
    <message>
        <source>Remove %1 from “%2”?</source>
        <translation>Удалить %1 из «%2»?</translation>
    </message>
    <message>
        <source>They will no longer see its messages. An owner or admin can add them again.</source>
        <translation>Этот человек больше не увидит сообщений группы. Владелец или администратор может добавить его снова.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Remove admin rights</source>
        <translation>Снять права администратора</translation>
    </message>
    <message>
        <source>Make admin</source>
        <translation>Сделать администратором</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Удалить из группы</translation>
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
    <message>
        <source>Cancel sending</source>
        <translation>Отменить отправку</translation>
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
    <message>
        <source>Add people</source>
        <translation>Добавить участников</translation>
    </message>
    <message>
        <source>already in the group</source>
        <translation>уже в группе</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
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
    <message>
        <source>%1: %2</source>
        <extracomment>A photo, video or document with its caption: &quot;Photo: Sunset over the Neva&quot;.
----------
A group&apos;s message in a notification: &quot;Boris: See you at eight&quot;.</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>Новое сообщение</translation>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Оформление</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Светлая</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Тёмная</translation>
    </message>
    <message>
        <source>Neon glow</source>
        <translation>Неоновое свечение</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <source>New messages</source>
        <translation>Новые сообщения</translation>
    </message>
    <message>
        <source>A notification when a message arrives while KOCMOC is in the background.</source>
        <translation>Уведомление о новом сообщении, когда окно KOCMOC не активно.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Профиль</translation>
    </message>
    <message>
        <source>Add photo</source>
        <translation>Добавить фото</translation>
    </message>
    <message>
        <source>Change photo</source>
        <translation>Сменить фото</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>Удалить фото</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
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
    <name>StickerPanel</name>
    <message>
        <source>Loading stickers…</source>
        <translation>Загрузка стикеров…</translation>
    </message>
</context>
<context>
    <name>StoriesRow</name>
    <message>
        <source>Your story</source>
        <translation>Ваша история</translation>
    </message>
    <message>
        <source>Stories of %1</source>
        <translation>Истории: %1</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>Новая история</translation>
    </message>
</context>
<context>
    <name>StoryComposer</name>
    <message>
        <source>Choose a photo or a video</source>
        <translation>Выберите фото или видео</translation>
    </message>
    <message>
        <source>Photos and videos (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.webm *.mov)</source>
        <translation>Фото и видео (*.jpg *.jpeg *.png *.webp *.gif *.heic *.heif *.mp4 *.webm *.mov)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Все файлы (*)</translation>
    </message>
    <message>
        <source>New story</source>
        <translation>Новая история</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Photo or video</source>
        <translation>Фото или видео</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Write something</source>
        <translation>Напишите что-нибудь</translation>
    </message>
    <message>
        <source>Video: %1</source>
        <translation>Видео: %1</translation>
    </message>
    <message>
        <source>Choose another</source>
        <translation>Выбрать другое</translation>
    </message>
    <message>
        <source>Choose a photo or video</source>
        <translation>Выберите фото или видео</translation>
    </message>
    <message>
        <source>Add a caption</source>
        <translation>Добавить подпись</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Опубликовать</translation>
    </message>
</context>
<context>
    <name>StoryFeedModel</name>
    <message>
        <source>This story is no longer available.</source>
        <translation>Эта история больше недоступна.</translation>
    </message>
    <message>
        <source>Only the author of a story can do that.</source>
        <translation>Это может сделать только автор истории.</translation>
    </message>
</context>
<context>
    <name>StoryPublisher</name>
    <message>
        <source>A story can be a photo or a video. “%1” is neither.</source>
        <translation>История — это фото или видео, а «%1» — ни то ни другое.</translation>
    </message>
    <message>
        <source>Write the story&apos;s text first.</source>
        <translation>Сначала напишите текст истории.</translation>
    </message>
    <message numerus="yes">
        <source>A story&apos;s text can have at most %n character(s).</source>
        <translation>
            <numerusform>В тексте истории может быть не больше %n символа.</numerusform>
            <numerusform>В тексте истории может быть не больше %n символов.</numerusform>
            <numerusform>В тексте истории может быть не больше %n символов.</numerusform>
        </translation>
    </message>
    <message>
        <source>The text has characters that cannot be sent.</source>
        <translation>В тексте есть символы, которые нельзя отправить.</translation>
    </message>
    <message>
        <source>Choose a background for the story.</source>
        <translation>Выберите фон для истории.</translation>
    </message>
    <message>
        <source>The server did not accept this file for a story. Choose another photo or video.</source>
        <translation>Сервер не принял этот файл для истории. Выберите другое фото или видео.</translation>
    </message>
</context>
<context>
    <name>StoryViewer</name>
    <message>
        <source>just now</source>
        <translation>только что</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
            <numerusform>%n мин назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h ago</source>
        <translation>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
            <numerusform>%n ч назад</numerusform>
        </translation>
    </message>
    <message>
        <source>This photo could not be loaded.</source>
        <translation>Это фото не удалось загрузить.</translation>
    </message>
    <message>
        <source>This video could not be played.</source>
        <translation>Это видео не удалось воспроизвести.</translation>
    </message>
    <message>
        <source>Your story</source>
        <translation>Ваша история</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message numerus="yes">
        <source>%n view(s)</source>
        <translation>
            <numerusform>%n просмотр</numerusform>
            <numerusform>%n просмотра</numerusform>
            <numerusform>%n просмотров</numerusform>
        </translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Просмотры</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Delete story</source>
        <translation>Удалить историю</translation>
    </message>
    <message numerus="yes">
        <source>Viewed by %n</source>
        <translation>
            <numerusform>Просмотрел %n человек</numerusform>
            <numerusform>Просмотрели %n человека</numerusform>
            <numerusform>Просмотрели %n человек</numerusform>
        </translation>
    </message>
    <message>
        <source>No views yet.</source>
        <translation>Пока никто не смотрел.</translation>
    </message>
    <message>
        <source>Delete this story? It disappears for everyone.</source>
        <translation>Удалить эту историю? Она исчезнет у всех.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>VoiceBubble</name>
    <message>
        <source>Pause</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Воспроизвести</translation>
    </message>
</context>
<context>
    <name>VoiceRecorder</name>
    <message>
        <source>No microphone was found. Connect one and try again.</source>
        <translation>Микрофон не найден. Подключите его и попробуйте снова.</translation>
    </message>
    <message>
        <source>The microphone “%1” cannot be used for recording.</source>
        <translation>Микрофон «%1» нельзя использовать для записи.</translation>
    </message>
    <message>
        <source>Recordings cannot be saved in %1.</source>
        <translation>Записи нельзя сохранить в %1.</translation>
    </message>
    <message>
        <source>The recording cannot be saved: %1</source>
        <translation>Не удаётся сохранить запись: %1</translation>
    </message>
    <message>
        <source>The microphone could not be opened. Is another app using it?</source>
        <translation>Не удалось открыть микрофон. Может быть, его занимает другое приложение?</translation>
    </message>
    <message>
        <source>The microphone stopped working. The recording was discarded.</source>
        <translation>Микрофон перестал работать. Запись удалена.</translation>
    </message>
    <message>
        <source>No sound came from the microphone. Check that it is connected and not muted.</source>
        <translation>С микрофона не пришло звука. Проверьте, что он подключён и не выключен.</translation>
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
