// The library of session formats against the real kiosk: four phone-sized Chromium contexts join,
// the lobby offers formats, three dots go to "innovatie" and one to "werksituatie"; after Enter
// the kiosk's screen (read back by OCR) and the phones show the innovation format's first stage;
// its surprise card comes at its minute on the screen and on the phones; the kiosk is killed
// with SIGKILL and started again on the same data, and the same card is back.
// Usage: node videoframes.mjs KIOSK CONFIG_DIR DATA_DIR PORT WORK_DIR
import { readFileSync } from 'node:fs';
import { checker, startKiosk, killKiosk, openSessionFromQr, shown, key, sleep } from '../crash/kiosk_process.mjs';
import { launchChromium, phoneContext } from './harness.mjs';
import { screenshot, wordsOnScreen } from './screen.mjs';

const [kioskBinary, configDir, dataDir, port, work] = process.argv.slice(2);
const { check, finish } = checker('videoframes in the room');
const format = JSON.parse(readFileSync(`${configDir}/videoframes/innovatie.nl.json`, 'utf8'));
const stage = format.stages[0];
let kiosk = null;
let log = '';
let logs = 0;
async function start() {
  log = `${work}/kiosk-${logs++}.log`;
  kiosk = await startKiosk({ binary: kioskBinary, configDir, dataDir, port, log });
}
// The longest word of a text: what OCR is asked to find of it.
const longest = (text) => text.split(/[^\p{L}]+/u).sort((a, b) => b.length - a.length)[0];
function screenShows(name, words) {
  const png = screenshot(`${work}/${name}.png`);
  const { found, text } = wordsOnScreen(png, work, words);
  for (const word of words) check(found.has(word), `the screen (${name}) shows "${word}" (OCR read: ${text.slice(0, 300).replace(/\n+/g, ' ')})`);
}

const browser = await launchChromium();
try {
  await start();
  const token = await openSessionFromQr(log, work);
  const phones = [];
  for (let i = 0; i < 4; i++) {
    const page = await (await phoneContext(browser)).newPage();
    page.on('pageerror', (error) => check(false, `phone ${i} has no script errors: ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/j/${token}`);
    await page.getByRole('button', { name: 'Doe mee' }).tap();
    await page.getByText('Je doet mee').waitFor();
    phones.push(page);
  }
  // The lobby offers the formats this trajectory used least: the default first on a new one.
  await phones[0].locator('.videoframe-pick').first().waitFor();
  const offered = await phones[0].locator('.videoframe-pick').evaluateAll((buttons) => buttons.map((b) => b.dataset.videoframe));
  check(JSON.stringify(offered) === JSON.stringify(['werksituatie', 'innovatie', 'terugblik']), `the lobby offers three formats (${offered})`);
  for (const [i, id] of ['innovatie', 'innovatie', 'innovatie', 'werksituatie'].entries())
    await phones[i].locator(`[data-videoframe="${id}"]`).tap();
  await phones[3].locator('[data-videoframe="innovatie"]').getByText('3 stippen').waitFor();
  check(await phones[0].locator('[data-videoframe="innovatie"]').getAttribute('aria-pressed') === 'true', 'a phone sees its own dot');
  await sleep(300);
  screenShows('lobby', ['Sessievorm', 'innovatie']);

  // Enter: the most dots win; the check-in, then the innovation format's first stage.
  key('Return');
  await shown(log, 'checkin');
  key('Next');
  await shown(log, stage.id);
  await phones[0].getByRole('heading', { name: stage.title }).waitFor();
  check(true, `the phones show the chosen format's first stage (${stage.title})`);
  await sleep(300);
  screenShows('stage', [longest(stage.title), longest(stage.questions[0])]);

  // Its surprise card at its minute: on the phones and on the screen, in place of the QR.
  const card = phones[1].locator('.card.surprise .question');
  await card.waitFor({ timeout: 80000 });
  const drawn = await card.innerText();
  check(format.surprises[0].cards.some((c) => c.text === drawn), `the card is one of the stage's pool ("${drawn}")`);
  await sleep(500);
  screenShows('card', ['Verrassing', longest(drawn)]);

  // kill -9 and a restart on the same data: the same card, on the screen and the phones.
  await killKiosk(kiosk);
  await start();
  await shown(log, stage.id);
  await phones[1].reload();
  await phones[1].locator('.card.surprise .question').waitFor();
  check(await phones[1].locator('.card.surprise .question').innerText() === drawn, 'after kill -9 the phones show the same card');
  await sleep(500);
  screenShows('card-after-restart', ['Verrassing', longest(drawn)]);
} catch (error) {
  check(false, error.message);
} finally {
  await browser.close();
  if (kiosk && kiosk.exitCode === null && kiosk.signalCode === null) await killKiosk(kiosk);
}
finish();
