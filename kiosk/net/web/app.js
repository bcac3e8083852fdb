// The phone page. Joins the session from the QR's URL, keeps a live stream of this phone's
// state (Server-Sent Events; the browser reconnects by itself, and we resync after sleep),
// and offers exactly what the current stage asks for. Text from people is only ever set as
// textContent: it is shown, never run.
'use strict';

const token = decodeURIComponent(location.pathname.replace(/^\/j\//, ''));
const hostCode = new URLSearchParams(location.search).get('host');
const storageKey = 'vitale:' + token;

let T = {};            // texts in the kiosk's language
let maxText = 280;
let key = null;        // this phone's secret in the session
let state = null;      // the latest state from the kiosk
let receivedAt = 0;    // performance.now() when it arrived, for the local countdown
let source = null;     // the EventSource
let shown = {};        // signature of each section as last drawn
let myDots = null;     // the dots while voting, before the kiosk confirms them
let voteTimer = 0;
let editing = 0;       // id of the note being edited
let prompt = { request: 0, text: '' };  // the AI prompt as sent, fetched when first wanted
let promptOpen = false;

const $ = (id) => document.getElementById(id);
const app = $('app');

// "1 stip" / "3 stippen": the _one text for a count of one.
function plural(name, n) { return n === 1 ? t(name + '_one') : t(name, { n }); }

function t(name, values) {
  let text = T[name] || name;
  for (const [k, v] of Object.entries(values || {})) text = text.split('{' + k + '}').join(String(v));
  return text;
}

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (v !== false && v !== undefined && v !== null) node.setAttribute(k, v === true ? '' : v);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

// ---- talking to the kiosk -------------------------------------------------------------

function banner(text, isError) {
  const b = $('banner');
  b.textContent = text || '';
  b.className = isError ? 'error' : '';
  b.hidden = !text;
  clearTimeout(banner.timer);
  if (text && !isError) banner.timer = setTimeout(() => { b.hidden = true; }, 2500);
}

async function send(path, body) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(Object.assign({ key }, body)),
    });
    const reply = await response.json().catch(() => ({}));
    if (!response.ok) {
      banner(reply.message || t('err_server'), true);
      if (response.status === 401 || response.status === 410) ended();
      return null;
    }
    return reply;
  } catch (e) {
    banner(t('err_offline'), true);
    return null;
  }
}

function connect() {
  if (source) source.close();
  source = new EventSource('/api/events?key=' + encodeURIComponent(key));
  source.onmessage = (event) => {
    banner('');
    receive(JSON.parse(event.data));
  };
  source.onerror = () => {
    // The browser retries by itself; when it gave up (the kiosk refused us), ask why.
    banner(t('reconnecting'), true);
    if (source.readyState === EventSource.CLOSED) setTimeout(resync, 2000);
  };
}

async function resync() {
  try {
    const response = await fetch('/api/state?key=' + encodeURIComponent(key));
    if (response.status === 401 || response.status === 410) return ended();
    if (response.ok) receive(await response.json());
    if (!source || source.readyState === EventSource.CLOSED) connect();
  } catch (e) {
    banner(t('reconnecting'), true);
    setTimeout(resync, 3000);
  }
}

// A phone that slept may have missed a lot: fetch the state now rather than wait for the stream.
document.addEventListener('visibilitychange', () => { if (!document.hidden && key) resync(); });

function receive(next) {
  if (next.phase === 'ended') return ended();
  if (state && state.v > next.v) return;  // an older state arriving late
  const stageChanged = !state || !state.stage || !next.stage || state.stage.id !== next.stage.id ||
                       state.stage.part !== next.stage.part;
  if (stageChanged) { myDots = null; editing = 0; }
  state = next;
  receivedAt = performance.now();
  render();
}

function ended() {
  if (source) source.close();
  source = null;
  key = null;
  localStorage.removeItem(storageKey);
  shown = {};
  $('stage-label').textContent = '';
  $('timer').textContent = '';
  app.replaceChildren(el('h1', { text: t('ended_title') }), el('p', { text: t('ended_body') }));
}

// ---- joining --------------------------------------------------------------------------

async function join(name) {
  const reply = await send('/api/join', { token, name: name || undefined, key: key || undefined });
  if (!reply) return;
  key = reply.key;
  localStorage.setItem(storageKey, key);
  if (hostCode) {
    history.replaceState(null, '', location.pathname);
    if (await send('/api/host/claim', { code: hostCode })) banner(t('host_welcome'));
  }
  connect();
}

function showJoin(showNames) {
  const name = el('input', { id: 'name', maxlength: 30, autocomplete: 'given-name' });
  const button = el('button', { class: 'primary', id: 'join', text: t('join_button'), onclick: () => join(name.value.trim()) });
  app.replaceChildren(
    el('h1', { text: t('title') }),
    el('p', { text: t('join_intro') }),
    showNames ? el('label', { for: 'name', text: t('name_label') }) : null,
    showNames ? name : null,
    button);
}

// ---- drawing --------------------------------------------------------------------------

function section(id, signature, build) {
  let node = document.getElementById(id);
  if (!node) {
    node = el('section', { id });
    app.append(node);
  }
  const sig = JSON.stringify(signature);
  if (shown[id] === sig) return node;
  shown[id] = sig;
  node.replaceChildren(...(build() || []).filter(Boolean));
  return node;
}

function render() {
  if (!app.querySelector('#intro')) { app.replaceChildren(); shown = {}; }
  const s = state;
  const stage = s.stage;
  $('stage-label').textContent = !stage ? t('title')
    : stage.number === 0 ? t('checkin') : t('stage_of', { n: stage.number, total: stage.count });
  tick();

  section('intro', [s.phase, stage && stage.id, stage && stage.part, s.phase === 'lobby' && s.people.joined], () => {
    if (s.phase === 'lobby')
      return [el('h1', { text: t('title') }), el('p', { class: 'card', text: t('lobby') }),
        el('p', { class: 'counter', id: 'joined', text: t('joined_count', { n: s.people.joined }) })];
    if (s.phase === 'wrapup') return [el('h1', { text: t('wrapup') })];
    if (!stage) return [];
    const nodes = [el('h1', { text: stage.title }), el('p', { class: 'muted', text: stage.task })];
    if (stage.number === 0) nodes.push(el('p', { class: 'card question', text: stage.questions[0] }));
    return nodes;
  });
  const inStep = s.phase === 'step';
  const part = inStep ? stage.part : '';
  const ai = inStep ? s.proposal : null;
  const writes = inStep && part === 'write' && (['answer', 'facts', 'statements', 'ideas'].includes(stage.contribute) ||
    (stage.contribute === 'constraints' && ai && ai.state === 'collecting'));
  section('compose', [writes, stage && stage.id, s.me.notes.length, stage && stage.max], () => writes ? composer() : []);
  section('mine', [writes, s.me.notes, editing], () => writes ? mine() : []);
  section('vote', [part === 'vote', s.notes, myDots || s.me.dots, stage && stage.dots], () => part === 'vote' ? voting() : []);
  section('results', [part === 'results', s.results], () => part === 'results' ? results() : []);
  section('watch', [inStep && !writes && part === 'write' && !ai], () =>
    inStep && !writes && part === 'write' && !ai ? [el('p', { class: 'card', text: t('watch_screen') })] : []);
  // The AI stage: where the proposal is, its paragraphs to mark, the prompt, the manual route.
  section('ai-status', ai && [ai.state, ai.removed, ai.latest && ai.latest.failure], () => ai ? aiStatus(ai) : []);
  section('ai-text', ai && ai.latest, () => ai && ai.latest ? aiText(ai) : []);
  section('ai-prompt', ai && [ai.has_prompt, ai.request, promptOpen, prompt.request], () => ai && ai.has_prompt ? aiPrompt(ai) : []);
  section('ai-paste', ai && [ai.takes_paste, ai.request], () => ai && ai.takes_paste ? aiPaste() : []);
  section('ai-again', ai && ai.may_ask_again, () => ai && ai.may_ask_again ? [el('button', { class: 'small', id: 'ai-again',
    text: t('ai_again'), onclick: () => send('/api/proposal/again', { stage: state.stage.id }) })] : []);
  section('footer', [inStep, stage && stage.id, part], () => inStep ? footer() : []);
  updateFooter();
  section('host', [s.me.host && inStep, s.notes, s.timer && s.timer.paused], () => s.me.host && inStep ? hostPanel() : []);
}

function composer() {
  const stage = state.stage;
  const left = stage.max > 0 ? stage.max - state.me.notes.length : null;
  if (left !== null && left <= 0) return [el('p', { class: 'card', text: t('limit_reached') })];
  const box = el('textarea', { id: 'text', maxlength: maxText, placeholder: t('hint_' + stage.contribute), rows: 3 });
  const counter = el('div', { class: 'counter', text: '0/' + maxText });
  box.addEventListener('input', () => { counter.textContent = box.value.length + '/' + maxText; });
  const add = el('button', { class: 'primary', id: 'add', text: t('add'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    add.disabled = true;
    const reply = await send('/api/notes', { stage: stage.id, text: box.value });
    add.disabled = false;
    if (reply) { box.value = ''; counter.textContent = '0/' + maxText; banner(t('saved')); }
  } });
  return [box, counter, add, left !== null ? el('p', { class: 'counter', text: t('left', { n: left }) }) : null];
}

function mine() {
  if (!state.me.notes.length) return [];
  const stage = state.stage;
  return [el('h2', { text: t('yours') }), ...state.me.notes.map((note) => {
    if (editing === note.id) {
      const box = el('textarea', { maxlength: maxText }, note.text);
      box.value = note.text;
      return el('div', { class: 'note' }, box, el('div', { class: 'actions' },
        el('button', { class: 'small', text: t('save'), onclick: async () => {
          if (await send('/api/notes/edit', { stage: stage.id, note: note.id, text: box.value })) { editing = 0; render(); }
        } }),
        el('button', { class: 'small', text: t('cancel'), onclick: () => { editing = 0; render(); } })));
    }
    return el('div', { class: 'note' }, el('div', { class: 'text', text: note.text }), el('div', { class: 'actions' },
      el('button', { class: 'small', text: t('edit'), onclick: () => { editing = note.id; render(); } }),
      el('button', { class: 'small', text: t('withdraw'), onclick: () => send('/api/notes/withdraw', { stage: stage.id, note: note.id }) })));
  })];
}

function voting() {
  const stage = state.stage;
  const dots = myDots || state.me.dots.slice();
  const left = stage.dots - dots.length;
  const change = (next) => {
    myDots = next;
    render();
    clearTimeout(voteTimer);
    // One request for a quick series of taps: the whole vote, replacing the last one.
    voteTimer = setTimeout(() => send('/api/vote', { stage: stage.id, dots: myDots }), 400);
  };
  return [
    el('p', { class: 'card', text: t('vote_intro', { dots: stage.dots }) }),
    el('p', { class: 'counter', id: 'dots-left', text: plural('dots_left', left) }),
    ...(state.notes || []).map((note) => {
      const mineOn = dots.filter((id) => id === note.id).length;
      const row = el('button', { class: 'candidate' + (mineOn ? ' chosen' : ''), 'data-note': note.id,
        onclick: () => { if (left > 0) change(dots.concat([note.id])); } },
      el('span', { class: 'text', text: note.text }), el('span', { class: 'dots', text: '●'.repeat(mineOn) }));
      if (!mineOn) return row;
      return el('div', { class: 'row' }, el('div', { class: 'grow' }, row),
        el('button', { class: 'small', 'aria-label': '−', text: '−', onclick: () => {
          const at = dots.lastIndexOf(note.id);
          change(dots.slice(0, at).concat(dots.slice(at + 1)));
        } }));
    })];
}

function results() {
  const winners = state.stage.winners;
  return [el('h2', { text: t('results') }), ...(state.results || []).map((r) =>
    el('div', { class: 'result' + (r.place <= winners ? ' winner' : '') },
      el('span', { class: 'place', text: r.place + '.' }), el('span', { class: 'text', text: r.text }),
      el('span', { class: 'count', text: plural('dots', r.dots) })))];
}

function aiStatus(ai) {
  const lines = [];
  if (ai.state === 'waiting' || ai.state === 'streaming') lines.push(el('p', { class: 'card', text: t('ai_waiting') }));
  if (ai.state === 'manual') lines.push(el('p', { class: 'card', id: 'ai-manual', text: t('ai_manual') }));
  if (ai.state === 'failed' && !(ai.latest && ai.latest.failure === 'skipped'))
    lines.push(el('p', { class: 'card warning', id: 'ai-failed', text: t('ai_failed') }));
  if (ai.has_prompt && ai.removed > 0) lines.push(el('p', { class: 'counter', text: t('ai_removed', { n: ai.removed }) }));
  return lines;
}

function aiText(ai) {
  const latest = ai.latest;
  const label = t('ai_label') + (latest.model ? ' · ' + latest.model : '') + (latest.complete ? '' : ' · ' + t('ai_incomplete'));
  const marks = [['agree', '👍', 'ai_mark_agree'], ['question', '❓', 'ai_mark_question'], ['risk', '⚠️', 'ai_mark_risk']];
  return [el('p', { class: 'ai-label', text: label }), el('p', { class: 'muted', text: t('ai_mark_intro') }),
    ...latest.paragraphs.map((p, index) => {
      if (p.heading) return el('h2', { class: 'ai-heading', text: p.text.replace(/^#+\s*/, '') });
      return el('div', { class: 'paragraph' }, el('div', { class: 'text' }, ...inlineMarkdown(p.text)),
        el('div', { class: 'marks' }, ...marks.map(([name, sign, label]) => el('button', {
          class: 'small mark' + (p.mine === name ? ' on' : ''), 'data-paragraph': index, 'data-mark': name,
          'aria-pressed': p.mine === name ? 'true' : 'false', 'aria-label': t(label),
          text: sign + ' ' + t(label) + ' ' + p.marks[name],
          onclick: () => send('/api/proposal/mark', { stage: state.stage.id, paragraph: index, mark: p.mine === name ? '' : name }),
        }))));
    })];
}

// Bold (**...**) as <strong>, everything else as plain text nodes: never parsed as HTML.
function inlineMarkdown(text) {
  return text.split(/\*\*(.+?)\*\*/s).map((part, i) => (i % 2 ? el('strong', { text: part }) : document.createTextNode(part)));
}

async function loadPrompt() {
  const want = state.proposal.request;
  if (prompt.request === want && prompt.text) return prompt.text;
  const response = await fetch('/api/prompt?key=' + encodeURIComponent(key));
  if (!response.ok) throw new Error('prompt');
  const reply = await response.json();
  prompt = { request: reply.request, text: reply.prompt };
  return prompt.text;
}

async function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  // Over plain http on the room's network the clipboard API is missing: the old way still works.
  const area = el('textarea', { readonly: true });
  area.value = text;
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy');
}

function aiPrompt() {
  const toggle = el('button', { class: 'small', id: 'ai-show-prompt', text: promptOpen ? t('ai_hide_prompt') : t('ai_show_prompt'),
    onclick: async () => {
      if (!promptOpen) { try { await loadPrompt(); } catch (e) { return banner(t('err_offline'), true); } }
      promptOpen = !promptOpen;
      render();
    } });
  const copy = el('button', { class: 'small', id: 'ai-copy', text: t('ai_copy'), onclick: async () => {
    try {
      await copyText(await loadPrompt());
      banner(t('ai_copied'));
    } catch (e) {
      promptOpen = true;
      render();
      banner(t('ai_copy_failed'), true);
    }
  } });
  return [el('div', { class: 'row' }, toggle, copy),
    promptOpen && prompt.text ? el('pre', { class: 'prompt', id: 'ai-prompt-text', text: prompt.text }) : null];
}

function aiPaste() {
  const box = el('textarea', { id: 'ai-answer', rows: 8, placeholder: t('ai_paste_label') });
  const go = el('button', { class: 'primary', id: 'ai-paste', text: t('ai_paste_button'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    go.disabled = true;
    const reply = await send('/api/proposal/answer', { stage: state.stage.id, text: box.value });
    go.disabled = false;
    if (reply) { box.value = ''; banner(t('saved')); }
  } });
  return [el('label', { for: 'ai-answer', text: t('ai_paste_label') }), box, go];
}

// Built once per stage and then updated in place: a button must never be replaced under a
// finger that is about to tap it (someone else getting ready changes the counts).
function footer() {
  const readyButton = el('button', { class: 'ready', id: 'ready', onclick: () =>
    send('/api/ready', { stage: state.stage.id, ready: !state.me.ready }) });
  const moreButton = el('button', { class: 'small', id: 'more-time', text: t('more_time'), onclick: () =>
    send('/api/more-time', { stage: state.stage.id }) });
  return [readyButton, el('p', { class: 'counter', id: 'ready-count' }),
    el('div', { class: 'footer' }, moreButton, el('p', { class: 'counter', id: 'more-count' }))];
}

function updateFooter() {
  const s = state;
  const ready = $('ready');
  if (!ready || s.phase !== 'step') return;
  ready.textContent = s.me.ready ? t('not_ready') : t('ready');
  ready.className = 'ready' + (s.me.ready ? ' on' : '');
  $('ready-count').textContent = t('ready_count', { ready: s.people.ready, joined: s.people.joined });
  const more = s.more_time;
  $('more-time').hidden = more.given;
  $('more-time').disabled = s.me.more_time;
  $('more-count').textContent = more.given ? t('more_time_given')
    : t('more_time_votes', { votes: more.votes, joined: s.people.joined, minutes: more.minutes });
}

function hostPanel() {
  const host = (path) => () => send('/api/host/' + path, {});
  return [el('div', { class: 'card host' }, el('h2', { text: t('host_title') }),
    el('div', { class: 'row' },
      el('button', { class: 'small', text: t('host_pause'), onclick: host('pause') }),
      el('button', { class: 'small', text: t('host_extend'), onclick: host('extend') }),
      el('button', { class: 'small', text: t('host_next'), onclick: host('next') })),
    ...(state.notes || []).map((note) => el('div', { class: 'note' }, el('div', { class: 'text', text: note.text }),
      el('button', { class: 'small', text: t('host_hide'), onclick: () => send('/api/host/hide', { note: note.id }) }))))];
}

// The countdown runs on the phone between updates; the kiosk's state corrects it each time.
function tick() {
  const timer = $('timer');
  if (!state || !state.timer || state.phase !== 'step') { timer.textContent = ''; return; }
  if (state.timer.paused) { timer.textContent = t('paused'); timer.className = 'paused'; return; }
  const left = Math.max(0, state.timer.remaining_ms - (performance.now() - receivedAt));
  const seconds = Math.ceil(left / 1000);
  timer.textContent = Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
  timer.className = seconds <= 60 ? 'warning' : '';
}
setInterval(tick, 250);

// ---- start ----------------------------------------------------------------------------

(async function start() {
  try {
    const reply = await (await fetch('/api/strings')).json();
    T = reply.strings;
    maxText = reply.max_text;
    key = localStorage.getItem(storageKey);
    if (key) return join();  // a reload or a phone back from sleep: same person
    showJoin(reply.show_names);
  } catch (e) {
    app.replaceChildren(el('p', { class: 'card', text: 'Geen verbinding met het scherm. / No connection to the screen.' }));
    setTimeout(start, 3000);
  }
})();
