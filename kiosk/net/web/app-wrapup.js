// The wrap-up (phone.html): the summary, the private reflection, next week's coffee question.
'use strict';

let questionDraft = null;  // the wrap-up's coffee-corner question as typed, until it is sent

function wrapupPart(w) {
  const d = w.decision;
  const nodes = [el('h2', { text: t('wrapup_summary') }), el('div', { class: 'card', id: 'summary' },
    w.situation ? el('p', { text: w.situation }) : null, w.statement ? el('p', { class: 'question', text: w.statement }) : null,
    d ? el('p', { text: decisionName(d.kind) + (d.owner ? ' · ' + t('owner_label', { owner: d.owner }) : '') +
      (d.review_date ? ' · ' + t('review_by', { date: d.review_date_text }) : '') }) : null)];
  // The personal reflection stays on this phone unless it is shared.
  const saved = localStorage.getItem(storageKey + ':reflection') || '';
  const box = el('textarea', { id: 'reflection', rows: 3, maxlength: textMax('/api/wrapup/share', 'text'), 'aria-label': t('wrapup_reflection') });
  box.value = saved;
  box.addEventListener('input', () => localStorage.setItem(storageKey + ':reflection', box.value));
  nodes.push(el('h2', { text: t('wrapup_reflection') }), el('p', { class: 'card question', text: w.question }),
    el('p', { class: 'muted', text: t('wrapup_reflection_private') }), box,
    el('button', { class: 'small', id: 'share', text: t('wrapup_reflection_share'), onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      if (await send('/api/wrapup/share', { text: box.value })) banner(t('wrapup_shared'));
    } }));
  if (w.my_shared) nodes.push(el('p', { class: 'muted', text: t('wrapup_shared') }));
  return nodes;
}

// The wrap-up's question for next week's coffee corner: each phone suggests one (again =
// replace it) and gives one dot to one suggestion (again = move it); the one with most dots is
// chosen. What is typed survives a redraw by someone else's suggestion or dot (questionDraft).
function coffeeQuestionPart(w) {
  const mine = w.questions.find((q) => q && q.mine);
  const box = el('textarea', { id: 'question-idea', rows: 2, maxlength: textMax('/api/wrapup/question', 'text'),
    placeholder: t('wrapup_question_hint') });
  box.value = questionDraft !== null ? questionDraft : mine ? mine.text : '';
  box.addEventListener('input', () => { questionDraft = box.value; });
  const save = el('button', { class: 'small', id: 'question-send', text: t(mine ? 'wrapup_question_change' : 'wrapup_question_send'),
    onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      save.disabled = true;
      const reply = await send('/api/wrapup/question', { text: box.value });
      save.disabled = false;
      if (reply) { questionDraft = null; banner(t('wrapup_question_saved')); }
    } });
  const dot = w.question_dot;
  const list = w.questions.filter((q) => q && present(q.id)).map((q) => el('button', {
    class: 'candidate question-idea' + (dot === q.id ? ' chosen' : ''), 'data-idea': q.id, 'aria-pressed': dot === q.id ? 'true' : 'false',
    onclick: () => { if (dot !== q.id) send('/api/wrapup/question-dot', { idea: q.id }); } },
  el('span', { class: 'text', text: q.text }), q.mine ? el('span', { class: 'mine', text: t('wrapup_question_yours') }) : null,
  el('span', { class: 'dots', 'aria-hidden': 'true', text: dot === q.id ? '●' : '' })));
  return [el('h2', { id: 'question-title', text: t('wrapup_question_title') }),
    el('p', { class: 'muted', text: t('wrapup_question_intro') }),
    el('label', { for: 'question-idea', text: t(mine ? 'wrapup_question_label_mine' : 'wrapup_question_label') }), box, save,
    list.length ? el('p', { class: 'muted', id: 'question-dot-intro', text: t('wrapup_question_dot_intro') }) : null, ...list,
    el('p', { class: 'card question', id: 'question-chosen', text: w.question_chosen
      ? t('wrapup_question_chosen', { question: w.question_chosen }) : t('wrapup_question_none') })];
}
