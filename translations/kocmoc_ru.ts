<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_US">
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
