// KOCMOC's realtime behaviour as a user of the real socket.io-client from npm sees it:
// the real kocmoc-server binary on a free port with a fresh SQLite data dir, REST over
// fetch, and sockets of socket.io-client 4.8.4 (the package tests/socketio/js installs).
// Each case asserts what a person would notice: who gets a message, who sees typing and
// presence, what a signed-out device experiences, what a device catches up on after
// being away, and what happens to a socket that floods.
//
// Usage: node app.test.mjs <path to kocmoc-server>
// Needs `npm ci` in tests/socketio/js first (scripts/test.sh does it).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientPackage = path.resolve(here, "..", "socketio", "js");
if (!existsSync(path.join(clientPackage, "node_modules", "socket.io-client"))) {
    console.error(
        "tests/socketio/js/node_modules is missing: run scripts/test.sh, " +
            "which runs `npm ci` in tests/socketio/js before ctest."
    );
    process.exit(1);
}
const { io } = createRequire(path.join(clientPackage, "package.json"))("socket.io-client");

const serverBinary = process.argv[2] ?? process.env.KOCMOC_SERVER_BINARY;
if (!serverBinary || !existsSync(serverBinary)) {
    console.error(`the kocmoc-server binary was not found: ${serverBinary}`);
    process.exit(1);
}

// Generous: the suite must pass on a busy 2-core machine.
const WAIT_MS = 10_000;
const ACK_MS = 10_000;
// How long to listen for an event that must NOT come.
const QUIET_MS = 500;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

// ---------------------------------------------------------------------------------------
// The server: started once, killed at the end whatever happens.

let server = null; // {child, dataDir, log: string[], exited}
let baseUrl = "";
const openSockets = [];

function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.once("error", reject);
        probe.listen(0, "127.0.0.1", () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function serverLog() {
    return server ? server.log.join("") : "";
}

function keepLog(log, chunk) {
    log.push(chunk.toString());
    // The tail is what explains a failure; keep about the last 200 KB.
    while (log.length > 2000) log.shift();
}

// Stops the server at once (used on exit and on signals too, so it must be synchronous).
function killServerNow() {
    if (!server) return;
    if (!server.exited) server.child.kill("SIGKILL");
    rmSync(server.dataDir, { recursive: true, force: true });
    server = null;
}

async function stopServer() {
    if (!server) return;
    if (!server.exited) {
        const exited = new Promise((resolve) => server.child.once("exit", resolve));
        server.child.kill("SIGTERM");
        await Promise.race([exited, sleep(5000)]);
    }
    killServerNow();
}

process.on("exit", killServerNow);
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
        killServerNow();
        process.exit(1);
    });
}

async function healthy(url) {
    try {
        const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
        return response.status === 200;
    } catch {
        return false;
    }
}

async function startServer() {
    // The settings of the environment (KOCMOC_DATABASE, …) must not reach this server.
    const env = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith("KOCMOC_"))
    );
    for (let attempt = 1; attempt <= 3; ++attempt) {
        const port = await freePort();
        const dataDir = mkdtempSync(path.join(os.tmpdir(), "kocmoc-realtime-js-"));
        // --auth-rate: the suite signs up a few dozen people from one address.
        const args = ["--port", String(port), "--data-dir", dataDir, "--send-interval-ms", "0",
            "--auth-rate", "1000"];
        const child = spawn(serverBinary, args, { env, stdio: ["ignore", "pipe", "pipe"] });
        server = { child, dataDir, log: [], exited: null };
        const started = server;
        child.stdout.on("data", (chunk) => keepLog(started.log, chunk));
        child.stderr.on("data", (chunk) => keepLog(started.log, chunk));
        child.on("error", (error) => {
            started.exited = { error };
        });
        child.on("exit", (code, signal) => {
            started.exited = { code, signal };
        });
        const url = `http://127.0.0.1:${port}`;
        const deadline = Date.now() + 30_000;
        while (!started.exited && Date.now() < deadline) {
            if (await healthy(url)) {
                baseUrl = url;
                return;
            }
            await sleep(100);
        }
        const log = serverLog();
        const exited = started.exited;
        killServerNow();
        if (!exited)
            throw new Error(`kocmoc-server did not answer GET /health within 30 s:\n${log}`);
        // Most likely the port was taken between the probe and the start: try another.
        console.error(`kocmoc-server exited at start (${JSON.stringify(exited)}):\n${log}`);
    }
    throw new Error("kocmoc-server could not be started (3 attempts)");
}

before(async () => {
    await startServer();
});

after(async () => {
    for (const socket of openSockets) socket.disconnect();
    await stopServer();
});

// Each case: on failure the server's log tail is printed next to the assertion.
function scenario(name, body) {
    test(name, { timeout: 90_000 }, async () => {
        try {
            await body();
        } catch (error) {
            const tail = serverLog().split("\n").slice(-60).join("\n");
            console.error(`--- "${name}" failed; the server's log ends with:\n${tail}`);
            throw error;
        }
    });
}

// ---------------------------------------------------------------------------------------
// REST

async function api(method, route, { token, body } = {}) {
    const headers = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(baseUrl + route, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(WAIT_MS),
    });
    const text = await response.text();
    let json = null;
    if (text) {
        try {
            json = JSON.parse(text);
        } catch {
            json = text;
        }
    }
    return { status: response.status, body: json };
}

// The body of a call that must answer `status`; otherwise a failure that shows the answer.
async function call(method, route, status, options) {
    const response = await api(method, route, options);
    assert.equal(
        response.status,
        status,
        `${method} ${route}: expected ${status}, got ${response.status} ` +
            JSON.stringify(response.body)
    );
    return response.body;
}

function get(person, route) {
    return call("GET", route, 200, { token: person.token });
}

let people = 0;

async function signUp(name) {
    const username = `${name}_${++people}`;
    const password = "correct horse battery staple";
    const grant = await call("POST", "/api/auth/register", 201, {
        body: { email: `${username}@example.org`, password, username, displayName: name },
    });
    return { id: grant.user.id, token: grant.accessToken, username, password, name };
}

async function directChat(from, to) {
    const chat = await call("POST", "/api/chats", 201, {
        token: from.token,
        body: { userId: to.id },
    });
    return chat.id;
}

async function groupChat(owner, title, members) {
    const chat = await call("POST", "/api/chats/group", 201, {
        token: owner.token,
        body: { title, memberIds: members.map((person) => person.id) },
    });
    return chat.id;
}

async function restSend(person, chatId, text) {
    return call("POST", `/api/chats/${chatId}/messages`, 201, {
        token: person.token,
        body: { clientId: randomUUID(), type: "text", text },
    });
}

// ---------------------------------------------------------------------------------------
// Sockets

function within(promise, what, ms = WAIT_MS) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(
            () => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)),
            ms
        );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// The first `event` of an emitter (a socket's reserved events: connect, disconnect, …).
function next(emitter, event, what = event) {
    return within(new Promise((resolve) => emitter.once(event, (...args) => resolve(args))), what);
}

function newSocket(auth, options = {}) {
    const socket = io(baseUrl, {
        transports: ["websocket"],
        reconnection: false,
        forceNew: true,
        ...(auth === undefined ? {} : { auth }),
        ...options,
    });
    openSockets.push(socket);
    return socket;
}

// One device of a person: a socket and everything it has received.
class Device {
    constructor(label, socket) {
        this.label = label;
        this.socket = socket;
        this.received = []; // [{event, payload}]
        this.waiters = [];
        socket.onAny((event, payload) => {
            this.received.push({ event, payload });
            for (const waiter of [...this.waiters]) {
                if (waiter.event === event && waiter.matches(payload)) {
                    this.waiters.splice(this.waiters.indexOf(waiter), 1);
                    waiter.resolve(payload);
                }
            }
        });
    }

    // The payloads of every `event` received so far that match.
    all(event, matches = () => true) {
        return this.received
            .filter((entry) => entry.event === event && matches(entry.payload))
            .map((entry) => entry.payload);
    }

    // The first matching `event`, received already or still to come.
    waitFor(event, matches = () => true, ms = WAIT_MS) {
        const seen = this.all(event, matches);
        if (seen.length > 0) return Promise.resolve(seen[0]);
        const waiting = new Promise((resolve) => this.waiters.push({ event, matches, resolve }));
        return within(waiting, `${event} on ${this.label}`, ms);
    }

    // The highest `version` of every event received: where a client catches up from.
    highestVersion() {
        let highest = 0;
        for (const { payload } of this.received) {
            if (payload && typeof payload.version === "number")
                highest = Math.max(highest, payload.version);
        }
        return highest;
    }

    // Every acknowledgement argument, as `socket.timeout().emit(…, (err, ...args))` gives them.
    request(event, data) {
        return new Promise((resolve, reject) => {
            this.socket.timeout(ACK_MS).emit(event, data, (error, ...args) => {
                if (error) reject(new Error(`${event} on ${this.label}: ${error.message}`));
                else resolve(args);
            });
        });
    }

    async sendText(chatId, text, clientId = randomUUID()) {
        const ack = await this.request("message:send", { chatId, clientId, type: "text", text });
        assert.equal(ack.length, 2, `the ack of message:send: ${JSON.stringify(ack)}`);
        assert.equal(ack[0], null, `the ack of message:send: ${JSON.stringify(ack)}`);
        return ack[1];
    }

    disconnected() {
        return next(this.socket, "disconnect", `the disconnect of ${this.label}`).then(
            ([reason]) => reason
        );
    }
}

async function connect(person, label, options = {}) {
    const socket = newSocket({ token: person.token }, options);
    const outcome = await within(
        new Promise((resolve) => {
            socket.once("connect", () => resolve(null));
            socket.once("connect_error", (error) => resolve(error));
        }),
        `the connection of ${label}`
    );
    if (outcome) throw new Error(`${label} could not connect: ${outcome.message}`);
    return new Device(label, socket);
}

// The connect_error a socket with this auth gets (and that it never connects).
async function refusal(auth, options = {}) {
    const socket = newSocket(auth, options);
    const outcome = await within(
        new Promise((resolve) => {
            socket.once("connect", () => resolve(null));
            socket.once("connect_error", (error) => resolve(error));
        }),
        "connect_error"
    );
    socket.disconnect();
    assert.ok(outcome, `a socket with auth ${JSON.stringify(auth)} connected: not refused`);
    return outcome;
}

// Whether `viewer`'s chat shows `member` online (Chat.members[].user.online).
async function onlineInChat(viewer, chatId, member) {
    const chat = await get(viewer, `/api/chats/${chatId}`);
    const entry = chat.members.find((m) => m.user.id === member.id);
    assert.ok(entry, `${member.username} is not a member of the chat`);
    return entry.user.online;
}

const isMessage = (id) => (payload) => payload.id === id;
const isAbout = (person) => (payload) => payload.userId === person.id;

// ---------------------------------------------------------------------------------------

describe("the KOCMOC server's realtime through the real socket.io-client", () => {
    scenario(
        "a bad token and a missing token are refused with connect_error 'unauthorized'",
        async () => {
            assert.equal((await refusal({ token: "not-a-token" })).message, "unauthorized");
            assert.equal((await refusal({ token: "" })).message, "unauthorized");
            assert.equal((await refusal(undefined)).message, "unauthorized");
            // A well-formed but forged token: a real one with its signature changed.
            const anna = await signUp("anna");
            const signature = anna.token.endsWith("AAAA") ? "BBBB" : "AAAA";
            const forged = anna.token.slice(0, -4) + signature;
            assert.equal((await refusal({ token: forged })).message, "unauthorized");
            // The real token connects.
            const phone = await connect(anna, "anna's phone");
            assert.equal(phone.socket.connected, true);
            phone.socket.disconnect();
        }
    );

    scenario(
        "a sent message is acked as [null, Message] and reaches every device of every member only",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const vera = await signUp("vera");
            const outsider = await signUp("outsider");
            const chatId = await groupChat(anna, "Дача", [boris, vera]);
            // The outsider knows Anna, but is not in the group.
            await directChat(outsider, anna);

            const annaPhone = await connect(anna, "anna's phone");
            const annaDesktop = await connect(anna, "anna's desktop");
            const borisPhone = await connect(boris, "boris's phone");
            const borisLaptop = await connect(boris, "boris's laptop");
            const veraPhone = await connect(vera, "vera's phone");
            const outsiderPhone = await connect(outsider, "the outsider's phone");

            const clientId = randomUUID();
            const ack = await annaPhone.request("message:send", {
                chatId,
                clientId,
                type: "text",
                text: "Привет всем!",
            });
            assert.equal(ack.length, 2);
            assert.equal(ack[0], null);
            const message = ack[1];
            assert.equal(message.text, "Привет всем!");
            assert.equal(message.chatId, chatId);
            assert.equal(message.clientId, clientId);
            assert.equal(message.senderId, anna.id);
            assert.equal(message.type, "text");
            assert.equal(message.deleted, false);
            assert.equal(typeof message.id, "number");
            assert.equal(typeof message.version, "number");
            assert.match(message.createdAt, ISO_TIME);

            const members = [annaPhone, annaDesktop, borisPhone, borisLaptop, veraPhone];
            const arrived = await Promise.all(
                members.map((device) => device.waitFor("message:new", isMessage(message.id)))
            );
            for (const payload of arrived) {
                assert.equal(payload.text, "Привет всем!");
                assert.equal(payload.senderId, anna.id);
                assert.equal(payload.chatId, chatId);
            }
            await sleep(QUIET_MS);
            for (const device of members)
                assert.equal(device.all("message:new").length, 1, `message:new on ${device.label}`);
            assert.deepEqual(outsiderPhone.all("message:new"), []);
        }
    );

    scenario(
        "emitWithAck resolves with the ack's first value: null when sent, the error when not",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const chatId = await directChat(anna, boris);
            const annaPhone = await connect(anna, "anna's phone");
            const borisPhone = await connect(boris, "boris's phone");

            // socket.io-client calls emitWithAck's handler as (err, ...ack) and resolves with
            // ack[0], so a success gives null and the Message is only in the second argument.
            const clientId = randomUUID();
            const first = await annaPhone.socket
                .timeout(ACK_MS)
                .emitWithAck("message:send", {
                    chatId,
                    clientId,
                    type: "text",
                    text: "with emitWithAck",
                });
            assert.equal(first, null);
            const arrived = await borisPhone.waitFor(
                "message:new",
                (payload) => payload.clientId === clientId
            );
            assert.equal(arrived.text, "with emitWithAck");

            // A failure is an ack with one argument, {code, message}: emitWithAck resolves with it.
            const missingText = await annaPhone.socket
                .timeout(ACK_MS)
                .emitWithAck("message:send", { chatId, clientId: randomUUID(), type: "text" });
            assert.equal(missingText.code, "missing_field");
            assert.equal(typeof missingText.message, "string");
            const notAMember = await annaPhone.request("message:send", {
                chatId: "00000000-0000-4000-8000-000000000000",
                clientId: randomUUID(),
                type: "text",
                text: "to nowhere",
            });
            assert.equal(notAMember.length, 1);
            assert.equal(notAMember[0].code, "not_found");
        }
    );

    scenario(
        "the same clientId again answers with the same message and sends no second message:new",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const chatId = await directChat(anna, boris);
            const annaPhone = await connect(anna, "anna's phone");
            const borisPhone = await connect(boris, "boris's phone");

            const clientId = randomUUID();
            const message = await annaPhone.sendText(chatId, "only once", clientId);
            await borisPhone.waitFor("message:new", isMessage(message.id));
            await annaPhone.waitFor("message:new", isMessage(message.id));
            const retry = await annaPhone.sendText(chatId, "only once", clientId);
            assert.equal(retry.id, message.id);
            assert.equal(retry.clientId, clientId);
            assert.equal(retry.text, "only once");
            await sleep(QUIET_MS);
            assert.equal(borisPhone.all("message:new").length, 1);
            assert.equal(annaPhone.all("message:new").length, 1);
            const history = await get(boris, `/api/chats/${chatId}/messages`);
            assert.deepEqual(history.messages.map((m) => m.id), [message.id]);
        }
    );

    scenario("typing:start and typing:stop reach the other members only", async () => {
        const anna = await signUp("anna");
        const boris = await signUp("boris");
        const vera = await signUp("vera");
        const outsider = await signUp("outsider");
        const chatId = await groupChat(anna, "Typing", [boris, vera]);
        await directChat(outsider, anna);
        const annaPhone = await connect(anna, "anna's phone");
        const annaDesktop = await connect(anna, "anna's desktop");
        const borisPhone = await connect(boris, "boris's phone");
        const veraPhone = await connect(vera, "vera's phone");
        const outsiderPhone = await connect(outsider, "the outsider's phone");

        annaPhone.socket.emit("typing:start", { chatId });
        for (const device of [borisPhone, veraPhone])
            assert.deepEqual(await device.waitFor("typing:start"), { chatId, userId: anna.id });
        annaPhone.socket.emit("typing:stop", { chatId });
        for (const device of [borisPhone, veraPhone])
            assert.deepEqual(await device.waitFor("typing:stop"), { chatId, userId: anna.id });

        // Someone who is not in the chat cannot type into it.
        outsiderPhone.socket.emit("typing:start", { chatId });
        await sleep(QUIET_MS);
        for (const device of [borisPhone, veraPhone]) {
            assert.equal(device.all("typing:start").length, 1, `typing:start on ${device.label}`);
            assert.equal(device.all("typing:stop").length, 1, `typing:stop on ${device.label}`);
        }
        // Anna's own devices are not told that she types, nor is the outsider.
        for (const device of [annaPhone, annaDesktop, outsiderPhone]) {
            assert.deepEqual(device.all("typing:start"), [], `typing:start on ${device.label}`);
            assert.deepEqual(device.all("typing:stop"), [], `typing:stop on ${device.label}`);
        }
    });

    scenario(
        "presence:update: online with a contact's first device, offline when their last leaves",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const stranger = await signUp("stranger");
            const chatId = await directChat(anna, boris);
            const annaPhone = await connect(anna, "anna's phone");
            const strangerPhone = await connect(stranger, "the stranger's phone");
            const borisPresence = () => annaPhone.all("presence:update", isAbout(boris));

            const borisPhone = await connect(boris, "boris's phone");
            const online = await annaPhone.waitFor("presence:update", isAbout(boris));
            assert.equal(online.online, true);
            assert.match(online.lastSeenAt, ISO_TIME);
            assert.equal(await onlineInChat(anna, chatId, boris), true);

            // A second device, then the first one leaving: Boris stays online, nothing is said.
            const borisLaptop = await connect(boris, "boris's laptop");
            borisPhone.socket.disconnect();
            await sleep(QUIET_MS);
            assert.equal(borisPresence().length, 1);

            const leftAt = Date.now();
            borisLaptop.socket.disconnect();
            const offline = await annaPhone.waitFor(
                "presence:update",
                (payload) => isAbout(boris)(payload) && payload.online === false
            );
            assert.match(offline.lastSeenAt, ISO_TIME);
            assert.ok(
                Date.parse(offline.lastSeenAt) >= leftAt - 2000,
                `lastSeenAt ${offline.lastSeenAt} is before Boris left ` +
                    `(${new Date(leftAt).toISOString()})`
            );
            assert.deepEqual(borisPresence().map((payload) => payload.online), [true, false]);
            assert.equal(await onlineInChat(anna, chatId, boris), false);

            // Someone who shares no chat with Boris hears nothing of him.
            assert.deepEqual(strangerPhone.all("presence:update", isAbout(boris)), []);
        }
    );

    scenario("message:read over the socket is acknowledged and reaches the sender", async () => {
        const anna = await signUp("anna");
        const boris = await signUp("boris");
        const chatId = await directChat(anna, boris);
        const annaPhone = await connect(anna, "anna's phone");
        const borisPhone = await connect(boris, "boris's phone");

        const message = await annaPhone.sendText(chatId, "Are you there?");
        await borisPhone.waitFor("message:new", isMessage(message.id));
        const ack = await borisPhone.request("message:read", { chatId, messageId: message.id });
        assert.deepEqual(ack, [null]);
        const read = await annaPhone.waitFor(
            "message:read",
            (payload) => payload.messageId === message.id
        );
        assert.equal(read.chatId, chatId);
        assert.equal(read.userId, boris.id);
        assert.equal(typeof read.version, "number");
        // Anna's tick turns to read.
        const history = await get(anna, `/api/chats/${chatId}/messages`);
        assert.equal(history.messages.find((m) => m.id === message.id).status, "read");
    });

    scenario(
        "a logout over REST: session:revoked, then disconnected; the other session goes on",
        async () => {
            const anna = await signUp("anna");
            const desktopGrant = await call("POST", "/api/auth/login", 200, {
                body: { username: anna.username, password: anna.password },
            });
            const phone = await connect(anna, "anna's phone");
            const desktopSession = { ...anna, token: desktopGrant.accessToken };
            const desktop = await connect(desktopSession, "anna's desktop");

            const revoked = phone.waitFor("session:revoked");
            const disconnected = phone.disconnected();
            await call("POST", "/api/auth/logout", 204, { token: anna.token });
            assert.deepEqual(await revoked, {});
            assert.equal(await disconnected, "io server disconnect");
            assert.equal(phone.socket.connected, false);

            // The phone's token is dead for the socket too; the desktop's session goes on.
            assert.equal((await refusal({ token: anna.token })).message, "unauthorized");
            await sleep(QUIET_MS);
            assert.equal(desktop.socket.connected, true);
            assert.deepEqual(desktop.all("session:revoked"), []);
        }
    );

    scenario(
        "after a reconnect, GET /api/sync?since=<last version seen> brings exactly what it missed",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const chatId = await directChat(anna, boris);
            const borisLaptop = await connect(boris, "boris's laptop");
            const start = await get(boris, "/api/sync?since=0");

            const seen = await restSend(anna, chatId, "before you left");
            const arrived = await borisLaptop.waitFor("message:new", isMessage(seen.id));
            // Boris's laptop was connected, so the message was stored as "delivered".
            assert.equal(seen.status, "delivered");
            assert.equal(arrived.status, "delivered");
            const lastSeen = Math.max(start.version, borisLaptop.highestVersion());

            const leaving = borisLaptop.disconnected();
            borisLaptop.socket.disconnect();
            assert.equal(await leaving, "io client disconnect");

            // Meanwhile: two new messages, an edit of the one Boris saw, a delete of a new one.
            const gone = await restSend(anna, chatId, "this one is taken back");
            const kept = await restSend(anna, chatId, "while you were away");
            const edited = await call("PATCH", `/api/messages/${seen.id}/edit`, 200, {
                token: anna.token,
                body: { text: "before you left (edited)" },
            });
            const removed = await call("DELETE", `/api/messages/${gone.id}/delete`, 200, {
                token: anna.token,
            });
            assert.deepEqual(removed, { id: gone.id, chatId, version: removed.version });

            const back = next(borisLaptop.socket, "connect", "the reconnection of boris's laptop");
            borisLaptop.socket.connect();
            await back;
            const sync = await get(boris, `/api/sync?since=${lastSeen}`);
            // Oldest change first: the new message, the edit, the delete.
            assert.deepEqual(sync.messages.map((m) => m.id), [kept.id, seen.id, gone.id]);
            const byId = new Map(sync.messages.map((m) => [m.id, m]));
            assert.equal(byId.get(kept.id).text, "while you were away");
            assert.equal(byId.get(kept.id).deleted, false);
            assert.equal(byId.get(seen.id).text, "before you left (edited)");
            assert.match(byId.get(seen.id).editedAt, ISO_TIME);
            assert.equal(byId.get(seen.id).version, edited.version);
            assert.equal(byId.get(gone.id).deleted, true);
            assert.deepEqual(sync.chats.map((chat) => chat.id), [chatId]);
            assert.equal(sync.chats[0].lastMessage.id, kept.id);
            assert.deepEqual(sync.removedChatIds, []);
            assert.equal(sync.hasMore, false);
            assert.equal(sync.version, removed.version);
            // Nothing came over the closed socket.
            for (const id of [gone.id, kept.id])
                assert.deepEqual(borisLaptop.all("message:new", isMessage(id)), []);

            // Live again: the next message arrives as an event, and the next sync starts there.
            const live = await restSend(anna, chatId, "welcome back");
            await borisLaptop.waitFor("message:new", isMessage(live.id));
            const again = await get(boris, `/api/sync?since=${sync.version}`);
            assert.deepEqual(again.messages.map((m) => m.id), [live.id]);
        }
    );

    scenario(
        "a socket that floods gets error rate_limited, then is disconnected; other sockets go on",
        async () => {
            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const chatId = await directChat(anna, boris);
            const flooder = await connect(anna, "anna's flooding phone");
            const annaTablet = await connect(anna, "anna's tablet");
            const borisPhone = await connect(boris, "boris's phone");

            const disconnected = flooder.disconnected();
            // About 500 events a second, far above the 20 allowed, until the server cuts it off.
            const flood = setInterval(() => {
                if (!flooder.socket.connected) return;
                for (let i = 0; i < 50; ++i) flooder.socket.emit("typing:start", { chatId });
            }, 100);
            try {
                const warning = await flooder.waitFor("error");
                assert.equal(warning.code, "rate_limited");
                assert.equal(typeof warning.message, "string");
                const reason = await within(disconnected, "the flooder's disconnect", 15_000);
                // The server ends the socket. Its DISCONNECT packet usually arrives ("io server
                // disconnect"), but the server closes the TCP connection while the flooder is
                // still writing, and the reset that follows can destroy the packet before the
                // client reads it ("transport close").
                assert.ok(
                    ["io server disconnect", "transport close"].includes(reason),
                    `the flooder was disconnected with "${reason}"`
                );
            } finally {
                clearInterval(flood);
            }
            assert.equal(flooder.socket.connected, false);

            // Boris, and Anna's other device, notice nothing.
            await sleep(QUIET_MS);
            assert.equal(borisPhone.socket.connected, true);
            assert.equal(annaTablet.socket.connected, true);
            assert.deepEqual(borisPhone.all("error"), []);
            assert.deepEqual(annaTablet.all("error"), []);
            const message = await borisPhone.sendText(chatId, "still here");
            await annaTablet.waitFor("message:new", isMessage(message.id));
            const reply = await annaTablet.sendText(chatId, "me too");
            await borisPhone.waitFor("message:new", isMessage(reply.id));
        }
    );

    scenario(
        "over HTTP long-polling only: refused without a token, sends with an ack and receives",
        async () => {
            const polling = { transports: ["polling"] };
            const refused = await refusal({ token: "not-a-token" }, polling);
            assert.equal(refused.message, "unauthorized");

            const anna = await signUp("anna");
            const boris = await signUp("boris");
            const chatId = await directChat(anna, boris);
            const annaPhone = await connect(anna, "anna's polling phone", polling);
            const borisPhone = await connect(boris, "boris's polling phone", polling);
            assert.equal(annaPhone.socket.io.engine.transport.name, "polling");
            assert.equal(borisPhone.socket.io.engine.transport.name, "polling");

            const message = await annaPhone.sendText(chatId, "по старинке");
            assert.equal(message.text, "по старинке");
            const arrived = await borisPhone.waitFor("message:new", isMessage(message.id));
            assert.equal(arrived.text, "по старинке");
            assert.equal(arrived.senderId, anna.id);
            await annaPhone.waitFor("message:new", isMessage(message.id));

            const answer = await borisPhone.sendText(chatId, "и тебе привет");
            const answered = await annaPhone.waitFor("message:new", isMessage(answer.id));
            assert.equal(answered.text, "и тебе привет");
            assert.equal(annaPhone.socket.io.engine.transport.name, "polling");
            assert.equal(borisPhone.socket.io.engine.transport.name, "polling");
        }
    );
});
