// Live view of the call center: agents, queue and events over the WebSocket (resumed from the last sequence
// after a reconnect), and a small caller that drives the IVR with its call token. No data is kept but the token
// in this tab's sessionStorage; text is always inserted as text, never as HTML.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let token = sessionStorage.getItem('callcenter.token') || '';
  let lastSeq = 0;
  let socket = null;
  let retry = 0;
  let callId = null;
  let callToken = null;

  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    token = fromHash;
    sessionStorage.setItem('callcenter.token', token);
    history.replaceState(null, '', location.pathname); // keep the token out of the address bar
  }

  function cell(row, text, className) {
    const td = row.insertCell();
    td.textContent = text == null ? '' : String(text);
    td.dir = 'auto';
    if (className) td.className = className;
  }

  async function api(path, options) {
    const headers = Object.assign({ 'Content-Type': 'application/json' }, (options && options.headers) || {});
    const response = await fetch(path, Object.assign({}, options, { headers }));
    const body = response.status === 204 ? null : await response.json();
    if (!response.ok) throw new Error((body && body.detail) || response.statusText);
    return body;
  }

  const staff = () => ({ headers: { Authorization: 'Bearer ' + token } });

  async function refresh() {
    if (!token) return;
    try {
      const agents = await api('/api/agents?limit=200', staff());
      const tbody = $('agents').tBodies[0];
      tbody.replaceChildren();
      for (const a of agents.items) {
        const row = tbody.insertRow();
        row.dataset.agent = a.id;
        cell(row, a.name); cell(row, a.department); cell(row, a.status, a.status); cell(row, a.callsHandled);
      }
      const queue = await api('/api/calls/queue', staff());
      const qbody = $('queue').tBodies[0];
      qbody.replaceChildren();
      for (const q of queue) {
        const row = qbody.insertRow();
        row.dataset.call = q.call.id;
        cell(row, q.position); cell(row, q.call.department); cell(row, q.call.customerName || q.call.phone);
        cell(row, q.call.priority); cell(row, q.waitSeconds + ' s');
      }
    } catch (e) {
      setState('disconnected', e.message);
    }
  }

  function setState(state, text) {
    $('state').dataset.state = state;
    $('state').textContent = text || state;
  }

  function connect() {
    if (!token) return;
    if (socket) socket.close();
    const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/ws/updates?after=' + lastSeq
      + '&access_token=' + encodeURIComponent(token));
    socket.onopen = () => { retry = 0; setState('connected'); refresh(); };
    socket.onmessage = (message) => {
      const event = JSON.parse(message.data);
      if (event.seq <= lastSeq) return;
      lastSeq = event.seq;
      const li = document.createElement('li');
      li.value = event.seq;
      li.dataset.seq = event.seq;
      li.dataset.type = event.type;
      li.dataset.subject = event.subject;
      li.textContent = event.timestamp.slice(11, 19) + ' ' + event.type + ' ' + event.subject
        + (event.data.status ? ' ' + event.data.status : '');
      $('events').prepend(li);
      while ($('events').children.length > 500) $('events').lastChild.remove();
      scheduleRefresh();
    };
    socket.onclose = () => {
      setState('disconnected');
      setTimeout(connect, Math.min(30000, 1000 * 2 ** retry++)); // resumes after lastSeq
    };
  }

  let pending = null;
  function scheduleRefresh() {
    if (pending) return;
    pending = setTimeout(() => { pending = null; refresh(); }, 300);
  }

  function showPrompts(ivr) {
    for (const p of ivr.prompts) {
      const li = document.createElement('li');
      li.textContent = p.text;
      li.dir = 'auto';
      li.lang = p.language;
      $('prompts').append(li);
    }
    const status = document.createElement('li');
    status.textContent = '[' + (ivr.stage || '-') + ' / ' + ivr.status + ']';
    $('prompts').append(status);
    $('ivr').hidden = ivr.done;
  }

  $('login').addEventListener('submit', (e) => {
    e.preventDefault();
    token = $('token').value.trim();
    $('token').value = '';
    sessionStorage.setItem('callcenter.token', token);
    connect();
  });

  $('caller').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const created = await api('/api/calls', { method: 'POST', body: JSON.stringify({
        phone: $('phone').value || null, language: $('language').value, source: 'web' }) });
      callId = created.call.id;
      callToken = created.token;
      $('prompts').replaceChildren();
      showPrompts(created.ivr);
    } catch (err) {
      alert(err.message);
    }
  });

  $('ivr').addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = $('input').value.trim();
    $('input').value = '';
    if (!value || !callId) return;
    const body = /^[0-9*#٠-٩]+$/.test(value) ? { digits: value } : { text: value };
    try {
      showPrompts(await api('/api/calls/' + callId + '/ivr', {
        method: 'POST', body: JSON.stringify(body), headers: { Authorization: 'Bearer ' + callToken } }));
    } catch (err) {
      alert(err.message);
    }
  });

  connect();
})();
