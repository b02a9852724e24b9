// Resumable uploads as the real tus-js-client from npm does them, against the real
// kocmoc-server binary: a connection cut in the middle of an upload, the client's own
// retry resuming from where the server stands (not from zero), a resume by a new client
// object after an abort, and the finished file byte for byte.
//
// Usage: node tus.test.mjs <path to kocmoc-server>
// Needs `npm ci` in tests/socketio/js first (scripts/test.sh does it).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const clientPackage = path.resolve(here, "..", "socketio", "js");
if (!existsSync(path.join(clientPackage, "node_modules", "tus-js-client"))) {
    console.error("tests/socketio/js/node_modules is missing: run scripts/test.sh (npm ci there).");
    process.exit(1);
}
const tus = createRequire(path.join(clientPackage, "package.json"))("tus-js-client");

const serverBinary = process.argv[2];
if (!serverBinary || !existsSync(serverBinary)) {
    console.error(`the kocmoc-server binary was not found: ${serverBinary}`);
    process.exit(1);
}

const CHUNK = 256 * 1024;
let server = null;
let baseUrl = "";
let token = "";

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

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function killServerNow() {
    if (!server) return;
    if (server.child.exitCode === null) server.child.kill("SIGKILL");
    rmSync(server.dataDir, { recursive: true, force: true });
    server = null;
}
process.on("exit", killServerNow);

before(async () => {
    const env = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith("KOCMOC_"))
    );
    const port = await freePort();
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "kocmoc-tus-js-"));
    const child = spawn(serverBinary, ["--port", String(port), "--data-dir", dataDir], {
        env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    const log = [];
    child.stdout.on("data", (chunk) => log.push(chunk.toString()));
    child.stderr.on("data", (chunk) => log.push(chunk.toString()));
    server = { child, dataDir, log };
    baseUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    for (;;) {
        try {
            if ((await fetch(`${baseUrl}/health`)).status === 200) break;
        } catch {}
        if (Date.now() > deadline || child.exitCode !== null)
            throw new Error(`kocmoc-server did not start:\n${log.join("")}`);
        await sleep(100);
    }
    const registered = await fetch(`${baseUrl}/api/auth/register`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
            email: "tus@example.org",
            password: "correct horse battery",
            username: "tus_user",
            displayName: "Загрузчик",
        }),
    });
    assert.equal(registered.status, 201);
    token = (await registered.json()).accessToken;
});

after(() => killServerNow());

// A text file of a few MB: lines of Cyrillic and digits (the server stores text/plain).
function textFile(bytes) {
    const lines = [];
    let size = 0;
    for (let i = 0; size < bytes; ++i) {
        const line = `Строка ${i}: загрузка по частям продолжается с того места, где оборвалась.\n`;
        lines.push(line);
        size += Buffer.byteLength(line);
    }
    return Buffer.from(lines.join("")).subarray(0, bytes);
}

// A TCP proxy in front of the server that cuts the first connection once `cutAfter`
// bytes have gone through it towards the server, as a dropped mobile connection would.
async function cuttingProxy(cutAfter) {
    const target = new URL(baseUrl);
    const stats = { connections: 0, bytesToServer: 0, cut: false };
    const proxy = net.createServer((client) => {
        stats.connections += 1;
        const upstream = net.connect(Number(target.port), target.hostname);
        let sent = 0;
        client.on("data", (data) => {
            stats.bytesToServer += data.length;
            sent += data.length;
            upstream.write(data);
            if (!stats.cut && sent > cutAfter) {
                stats.cut = true;
                client.destroy();
                upstream.destroy();
            }
        });
        upstream.on("data", (data) => client.write(data));
        client.on("error", () => upstream.destroy());
        upstream.on("error", () => client.destroy());
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
    });
    await new Promise((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${proxy.address().port}`, stats, close: () => proxy.close() };
}

function upload(file, endpoint, options = {}) {
    return new Promise((resolve, reject) => {
        const offsets = [];
        const upload = new tus.Upload(file, {
            endpoint: `${endpoint}/api/uploads/`,
            headers: { Authorization: `Bearer ${token}` },
            chunkSize: CHUNK,
            retryDelays: [0, 200, 500, 1000],
            metadata: { filename: "журнал.txt", filetype: "text/plain" },
            storeFingerprintForResuming: false,
            onChunkComplete: (_chunk, accepted) => offsets.push(accepted),
            onSuccess: () => resolve({ url: upload.url, offsets }),
            onError: reject,
            ...options,
        });
        upload.start();
    });
}

async function storedFile(uploadUrl) {
    const id = new URL(uploadUrl).pathname.split("/").pop();
    const response = await fetch(`${baseUrl}/api/uploads/${id}/file`, {
        headers: { Authorization: `Bearer ${token}` },
    });
    assert.equal(response.status, 200);
    return response.json();
}

async function download(file) {
    const response = await fetch(baseUrl + file.url);
    assert.equal(response.status, 200);
    return Buffer.from(await response.arrayBuffer());
}

test("a connection cut in the middle: the client resumes and the file arrives whole", async () => {
    const bytes = textFile(3 * 1024 * 1024 + 123);
    const proxy = await cuttingProxy(1_200_000);
    try {
        const { url, offsets } = await upload(bytes, proxy.url);
        assert.ok(proxy.stats.cut, "the proxy cut a connection");
        assert.ok(proxy.stats.connections >= 2, "the client came back on a new connection");
        // It went on from the server's offset: far less than the file sent twice.
        assert.ok(
            proxy.stats.bytesToServer < bytes.length + 2 * CHUNK + 64 * 1024,
            `sent ${proxy.stats.bytesToServer} bytes for ${bytes.length}`
        );
        assert.equal(offsets.at(-1), bytes.length);
        const file = await storedFile(url);
        assert.equal(file.name, "журнал.txt");
        assert.equal(file.mime, "text/plain");
        assert.equal(file.size, bytes.length);
        assert.ok((await download(file)).equals(bytes), "the stored bytes are the sent bytes");
    } finally {
        proxy.close();
    }
});

test("aborted, then resumed by a new client object from the upload's URL", async () => {
    const bytes = textFile(2 * 1024 * 1024);
    const first = await new Promise((resolve, reject) => {
        const started = new tus.Upload(bytes, {
            endpoint: `${baseUrl}/api/uploads/`,
            headers: { Authorization: `Bearer ${token}` },
            chunkSize: CHUNK,
            metadata: { filename: "второй.txt" },
            storeFingerprintForResuming: false,
            onChunkComplete: (_chunk, accepted) => {
                if (accepted >= 3 * CHUNK) started.abort().then(() => resolve({ url: started.url, accepted }));
            },
            onError: reject,
        });
        started.start();
    });
    const head = await fetch(first.url, {
        method: "HEAD",
        headers: { Authorization: `Bearer ${token}`, "Tus-Resumable": "1.0.0" },
    });
    const offset = Number(head.headers.get("upload-offset"));
    assert.ok(offset >= 3 * CHUNK && offset < bytes.length, `stands at ${offset}`);

    const { url, offsets } = await upload(bytes, baseUrl, { uploadUrl: first.url });
    assert.equal(url, first.url);
    assert.ok(offsets[0] > offset, "the second client went on from the offset");
    const file = await storedFile(url);
    assert.ok((await download(file)).equals(bytes));
});

test("a file the server refuses fails the upload with the server's reason", async () => {
    const program = Buffer.alloc(512);
    program.write("MZ", 0);
    program.writeUInt32LE(0x80, 0x3c);
    program.write("PE\0\0", 0x80, "latin1");
    const error = await upload(program, baseUrl, { retryDelays: [] }).then(
        () => null,
        (reason) => reason
    );
    assert.ok(error, "the upload failed");
    assert.equal(error.originalResponse.getStatus(), 415);
    assert.match(error.originalResponse.getBody(), /executable_refused/);
});
