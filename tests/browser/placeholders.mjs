// Every phone screen, looked at as text: a code page, a wrong code, the join page, the lobby
// (situation, framing, a refusal, earlier decisions), the host's list of participants and a
// removal, each stage's write / vote / results parts, the AI stage's manual route (prompt,
// paste box, proposal), the validation's three parts, the wrap-up and the ended page (the private
// reflection shown once, copied, and gone from the phone's storage and after a reload). On each
// one the page's text (and its titles, placeholders and labels) must hold no "null",
// "undefined", "NaN", unfilled {placeholder} or raw string key; the page logs no warning of a
// missing value and throws no error. Phone-sized screenshots of each go to OUT_DIR; axe-core
// checks the host phone's screens (its context bypasses the page's CSP so axe can be injected).
// Usage: node placeholders.mjs BASE_URL LANGUAGE SHOW_NAMES(true|false) OUT_DIR KIOSK_LOG WORK_DIR
import { harness, launchChromium, phoneContext } from './harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const [base, language, namesArg, outDir, kioskLog, workDir] = process.argv.slice(2);
const names = namesArg === 'true';
const tag = `${language}-names-${names ? 'on' : 'off'}`;
const { check, expectScene, finish } = harness(kioskLog);
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const started = Date.now();

// "null" glued to a word counts too: the join page once showed "nullnull".
const stray = /\b(?:null|undefined|NaN)|(?:null|undefined|NaN)\b|\{\{?\s*[A-Za-z_]+\s*\}?\}/;
const rawKey = /\b[a-z]+(?:_[a-z0-9]+)+\b/;  // a text's key shown because the text is missing
const emptyValue = /[:·][ \t]*$|^[ \t]*·|·[ \t]*·/m;  // "Eigenaar:" with nothing after it
const key = (name) => execFileSync('xdotool', ['key', name]);
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
let current = 'start';  // the screen being looked at, for errors that arrive on their own

// The line around a match, so a failure says where the stray text is.
function around(text, match) {
  const start = text.lastIndexOf('\n', match.index) + 1;
  const end = text.indexOf('\n', match.index);
  return text.slice(start, end < 0 ? undefined : end).slice(0, 160);
}

// Looks at the screen NAME on PAGE: text, attributes, screenshot, and axe-core when asked.
async function screen(page, name, { axe = false, scrollTo = null } = {}) {
  current = name;
  const text = await page.locator('body').innerText();
  const attributes = await page.evaluate(() => [document.title, ...[...document.querySelectorAll('[placeholder], [aria-label], [title]')]
    .flatMap((e) => [e.getAttribute('placeholder'), e.getAttribute('aria-label'), e.getAttribute('title')])].filter(Boolean).join('\n'));
  for (const [what, value] of [['text', text], ['titles, placeholders and labels', attributes]]) {
    const found = stray.exec(value);
    check(!found, `${tag}/${name}: no null, undefined, NaN or {placeholder} in the ${what}; found "${found && around(value, found)}"`);
  }
  // The AI prompt names its data blocks (problem_statement, …) and ends lines with colons.
  const prompt = await page.locator('#ai-prompt-text').count() ? await page.locator('#ai-prompt-text').innerText() : '';
  const ours = prompt ? text.replace(prompt, '') : text;
  const keyed = rawKey.exec(ours);
  check(!keyed, `${tag}/${name}: every text is there (no raw key); found "${keyed && around(ours, keyed)}"`);
  const empty = emptyValue.exec(ours);
  check(!empty, `${tag}/${name}: no label without its value; found "${empty && around(ours, empty)}"`);
  if (scrollTo) await page.locator(scrollTo).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${outDir}/${tag}-${name}.png` });
  if (axe) {
    if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    const problems = result.violations.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    check(!problems.length, `${tag}/${name}: axe-core finds no WCAG A/AA problem: ${problems.join('; ')}`);
  }
  return text;
}

// The links the screen's QR codes hold now (the join code, and the host code while offered).
async function linksOnScreen(want) {
  for (let i = 0; i < 30; i++) {
    execFileSync('import', ['-window', 'root', workDir + '/qr.png']);
    let links = [];
    try {
      links = execFileSync('zbarimg', ['-q', '--raw', workDir + '/qr.png'], { stdio: ['ignore', 'pipe', 'ignore'] })
        .toString().split('\n').map((l) => l.trim()).filter(Boolean);
    } catch (e) { /* no code found yet */ }
    const link = links.find((l) => want.test(l));
    if (link) return link;
    await pause(200);
  }
  throw new Error('no QR on the screen matches ' + want);
}

async function api(path, body) {
  const response = await fetch(base + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json().catch(() => ({})) };
}

// Moves the kiosk on by its keyboard and waits for the scene and for PAGE to show it: a new
// stage's heading first (the last stage's text box may still be there), then SELECTOR.
async function next(scene, page, selector) {
  const heading = await page.locator('#intro h1').innerText();
  key('Next');
  if (!(await expectScene(scene))) throw new Error('the kiosk did not reach ' + scene);
  if (!/-(vote|results|decide|owner)$/.test(scene))
    for (let i = 0; i < 100 && await page.locator('#intro h1').innerText() === heading; i++) await pause(50);
  await page.locator(selector).first().waitFor();
}

const browser = await launchChromium();
try {
  const { strings, limits } = await (await fetch(base + '/api/strings')).json();
  // The page takes its limits from the kiosk: FIELD's maxlength on PAGE is the kiosk's max.
  const field = (route, name) => ((limits || {}).fields || {})[route]?.[name] || {};
  const usesLimit = async (page, selector, route, name) => {
    const max = await page.locator(selector).getAttribute('maxlength');
    check(max !== null && Number(max) === field(route, name).max,
          `${tag}/${current}: ${selector} takes at most the kiosk's ${route} ${name} (${field(route, name).max}), not ${max}`);
  };
  const phone = async (name, bypassCSP) => {
    const context = await phoneContext(browser, { locale: language === 'nl' ? 'nl-NL' : 'en-GB', bypassCSP });
    const page = await context.newPage();
    page.on('pageerror', (error) => check(false, `${tag}/${current}: ${name}'s page has no script error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'warning' && message.text().startsWith('vitale:'))
        check(false, `${tag}/${current}: ${name}'s page fills every placeholder: ${message.text()}`);
    });
    page.on('dialog', (dialog) => { check(false, `${tag}/${current}: no browser dialog opens (${dialog.message()})`); dialog.dismiss(); });
    return page;
  };
  const host = await phone('the host', true);  // axe-core needs to bypass the CSP
  await host.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(base).origin });
  const other = await phone('a participant', false);

  // No session yet: the code page says so.
  await host.goto(base + '/c');
  await screen(host, 'no-session', { axe: true });

  // The lobby opens: the code form, a wrong code, the join page.
  key('Return');
  if (!(await expectScene('lobby'))) throw new Error('no lobby');
  await host.goto(base + '/c');
  await screen(host, 'code-form', { axe: true });
  await host.locator('#code').fill('000 000');
  await host.locator('button[type=submit]').tap();
  await host.locator('.problem').waitFor();
  await screen(host, 'code-wrong', { axe: true });
  // What an earlier session left on this phone (its page was closed when it ended): the page of
  // the session now removes it.
  const earlier = 'vitale:' + 'e'.repeat(32);
  await host.evaluate((name) => { localStorage.setItem(name, 'f'.repeat(32)); localStorage.setItem(name + ':reflection', 'Van vorige week'); }, earlier);

  const port = new URL(base).port;
  const joinUrl = await linksOnScreen(new RegExp(`^http://127\\.0\\.0\\.1:${port}/j/[0-9a-f]{32}$`));
  const token = joinUrl.split('/j/')[1];
  await other.goto(joinUrl);
  await other.locator('#join').waitFor();
  check(await other.locator('#name').count() === (names ? 1 : 0), `${tag}/join: the name field shows only when names are on`);
  await screen(other, 'join');
  if (names) await usesLimit(other, '#name', '/api/join', 'name');
  if (names) await other.locator('#name').fill('Bram');
  await other.locator('#join').tap();
  await other.locator('#joined').waitFor();

  // The host: key H shows the host code; the host phone scans it and joins through it.
  key('h');
  const hostUrl = await linksOnScreen(new RegExp(`^http://127\\.0\\.0\\.1:${port}/j/${token}\\?host=\\S+$`));
  await host.goto(hostUrl);
  await host.locator('#join').waitFor();
  await screen(host, 'join-host', { axe: true });
  if (names) await host.locator('#name').fill('Anna');
  await host.locator('#join').tap();
  await host.locator('#banner').getByText(strings.host_welcome).waitFor();
  const stale = await host.evaluate((name) => Object.keys(localStorage).filter((k) => k.startsWith(name)), earlier);
  check(stale.length === 0, `${tag}/join-host: what an ended session left in the phone's storage is removed (${stale.join(', ')})`);
  // A third participant through the API, to be removed by the host.
  const cas = (await api('/api/join', { token, name: names ? 'Cas' : undefined })).body.key;
  check(typeof cas === 'string', `${tag}/lobby: a third participant joins through the API`);
  await host.locator('#joined').getByText(strings.joined_count.replace('{n}', '3')).waitFor();

  // The lobby: situation, framing picks (a fourth refused), votes counted on the other phone.
  await usesLimit(other, '#situation', '/api/lobby/situation', 'text');
  const picks = field('/api/lobby/framing', 'picks').max_items;
  check((await other.locator('#lobby-framing h2').innerText()).includes(String(picks)), `${tag}/lobby: the framing heading says ${picks}`);
  await other.locator('#situation').fill(language === 'nl' ? 'De overdracht van 8:30' : 'The 8:30 handover');
  await other.locator('#situation-save').tap();
  await other.locator('#banner').getByText(strings.saved).waitFor();
  for (const index of [0, 1, 2]) {
    await other.locator(`.framing-pick[data-index="${index}"]`).tap();
    await other.locator(`.framing-pick[data-index="${index}"][aria-pressed="true"]`).waitFor();
  }
  await other.locator('.framing-pick[data-index="3"]').tap();
  await other.locator('#banner.error').waitFor();
  await screen(other, 'lobby-refused');
  await host.locator('.framing-pick[data-index="0"]').tap();
  await host.locator('.framing-pick[data-index="0"] .count').getByText('2').waitFor();
  await screen(host, 'lobby', { axe: true });
  const hostList = await host.locator('#participants').count() > 0;
  check(hostList, `${tag}/lobby: the host sees the list of participants (state.participants)`);
  if (hostList) await screen(host, 'lobby-host-list', { scrollTo: '#participants' });
  // Earlier sessions' decisions to look back on (the data folder is kept between the runs).
  if (await other.locator('#lobby-reviews .review').count()) {
    await other.locator('#lobby-reviews [data-review="running"]').first().tap();
    await other.locator('#lobby-reviews [data-review="running"][aria-pressed="true"]').first().waitFor();
    await screen(other, 'lobby-reviews', { scrollTo: '#lobby-reviews', axe: false });
  }

  // Check-in: one answer; the host's tools with the notes and the participants; removing one.
  key('F5');
  if (!(await expectScene('checkin'))) throw new Error('no check-in');
  await usesLimit(other, '#text', '/api/notes', 'text');
  await other.locator('#text').fill(language === 'nl' ? 'Een klant bedankte me' : 'A client thanked me');
  await other.locator('#add').tap();
  await other.locator('#mine .note').waitFor();
  const timer = await other.locator('#timer').innerText();
  check(/^\d+:\d\d$/.test(timer), `${tag}/checkin: the timer shows minutes and seconds: "${timer}"`);
  await screen(other, 'checkin');
  await host.locator('.card.host .note').first().waitFor();
  await screen(host, 'checkin-host', { axe: true, scrollTo: '.card.host' });
  const pauseButton = host.locator('.card.host .row button').first();
  await pauseButton.tap();
  await other.locator('#timer.paused').waitFor();
  await screen(other, 'checkin-paused');
  await pauseButton.tap();
  await other.locator('#timer:not(.paused)').waitFor();
  let removed = false;
  if (await host.locator('#participants').count()) {
    const rows = host.locator('.person');
    check(await rows.count() === 3, `${tag}/checkin-host: one row per participant (3)`);
    const row = host.locator('.person').filter({ has: host.locator('[data-remove]') }).last();
    const label = await row.locator('.text').innerText();
    check(names ? label === 'Cas' : label === strings.host_participant.replace('{n}', '3'),
          `${tag}/checkin-host: the third participant is shown as ${names ? 'its name' : 'a number'}: "${label}"`);
    check(await host.locator('.person:not(:has([data-remove]))').count() === 1, `${tag}/checkin-host: the host's own row has no remove button`);
    await row.locator('[data-remove]').tap();
    await host.locator('#remove-yes').waitFor();
    await screen(host, 'host-confirm', { axe: true, scrollTo: '.person.confirm' });
    await host.locator('#remove-yes').tap();
    await host.locator('#banner').waitFor();
    // The list is redrawn when the kiosk's new state arrives: wait for it before scrolling to it.
    for (let i = 0; i < 30 && await host.locator('.person').count() !== 2; i++) await pause(100);
    removed = await host.locator('.person').count() === 2;
    await screen(host, 'host-removed', { scrollTo: '#participants' });
    check(removed, `${tag}/host-removed: the removed participant leaves the host's list`);
    const state = await fetch(`${base}/api/state?key=${cas}`);
    const reply = await state.json().catch(() => ({}));
    check(state.status === 401 || state.status === 410 || reply.phase === 'ended', `${tag}/host-removed: the removed phone is out (${state.status})`);
  }

  // The analysis: a fact, one being edited; a refusal from the kiosk in the room's language.
  await next('analyse', other, '#text');
  await other.locator('#text').fill(language === 'nl' ? 'De klant belde drie keer' : 'The client called three times');
  await other.locator('#add').tap();
  await other.locator('#mine .note').waitFor();
  await other.locator('#mine .actions button').first().tap();
  await other.locator('#mine textarea').waitFor();
  await screen(other, 'analyse-edit');
  await other.locator('#mine .actions button').nth(1).tap();
  await host.locator('#text').evaluate((box) => box.removeAttribute('maxlength'));
  await host.locator('#text').fill('x'.repeat(2000));
  await host.locator('#add').tap();
  await host.locator('#banner.error').waitFor();
  await screen(host, 'analyse-too-long');
  await other.locator('#more-time').tap();
  await other.locator('#more-time:disabled').waitFor();
  await screen(other, 'analyse-more-time', { scrollTo: '#more-count' });

  // Problem statements: write, vote, results.
  await next('probleemstelling', other, '#text');
  for (const [page, text] of [[other, 'How might we call back sooner?'], [host, 'How might we share one list?']]) {
    await page.locator('#text').fill(text);
    await page.locator('#add').tap();
    await page.locator('#mine .note').waitFor();
  }
  await screen(other, 'statement');
  await next('probleemstelling-vote', other, '#vote .candidate');
  await other.locator('#vote .candidate').first().tap();
  await other.locator('#vote .candidate').first().tap();
  await host.locator('#vote .candidate').nth(1).tap();
  await screen(other, 'vote');
  await screen(host, 'vote-host', { axe: true });
  await pause(600);  // the phones send their dots after a short pause
  await next('probleemstelling-results', other, '#results .result');
  await screen(other, 'results');

  // The brainstorm: an idea, its vote and results.
  await next('brainstorm', other, '#text');
  await other.locator('#text').fill(language === 'nl' ? 'Een vaste terugbeltijd' : 'A fixed call-back time');
  await other.locator('#add').tap();
  await other.locator('#mine .note').waitFor();
  await screen(other, 'ideas');
  await next('brainstorm-vote', other, '#vote .candidate');
  await screen(other, 'ideas-vote');
  await next('brainstorm-results', other, '#results');
  await screen(other, 'ideas-results');

  // The AI stage by the manual route: constraints, everyone ready, the prompt, a pasted answer.
  await next('ai-voorstel', other, '#text');
  await other.locator('#text').fill(language === 'nl' ? 'Geen extra budget' : 'No extra budget');
  await other.locator('#add').tap();
  await other.locator('#mine .note').waitFor();
  await screen(other, 'ai-constraints');
  for (const page of [host, other]) await page.locator('#ready').tap();
  if (!removed) await api('/api/ready', { key: cas, stage: 'ai-voorstel', ready: true });
  await host.locator('#ai-manual').waitFor();
  await screen(host, 'ai-manual', { axe: true });
  await host.locator('#ai-show-prompt').tap();
  await host.locator('#ai-prompt-text').waitFor();
  await screen(host, 'ai-prompt', { scrollTo: '#ai-prompt-text' });
  await other.locator('#ai-answer').fill('## Proposal\n\nA **two-week trial**: five questions at every handover.\n\n## Steps\n\n1. Pick the questions.');
  await other.locator('button#ai-paste').tap();
  if (!(await expectScene('ai-voorstel-proposal'))) throw new Error('no proposal');
  await host.locator('.paragraph').first().waitFor();
  await host.locator('.paragraph [data-mark="agree"]').first().tap();
  await host.locator('.paragraph [data-mark="agree"][aria-pressed="true"]').first().waitFor();
  await screen(host, 'ai-proposal', { axe: true });

  // The validation: scores and an objection; the decision; the owner.
  await next('validatie', other, '.criterion');
  const criteria = await other.locator('.criterion').count();
  const scores = field('/api/validation/scores', 'scores');
  check(await other.locator('.criterion').first().locator('[data-score]').count() === scores.max - Math.max(scores.min, 1) + 1,
        `${tag}/validation: one score button for each of ${Math.max(scores.min, 1)}..${scores.max}`);
  await usesLimit(other, '#objection', '/api/validation/objection', 'text');
  for (let c = 0; c < criteria; c++) await other.locator(`[data-criterion="${c}"][data-score="${4 + (c % 2)}"]`).tap();
  await host.locator('[data-criterion="0"][data-score="2"]').tap();
  await other.locator('#objection').fill(language === 'nl' ? 'De late dienst mist het.' : 'The late shift misses it.');
  await other.locator('#objection-send').tap();
  await other.locator('#banner').getByText(strings.saved).waitFor();
  await screen(other, 'validation-scores');
  await screen(host, 'validation-scores-host', { axe: true });
  await next('validatie-decide', other, '#proposed');
  // Each configuration decides differently, so that every owner screen is seen: "doen" with an
  // owner who gives no name, "aanpassen" (adds the edit box) with a named owner, "parkeren".
  const decision = { 'nl-names-off': 'doen', 'en-names-on': 'aanpassen', 'nl-names-on': 'parkeren' }[tag] || 'doen';
  for (const page of [host, other]) {
    await page.locator(`[data-decision="${decision}"]`).tap();
    await page.locator(`[data-decision="${decision}"][aria-pressed="true"]`).waitFor();
  }
  await screen(host, 'validation-decide', { axe: true });
  await next('validatie-owner', other, '#decided');
  if (decision !== 'parkeren') {
    // Without names the owner leaves the name empty: the others still see that there is one.
    await usesLimit(host, '#owner-name', '/api/validation/volunteer', 'name');
    if (names) await host.locator('#owner-name').fill('Anna (coach)');
    await host.locator('#volunteer').tap();
    await host.locator('#first-step').waitFor();
    const firstStep = language === 'nl' ? 'Vijf vragen kiezen' : 'Pick five questions';
    await usesLimit(host, '#first-step', '/api/validation/commit', 'first_step');
    await host.locator('#first-step').fill(firstStep);
    await host.locator('#review-date').fill('2026-12-07');
    await host.locator('#commit').tap();
    await host.locator('#banner').getByText(strings.saved).waitFor();
    await other.locator('#owner').waitFor();
    await other.locator('#val-owner').getByText(firstStep).waitFor();
  }
  await screen(host, 'validation-owner', { axe: true });
  if (decision === 'aanpassen') {
    await other.locator('#edit').fill('Two weeks instead of one');
    await other.locator('#edit-send').tap();
    await other.locator('#val-owner .note').waitFor();
  }
  await screen(other, 'validation-owner-other');

  // The wrap-up: the summary, a shared reflection.
  await next('wrapup', other, '#summary');
  await other.locator('#reflection').fill(language === 'nl' ? 'Ik neem het mee.' : 'I will take it along.');
  await other.locator('#share').tap();
  await other.locator('#banner').getByText(strings.wrapup_shared).waitFor();
  await screen(other, 'wrapup');
  await screen(host, 'wrapup-host', { axe: true });
  // The host keeps its reflection to itself: it is stored on the phone until the session ends.
  const privateText = language === 'nl' ? 'Eerst luisteren, dan pas antwoorden.\nMorgen meteen proberen.'
    : 'Listen first, answer later.\nTry it tomorrow.';
  await host.locator('#reflection').fill(privateText);
  const stored = () => host.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith('vitale:')));
  check((await stored()).some((name) => name.endsWith(':reflection')), `${tag}/wrapup: the private reflection is stored on the phone`);
  // (The other phone's export visit reloads it: its reflection stays until the session ends.)
  await other.goto(`${base}/x/${token}`);  // the take-home code on the screen
  await other.locator('.exports a').first().waitFor();
  await screen(other, 'export');
  await other.goto(joinUrl);
  await other.locator('#summary').waitFor();

  // The session closes: both phones say so; the old link says so too.
  key('Return');
  if (!(await expectScene('idle'))) throw new Error('the session did not close');
  await host.getByRole('heading', { name: strings.ended_title }).waitFor();
  // The private reflection is shown once more, to copy, and is gone from the phone's storage.
  await host.locator('#kept-reflection').waitFor();
  check(await host.locator('#kept-title').innerText() === strings.ended_reflection, `${tag}/ended: the reflection has its heading`);
  check(await host.locator('#kept-reflection').innerText() === privateText, `${tag}/ended: the private reflection is shown as typed`);
  check(await host.locator('#kept-forgotten').innerText() === strings.ended_reflection_forgotten,
        `${tag}/ended: the phone says the reflection is no longer stored`);
  const left = await stored();
  check(left.length === 0, `${tag}/ended: nothing of the session is left in the phone's storage (${left.join(', ')})`);
  await host.locator('#kept-copy').tap();
  await host.locator('#kept-status').getByText(strings.ended_reflection_copied).waitFor();
  check(await host.evaluate(() => navigator.clipboard.readText()) === privateText, `${tag}/ended: Kopieer puts the reflection on the clipboard`);
  await screen(host, 'ended', { axe: true, scrollTo: '#kept' });
  // A browser that refuses the clipboard: the text is selected for copying by hand.
  await host.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('refused')); });
  await host.locator('#kept-copy').tap();
  await host.locator('#kept-status').getByText(strings.ended_reflection_copy_failed).waitFor();
  const selected = await host.evaluate(() => window.getSelection().toString());
  check(selected.trim() === privateText, `${tag}/ended: without a clipboard the reflection is selected ("${selected}")`);
  await screen(host, 'ended-copy-failed', { axe: true, scrollTo: '#kept' });
  // The other phone shared its reflection: the page says what the session still holds.
  await other.locator('#kept-forgotten').waitFor();
  check(await other.locator('#kept-forgotten').innerText() === strings.ended_reflection_forgotten_shared,
        `${tag}/ended: a phone that shared says the shared text stays with the session`);
  // A reload shows it no more: the link is dead and the storage empty.
  await host.reload();
  await host.getByRole('heading', { name: strings.ended_title }).waitFor();
  check(!(await host.locator('body').innerText()).includes(privateText.split('\n')[0]), `${tag}/ended: after a reload the reflection is gone`);
  check((await stored()).length === 0, `${tag}/ended: after a reload the phone's storage holds nothing of the session`);
  await other.goto(joinUrl);
  await screen(other, 'ended-link');
} catch (error) {
  check(false, `${tag}/${current}: the walk through every phone screen completed: ${error.message.split('\n')[0]}`);
  for (const [i, page] of browser.contexts().map((c) => c.pages()[0]).filter(Boolean).entries()) {
    const said = await page.locator('#banner:visible').innerText({ timeout: 500 }).catch(() => '');
    if (said) console.log(`  a phone's message then: "${said}"`);
    await page.screenshot({ path: `${outDir}/${tag}-failed-phone-${i + 1}.png`, fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(`${tag}: walked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish(`phone screens without stray placeholders (${tag})`);
