// The validation stage (phone.html): scores, an objection, the decision vote, the owner.
'use strict';

function scoreForm(v) {
  // The kiosk's range: `min` means "not scored" (0), the buttons run from 1 (or min) to max.
  const low = limit('/api/validation/scores', 'scores', 'min');
  const high = limit('/api/validation/scores', 'scores', 'max');
  const scale = [];
  for (let n = Math.max(low, 1); n <= high; n++) scale.push(n);
  const scores = (v.my_scores || v.criteria.map(() => low)).slice();
  const sendScores = () => send('/api/validation/scores', { stage: state.stage.id, scores });
  const intro = t('validation_score_intro', { min: scale[0], max: high });
  return [el('p', { class: 'card', text: intro }), ...v.criteria.map((c, i) => el('div', { class: 'criterion' },
    el('p', { class: 'name', text: c.name }), el('p', { class: 'muted', text: c.description }),
    el('div', { class: 'scale' }, ...scale.map((n) => {
      const button = el('button', { class: 'small' + (scores[i] === n ? ' chosen' : ''), 'data-criterion': i, 'data-score': n,
        'aria-pressed': scores[i] === n ? 'true' : 'false', text: String(n), onclick: () => {
          scores[i] = n;
          for (const other of button.parentNode.children) {
            const on = Number(other.dataset.score) === n;
            other.className = 'small' + (on ? ' chosen' : '');
            other.setAttribute('aria-pressed', on ? 'true' : 'false');
          }
          sendScores();
        } });
      return button;
    }))))];
}

function objectionForm(v) {
  const box = el('textarea', { id: 'objection', rows: 2, maxlength: textMax('/api/validation/objection', 'text'), placeholder: t('validation_objection') });
  box.value = v.my_objection || '';
  return [el('label', { for: 'objection', text: t('validation_objection') }), box,
    el('button', { class: 'small', id: 'objection-send', text: t('validation_objection_send'), onclick: async () => {
      if (!box.value.trim()) return banner(t('err_empty'), true);
      if (await send('/api/validation/objection', { stage: state.stage.id, text: box.value })) banner(t('saved'));
    } })];
}

function decisionVote(v) {
  return [el('p', { class: 'card question', id: 'proposed', text: t('validation_proposed', { decision: decisionName(v.proposed) }) }),
    el('h2', { text: t('validation_vote_intro') }),
    ...['doen', 'aanpassen', 'parkeren'].map((kind) => el('button', {
      class: 'candidate decision' + (v.my_vote === kind ? ' chosen' : ''), 'data-decision': kind,
      'aria-pressed': v.my_vote === kind ? 'true' : 'false',
      onclick: () => send('/api/validation/decision', { stage: state.stage.id, decision: kind }) },
    el('span', { class: 'text', text: decisionName(kind) + (kind === v.proposed ? ' ✓' : '') })))];
}

function ownerPart(v) {
  const nodes = [el('p', { class: 'card question', id: 'decided', text: t('validation_decided', { decision: decisionName(v.decided) }) })];
  if (v.decided === 'parkeren') return nodes.concat([el('p', { class: 'muted', text: t('validation_parked') })]);
  if (!present(v.owner) && !v.i_own) {
    const name = el('input', { id: 'owner-name', maxlength: textMax('/api/validation/volunteer', 'name'), placeholder: t('validation_owner_name') });
    nodes.push(el('label', { for: 'owner-name', text: t('validation_owner_name') }), name,
      el('button', { class: 'primary', id: 'volunteer', text: t('validation_volunteer'), onclick: () =>
        send('/api/validation/volunteer', { stage: state.stage.id, name: name.value }) }));
  } else if (present(v.owner)) {
    // An owner who gave no name (and joined without one) is still an owner.
    nodes.push(el('p', { class: 'muted', id: 'owner', text: v.owner ? t('validation_owner_is', { owner: v.owner }) : t('validation_owner_someone') }));
  }
  if (v.i_own) {
    const step = el('textarea', { id: 'first-step', rows: 2, maxlength: textMax('/api/validation/commit', 'first_step') });
    step.value = v.first_step || '';
    const date = el('input', { id: 'review-date', type: 'date' });
    date.value = v.review_date || '';
    nodes.push(el('label', { for: 'first-step', text: t('validation_first_step') }), step,
      el('label', { for: 'review-date', text: t('validation_review_date') }), date,
      el('button', { class: 'primary', id: 'commit', text: t('validation_commit'), onclick: async () => {
        if (!step.value.trim()) return banner(t('err_empty'), true);
        if (await send('/api/validation/commit', { stage: state.stage.id, first_step: step.value, review_date: date.value })) banner(t('saved'));
      } }));
  } else if (v.first_step) {
    nodes.push(el('p', { class: 'card', text: v.first_step + (v.review_date ? ' · ' + t('review_by', { date: v.review_date_text }) : '') }));
  }
  if (v.decided === 'aanpassen') {
    const box = el('textarea', { id: 'edit', rows: 2, maxlength: textMax('/api/validation/edit', 'text'), placeholder: t('validation_edit') });
    nodes.push(el('label', { for: 'edit', text: t('validation_edit') }), box,
      el('button', { class: 'small', id: 'edit-send', text: t('validation_edit_send'), onclick: async () => {
        if (!box.value.trim()) return banner(t('err_empty'), true);
        if (await send('/api/validation/edit', { stage: state.stage.id, text: box.value })) { box.value = ''; banner(t('saved')); }
      } }), ...(v.edits || []).map((e) => el('p', { class: 'note', text: e })));
  }
  return nodes;
}
