// The pages of `ledger sign`: a signature pad (pointer events on a canvas, strokes kept as SVG
// path data with integer coordinates) and the sheet's state, asked again as soon as it changes.
'use strict';

const page = document.body.dataset.page;
let version = 0;
let closed = false;

function $(id) { return document.getElementById(id); }

function say(text, error) {
  $('message').textContent = text || '';
  $('message').className = error ? 'error' : '';
}

// One change at a time, in the order made: the server sees them as the page did.
let queue = Promise.resolve();
function post(action, body) {
  const sent = queue.then(() => send(action, body));
  queue = sent.catch(() => false);
  return sent;
}

async function send(action, body) {
  const res = await fetch(action, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (res.ok) return true;
  let why = 'refusé (' + res.status + ')';
  try { why = (await res.json()).error || why; } catch (e) { /* an empty answer */ }
  say(why, true);
  return false;
}

// A pad on `canvas`: path() gives `M x y L x y …`, empty when nothing was drawn.
function Pad(canvas) {
  let path = '', pointer = 'mouse', drawing = false;
  const ctx = canvas.getContext('2d');
  function fit() {
    canvas.width = Math.max(1, Math.round(canvas.clientWidth));
    canvas.height = Math.max(1, Math.round(canvas.clientHeight));
    ctx.lineWidth = 2; ctx.lineCap = 'round'; ctx.lineJoin = 'round';
  }
  function at(e) {
    const r = canvas.getBoundingClientRect();
    const x = Math.min(canvas.width, Math.max(0, Math.round(e.clientX - r.left)));
    const y = Math.min(canvas.height, Math.max(0, Math.round(e.clientY - r.top)));
    return [x, y];
  }
  canvas.addEventListener('pointerdown', e => {
    e.preventDefault();
    canvas.setPointerCapture(e.pointerId);
    drawing = true;
    pointer = e.pointerType;
    const [x, y] = at(e);
    path += 'M' + x + ' ' + y;
    ctx.beginPath(); ctx.moveTo(x, y);
  });
  canvas.addEventListener('pointermove', e => {
    if (!drawing) return;
    const [x, y] = at(e);
    path += 'L' + x + ' ' + y;
    ctx.lineTo(x, y); ctx.stroke();
  });
  const end = () => { drawing = false; };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  this.fit = fit;
  this.clear = () => { path = ''; ctx.clearRect(0, 0, canvas.width, canvas.height); };
  this.body = () => ({ path: path, width: canvas.width, height: canvas.height, pointer: pointer });
  this.empty = () => path.indexOf('L') < 0;
}

async function follow(render) {
  while (!closed) {
    try {
      const res = await fetch('state?v=' + version, { cache: 'no-store' });
      if (!res.ok) { closed = true; say('Feuille fermée.'); break; }
      const state = await res.json();
      version = state.version;
      $('title').textContent = state.title;
      $('sheet').textContent = 'Feuille ' + state.sheet;
      render(state);
      if (state.closed) { closed = true; say('Feuille clôturée : les présences sont enregistrées.'); }
    } catch (e) {
      await new Promise(r => setTimeout(r, 1000));
    }
  }
}

function trainees() {
  const pad = new Pad($('canvas'));
  let current = null;
  function choose(code, name) {
    current = code;
    $('who').textContent = name;
    $('choose').hidden = true;
    $('pad').hidden = false;
    pad.fit(); pad.clear();
    say('');
  }
  function back() { current = null; $('pad').hidden = true; $('choose').hidden = false; }
  $('clear').addEventListener('click', () => pad.clear());
  $('cancel').addEventListener('click', back);
  $('submit').addEventListener('click', async () => {
    if (pad.empty()) { say('Signez dans le cadre.', true); return; }
    const body = pad.body();
    body.trainee = current;
    window.lastSubmitAt = Date.now();
    if (await post('sign', body)) { back(); say('Merci, signature enregistrée.'); }
  });
  follow(state => {
    const list = $('list');
    list.textContent = '';
    for (const t of state.trainees) {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.code = t.code;
      b.textContent = t.name + (t.signed ? ' — signé' : t.absent ? ' — absent' : '');
      b.disabled = t.signed || t.absent || state.closed;
      b.addEventListener('click', () => choose(t.code, t.name));
      li.appendChild(b);
      list.appendChild(li);
    }
  });
}

function trainer() {
  const pad = new Pad($('canvas'));
  pad.fit();
  const rows = {};
  function mark(code) {
    const r = rows[code];
    if (r.status.value === 'late' && !r.missed.value) { r.missed.focus(); return; }
    post('mark', { trainee: code, status: r.status.value, missed: parseInt(r.missed.value || '0', 10), justified: r.justified.checked });
  }
  function row(t) {
    const tr = document.createElement('tr');
    tr.dataset.code = t.code;
    const name = document.createElement('td'); name.textContent = t.name;
    const signature = document.createElement('td'); signature.className = 'signature';
    const presence = document.createElement('td');
    const status = document.createElement('select');
    for (const [v, label] of [['present', 'présent'], ['late', 'en retard / parti tôt'], ['absent', 'absent']]) {
      const o = document.createElement('option'); o.value = v; o.textContent = label; status.appendChild(o);
    }
    const missed = document.createElement('input'); missed.type = 'number'; missed.min = '1'; missed.placeholder = 'min';
    const justifiedLabel = document.createElement('label');
    const justified = document.createElement('input'); justified.type = 'checkbox';
    justifiedLabel.append(justified, ' justifié');
    presence.append(status, ' ', missed, ' ', justifiedLabel);
    const actions = document.createElement('td');
    const reject = document.createElement('button'); reject.type = 'button'; reject.textContent = 'Rejeter la signature';
    actions.appendChild(reject);
    tr.append(name, signature, presence, actions);
    status.addEventListener('change', () => mark(t.code));
    missed.addEventListener('change', () => mark(t.code));
    justified.addEventListener('change', () => mark(t.code));
    reject.addEventListener('click', () => post('reject', { trainee: t.code }));
    rows[t.code] = { tr, signature, status, missed, justified, reject, shown: 0 };
    return tr;
  }
  $('clear').addEventListener('click', () => pad.clear());
  $('submit').addEventListener('click', async () => {
    if (pad.empty()) { say('Signez dans le cadre.', true); return; }
    if (await post('sign', pad.body())) { pad.clear(); say('Feuille signée par le formateur.'); }
  });
  $('close').addEventListener('click', () => post('close', {}));
  follow(state => {
    const body = document.querySelector('#trainees tbody');
    for (const t of state.trainees) {
      if (!rows[t.code]) body.appendChild(row(t));
      const r = rows[t.code];
      const id = t.signature ? t.signature.id : 0;
      if (r.shown !== id) {
        r.shown = id;
        r.signature.innerHTML = t.signature ? t.signature.svg + '<small>' + t.signature.at + '</small>' : '';
        r.tr.dataset.signed = t.signature ? 'yes' : 'no';
        if (t.signature) r.tr.dataset.shownAt = String(Date.now());
      }
      r.reject.disabled = !t.signature || state.closed;
      if (document.activeElement !== r.missed) r.missed.value = t.status === 'late' ? String(t.missed) : '';
      // What the trainer is choosing is left alone (a late arrival waits for its minutes).
      if (document.activeElement !== r.status && document.activeElement !== r.missed) r.status.value = t.status;
      r.justified.checked = t.justified;
    }
    const mine = state.trainer;
    $('trainer-signature').innerHTML = mine ? mine.svg + '<small>' + mine.at + '</small>' : '';
    $('trainer-pad').hidden = !!mine || state.closed;
    $('close').disabled = state.closed;
  });
}

if (page === 'trainees') trainees(); else trainer();
