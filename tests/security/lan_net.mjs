// Other devices on the kiosk's network, as lan_attack.mjs plays them: HTTP, raw sockets and
// live streams from a chosen loopback source address (all of 127.0.0.0/8 is loopback on Linux)
// to the kiosk on 127.0.0.1. Nothing here is sent anywhere else.
import http from 'node:http';
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// PROMISE's value, or FALLBACK when it has not settled within MS.
export const within = (promise, ms, fallback) => Promise.race([promise, sleep(ms).then(() => fallback)]);

// Runs the async `tasks` (functions) `width` at a time.
export async function pool(tasks, width) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => { while (next < tasks.length) { const i = next++; results[i] = await tasks[i](); } };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
  return results;
}

export function lanClient(port) {
  // One request on its own connection from FROM; options.headers adds or replaces headers
  // (Host included), options.timeout bounds the whole answer. Never rejects: a failure is
  // status 0 with the error in `body`.
  function send(from, method, path, body, options = {}) {
    return new Promise((resolve) => {
      const data = body === undefined ? '' : JSON.stringify(body);
      const headers = body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(data) };
      Object.assign(headers, options.headers || {});
      const req = http.request({ host: '127.0.0.1', port, path, method, agent: false, localAddress: from, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c) => { text += c; });
        res.on('end', () => {
          let json = null;
          try { json = JSON.parse(text); } catch { /* not JSON */ }
          resolve({ status: res.statusCode, body: text, json, headers: res.headers });
        });
        res.on('error', () => resolve({ status: 0, body: '', json: null, headers: {} }));
      });
      req.setTimeout(options.timeout || 15_000, () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, body: String(e.message), json: null, headers: {} }));
      req.end(data);
    });
  }
  const post = (from, path, body) => send(from, 'POST', path, body);
  const get = (from, path, options) => send(from, 'GET', path, undefined, options);

  // BYTES written as they are on a fresh connection from FROM; resolves with what came back
  // within MS, its status code (0 if none) and how the connection ended.
  function raw(from, bytes, ms = 5000) {
    return new Promise((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port: Number(port), localAddress: from });
      let text = '';
      let settled = false;
      const done = (how) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ text, how, status: Number((text.match(/^HTTP\/1\.[01] (\d{3})/) || [])[1] || 0) });
      };
      const timer = setTimeout(() => done('timeout'), ms);
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.write(bytes));
      socket.on('data', (c) => { text += c; });
      socket.on('end', () => done('end'));
      socket.on('close', () => done('close'));
      socket.on('error', (e) => done(e.code || 'error'));
    });
  }

  // A live stream (GET /api/events?key=KEY) from FROM. `events` counts its data: messages;
  // `first` resolves true at the first (false if it ends first); `end` resolves with how the
  // connection ended; `close()` ends it from this side (then `closedHere` is set).
  function stream(from, key) {
    const s = { events: 0, status: 0, ended: false, endedAt: 0, how: '', closedHere: false, openedAt: Date.now() };
    let firstArrived, ended;
    s.first = new Promise((r) => { firstArrived = r; });
    s.end = new Promise((r) => { ended = r; });
    const finish = (how) => {
      if (s.ended) return;
      s.ended = true;
      s.endedAt = Date.now();
      s.how = how;
      firstArrived(false);
      ended(how);
    };
    const req = http.get({ host: '127.0.0.1', port, path: '/api/events?key=' + encodeURIComponent(key), agent: false, localAddress: from }, (res) => {
      s.status = res.statusCode;
      if (res.statusCode !== 200) { res.resume(); return finish('status ' + res.statusCode); }
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        for (let at = buffer.indexOf('\n\n'); at >= 0; at = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (!block.split('\n').some((line) => line.startsWith('data: '))) continue;  // "retry:", ": ping"
          if (++s.events === 1) firstArrived(true);
        }
      });
      res.on('end', () => finish('end'));
      res.on('close', () => finish('close'));
      res.on('error', (e) => finish(e.code || 'error'));
    });
    req.on('error', (e) => finish(e.code || 'error'));
    s.close = () => { if (!s.ended) s.closedHere = true; req.destroy(); };
    return s;
  }

  return { send, post, get, raw, stream };
}
