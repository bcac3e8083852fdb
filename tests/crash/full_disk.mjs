// A data folder that runs out of room (the kiosk runs under `ulimit -f`): phones keep adding
// ideas until the journal cannot write; from then on they are told "not saved" (503), the
// screen shows the red band, and after a restart with room again every idea that was
// acknowledged is there exactly once.
// Usage: node full_disk.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR LIMIT_KB
import { execFileSync } from 'node:child_process';
import { checker, request as send, startKiosk, killKiosk, openSessionFromQr, walkToBrainstorm, sleep } from './kiosk_process.mjs';

const [kioskBinary, configDir, dataDir, port, work, limitKb] = process.argv.slice(2);
const { check, finish } = checker('full disk');
const request = (method, path, body) => send(port, method, path, body);
let kiosk = null, log = '';
async function start(limited) {
  log = `${work}/kiosk-${limited ? 'full' : 'roomy'}.log`;
  kiosk = await startKiosk({ binary: kioskBinary, configDir, dataDir, port, log,
                             shell: limited ? `ulimit -f ${limitKb}; exec "$0" "$@"` : 'exec "$0" "$@"' });
}

try {
  await start(true);
  const token = await openSessionFromQr(log, work);
  const phones = [];
  for (let i = 0; i < 30; i++) phones.push(JSON.parse((await request('POST', '/api/join', { token })).body).key);
  await walkToBrainstorm(log);

  const acknowledged = new Set();
  let refused = null;
  for (let n = 0; n < 600 && !refused; n++) {
    // Trimmed as the kiosk trims, so the text comes back exactly.
    const text = (`Idee ${n}: ` + 'een gedeeld bord met open terugbelverzoeken zodat niemand iets vergeet '.repeat(3)).slice(0, 270).trim();
    const reply = await request('POST', '/api/notes', { key: phones[n % phones.length], stage: 'brainstorm', text });
    if (reply.status === 201) acknowledged.add(text);
    else refused = reply;
  }
  check(refused && refused.status === 503, 'a full disk refuses with 503 (got ' + (refused && refused.status) + ')');
  check(refused && JSON.parse(refused.body).message.startsWith('Niet opgeslagen'), 'the phone is told "Niet opgeslagen"');
  check(acknowledged.size > 10, `some ideas were saved before the disk was full (${acknowledged.size})`);
  check(kiosk.exitCode === null, 'the kiosk keeps running when the disk is full');
  await sleep(400);
  execFileSync('import', ['-window', 'root', '-crop', '1920x100+0+0', '-negate', `${work}/band.png`]);
  const band = execFileSync('tesseract', [`${work}/band.png`, '-', '-l', 'nld'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  check(band.includes('Opslaan lukt niet'), 'the screen says saving fails: ' + band.trim());

  // Room again: restart without the limit; everything acknowledged is there, once.
  await killKiosk(kiosk);
  await start(false);
  const seen = new Map();
  for (const phone of phones) {
    const state = JSON.parse((await request('GET', '/api/state?key=' + phone)).body);
    for (const note of state.me.notes) seen.set(note.text, (seen.get(note.text) || 0) + 1);
  }
  let missing = 0;
  for (const text of acknowledged) if (seen.get(text) !== 1) missing++;
  check(missing === 0, `${missing} of ${acknowledged.size} acknowledged ideas missing or doubled after the restart`);
} catch (error) {
  check(false, 'the full-disk walk completed: ' + error.message);
} finally {
  if (kiosk && kiosk.exitCode === null) kiosk.kill('SIGKILL');
}
finish();
