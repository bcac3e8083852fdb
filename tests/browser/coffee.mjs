// The coffee corner from phones in a real browser, against the real kiosk under Xvfb (idle, its
// panels turning every 5 s). The link comes from the QR on the real screen; what the phones
// send is read back from the screen by OCR. One run per moderation mode (coffee_test.sh starts
// the kiosk afresh for each):
//   open       a phone answers, changes its answer (one answer per phone: the same id), the
//              screen's answers panel shows the change; the page's refusals in the kiosk's words,
//              withdrawing, another week's storage cleared, a link of a week that is over
//   approve    an answer waits and is on no panel; key H shows the moderator QR; a second phone
//              scans it, approves it (now on the screen) and hides another (its page says so)
//   word_list  an answer with a listed word waits, one without is on the screen
// On every page looked at: no "null", "undefined", "NaN", {placeholder} or raw string key, nothing
// wider than the phone, touch targets of 44 px, and axe-core without WCAG 2.2 A/AA findings.
// Usage: node coffee.mjs BASE_URL MODERATION LANGUAGE OUT_DIR KIOSK_LOG WORK_DIR
import { harness, launchChromium, phoneContext } from './harness.mjs';
import { axeProblems, linkOnScreen, screenshot, wordsOnScreen } from './screen.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [base, moderation, language, outDir, kioskLog, workDir] = process.argv.slice(2);
const tag = `coffee-${moderation}-${language}`;
const { check, finish } = harness(kioskLog);
const port = new URL(base).port;
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
const key = (name) => execFileSync('xdotool', ['key', name]);
const started = Date.now();
let current = 'start';  // the page being looked at, for errors that arrive on their own

const stray = /\b(?:null|undefined|NaN)|(?:null|undefined|NaN)\b|\{\{?\s*[A-Za-z_]+\s*\}?\}/;
const rawKey = /\b[a-z]+(?:_[a-z0-9]+)+\b/;  // a text's key shown because the text is missing
const linkPattern = new RegExp(`^http://127\\.0\\.0\\.1:${port}/k/([A-Za-z0-9_-]+)$`);

// ---- the screen ---------------------------------------------------------------------------

const shownLines = () => readFileSync(kioskLog, 'utf8').split('\n').filter((l) => l.includes('vitale-kiosk: coffee corner shows '));

// Waits up to `seconds` for the screen to turn to the panel NAME (a turn logged from now on) and
// for it to fade in; false when it did not come.
async function turnTo(name, seconds) {
  const before = shownLines().length;
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await pause(100)) {
    if (shownLines().slice(before).some((l) => l.endsWith('shows ' + name))) {
      await pause(1500);
      return true;
    }
  }
  return false;
}

// Every panel the screen turns to during `seconds`, each photographed once it has faded in.
async function panelsDuring(seconds, name) {
  const seen = [];
  let at = shownLines().length;
  for (const until = Date.now() + seconds * 1000; Date.now() < until; await pause(100)) {
    const lines = shownLines();
    if (lines.length === at) continue;
    at = lines.length;
    const panel = lines[lines.length - 1].replace(/.*coffee corner shows /, '');
    await pause(1500);
    seen.push({ panel, png: screenshot(`${outDir}/${tag}-${name}-${seen.length + 1}-${panel}.png`) });
  }
  return seen;
}

// The answers panel, read: WANTED must be on it, UNWANTED not.
async function answersPanelShows(name, wanted, unwanted = []) {
  if (!(await turnTo('coffee-answers', 30))) return check(false, `${tag}/${name}: the screen turns to the answers panel`);
  const png = screenshot(`${outDir}/${tag}-${name}.png`);
  const { found, text } = wordsOnScreen(png, workDir, [...wanted, ...unwanted]);
  for (const word of wanted)
    check(found.has(word), `${tag}/${name}: the screen shows "${word}"; it read: ${text.replace(/\s+/g, ' ').slice(0, 400)}`);
  for (const word of unwanted) check(!found.has(word), `${tag}/${name}: the screen does not show "${word}"`);
}

// ---- phones -------------------------------------------------------------------------------

let strings = {};

async function phone(browser, name, bypassCSP) {
  const context = await phoneContext(browser, { locale: language === 'nl' ? 'nl-NL' : 'en-GB', bypassCSP });
  const page = await context.newPage();
  page.on('pageerror', (error) => check(false, `${tag}/${current}: ${name}'s page has no script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('vitale:'))
      check(false, `${tag}/${current}: ${name}'s page fills every placeholder: ${message.text()}`);
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      check(false, `${tag}/${current}: ${name}'s page keeps to its CSP: ${message.text()}`);
  });
  page.on('dialog', (dialog) => { check(false, `${tag}/${current}: no browser dialog opens (${dialog.message()})`); dialog.dismiss(); });
  return page;
}

// Looks at PAGE as the person would: its text and labels, its width, its touch targets, a
// screenshot; axe-core when asked (the page's context must bypass the CSP).
async function look(page, name, { axe = false } = {}) {
  current = name;
  const text = await page.locator('body').innerText();
  const attributes = await page.evaluate(() => [document.title, ...[...document.querySelectorAll('[placeholder], [aria-label], [title]')]
    .flatMap((e) => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title')])].filter(Boolean).join('\n'));
  for (const [what, value] of [['text', text], ['title and labels', attributes]]) {
    const found = stray.exec(value);
    check(!found, `${tag}/${name}: no null, undefined, NaN or {placeholder} in the ${what}; found "${found && value.slice(found.index, found.index + 80)}"`);
    const keyed = rawKey.exec(value);
    check(!keyed, `${tag}/${name}: every text is there (no raw key) in the ${what}; found "${keyed && keyed[0]}"`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 390, `${tag}/${name}: nothing is wider than the phone (390 px): ${width}`);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, textarea, input, a')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ what: e.id || e.textContent.trim().slice(0, 20), box: e.getBoundingClientRect() }))
    .filter(({ box }) => box.height < 44 || box.width < 44).map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`));
  check(!small.length, `${tag}/${name}: every touch target is at least 44×44 px: ${small.join(', ')}`);
  await page.screenshot({ path: `${outDir}/${tag}-${name}.png`, fullPage: true });
  if (axe) {
    const problems = await axeProblems(page);
    check(!problems.length, `${tag}/${name}: axe-core finds no WCAG 2.2 A/AA problem: ${problems.join('; ')}`);
  }
  return text;
}

// The text of SELECTOR on PAGE becomes (or holds) TEXT within `ms`.
async function shows(page, selector, text, what, ms = 5000) {
  const ok = await page.locator(selector, { hasText: text }).first().waitFor({ timeout: ms }).then(() => true, () => false);
  const actual = ok ? '' : await page.locator(selector).first().innerText({ timeout: 500 }).catch(() => '(not there)');
  check(ok, `${tag}/${current}: ${what} ("${text}"${ok ? '' : `; it shows "${actual}"`})`);
  return ok;
}

async function coffeeState(token, phoneKey) {
  const response = await fetch(`${base}/api/coffee?token=${encodeURIComponent(token)}&key=${encodeURIComponent(phoneKey || '')}`);
  return response.json();
}
async function post(path, body) {
  const response = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}
const storedKey = (page, token) => page.evaluate((name) => localStorage.getItem(name), 'vitale-coffee:' + token);

// Writes TEXT as this phone's answer (a new one, or the change being edited) and waits for the
// page to show it as "yours".
async function answer(page, text) {
  await page.locator('#coffee-text').fill(text);
  await page.locator('#coffee-send').tap();
  await page.locator('#coffee-mine', { hasText: text }).waitFor();
}

// ---- the runs -----------------------------------------------------------------------------

async function openRun(browser, link, token) {
  const anna = await phone(browser, 'Anna', true);
  await anna.goto(link);
  await anna.locator('#coffee-text').waitFor();
  // What another week left on this phone goes; the session page's own storage is not ours.
  await anna.evaluate(() => {
    localStorage.setItem('vitale-coffee:' + 'e'.repeat(32), 'f'.repeat(32));
    localStorage.setItem('vitale:' + 'd'.repeat(32), 'c'.repeat(32));
  });
  await anna.reload();
  await anna.locator('#coffee-text').waitFor();
  const names = await anna.evaluate(() => Object.keys(localStorage));
  check(!names.includes('vitale-coffee:' + 'e'.repeat(32)), `${tag}/empty: another week's key is removed from the phone (${names.join(', ')})`);
  check(names.includes('vitale:' + 'd'.repeat(32)), `${tag}/empty: the session page's storage is left alone`);

  const state = await coffeeState(token, '');
  check(typeof state.question === 'string' && state.question.length > 0, `${tag}/empty: the week has a question (${state.question})`);
  check(await anna.locator('#coffee-question').innerText() === state.question, `${tag}/empty: the page shows the week's question`);
  check(await anna.locator('#coffee-anonymous').innerText() === strings.coffee_anonymous, `${tag}/empty: the page says answers are shown without names`);
  check(Number(await anna.locator('#coffee-text').getAttribute('maxlength')) === state.max_text,
        `${tag}/empty: the box takes at most the kiosk's max_text (${state.max_text})`);
  check(await anna.locator('#coffee-counter').innerText() === '0/' + state.max_text, `${tag}/empty: the counter starts at 0/${state.max_text}`);
  check(await anna.locator('label[for="coffee-text"]').count() === 1, `${tag}/empty: the box has a label`);
  await look(anna, 'empty', { axe: true });

  // Refusals in words: nothing typed (the page), a hidden control character (the kiosk's message).
  await anna.locator('#coffee-send').tap();
  await shows(anna, '#banner', strings.err_empty, 'sending nothing says so');
  await anna.locator('#coffee-text').fill('Hallo\u202Ewereld');
  await anna.locator('#coffee-send').tap();
  await shows(anna, '#banner', strings.err_control_character, "the kiosk's refusal is shown in its own words");
  check(await anna.locator('#coffee-text').inputValue() === 'Hallo\u202Ewereld', `${tag}/refused: a refused text stays in the box`);
  await look(anna, 'refused');

  // The answer, then a change to it: still one answer of this phone.
  await answer(anna, 'Ik hielp een collega met het rooster');
  await shows(anna, '#coffee-state', strings.coffee_on_screen, 'an open answer is on the screen');
  const phoneKey = await storedKey(anna, token);
  check(/^[0-9a-f]{32}$/.test(phoneKey || ''), `${tag}/answered: the phone keeps its key under the week's token (${phoneKey})`);
  const first = await coffeeState(token, phoneKey);
  check(first.answer && first.answer.text === 'Ik hielp een collega met het rooster' && first.shown === 1,
        `${tag}/answered: the kiosk holds the answer and shows it (${JSON.stringify(first.answer)}, shown ${first.shown})`);
  check(first.host === false && first.answers === undefined, `${tag}/answered: an answering phone is no moderator`);
  await look(anna, 'answered', { axe: true });

  await anna.locator('#coffee-edit').tap();
  check(await anna.locator('#coffee-text').inputValue() === 'Ik hielp een collega met het rooster', `${tag}/editing: the box holds the answer to change`);
  check(await anna.evaluate(() => document.activeElement && document.activeElement.id) === 'coffee-text', `${tag}/editing: the focus is in the box`);
  await look(anna, 'editing', { axe: true });
  await answer(anna, 'Samen puzzelen aan het zonnepaneel');
  await shows(anna, '#banner', strings.coffee_changed, 'the change is confirmed');
  const changed = await coffeeState(token, phoneKey);
  check(changed.answer && changed.answer.id === first.answer.id && changed.shown === 1,
        `${tag}/changed: a change replaces the phone's one answer (id ${changed.answer && changed.answer.id}, shown ${changed.shown})`);
  await anna.reload();
  await shows(anna, '#coffee-mine', 'Samen puzzelen aan het zonnepaneel', 'after a reload the phone still has its answer');

  // The screen: the answers panel shows the changed answer, not the first.
  await answersPanelShows('screen-answers', ['zonnepaneel'], ['rooster']);

  // Withdrawing asks first; "cancel" keeps it.
  await anna.locator('#coffee-withdraw').tap();
  check(await anna.evaluate(() => document.activeElement && document.activeElement.id) === 'coffee-withdraw-question',
        `${tag}/withdraw: the question is read out first (it has the focus)`);
  await look(anna, 'withdraw-confirm', { axe: true });
  await anna.locator('#coffee-withdraw-no').tap();
  await anna.locator('#coffee-mine').waitFor();
  await anna.locator('#coffee-withdraw').tap();
  await anna.locator('#coffee-withdraw-yes').tap();
  await shows(anna, '#banner', strings.coffee_withdrawn, 'withdrawing is confirmed');
  await anna.locator('#coffee-text').waitFor();
  const gone = await coffeeState(token, phoneKey);
  check(gone.answer === null && gone.shown === 0, `${tag}/withdrawn: the kiosk no longer holds or shows it (shown ${gone.shown})`);
  await look(anna, 'withdrawn');

  // A link of a week that is over: the kiosk's page for it, and this page when the week turns.
  const old = await fetch(`${base}/k/${'0'.repeat(32)}`);
  check(old.status === 410, `${tag}/week-over: a link that is not this week's is gone (${old.status})`);
  const coffeeApi = (url) => url.pathname === '/api/coffee';
  await anna.route(coffeeApi, (route) => route.fulfill({ status: 410, contentType: 'application/json',
    body: JSON.stringify({ error: 'week_over', message: strings.err_week_over }) }));
  await anna.reload();
  await shows(anna, '#coffee-over', strings.err_week_over, 'a week that is over says so in words');
  check(await storedKey(anna, token) === null, `${tag}/week-over: the phone forgets the key of a week that is over`);
  await look(anna, 'week-over', { axe: true });
  await anna.unroute(coffeeApi);
}

// English: the page's texts and its moderator view, looked at and checked by axe-core.
async function englishRun(browser, link, token) {
  for (const [name, text] of Object.entries(strings).filter(([name]) => name.startsWith('coffee_')))
    check(typeof text === 'string' && text.trim() && !/\b(?:null|undefined)\b/.test(text), `${tag}/strings: ${name} has a text`);
  const anna = await phone(browser, 'Anna', true);
  await anna.goto(link);
  await anna.locator('#coffee-text').waitFor();
  check(await anna.getAttribute('html', 'lang') === 'en', `${tag}/empty: the page is marked as English`);
  check(await anna.locator('h1').innerText() === strings.coffee_heading, `${tag}/empty: the heading is the English one`);
  check(await anna.locator('#coffee-send').innerText() === strings.coffee_send, `${tag}/empty: the button says "${strings.coffee_send}"`);
  await look(anna, 'empty', { axe: true });
  await answer(anna, 'A colleague helped me with the schedule');
  await shows(anna, '#coffee-state', strings.coffee_on_screen, 'the answer is on the screen');
  await look(anna, 'answered', { axe: true });
  await anna.locator('#coffee-edit').tap();
  await look(anna, 'editing', { axe: true });

  key('h');
  const hostLink = await linkOnScreen(workDir, new RegExp(`^http://127\\.0\\.0\\.1:${port}/k/${token}\\?host=\\S+$`), 10);
  const bram = await phone(browser, 'Bram', true);
  await bram.goto(hostLink);
  await shows(bram, '#banner', strings.coffee_host_welcome, 'the moderator is welcomed');
  // Under "open" nothing waits: the moderator sees what is on the screen, and can take it down.
  const annaNote = bram.locator('#coffee-host .note[data-state="shown"]', { hasText: 'helped me with the schedule' });
  await annaNote.waitFor({ timeout: 8000 });
  check(await annaNote.locator('[data-approve]').count() === 0, `${tag}/host: a shown answer offers no "${strings.coffee_approve}"`);
  const printer = await post('/api/coffee/answer', { token, text: 'The printer on the second floor works again' });
  check(printer.status === 201 && printer.body.waiting === false, `${tag}/host: a second answer is on the screen (${printer.status})`);
  await bram.locator('#coffee-host .note', { hasText: 'printer' }).waitFor({ timeout: 8000 });
  const order = await bram.locator('#coffee-host .note').allInnerTexts();
  check(order.length === 2 && order[0].includes('printer'), `${tag}/host: the newest answer comes first (${order.map((o) => o.slice(0, 20)).join(' | ')})`);
  await look(bram, 'host', { axe: true });
  await annaNote.locator('[data-hide]').tap();
  await shows(bram, '#banner', strings.coffee_hidden_done, 'hiding a shown answer is confirmed');
  await bram.locator('#coffee-host .note[data-state="hidden"]', { hasText: 'schedule' }).waitFor();
  await look(bram, 'host-hidden', { axe: true });
  await anna.reload();  // (Anna's page was left in its edit form)
  await shows(anna, '#coffee-state', strings.coffee_hidden, "the writer's page says it is no longer shown", 20000);
  check((await coffeeState(token, '')).shown === 1, `${tag}/host: one answer is left on the screen`);
  await answersPanelShows('screen-after-hide', ['printer'], ['schedule']);

  // The room's own key while the answers panel is up: the newest answer goes.
  check(await turnTo('coffee-answers', 30), `${tag}/room-key: the answers panel comes round again`);
  key('x');
  let left = 1;
  for (const until = Date.now() + 3000; Date.now() < until && left !== 0; await pause(100)) left = (await coffeeState(token, '')).shown;
  check(left === 0, `${tag}/room-key: X on the answers panel hides the newest answer (shown ${left})`);
  await bram.locator('#coffee-host .note[data-state="hidden"]', { hasText: 'printer' }).waitFor({ timeout: 8000 });
}

async function approveRun(browser, link, token) {
  const anna = await phone(browser, 'Anna', false);  // no bypass: the page keeps to its CSP
  await anna.goto(link);
  await anna.locator('#coffee-text').waitFor();
  await shows(anna, '#coffee-moderated', strings.coffee_moderation_approve, 'the page says a colleague looks first');
  await answer(anna, 'De bakkerij om de hoek hielp ons');
  await shows(anna, '#coffee-state', strings.coffee_waiting, 'the answer waits for approval');
  await shows(anna, '#banner', strings.coffee_sent_waiting, 'sending says it waits');
  await look(anna, 'waiting');
  const annaKey = await storedKey(anna, token);
  const waiting = await coffeeState(token, annaKey);
  check(waiting.answer && waiting.answer.waiting === true && waiting.shown === 0,
        `${tag}/waiting: the kiosk holds it back (${JSON.stringify(waiting.answer)}, shown ${waiting.shown})`);

  // On no panel: the answers panel does not come round, and no panel that does shows it.
  const panels = await panelsDuring(12, 'before');
  check(panels.length > 0, `${tag}/before: the panels turn (every 5 s)`);
  check(!panels.some((p) => p.panel === 'coffee-answers'), `${tag}/before: no answers panel while the only answer waits (${panels.map((p) => p.panel).join(', ')})`);
  for (const { panel, png } of panels)  // (two readings each: the run's time is bounded)
    check(!wordsOnScreen(png, workDir, ['bakkerij'], { ways: 2 }).found.size, `${tag}/before: the waiting answer is not on ${panel}`);

  // A second waiting answer (through the API), to be hidden.
  const cas = await post('/api/coffee/answer', { token, text: 'De vuilnisbak was weer vol' });
  check(cas.status < 300 && cas.body.waiting === true, `${tag}/waiting: a second answer waits too (${cas.status})`);

  // The moderator: key H, the QR, a second phone.
  key('h');
  const hostLink = await linkOnScreen(workDir, new RegExp(`^http://127\\.0\\.0\\.1:${port}/k/${token}\\?host=\\S+$`), 10);
  const bram = await phone(browser, 'Bram', true);
  await bram.goto(hostLink);
  await shows(bram, '#banner', strings.coffee_host_welcome, 'the moderator is welcomed');
  check(!(await bram.evaluate(() => location.search)), `${tag}/host: the spent code leaves the address (a reload does not use it again)`);
  await shows(bram, '#coffee-host .note', 'De bakkerij om de hoek hielp ons', 'the moderator sees the waiting answer');
  await shows(bram, '#coffee-host .note', 'De vuilnisbak was weer vol', 'and the other one', 8000);
  await look(bram, 'host', { axe: true });
  await bram.locator('#coffee-host .note', { hasText: 'bakkerij' }).locator('[data-approve]').tap();
  await shows(bram, '#banner', strings.coffee_approved, 'approving is confirmed');
  await bram.locator('#coffee-host .note[data-state="shown"]', { hasText: 'bakkerij' }).waitFor();
  await bram.locator('#coffee-host .note', { hasText: 'vuilnisbak' }).locator('[data-hide]').tap();
  await shows(bram, '#banner', strings.coffee_hidden_done, 'hiding is confirmed');
  await bram.locator('#coffee-host .note[data-state="hidden"]', { hasText: 'vuilnisbak' }).waitFor();
  check(await bram.locator('#coffee-host .note[data-state="waiting"]').count() === 0, `${tag}/host-done: nothing waits any more`);
  await look(bram, 'host-done', { axe: true });

  // The writers' pages: Cas's (its key on a phone) says it is hidden; Anna's refreshes by itself.
  const casPage = await phone(browser, 'Cas', true);
  await casPage.goto(link);
  await casPage.evaluate(([name, value]) => localStorage.setItem(name, value), ['vitale-coffee:' + token, cas.body.key]);
  await casPage.reload();
  await shows(casPage, '#coffee-state', strings.coffee_hidden, 'a hidden answer says it is not shown');
  await look(casPage, 'hidden', { axe: true });
  current = 'approved';
  await shows(anna, '#coffee-state', strings.coffee_on_screen, 'the approved answer is on the screen (the page refreshed by itself)', 20000);

  await answersPanelShows('screen-approved', ['bakkerij'], ['vuilnisbak']);
}

async function wordListRun(browser, link, token) {
  const anna = await phone(browser, 'Anna', false);
  const bram = await phone(browser, 'Bram', false);
  for (const page of [anna, bram]) {
    await page.goto(link);
    await page.locator('#coffee-text').waitFor();
  }
  await answer(anna, 'Wat een prutswerk was die printer');
  await shows(anna, '#coffee-state', strings.coffee_waiting, 'an answer with a listed word waits');
  await answer(bram, 'Het nieuwe inwerkboekje hielp enorm');
  await shows(bram, '#coffee-state', strings.coffee_on_screen, 'an answer without one is on the screen');
  await look(anna, 'waiting');
  const state = await coffeeState(token, await storedKey(anna, token));
  check(state.shown === 1 && state.answer && state.answer.waiting === true, `${tag}/waiting: one shown, the listed one waits (shown ${state.shown})`);
  await answersPanelShows('screen-answers', ['inwerkboekje'], ['prutswerk', 'printer']);
  // Without the word the change needs no look.
  await anna.locator('#coffee-edit').tap();
  await answer(anna, 'Wat een gedoe was die printer');
  await shows(anna, '#coffee-state', strings.coffee_on_screen, 'changed without the word, it is on the screen');
}

// ---- start --------------------------------------------------------------------------------

const browser = await launchChromium();
try {
  strings = (await (await fetch(base + '/api/strings')).json()).strings || {};
  const link = await linkOnScreen(workDir, linkPattern, 30);
  const token = linkPattern.exec(link)[1];
  check(true, `${tag}: the coffee corner's QR holds this week's link`);
  if (moderation === 'open' && language === 'nl') await openRun(browser, link, token);
  else if (moderation === 'open') await englishRun(browser, link, token);
  else if (moderation === 'approve') await approveRun(browser, link, token);
  else if (moderation === 'word_list') await wordListRun(browser, link, token);
  else throw new Error('unknown moderation ' + moderation);
} catch (error) {
  check(false, `${tag}/${current}: the walk completed: ${error.message.split('\n')[0]}`);
  for (const [i, page] of browser.contexts().map((c) => c.pages()[0]).filter(Boolean).entries()) {
    const said = await page.locator('#banner').innerText({ timeout: 500 }).catch(() => '');
    if (said) console.log(`  a phone's message then: "${said}"`);
    await page.screenshot({ path: `${outDir}/${tag}-failed-phone-${i + 1}.png`, fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(`${tag}: walked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish(`the coffee corner from phones (${tag})`);
