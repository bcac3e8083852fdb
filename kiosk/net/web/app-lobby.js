// The lobby (phone.html): the session format, the work situation, the framing questions,
// earlier decisions to review.
'use strict';

// One dot on the format the group does today; the room may have picked one already.
function videoframePicker(choice) {
  const head = [el('h2', { text: t('lobby_videoframe') })];
  if (!choice.offered.length || choice.by_room)
    return [...head, el('p', { class: 'card', id: 'videoframe-today', text: t(choice.by_room ? 'lobby_videoframe_room' : 'lobby_videoframe_today', { title: choice.leading }) })];
  return [...head, ...choice.offered.map((f) => el('button', {
    class: 'candidate videoframe-pick' + (choice.mine === f.id ? ' chosen' : ''), 'data-videoframe': f.id,
    'aria-pressed': choice.mine === f.id ? 'true' : 'false',
    onclick: () => send('/api/lobby/videoframe', { videoframe: f.id }) },
    el('span', { class: 'text' }, el('strong', { text: f.title }), el('br'), el('span', { class: 'muted', text: f.summary })),
    el('span', { class: 'count', text: f.dots ? plural('lobby_videoframe_dots', f.dots) : '' })))];
}

function situationForm(lobby) {
  const box = el('textarea', { id: 'situation', rows: 2, maxlength: textMax('/api/lobby/situation', 'text'), placeholder: t('lobby_situation_hint') });
  box.value = lobby.situation || '';
  const save = el('button', { class: 'primary', id: 'situation-save', text: t('lobby_situation_save'), onclick: async () => {
    if (!box.value.trim()) return banner(t('err_empty'), true);
    if (await send('/api/lobby/situation', { text: box.value })) banner(t('saved'));
  } });
  return [el('label', { for: 'situation', text: t('lobby_situation') }), box, save];
}

function framingPicker(lobby) {
  const mine = new Set(lobby.my_framing || []);
  // The kiosk's own limit (its action table); the page is served with the kiosk, so it is always there.
  const most = limit('/api/lobby/framing', 'picks', 'max_items');
  return [el('h2', { text: t('lobby_framing', { n: most }) }), ...(lobby.framing || []).map((q, index) => el('button', {
    class: 'candidate framing-pick' + (mine.has(index) ? ' chosen' : ''), 'data-index': index, 'aria-pressed': mine.has(index) ? 'true' : 'false',
    onclick: () => {
      const next = new Set(mine);
      if (next.has(index)) next.delete(index);
      else if (next.size < most) next.add(index);
      else return banner(t('err_too_many_picks', { max: most }), true);
      send('/api/lobby/framing', { picks: [...next] });
    } }, el('span', { class: 'text', text: q.text }), el('span', { class: 'count', text: q.votes ? plural('lobby_framing_votes', q.votes) : '' })))];
}

function reviewList(reviews) {
  return [el('h2', { text: t('lobby_reviews') }), ...reviews.map((d) => el('div', { class: 'card review' },
    el('p', { class: 'question', text: d.statement || d.situation }),
    el('p', { class: 'muted', text: decisionName(d.kind) + (d.owner ? ' · ' + t('owner_label', { owner: d.owner }) : '') +
      (d.first_step ? ' · ' + d.first_step : '') + (d.review_date ? ' · ' + t('review_by', { date: d.review_date_text }) : '') }),
    el('div', { class: 'row' }, ...['done', 'running', 'dropped'].map((status) => el('button', {
      class: 'small' + (d.review === status ? ' chosen' : ''), 'data-review': status, 'aria-pressed': d.review === status ? 'true' : 'false',
      text: t('review_' + status), onclick: () => send('/api/lobby/review', { decision: d.id, status }) })))))];
}
