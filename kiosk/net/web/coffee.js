// The coffee corner's answer page (/k/<token>). Anyone who scans the coffee corner's QR answers
// the week's question: one answer per phone per week, which it may change or withdraw. A phone
// that scanned the moderator QR (/k/<token>?host=<code>) also approves or hides the answers
// waiting for a colleague's look. The phone's key for the week is kept under the week's token,
// so a new week starts afresh. Text from people is only ever set as textContent: shown, never run.
'use strict';

const token = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
const hostCode = new URLSearchParams(location.search).get('host');
const prefix = 'vitale-coffee:';  // not "vitale:": the session page clears those as its own
const storageKey = prefix + token;
const hostRefreshMs = 5000;       // a moderator sees new waiting answers within seconds
const waitingRefreshMs = 15000;   // an answer waiting for approval: has it been looked at?

let defaultMax = 0;     // the kiosk's note length from /api/strings, until /api/coffee says
let key = stored();     // this phone's secret for the week; '' before its first answer
let data = null;        // the latest /api/coffee reply
let editing = false;    // the own answer is open for a change
let confirming = false; // "withdraw?" is being asked
let draft = null;       // what is typed in the box, kept when the page redraws
let refresh = 0;        // the timer of the next /api/coffee
let over = false;       // the week of this link has ended: nothing more to ask
let changes = 0;        // this phone's own sends: a refresh asked before one is out of date

// dom.js (loaded first) holds T, $, app, present, count, t, counterText, el, put, makeBanner,
// makeSections and noConnection: the same rules as app.js.

// A short notice in the live region (read out by screen readers): a confirmation goes after a
// few seconds, a refusal stays longer.
const banner = makeBanner({ errorMs: 10000, noticeMs: 4000, keep: 'region' });
// A section is drawn again only when what it shows changed, so that a refresh (every 5 s for a
// moderator) never replaces a button under a finger; what had the focus keeps it, also a button
// or a heading (the box being typed in keeps its text through `draft`, and its cursor).
const { section, forget: forgetDrawn } = makeSections(app, { focus: 'any', keepText: false });

function maxText() { return data && count(data.max_text) > 0 ? data.max_text : defaultMax; }

// ---- the phone's key for the week ------------------------------------------------------
// Storage can be refused (a private window on an old phone): the page then works for as long
// as it is open.

function stored() {
  try { return localStorage.getItem(storageKey) || ''; } catch (e) { return ''; }
}
function remember(next) {
  key = next;
  try { localStorage.setItem(storageKey, next); } catch (e) { /* kept in memory only */ }
}
function forget(name) {
  try { localStorage.removeItem(name); } catch (e) { /* nothing stored */ }
}
// Keys of other weeks' links: those weeks are over, their answers can no longer be changed.
function forgetOtherWeeks() {
  try {
    for (const name of Object.keys(localStorage)) if (name.startsWith(prefix) && name !== storageKey) forget(name);
  } catch (e) { /* no storage */ }
}

// ---- talking to the kiosk ---------------------------------------------------------------

// GET (no body) or POST (JSON body). Never throws: { ok, status, reply }, status 0 = offline.
async function call(path, body) {
  try {
    const response = await fetch(path, body === undefined ? { cache: 'no-store' } : {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const reply = await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, reply: reply && typeof reply === 'object' ? reply : {} };
  } catch (e) {
    return { ok: false, status: 0, reply: {} };
  }
}

// What to tell the person about a refusal: the kiosk's own words, in the kiosk's language.
function failure(result) {
  if (result.status === 0) return t('err_offline');
  return typeof result.reply.message === 'string' && result.reply.message ? result.reply.message : t('err_server');
}

function schedule(ms) {
  clearTimeout(refresh);
  if (over) return;
  const wait = ms || (data && data.host ? hostRefreshMs : data && data.answer && data.answer.waiting ? waitingRefreshMs : 0);
  if (wait) refresh = setTimeout(load, wait);
}

async function load() {
  clearTimeout(refresh);
  // A phone in a pocket asks nothing; back in view, it asks at once (visibilitychange).
  if (document.hidden && data) return;
  const asked = changes;
  const result = await call('/api/coffee?token=' + encodeURIComponent(token) + '&key=' + encodeURIComponent(key));
  if (over) return;
  if (asked !== changes) return schedule();  // out of date: this phone sent something meanwhile
  if (result.status === 410) return weekOver(result.reply.message);
  if (!result.ok) {
    if (!data) put(app, el('h1', { text: t('coffee_heading') }), el('p', { class: 'card', id: 'coffee-problem', text: failure(result) }));
    else banner(failure(result), true);
    return schedule(hostRefreshMs);
  }
  if (!data) forgetOtherWeeks();  // this link is this week's: any other is over
  data = result.reply;
  render();
  schedule();
}

function weekOver(message) {
  over = true;
  clearTimeout(refresh);
  forget(storageKey);
  forgetDrawn();
  put(app, el('h1', { text: t('coffee_week_over_title') }),
    el('p', { class: 'card', id: 'coffee-over', text: typeof message === 'string' && message ? message : t('coffee_week_over') }));
}

// ---- drawing ------------------------------------------------------------------------------

function render() {
  if (!$('coffee-intro')) { put(app); forgetDrawn(); }
  $('stage-label').textContent = t('coffee_title');
  const d = data;
  section('coffee-intro', [d.question, d.week, d.moderation], intro);
  section('coffee-answer', [d.answer, editing, confirming, maxText()], answerPart);
  section('coffee-count', [d.shown], () => [el('p', { class: 'counter', id: 'coffee-shown',
    text: count(d.shown) === 0 ? t('coffee_shown_none') : count(d.shown) === 1 ? t('coffee_shown_one') : t('coffee_shown', { n: count(d.shown) }) })]);
  section('coffee-host', [d.host, d.host && d.answers], () => (d.host ? hostPart(Array.isArray(d.answers) ? d.answers : []) : []));
}

function intro() {
  const week = /W(\d+)$/.exec(String(data.week || ''));
  const question = typeof data.question === 'string' ? data.question.trim() : '';
  return [el('h1', { text: t('coffee_heading') }),
    week ? el('p', { class: 'muted', id: 'coffee-week', text: t('coffee_week', { week: Number(week[1]) }) }) : null,
    el('p', { class: 'card question', id: 'coffee-question', text: question || t('coffee_no_question') }),
    el('p', { class: 'muted', id: 'coffee-anonymous', text: t('coffee_anonymous') }),
    data.moderation === 'approve' ? el('p', { class: 'muted', id: 'coffee-moderated', text: t('coffee_moderation_approve') }) : null];
}

function answerPart() {
  const answer = data.answer && typeof data.answer === 'object' ? data.answer : null;
  if (!answer || editing) return answerForm(answer);
  const status = answer.hidden ? ['coffee_hidden', ' not-shown'] : answer.waiting ? ['coffee_waiting', ' waiting'] : ['coffee_on_screen', ''];
  const nodes = [el('h2', { id: 'coffee-mine-title', tabindex: -1, text: t('coffee_yours') }),
    el('p', { class: 'card kept', id: 'coffee-mine', text: answer.text }),
    el('p', { class: 'coffee-status' + status[1], id: 'coffee-state', text: t(status[0]) })];
  if (confirming) {
    nodes.push(el('div', { class: 'person confirm' },
      el('p', { class: 'text', id: 'coffee-withdraw-question', tabindex: -1, text: t('coffee_withdraw_confirm') }),
      el('div', { class: 'row' },
        el('button', { class: 'small danger', id: 'coffee-withdraw-yes', text: t('coffee_withdraw_yes'), onclick: withdraw }),
        el('button', { class: 'small', id: 'coffee-withdraw-no', text: t('cancel'), onclick: () => {
          confirming = false;
          render();
          $('coffee-withdraw').focus();
        } }))));
  } else {
    nodes.push(el('div', { class: 'row coffee-actions' },
      el('button', { class: 'small grow', id: 'coffee-edit', text: t('coffee_edit'), onclick: () => {
        editing = true;
        draft = answer.text;
        render();
        $('coffee-text').focus();
      } }),
      el('button', { class: 'small grow', id: 'coffee-withdraw', text: t('coffee_withdraw'), onclick: () => {
        confirming = true;
        render();
        $('coffee-withdraw-question').focus();
      } })));
  }
  return nodes;
}

function answerForm(answer) {
  const max = maxText();
  const box = el('textarea', { id: 'coffee-text', rows: 4, maxlength: max || undefined, 'aria-describedby': 'coffee-counter' });
  box.value = draft !== null ? draft : '';
  const counter = el('div', { class: 'counter', id: 'coffee-counter', text: counterText(box.value, max) });
  box.addEventListener('input', () => {
    draft = box.value;
    counter.textContent = counterText(box.value, max);
  });
  const send = el('button', { class: 'primary', id: 'coffee-send', text: t(answer ? 'coffee_save' : 'coffee_send'),
    onclick: () => sendAnswer(box, send) });
  return [el('label', { for: 'coffee-text', text: t(answer ? 'coffee_change_label' : 'coffee_answer_label') }), box, counter, send,
    answer ? el('button', { class: 'small coffee-cancel', id: 'coffee-cancel', text: t('cancel'), onclick: () => {
      editing = false;
      draft = null;
      render();
      $('coffee-edit').focus();
    } }) : null];
}

async function sendAnswer(box, button) {
  const text = box.value;
  const max = maxText();
  if (!text.trim()) { banner(t('err_empty'), true); return box.focus(); }
  if (max && [...text].length > max) { banner(t('err_too_long', { max }), true); return box.focus(); }
  button.disabled = true;
  changes++;
  const result = await call('/api/coffee/answer', { token, key: key || undefined, text });
  button.disabled = false;
  if (result.status === 410) return weekOver(result.reply.message);
  if (!result.ok) {
    // A key the kiosk no longer knows: the next try answers as a new phone.
    if (result.status === 401) { key = ''; forget(storageKey); }
    banner(failure(result), true);
    return box.focus();
  }
  if (typeof result.reply.key === 'string' && result.reply.key) remember(result.reply.key);
  const changed = !!(data.answer && editing);
  const waiting = !!result.reply.waiting;
  editing = false;
  draft = null;
  // Shown at once; the kiosk's own view of it follows.
  data.answer = { id: result.reply.id, text, waiting, hidden: false };
  render();
  $('coffee-mine-title').focus();
  banner(t(waiting ? 'coffee_sent_waiting' : changed ? 'coffee_changed' : 'coffee_sent'));
  load();
}

async function withdraw() {
  const yes = $('coffee-withdraw-yes');
  if (yes) yes.disabled = true;
  changes++;
  const result = await call('/api/coffee/withdraw', { token, key });
  if (result.status === 410) return weekOver(result.reply.message);
  confirming = false;
  if (!result.ok) {
    render();
    banner(failure(result), true);
    return;
  }
  data.answer = null;
  editing = false;
  draft = null;
  render();
  $('coffee-text').focus();
  banner(t('coffee_withdrawn'));
  load();
}

// The moderator's list: each waiting answer with "approve" and "hide".
// The moderator's list: every answer of the week, newest first, where it stands, and what the
// moderator can do with it: hide what is on the screen or waits, allow what waits or was hidden.
const answerStates = { shown: ['coffee_state_shown', ''], waiting: ['coffee_state_waiting', ' waiting'], hidden: ['coffee_state_hidden', ' not-shown'] };

function hostPart(answers) {
  const rows = answers.filter((a) => a && present(a.id) && answerStates[a.state]).map((a) => {
    const [label, tone] = answerStates[a.state];
    const buttons = [];
    if (a.state !== 'shown') buttons.push(el('button', { class: 'small', 'data-approve': a.id, 'aria-describedby': 'coffee-answer-' + a.id,
      text: t('coffee_approve'), onclick: (event) => moderate(a.id, 'approve', event.currentTarget) }));
    if (a.state !== 'hidden') buttons.push(el('button', { class: 'small', 'data-hide': a.id, 'aria-describedby': 'coffee-answer-' + a.id,
      text: t('coffee_hide'), onclick: (event) => moderate(a.id, 'hide', event.currentTarget) }));
    return el('li', { class: 'note', 'data-answer': a.id, 'data-state': a.state },
      el('div', { class: 'text' },
        el('p', { id: 'coffee-answer-' + a.id, text: a.text }),
        el('p', { class: 'coffee-status' + tone, text: t(label) })),
      el('div', { class: 'actions' }, ...buttons));
  });
  return [el('div', { class: 'card host' },
    el('h2', { id: 'coffee-host-title', tabindex: -1, text: t('coffee_host_title') }),
    el('p', { class: 'muted', text: t('coffee_host_intro') }),
    rows.length ? el('ul', { class: 'coffee-list', 'aria-labelledby': 'coffee-host-title' }, ...rows)
      : el('p', { id: 'coffee-host-none', text: t('coffee_host_none') }))];
}

async function moderate(id, action, button) {
  for (const b of document.querySelectorAll(`[data-answer="${id}"] button`)) b.disabled = true;
  const result = await call('/api/coffee/moderate', { token, key, answer: id, action });
  if (result.status === 410) return weekOver(result.reply.message);
  if (!result.ok) {
    for (const b of document.querySelectorAll(`[data-answer="${id}"] button`)) b.disabled = false;
    banner(failure(result), true);
  } else {
    banner(t(action === 'approve' ? 'coffee_approved' : 'coffee_hidden_done'));
  }
  await load();
  // The answer left the list: the focus goes to the list's heading, not to the page's top.
  if (!button || !button.isConnected) { const title = $('coffee-host-title'); if (title) title.focus(); }
}

// A phone back from sleep: fetch at once rather than wait for the next refresh.
document.addEventListener('visibilitychange', () => { if (!document.hidden && data && !over) load(); });

// ---- start ----------------------------------------------------------------------------------

// The moderator QR's code: claimed once, then taken out of the address so that a reload does
// not spend it again (the key keeps the phone a moderator for the week).
async function claimHost() {
  history.replaceState(null, '', location.pathname);
  const result = await call('/api/coffee/host', { token, key: key || undefined, code: hostCode });
  if (result.status === 410) { weekOver(result.reply.message); return; }
  if (result.ok && typeof result.reply.key === 'string' && result.reply.key) {
    remember(result.reply.key);
    banner(t('coffee_host_welcome'));
  } else {
    banner(failure(result), true);
  }
}

(async function start() {
  try {
    const response = await fetch('/api/strings', { cache: 'no-store' });
    const reply = await response.json();
    T = reply.strings || {};
    defaultMax = count(reply.max_text);
  } catch (e) {
    noConnection();
    setTimeout(start, 3000);
    return;
  }
  $('stage-label').textContent = t('coffee_title');
  if (hostCode) await claimHost();
  if (!over) await load();
})();
