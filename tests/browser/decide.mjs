// Three phones through the learning cycle's ends: in the lobby they name the work situation
// (one types, another edits) and pick framing questions; the room walks to the validation,
// where they score every criterion, one objects, they vote (overriding the rule's proposal),
// one volunteers as owner with a first step and a review date; at the wrap-up they see the
// summary and one shares a reflection. Usage: node decide.mjs JOIN_URL OUT_DIR KIOSK_LOG
import { harness, joinedPhones, launchChromium } from './harness.mjs';
import { execFileSync } from 'node:child_process';

const [joinUrl, outDir, kioskLog] = process.argv.slice(2);
const { check, expectScene, finish } = harness(kioskLog);
const key = (name) => execFileSync('xdotool', ['key', name]);
// Polls an input's value (the page's CSP forbids eval, so no waitForFunction).
async function waitValue(page, selector, value, seconds = 8) {
  for (let i = 0; i < seconds * 10; i++) {
    if ((await page.locator(selector).inputValue().catch(() => null)) === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(selector + ' never became "' + value + '"');
}

const browser = await launchChromium();
try {
  const phones = await joinedPhones(browser, joinUrl, 3, check);
  const [anna, bram, cas] = phones;

  // The lobby: Anna names the situation, Bram sharpens it; everyone picks framing questions.
  await anna.locator('#situation').fill('De overdracht van 8:30');
  await anna.locator('#situation-save').tap();
  await waitValue(bram, '#situation', 'De overdracht van 8:30');
  await bram.locator('#situation').fill('De overdracht van 8:30 bij de balie');
  await bram.locator('#situation-save').tap();
  await waitValue(cas, '#situation', 'De overdracht van 8:30 bij de balie');
  check(true, 'one phone names the situation and another edits it; all phones follow');
  for (const [page, picks] of [[anna, [3, 4]], [bram, [3, 9]], [cas, [3, 4, 0]]])
    for (const index of picks) {
      await page.locator(`.framing-pick[data-index="${index}"]`).tap();
      await page.locator(`.framing-pick[data-index="${index}"][aria-pressed="true"]`).waitFor();
    }
  await cas.locator('.framing-pick[data-index="1"]').tap();  // a fourth pick is refused
  await cas.locator('#banner').getByText('Kies hoogstens 3 vragen.').waitFor();
  await anna.locator('.framing-pick[data-index="3"] .count').getByText('3 stemmen').waitFor();
  await anna.screenshot({ path: outDir + '/phone-lobby-choices.png', fullPage: true });

  // The room starts, and walks to the validation (the vote parts take a key each).
  key('F5');
  await expectScene('checkin');
  await anna.locator('.framing').getByText('Waarom gebeurde dit?').waitFor();
  check(true, 'the chosen framing questions are shown on the phones during the session');
  for (let i = 0; i < 9; i++) key('Next');
  await expectScene('validatie');

  // Scores: everyone scores every criterion; Cas objects.
  const scores = { 0: [4, 4, 5, 3, 4, 4, 5, 4], 1: [5, 4, 4, 4, 5, 4, 4, 5], 2: [2, 4, 4, 1, 4, 3, 4, 4] };
  for (const [i, page] of phones.entries()) {
    await page.locator('.criterion').first().waitFor();
    for (const [criterion, score] of scores[i].entries())
      await page.locator(`[data-criterion="${criterion}"][data-score="${score}"]`).tap();
  }
  await cas.locator('#objection').fill('De late dienst mist de overdracht dan helemaal.');
  await cas.locator('#objection-send').tap();
  await cas.locator('#banner').getByText('Opgeslagen').waitFor();
  await anna.screenshot({ path: outDir + '/phone-validation-scores.png', fullPage: true });
  await new Promise((r) => setTimeout(r, 500));
  for (const page of phones) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('validatie-decide');

  // The rule proposes "aanpassen" (an objection); two vote "doen", one "parkeren".
  await anna.locator('#proposed').getByText('Aanpassen').waitFor();
  check(true, 'the phones show the decision the rule proposes');
  await anna.locator('[data-decision="doen"]').tap();
  await bram.locator('[data-decision="doen"]').tap();
  await cas.locator('[data-decision="parkeren"]').tap();
  await cas.locator('[data-decision="parkeren"][aria-pressed="true"]').waitFor();
  await anna.locator('[data-decision="doen"][aria-pressed="true"]').waitFor();
  await bram.locator('[data-decision="doen"][aria-pressed="true"]').waitFor();
  for (const page of phones) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('validatie-owner');
  await anna.locator('#decided').getByText('Doen').waitFor();
  check(true, 'the group overrode the proposal: Doen');

  // Bram owns it: a first step and a review date.
  await bram.locator('#owner-name').fill('Bram (teamcoördinator)');
  await bram.locator('#volunteer').tap();
  await bram.locator('#first-step').waitFor();
  await bram.locator('#first-step').fill('Vijf vragen kiezen met de ochtenddienst');
  await bram.locator('#review-date').fill('2026-12-07');
  await bram.locator('#commit').tap();
  await cas.getByText('Vijf vragen kiezen met de ochtenddienst').waitFor();
  check(await anna.locator('#volunteer').count() === 0, 'one owner: the others no longer see "Ik word eigenaar"');
  await bram.screenshot({ path: outDir + '/phone-validation-owner.png', fullPage: true });
  for (const page of phones) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();
  await expectScene('wrapup');

  // The wrap-up: the summary, a private reflection, one shared.
  await anna.locator('#summary').getByText('Bram (teamcoördinator)').waitFor();
  check((await anna.locator('#summary').innerText()).includes('ma 7 december'), 'the summary has the review date as people read it');
  await anna.locator('#reflection').fill('Alleen voor mij.');
  await cas.locator('#reflection').fill('Ik neem de vijf vragen mee naar mijn eigen dienst.');
  await cas.locator('#share').tap();
  await cas.locator('#banner').getByText('Gedeeld').waitFor();
  await anna.reload();
  await anna.locator('#reflection').waitFor();
  check(await anna.locator('#reflection').inputValue() === 'Alleen voor mij.', 'a private reflection stays on the phone, also after a reload');
  await cas.screenshot({ path: outDir + '/phone-wrapup.png', fullPage: true });
} catch (error) {
  check(false, 'the cycle from lobby to wrap-up completed: ' + error.message);
} finally {
  await browser.close();
}
finish('lobby -> validation -> wrap-up in chromium');
