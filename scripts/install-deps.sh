#!/usr/bin/env bash
# Installs the Debian packages KOCMOC needs, only when some are missing.
#   scripts/install-deps.sh                what building and running the server and the client need
#   scripts/install-deps.sh --server-only  the server alone, for headless machines
#   scripts/install-deps.sh --test         plus what the test suite needs (PostgreSQL, an SMTP server)
# The options combine: --test --server-only is what a server-only CI needs.
set -euo pipefail

server_only=false
with_tests=false
for argument in "$@"; do
    case "$argument" in
        --server-only) server_only=true ;;
        --test) with_tests=true ;;
        *) echo "Unknown option: $argument (use --server-only and/or --test)" >&2; exit 2 ;;
    esac
done

packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev libqt6sql6-sqlite libqt6sql6-psql
    libsodium-dev libpq-dev shared-mime-info qt6-image-formats-plugins
)
if [[ "$server_only" == false ]]; then
    # The client: Qt Quick and its QML modules, Linguist for the translations,
    # the QML test module, QtKeychain (the session in the system keychain), the
    # blur of the glass panels (Qt5Compat.GraphicalEffects), the fonts the
    # interface is set in (Inter, colour emoji), and Xvfb for taking screenshots
    # of the UI on machines without a screen.
    packages+=(
        qt6-declarative-dev qt6-tools-dev qt6-l10n-tools qtkeychain-qt6-dev
        qml6-module-qt5compat-graphicaleffects
        qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
        qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
        qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qttest
        fonts-inter fonts-noto-color-emoji
        xvfb xauth
    )
    # Voice messages: the microphone through Qt Multimedia (and its QML module for
    # playback), encoded to Ogg/Opus with libopusenc (docs/client.md, Voice messages).
    packages+=(qt6-multimedia-dev qml6-module-qtmultimedia libopusenc-dev libopus-dev)
    # Attachments: the file dialog (QtQuick.Dialogs), and GStreamer's plugins for
    # Qt Multimedia to play voice messages (Ogg/Opus) and videos (WebM, MP4).
    packages+=(qml6-module-qtquick-dialogs gstreamer1.0-plugins-base gstreamer1.0-plugins-good)
fi
if [[ "$with_tests" == true ]]; then
    packages+=(postgresql python3-aiosmtpd nginx sqlite3 curl systemd)
    # The voice test's virtual microphone: PulseAudio with a null sink, speech from
    # espeak-ng played into it; sox for looking at recordings by hand.
    if [[ "$server_only" == false ]]; then
        packages+=(pulseaudio espeak-ng sox)
        # The screenshots' chat has a short video, made at test time.
        packages+=(ffmpeg)
    fi
    # Node runs the real socket.io-client against the server; any node with npm will do.
    command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "Run as root or install sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
