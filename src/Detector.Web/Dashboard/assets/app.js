// AgentDrift dashboard: polls the JSON API under /api and renders with plain DOM calls. Every value
// from the API goes in as text (never as HTML): tool names, destinations and explanations come from
// agents' events, which an attacker may control.
'use strict';

const REFRESH_MS = 2000;
const state = { selected: null, token: null };

// A token given as #token=... (dashboard opened from another machine) is kept in this tab only.
(function readToken() {
  const match = /[#&]token=([^&]+)/.exec(location.hash);
  if (match) { sessionStorage.setItem('agentdrift-token', decodeURIComponent(match[1])); history.replaceState(null, '', location.pathname); }
  state.token = sessionStorage.getItem('agentdrift-token');
})();

async function api(path, options = {}) {
  const headers = Object.assign({ 'Accept': 'application/json' }, options.headers || {});
  if (state.token) headers['Authorization'] = 'Bearer ' + state.token;
  const response = await fetch('/api' + path, Object.assign({}, options, { headers }));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const pct = (x) => (x * 100).toFixed(1) + '%';
const time = (t) => t ? t.replace('T', ' ').replace(/(\.\d+)?Z$/, 'Z') : '';
const short = (agent) => agent.replace(/^spiffe:\/\//, '');
const severity = (s) => el('span', { class: 'sev ' + s }, s);

function renderStatus(s) {
  const breakers = s.circuit_breakers.map((b) => el('span', { class: b.state === 'closed' ? '' : 'open' }, ` ${b.name}: ${b.state}`));
  document.getElementById('status').replaceChildren(
    `${s.events.toLocaleString()} events · up to ${time(s.watermark)} · model ${s.active_model || 'n/a'}`,
    s.shadow_model ? ` (shadow ${s.shadow_model})` : '',
    s.read_model_dropped ? ` · dashboard skipped ${s.read_model_dropped}` : '',
    s.suppressed_alerts ? ` · ${s.suppressed_alerts} alerts suppressed` : '',
    breakers.length ? ' · breakers:' : '', ...breakers);
}

function renderAgents(rows) {
  const body = document.querySelector('#agents tbody');
  body.replaceChildren(...rows.map((row) => {
    const a = row.agent;
    return el('tr', { dataset: { agent: a.agent }, class: state.selected === 'agent:' + a.agent ? 'selected' : '', onclick: () => showAgent(a.agent) },
      el('td', { class: 'mono', title: a.agent }, short(a.agent)),
      el('td', {}, el('span', { class: 'bar', style: `width:${Math.round(a.risk * 60)}px` }), pct(a.risk)),
      el('td', {}, pct(a.peak_risk)),
      el('td', {}, a.events.toLocaleString()),
      el('td', {}, a.alerts ? [a.alerts, ' ', severity(a.top_severity)] : '0'),
      el('td', {}, row.restriction || ''));
  }));
}

function renderFeed(rows) {
  const feed = document.getElementById('feed');
  feed.replaceChildren(...rows.map((row) => {
    const a = row.alert;
    return el('li', { dataset: { alertId: a.alert_id }, class: state.selected === 'alert:' + a.alert_id ? 'selected' : '', onclick: () => showAlert(a.alert_id) },
      el('div', {}, severity(a.severity), ' ', el('span', { class: 'meta' }, time(a.time), ' · ', a.kind, ' · '),
        el('span', { class: 'mono alert-id' }, a.alert_id), row.verdict ? el('span', { class: 'verdict' }, row.verdict) : null),
      el('div', { class: 'mono meta' }, short(a.agent_id), ' / ', a.session_id),
      el('div', { class: 'explanation' }, a.explanation));
  }));
}

function renderQuarantines(rows) {
  document.querySelector('#quarantines tbody').replaceChildren(...rows.map((v) => {
    const d = v.signal.data;
    return el('tr', { onclick: () => showAgent(d.agent_id) },
      el('td', {}, time(v.signal.time)), el('td', { class: 'mono' }, short(d.agent_id)), el('td', {}, d.action),
      el('td', {}, time(d.expires_at)), el('td', {}, v.release ? `released by ${v.release.actor}` : 'in force'));
  }));
}

// The active model, the candidate in shadow and what each made of the same events; switching is for
// hosts that run a worker (switchable), and every request names who asked.
function renderModels(m) {
  const target = document.getElementById('models');
  if (target.contains(document.activeElement)) return; // do not redraw under someone typing a directory
  const c = m.comparison;
  const rows = c ? c.kinds.map((k) => el('tr', {}, el('td', {}, k.kind), el('td', {}, k.active.toLocaleString()), el('td', {}, k.shadow.toLocaleString()))) : [];
  const comparison = c ? el('div', { id: 'shadow-comparison' },
    el('div', { class: 'meta' }, `since ${time(c.started)} · ${c.events.toLocaleString()} events scored by both · alerts ${c.active_alerts.toLocaleString()} active / ${c.shadow_alerts.toLocaleString()} shadow`),
    el('div', {}, `sessions alerted: ${c.sessions_both} by both · ${c.sessions_active_only} only by the active model · ${c.sessions_shadow_only} only by the candidate`),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'kind'), el('th', {}, 'active'), el('th', {}, 'shadow'))), el('tbody', {}, rows)),
    c.recent_shadow_alerts.length ? el('details', {}, el('summary', {}, 'latest candidate alerts (recorded, not emitted)'),
      el('ul', {}, c.recent_shadow_alerts.slice(0, 10).map((a) => el('li', {}, severity(a.severity), ' ', a.kind, ' · ', el('span', { class: 'mono' }, short(a.agent_id)), ' · ', a.explanation)))) : '') : '';
  let controls = '';
  if (m.switchable) {
    const actor = el('input', { placeholder: 'your name', value: localStorage.getItem('agentdrift-actor') || '' });
    const directory = el('input', { placeholder: 'model directory on the workers', size: 28 });
    const message = el('span', { class: 'message' });
    const send = async (path, body) => {
      localStorage.setItem('agentdrift-actor', actor.value);
      try {
        const r = await api('/models/' + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(Object.assign({ actor: actor.value }, body)) });
        message.textContent = `${r.requested} ${r.version || ''} requested`;
      } catch (e) { message.textContent = e.message; }
    };
    controls = el('div', { class: 'actions' }, actor, directory,
      el('button', { onclick: () => send('shadow', { directory: directory.value }) }, 'Run in shadow'),
      el('button', { onclick: () => send('activate', { directory: directory.value }) }, 'Activate'),
      c ? el('button', { id: 'promote', onclick: () => confirm(`Activate ${c.shadow_version} for every worker?`) && send('promote', {}) }, 'Promote candidate') : '',
      c ? el('button', { onclick: () => send('shadow/stop', {}) }, 'Stop shadow') : '',
      message);
  }
  target.replaceChildren(
    el('div', {}, 'active ', el('span', { class: 'mono', id: 'active-model' }, m.active || 'n/a'), m.shadow ? [' · shadow ', el('span', { class: 'mono' }, m.shadow)] : ' · no candidate in shadow'),
    comparison, controls);
}

async function showAlert(id) {
  state.selected = 'alert:' + id;
  const view = await api('/alerts/' + encodeURIComponent(id));
  const a = view.alert;
  document.getElementById('detail-title').textContent = 'Alert ' + a.alert_id;
  const steps = a.evidence.map((s, i) => el('li', { class: 'evidence-step', dataset: { eventId: s.event_id } },
    el('div', { class: 'meta' }, `step ${i + 1} · ${time(s.time)} · `, el('span', { class: 'mono' }, s.event_id), ` · ${s.tool} (${s.action})`),
    el('div', { class: 'note' }, s.note)));
  const features = Object.entries(a.features).map(([k, v]) => el('span', {}, el('span', { class: 'meta' }, k + ' '), Number(v).toFixed(3)));
  const signals = view.signals.map((v) => el('li', {}, `${v.signal.data.action} until ${time(v.signal.data.expires_at)}`, v.release ? ` — released by ${v.release.actor}` : ''));
  document.getElementById('detail').replaceChildren(
    el('div', {}, severity(a.severity), ' ', a.kind, ' · score ', pct(a.score), ' · model ', a.model_version,
      view.verdict ? el('span', { class: 'verdict' }, view.verdict) : null),
    el('p', { class: 'explanation' }, a.explanation),
    el('div', { class: 'mono meta' }, el('a', { href: '#', onclick: (e) => { e.preventDefault(); showAgent(a.agent_id); } }, a.agent_id), ' / ', a.session_id),
    el('h2', {}, 'Evidence chain'), el('ol', { class: 'evidence', id: 'evidence' }, steps),
    el('h2', {}, 'Features'), el('div', { class: 'features' }, features),
    signals.length ? el('div', {}, el('h2', {}, 'Quarantine signals'), el('ul', {}, signals)) : '',
    feedbackForm(a));
}

function feedbackForm(a) {
  const actor = el('input', { placeholder: 'your name', id: 'actor', value: localStorage.getItem('agentdrift-actor') || '' });
  const reason = el('input', { placeholder: 'why', id: 'reason', size: 30 });
  const scope = el('select', { id: 'scope' }, ['agent', 'tool', 'destination', 'kind'].map((s) => el('option', { value: s }, s)));
  const value = el('input', { id: 'scope-value', placeholder: 'value', value: a.agent_id });
  scope.addEventListener('change', () => {
    value.value = scope.value === 'agent' ? a.agent_id : scope.value === 'kind' ? a.kind : scope.value === 'tool' ? a.evidence[a.evidence.length - 1].tool : '';
  });
  const hours = el('input', { id: 'ttl', type: 'number', value: 24, min: 1, style: 'width:5em' });
  const message = el('span', { class: 'message', id: 'feedback-message' });
  const send = async (path, body) => {
    localStorage.setItem('agentdrift-actor', actor.value);
    try {
      await api(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      message.textContent = 'saved';
      refresh();
    } catch (e) { message.textContent = e.message; }
  };
  const verdict = (v) => send('/feedback', { alert_id: a.alert_id, verdict: v, actor: actor.value, reason: reason.value });
  return el('div', {},
    el('h2', {}, 'Feedback'),
    el('div', { class: 'actions' }, actor, reason,
      el('button', { id: 'confirm', onclick: () => verdict('confirmed') }, 'Confirm'),
      el('button', { id: 'false-positive', onclick: () => verdict('false_positive') }, 'False positive')),
    el('div', { class: 'actions' }, 'Suppress', scope, value, 'for', hours, 'hours',
      el('button', { id: 'suppress', onclick: () => send('/suppressions', { scope: scope.value, value: value.value, ttl_hours: Number(hours.value), actor: actor.value, reason: reason.value }) }, 'Suppress')),
    message);
}

async function showAgent(agent) {
  state.selected = 'agent:' + agent;
  const view = await api('/agents/' + encodeURIComponent(agent));
  const d = view.detail, s = d.summary;
  document.getElementById('detail-title').textContent = 'Agent ' + s.agent;
  const shares = (items) => el('table', {}, el('tbody', {}, items.map((t) =>
    el('tr', {}, el('td', { class: 'mono' }, t.name), el('td', {}, el('span', { class: 'bar', style: `width:${Math.round(t.share * 120)}px` }), pct(t.share))))));
  const chart = el('div', { class: 'chart', id: 'rate-chart' });
  document.getElementById('detail').replaceChildren(
    el('div', {}, `risk ${pct(s.risk)} · peak ${pct(s.peak_risk)} · ${s.events.toLocaleString()} events · last seen ${time(s.last_seen)}`),
    el('div', { class: 'cols' }, el('div', {}, el('h2', {}, 'Tool mix'), shares(d.tools)), el('div', {}, el('h2', {}, 'Usual destinations'), shares(d.destinations))),
    el('h2', {}, 'Events per hour against the normal band'), chart,
    el('h2', {}, 'Recent alerts'),
    el('ul', {}, view.alerts.map((r) => el('li', { onclick: () => showAlert(r.alert.alert_id) }, severity(r.alert.severity), ' ', time(r.alert.time), ' ', r.alert.kind))));
  drawRate(chart, d.rate);
}

function drawRate(target, points) {
  if (!points.length || typeof uPlot === 'undefined') return;
  const xs = points.map((p) => Date.parse(p.hour) / 1000);
  const data = [xs, points.map((p) => p.events), points.map((p) => p.expected), points.map((p) => p.low), points.map((p) => p.high)];
  new uPlot({
    width: Math.max(target.clientWidth, 400), height: 180,
    series: [{}, { label: 'events', stroke: '#4ea1ff', width: 2 }, { label: 'expected', stroke: '#8a96a3', dash: [4, 4] },
      { label: 'low', stroke: 'transparent' }, { label: 'high', stroke: 'transparent' }],
    bands: [{ series: [4, 3], fill: 'rgba(63,185,80,0.18)' }],
    axes: [{ stroke: '#8a96a3' }, { stroke: '#8a96a3' }],
  }, data, target);
}

async function refresh() {
  try {
    const [status, agents, alerts, quarantines, models] = await Promise.all([api('/status'), api('/agents?limit=25'), api('/alerts?limit=50'), api('/quarantines?limit=20'), api('/models')]);
    renderStatus(status); renderAgents(agents); renderFeed(alerts); renderQuarantines(quarantines); renderModels(models);
  } catch (e) {
    document.getElementById('status').textContent = 'API unavailable: ' + e.message;
  }
}

refresh();
setInterval(refresh, REFRESH_MS);
