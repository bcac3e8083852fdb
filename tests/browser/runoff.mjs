// Four phones tie on purpose: each gives its three dots to its own problem statement. The
// result part opens a run-off among the four; three phones pick the same one there. The chosen
// statement is then the one in the AI prompt (the manual route's prompt, as a phone copies it),
// and the one on the wrap-up (read by the shell script with OCR).
// Usage: node runoff.mjs JOIN_URL OUT_DIR KIOSK_LOG
import { harness, joinedPhones, launchChromium } from './harness.mjs';
import { execFileSync } from 'node:child_process';

const [joinUrl, outDir, kioskLog] = process.argv.slice(2);
const { check, expectScene, finish } = harness(kioskLog);
const key = (name) => execFileSync('xdotool', ['key', name]);
const statements = ['Hoe kunnen we terugbellen zichtbaar maken, zodat niemand iets vergeet?',
                    'Hoe kunnen we de overdracht korter maken, zodat de late dienst direct begint?',
                    'Hoe kunnen we één bron gebruiken, zodat antwoorden kloppen?',
                    'Hoe kunnen we pauzes plannen, zodat de balie bezet blijft?'];

const browser = await launchChromium();
try {
  const phones = await joinedPhones(browser, joinUrl, 4, check);
  key('F5');
  await expectScene('checkin');
  key('Next');
  key('Next');
  await expectScene('probleemstelling');
  for (const [i, page] of phones.entries()) {
    await page.getByRole('heading', { name: 'Probleemstelling' }).waitFor();  // the phone has caught up
    await page.locator('#text').fill(statements[i]);
    await page.getByRole('button', { name: 'Toevoegen' }).tap();
    await page.locator('#mine').getByText(statements[i]).waitFor();
  }
  key('Next');
  await expectScene('probleemstelling-vote');
  for (const page of phones) await page.getByText('Nog 3 stippen over').waitFor();
  // Every phone gives all three dots to its own statement: four statements with 3 dots each.
  for (const [i, page] of phones.entries()) {
    for (let dot = 0; dot < 3; dot++)
      await page.locator('#vote button.candidate', { hasText: statements[i].slice(0, 30) }).tap();
    await page.getByText('Nog 0 stippen over').waitFor();
  }
  await new Promise((r) => setTimeout(r, 700));  // the phones send their dots after a short pause
  for (const page of phones) await page.getByRole('button', { name: 'Ik ben klaar' }).tap();

  // The tie: no silent pick, but a run-off among the four.
  await expectScene('probleemstelling-runoff');
  const [anna, bram, cas, dirk] = phones;
  await anna.getByRole('heading', { name: 'Gelijkspel — kies opnieuw' }).waitFor();
  check(await anna.locator('#runoff button.runoff-pick').count() === 4, 'the run-off offers exactly the four tied statements');
  check(await anna.locator('#results .result').count() === 0, 'no ranking is shown as if it were decided');
  await anna.screenshot({ path: outDir + '/phone-runoff.png', fullPage: true });
  execFileSync('import', ['-window', 'root', outDir + '/kiosk-runoff.png']);
  const pick = async (page, index, last = false) => {
    await page.locator('#runoff button.runoff-pick', { hasText: statements[index].slice(0, 30) }).tap();
    if (!last)  // the last dot ends the run-off at once: its button is gone before it shows pressed
      await page.locator('#runoff button.runoff-pick[aria-pressed="true"]', { hasText: statements[index].slice(0, 30) }).waitFor();
  };
  await pick(anna, 0);
  await pick(anna, 2);  // a phone may change its one dot
  await pick(bram, 2);
  await pick(cas, 2);
  await pick(dirk, 1, true);  // everyone has given their dot: counted at once
  await expectScene('probleemstelling-results');
  await anna.locator('#results .result.winner').first().waitFor();
  const chosen = await anna.locator('#results .result.winner').innerText();
  check(chosen.includes('één bron') && chosen.includes('Gekozen'), 'the run-off\'s choice is marked "Gekozen" on the phones: ' + chosen);
  check(await anna.locator('#results .result.winner').count() === 1, 'one statement is chosen');
  await anna.screenshot({ path: outDir + '/phone-runoff-result.png', fullPage: true });
  execFileSync('import', ['-window', 'root', outDir + '/kiosk-runoff-result.png']);

  // On to the AI stage: the prompt the group takes to its own assistant holds the chosen statement.
  for (const scene of ['brainstorm', 'brainstorm-vote', 'brainstorm-results', 'ai-voorstel']) {
    key('Next');
    await expectScene(scene);
  }
  key('Return');  // send the prompt now
  await anna.locator('#ai-manual').waitFor();
  // The phone's key, as the page keeps it, and the prompt as the phone's "copy" fetches it.
  const stored = await anna.evaluate(() => Object.values(localStorage));
  const phoneKey = stored.find((value) => /^[0-9a-f]{32}$/.test(value));
  const reply = await (await fetch(new URL(joinUrl).origin + '/api/prompt?key=' + phoneKey)).json();
  const prompt = reply.prompt || '';
  const block = prompt.match(/BEGIN problem_statement>>>([\s\S]*?)<<</);
  check(prompt.length > 0, 'a phone can fetch the prompt as sent');
  check(block && block[1].includes('één bron'), 'the AI prompt carries the run-off\'s chosen statement: ' + (block ? block[1].trim() : prompt.slice(0, 200)));
  for (const other of [0, 1, 3])
    check(!(block && block[1].includes(statements[other].slice(15, 45))), 'the prompt does not carry a statement that was not chosen');

  // Walk to the wrap-up; the shell script reads the screen.
  for (const scene of ['validatie', 'validatie-decide', 'validatie-owner', 'wrapup']) {
    key('Next');
    await expectScene(scene);
  }
} catch (error) {
  check(false, 'the run-off walk finished: ' + error.message);
} finally {
  await browser.close();
}
finish('runoff');
