// KOCMOC's realtime protocol against the real socket.io-client: WebSocket,
// polling, polling upgraded to WebSocket, acknowledgements both ways, binary
// attachments, namespaces over one connection, a refused CONNECT, rooms and a
// server-side disconnect. The server is tests/socketio/protocol_server.cpp.
//
// Usage: node socketio_client.test.mjs <path to socketio-protocol-server>
// Needs `npm ci` in this folder first (scripts/test.sh does it).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(path.join(here, "node_modules", "socket.io-client"))) {
  console.error(
    "tests/socketio/js/node_modules is missing: run scripts/test.sh, " +
      "which runs `npm ci` in tests/socketio/js before ctest."
  );
  process.exit(1);
}
const { io, Manager } = await import("socket.io-client");

const serverBinary = process.argv[2] ?? process.env.KOCMOC_SOCKETIO_SERVER;
if (!serverBinary || !existsSync(serverBinary)) {
  console.error(`the socketio-protocol-server binary was not found: ${serverBinary}`);
  process.exit(1);
}

const TIMEOUT_MS = 5000;
let server;
let baseUrl;
const openSockets = [];

function startServer() {
  return new Promise((resolve, reject) => {
    // Pings every 300 ms as in the official suites, but a pong may take 5 s on a busy machine.
    const args = ["--port", "0", "--host", "127.0.0.1", "--ping-timeout", "5000"];
    const child = spawn(serverBinary, args, {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /listening on (\d+)/.exec(output);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.on("exit", (code) => reject(new Error(`the server exited with ${code}`)));
    child.on("error", reject);
  });
}

function within(promise, what, ms = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function once(emitter, event) {
  return within(new Promise((resolve) => emitter.once(event, (...args) => resolve(args))), event);
}

function connect(namespace = "/", options = {}) {
  const socket = io(baseUrl + namespace, { reconnection: false, ...options });
  openSockets.push(socket);
  return socket;
}

function emitWithAnswer(socket, event, ...args) {
  return within(
    new Promise((resolve) => socket.emit(event, ...args, (...answer) => resolve(answer))),
    `the acknowledgement of ${event}`
  );
}

function bytes(value) {
  return [...new Uint8Array(value)];
}

before(async () => {
  const started = await startServer();
  server = started.child;
  baseUrl = `http://127.0.0.1:${started.port}`;
});

after(() => {
  for (const socket of openSockets) socket.disconnect();
  server?.kill();
});

// What every transport must do once connected.
async function exerciseEvents(socket) {
  const [echoed] = await Promise.all([
    once(socket, "message-back"),
    Promise.resolve(socket.emit("message", 1, "two", { three: [true], four: null })),
  ]);
  assert.deepEqual(echoed, [1, "two", { three: [true], four: null }]);

  const answer = await emitWithAnswer(socket, "message-with-ack", "ack me", { n: 42 });
  assert.deepEqual(answer, ["ack me", { n: 42 }]);

  // Binary attachments both ways, at the top level and nested.
  const [binary, nested] = await Promise.all([
    once(socket, "message-back"),
    Promise.resolve(
      socket.emit("message", Buffer.from([1, 2, 3]), { inner: Buffer.from([0, 255, 128]) })
    ),
  ]).then(([args]) => args);
  assert.deepEqual(bytes(binary), [1, 2, 3]);
  assert.deepEqual(bytes(nested.inner), [0, 255, 128]);

  const binaryAnswer = await emitWithAnswer(socket, "message-with-ack", Buffer.from([9, 8]));
  assert.deepEqual(bytes(binaryAnswer[0]), [9, 8]);

  // The server asks with an acknowledgement and reports the client's answer.
  socket.once("ask", (question, callback) => callback({ answered: question }, "second"));
  const [answered] = await Promise.all([
    once(socket, "answer"),
    Promise.resolve(socket.emit("server-ack", "question?")),
  ]);
  assert.deepEqual(answered, [{ answered: "question?" }, "second"]);
}

describe("socket.io-client against the KOCMOC server", () => {
  test("WebSocket transport: auth, events, acknowledgements, binary", async () => {
    const socket = connect("/", { transports: ["websocket"], auth: { token: "abc" } });
    const [auth] = await once(socket, "auth");
    assert.deepEqual(auth, { token: "abc" });
    assert.equal(socket.io.engine.transport.name, "websocket");
    await exerciseEvents(socket);
    socket.disconnect();
  });

  test("HTTP long-polling only", async () => {
    const socket = connect("/", { transports: ["polling"], auth: { token: "polling" } });
    const [auth] = await once(socket, "auth");
    assert.deepEqual(auth, { token: "polling" });
    assert.equal(socket.io.engine.transport.name, "polling");
    await exerciseEvents(socket);
    assert.equal(socket.io.engine.transport.name, "polling");
    socket.disconnect();
  });

  test("polling upgraded to WebSocket", async () => {
    const socket = connect("/", { transports: ["polling", "websocket"] });
    const upgraded = once(socket.io, "open").then(() => once(socket.io.engine, "upgrade"));
    await once(socket, "auth");
    await upgraded;
    assert.equal(socket.io.engine.transport.name, "websocket");
    await exerciseEvents(socket);
    socket.disconnect();
  });

  test("namespaces share one connection", async () => {
    const manager = new Manager(baseUrl, { reconnection: false, transports: ["websocket"] });
    const main = manager.socket("/");
    const custom = manager.socket("/custom");
    openSockets.push(main, custom);
    const [[mainAuth], [customAuth]] = await Promise.all([once(main, "auth"), once(custom, "auth")]);
    assert.deepEqual(mainAuth, {});
    assert.deepEqual(customAuth, {});
    assert.equal(main.io, custom.io);
    assert.equal(main.io.engine, custom.io.engine);
    assert.notEqual(main.id, custom.id);
    custom.disconnect();
    // The main namespace goes on over the same connection.
    assert.deepEqual(await emitWithAnswer(main, "message-with-ack", "still here"), ["still here"]);
    main.disconnect();
  });

  test("a CONNECT the namespace refuses gets connect_error", async () => {
    const refused = connect("/private", { forceNew: true, auth: { token: "wrong" } });
    const [error] = await once(refused, "connect_error");
    assert.equal(error.message, "unauthorized");
    assert.equal(refused.connected, false);

    const allowed = connect("/private", { forceNew: true, auth: { token: "secret" } });
    await once(allowed, "connect");
    assert.equal(allowed.connected, true);
    allowed.disconnect();
  });

  test("an unknown namespace gets connect_error", async () => {
    const socket = connect("/nowhere", { forceNew: true });
    const [error] = await once(socket, "connect_error");
    assert.equal(error.message, "Invalid namespace");
  });

  test("a room reaches exactly its members", async () => {
    const [a, b, outsider] = ["a", "b", "outsider"].map(() =>
      connect("/", { forceNew: true, transports: ["websocket"] })
    );
    await Promise.all([a, b, outsider].map((socket) => once(socket, "auth")));
    await emitWithAnswer(a, "join", "room-1");
    await emitWithAnswer(b, "join", "room-1");
    const received = { a: [], b: [], outsider: [] };
    for (const [name, socket] of Object.entries({ a, b, outsider }))
      socket.on("room-message", (...args) => received[name].push(args));
    await emitWithAnswer(a, "to-room", "room-1", "hello room");
    // Whatever the server sent before its acknowledgement has arrived on a's connection; give
    // the others a moment too.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(received.a, [["hello room"]]);
    assert.deepEqual(received.b, [["hello room"]]);
    assert.deepEqual(received.outsider, []);
    for (const socket of [a, b, outsider]) socket.disconnect();
  });

  test("the server disconnects a socket", async () => {
    const socket = connect("/", { forceNew: true });
    await once(socket, "auth");
    const [[reason]] = await Promise.all([
      once(socket, "disconnect"),
      Promise.resolve(socket.emit("disconnect-me")),
    ]);
    assert.equal(reason, "io server disconnect");
  });
});
