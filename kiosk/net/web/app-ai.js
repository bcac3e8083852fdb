// The AI stage (phone.html): where the proposal is, its paragraphs to mark, the prompt as sent
// (to see and copy), the manual route (pasting the answer).
'use strict';

let prompt = { request: 0, text: '' };  // the AI prompt as sent, fetched when first wanted
let promptOpen = false;

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
          text: sign + ' ' + t(label) + ' ' + count((p.marks || {})[name]),
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
    // It scrolls (a long prompt): focusable, so it can be scrolled without a touch screen.
    promptOpen && prompt.text ? el('pre', { class: 'prompt', id: 'ai-prompt-text', tabindex: 0, text: prompt.text }) : null];
}

function aiPaste() {
  const box = el('textarea', { id: 'ai-answer', rows: 8, placeholder: t('ai_paste_label') });
  // No maxlength here: the browser would cut a long paste off silently; say it is too long.
  const max = limit('/api/proposal/answer', 'text', 'max');
  const go = el('button', { class: 'primary', id: 'ai-paste', text: t('ai_paste_button'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    if (max && [...box.value].length > max) return banner(t('err_paste_too_long'), true);
    go.disabled = true;
    const reply = await send('/api/proposal/answer', { stage: state.stage.id, text: box.value });
    go.disabled = false;
    if (reply) { box.value = ''; banner(t('saved')); }
  } });
  return [el('label', { for: 'ai-answer', text: t('ai_paste_label') }), box, go];
}
