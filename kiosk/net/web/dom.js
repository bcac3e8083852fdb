// What the phone pages share (phone.html: app.js and its parts; coffee.html: coffee.js).
// Loaded first, as a classic deferred script: its top-level names are seen by the scripts that
// follow it on the same page (one global scope; none of them may declare these names again).
// Text from people is only ever set as textContent: it is shown, never run.
'use strict';

let T = {};  // texts in the kiosk's language (/api/strings), set by the page's start()

const $ = (id) => document.getElementById(id);
const app = $('app');

// A number or text from the kiosk worth showing: never null, undefined or NaN.
function present(value) {
  return value !== null && value !== undefined && value !== false && !(typeof value === 'number' && !Number.isFinite(value));
}
function count(value) { return Number.isFinite(value) ? value : 0; }

// The text NAME with its {placeholders} filled. A placeholder without a value is left out
// rather than shown as "{n}" or "undefined"; the console says which, for the tests.
function t(name, values) {
  const text = typeof T[name] === 'string' && T[name] ? T[name] : name;
  return text.replace(/\{(\w+)\}/g, (mark, k) => {
    const v = values ? values[k] : undefined;
    if (present(v)) return String(v);
    console.warn('vitale: no value for ' + mark + ' in ' + name);
    return '';
  });
}

// "12/280", or "12" when the limit is not known. Counts characters as the kiosk does (an emoji is one).
function counterText(text, max) { const n = [...text].length; return max ? n + '/' + max : String(n); }

// Children worth drawing: null, undefined, false and true are skipped (replaceChildren would
// show them as the text "null"); numbers become text.
function drawable(children) {
  return children.flat().filter((c) => c !== null && c !== undefined && c !== false && c !== true && c !== '')
    .map((c) => (typeof c === 'number' ? String(c) : c));
}
function put(parent, ...children) { parent.replaceChildren(...drawable(children)); return parent; }

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (k === 'text') node.textContent = present(v) ? String(v) : '';
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (present(v)) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...drawable(children));
  return node;
}

// The page's short notice in #banner: banner(text) confirms, banner(text, true) refuses,
// banner('') clears. A confirmation goes after noticeMs, a refusal after errorMs. How it goes:
//   keep: 'hidden'  the element is hidden (phone.html: #banner sits under the header and takes
//                   no room while hidden; a refusal's "error" class stays on the hidden element)
//   keep: 'region'  the element stays and is emptied (coffee.html: a live region in the sticky
//                   header, which screen readers only announce when it stays in place)
// banner.timer is the pending timeout (a caller may clear it to keep a notice up);
// banner.reconnecting is reset by every call (app.js sets it for its "reconnecting" notice).
function makeBanner({ errorMs, noticeMs, keep }) {
  const hides = keep === 'hidden';
  function banner(text, isError) {
    const b = $('banner');
    b.textContent = text || '';
    b.className = (hides ? isError : text && isError) ? 'error' : '';
    if (hides) b.hidden = !text;
    clearTimeout(banner.timer);
    banner.reconnecting = false;
    if (text) banner.timer = setTimeout(() => {
      if (hides) b.hidden = true;
      else { b.textContent = ''; b.className = ''; }
    }, isError ? errorMs : noticeMs);
  }
  return banner;
}

// Sections of ROOT, each drawn again only when what it shows (its signature) changed, so that
// an update never replaces a button under a finger. What had the focus inside a redrawn section
// gets it back, with its cursor:
//   focus: 'fields'  only a text field (input, textarea) with an id (app.js)
//   focus: 'any'     any element with an id: also a button or a heading (coffee.js)
// keepText: the field also keeps what is typed in it, and an "input" event lets its counter
// follow (app.js; coffee.js keeps its box's text in its own draft).
// Returns { section, forget }: forget() makes every section draw again on its next call.
function makeSections(root, { focus, keepText }) {
  let shown = {};  // signature of each section as last drawn
  function section(id, signature, build) {
    let node = $(id);
    if (!node) node = root.appendChild(el('section', { id }));
    const sig = JSON.stringify(signature);
    if (shown[id] === sig) return node;
    shown[id] = sig;
    const active = document.activeElement;
    const held = active && active.id && node.contains(active) &&
      (focus === 'any' || ['INPUT', 'TEXTAREA'].includes(active.tagName))
      ? { id: active.id, value: active.value, start: active.selectionStart, end: active.selectionEnd } : null;
    put(node, build() || []);
    const again = held && $(held.id);
    if (again && keepText && again.value !== held.value) {
      again.value = held.value;
      again.dispatchEvent(new Event('input'));  // counters follow
    }
    if (again) {
      again.focus();
      try { again.setSelectionRange(held.start, held.end); } catch (e) { /* a button or a date field has no cursor */ }
    }
    return node;
  }
  return { section, forget() { shown = {}; } };
}

// The page without the kiosk: said in both languages (the texts come from the kiosk).
function noConnection() {
  put(app, el('p', { class: 'card', text: 'Geen verbinding met het scherm. / No connection to the screen.' }));
}
