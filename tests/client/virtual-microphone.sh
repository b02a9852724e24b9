#!/usr/bin/env bash
# A virtual microphone for the voice tests, on machines without a sound card:
# a private PulseAudio whose default source hears what is played into a null
# sink, and espeak-ng's speech played into that sink over and over.
#
#   virtual-microphone.sh start DIR OWNER_PID "text to say"
#       starts it with everything under DIR and prints PULSE_SERVER=unix:DIR/native
#       on success; on failure says why on stderr and exits non-zero. It stops by
#       itself within a few seconds once OWNER_PID is gone (a test that crashed).
#   virtual-microphone.sh stop DIR
#
# Qt lists no monitor sources, so the sink's monitor is remapped to an ordinary
# source. The daemon runs as whoever starts it, root included (user mode, not
# --system), without a D-Bus session and without touching the user's own setup.
set -euo pipefail

fail() {
    echo "virtual-microphone: $*" >&2
    exit 1
}

command=${1:-}
dir=${2:-}
[[ -n "$command" && -n "$dir" ]] || fail "usage: $0 start DIR OWNER_PID TEXT | stop DIR"

# Stops the process named in a pid file and waits (up to 5 s) until it is gone, so
# that its files can be removed after.
stop_pid_file() {
    local file=$1
    [[ -f "$file" ]] || return 0
    local pid
    pid=$(cat "$file")
    rm -f "$file"
    [[ -n "$pid" ]] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
}

case "$command" in
stop)
    stop_pid_file "$dir/speaker.pid"
    stop_pid_file "$dir/pulseaudio.pid"
    exit 0
    ;;
start) ;;
*) fail "unknown command $command (start or stop)" ;;
esac

owner=${3:-}
text=${4:-}
[[ -n "$owner" && -n "$text" ]] || fail "usage: $0 start DIR OWNER_PID TEXT"
for tool in pulseaudio pactl paplay espeak-ng; do
    command -v "$tool" >/dev/null \
        || fail "$tool is not installed (scripts/install-deps.sh --test installs pulseaudio and espeak-ng)"
done

mkdir -p "$dir/runtime" "$dir/home" "$dir/state"
chmod 700 "$dir/runtime"
socket="$dir/native"
export PULSE_SERVER="unix:$socket"

cat >"$dir/default.pa" <<EOF
load-module module-native-protocol-unix auth-anonymous=1 socket=$socket
load-module module-null-sink sink_name=speech rate=48000 channels=1 sink_properties=device.description=Speech
load-module module-remap-source master=speech.monitor source_name=microphone source_properties=device.description=Microphone
set-default-sink speech
set-default-source microphone
EOF

# Its own runtime, state and home folders: nothing is shared with another PulseAudio
# on the machine, and several test runs can each have one.
(
    export XDG_RUNTIME_DIR="$dir/runtime" PULSE_RUNTIME_PATH="$dir/runtime/pulse" \
        PULSE_STATE_PATH="$dir/state" HOME="$dir/home"
    unset DBUS_SESSION_BUS_ADDRESS
    exec pulseaudio --daemonize=no --system=false --exit-idle-time=-1 --disallow-exit \
        --disallow-module-loading=false -n -F "$dir/default.pa" \
        --log-target=file:"$dir/pulseaudio.log" --log-level=notice
) </dev/null >/dev/null 2>&1 &
echo $! >"$dir/pulseaudio.pid"

ready=false
for _ in $(seq 1 100); do
    if pactl info >/dev/null 2>&1; then
        ready=true
        break
    fi
    kill -0 "$(cat "$dir/pulseaudio.pid")" 2>/dev/null || break
    sleep 0.1
done
if [[ "$ready" != true ]]; then
    stop_pid_file "$dir/pulseaudio.pid"
    fail "PulseAudio did not start; its log ($dir/pulseaudio.log) says: $(tail -n 5 "$dir/pulseaudio.log" 2>/dev/null | tr '\n' ' ')"
fi
pactl list short sources 2>/dev/null | grep -q '^[0-9]*[[:space:]]microphone[[:space:]]' \
    || fail "PulseAudio started without the remapped source 'microphone': $(pactl list short sources 2>&1 | tr '\n' ' ')"

espeak-ng -w "$dir/speech.wav" "$text" || fail "espeak-ng could not write $dir/speech.wav"

# The speaker: plays the speech into the sink for as long as the test lives, then
# stops PulseAudio too, so that a crashed test leaves nothing running.
(
    while kill -0 "$owner" 2>/dev/null; do
        paplay --device=speech "$dir/speech.wav" || sleep 0.2
    done
    stop_pid_file "$dir/pulseaudio.pid"
) </dev/null >>"$dir/speaker.log" 2>&1 &
echo $! >"$dir/speaker.pid"

echo "PULSE_SERVER=$PULSE_SERVER"
