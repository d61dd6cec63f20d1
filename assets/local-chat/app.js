// gradbot local chat page: plain JavaScript, no build step. Talks to the HTTP API of
// src/adapters/local/server.ts (documented in the README). Every piece of user or bot text is
// inserted with textContent or as text nodes, never as HTML.
'use strict';

const T = {
  en: {
    title: 'gradbot · class chat',
    writingAs: 'Writing as',
    chats: 'Chats',
    students: 'Students',
    add: 'Add',
    studentName: "Student's name",
    group: 'Class group',
    privateChat: 'Private: {name}',
    placeholder: 'Type a command, e.g. /help',
    send: 'Send',
    attach: 'Attach a CSV or a name list',
    reply: 'Reply',
    replyingTo: 'Replying to {name}: {text}',
    onlyYou: 'Only you can see this',
    edited: 'edited',
    typing: 'gradbot is typing…',
    noStudents: 'Add a student (left) to start chatting.',
    noMessages: 'No messages yet. Try /help.',
    accessNeeded: 'This chat needs an access code. Ask your teacher.',
    enter: 'Enter',
    wrongCode: 'The code is wrong.',
    reconnecting: 'Connection lost, reconnecting…',
    remove: 'Remove {name}',
    imageGone: 'picture no longer kept',
    file: 'File: {name} ({size})',
    tooLarge: 'too large',
    example: 'e.g. {value}',
    sendFailed: 'Could not send: {message}',
  },
  ru: {
    title: 'gradbot · чат класса',
    writingAs: 'От имени',
    chats: 'Чаты',
    students: 'Ученики',
    add: 'Добавить',
    studentName: 'Имя ученика',
    group: 'Чат класса',
    privateChat: 'Лично: {name}',
    placeholder: 'Введите команду, например /help',
    send: 'Отправить',
    attach: 'Прикрепить CSV или список имён',
    reply: 'Ответить',
    replyingTo: 'Ответ на сообщение от {name}: {text}',
    onlyYou: 'Это видите только вы',
    edited: 'изменено',
    typing: 'gradbot печатает…',
    noStudents: 'Добавьте ученика (слева), чтобы начать.',
    noMessages: 'Сообщений пока нет. Попробуйте /help.',
    accessNeeded: 'Для этого чата нужен код доступа. Спросите преподавателя.',
    enter: 'Войти',
    wrongCode: 'Неверный код.',
    reconnecting: 'Связь потеряна, переподключаюсь…',
    remove: 'Удалить: {name}',
    imageGone: 'картинка больше не хранится',
    file: 'Файл: {name} ({size})',
    tooLarge: 'слишком большой',
    example: 'например, {value}',
    sendFailed: 'Не удалось отправить: {message}',
  },
};

const GROUP_CHAT = 'class';
const STORAGE_KEY = 'gradbot.local-chat.v1';

const $ = (id) => document.getElementById(id);
const el = {
  title: $('chat-title'),
  studentSelect: $('student-select'),
  chatList: $('chat-list'),
  studentList: $('student-list'),
  addStudent: $('add-student'),
  studentName: $('student-name'),
  messages: $('messages'),
  empty: $('empty'),
  typing: $('typing'),
  status: $('status'),
  composer: $('composer'),
  input: $('input'),
  fileInput: $('file-input'),
  fileBar: $('file-bar'),
  fileName: $('file-name'),
  fileCancel: $('file-cancel'),
  replyBar: $('reply-bar'),
  replyText: $('reply-text'),
  replyCancel: $('reply-cancel'),
  suggestions: $('suggestions'),
  error: $('error'),
  sidebar: $('sidebar'),
  menuToggle: $('menu-toggle'),
  access: $('access'),
  accessForm: $('access-form'),
  accessCode: $('access-code'),
  accessError: $('access-error'),
};

const state = {
  lang: 'en',
  /** @type {{id: string, name: string}[]} */
  students: [],
  current: null,
  chat: GROUP_CHAT,
  commands: [],
  /** message id -> {data, node} for the open chat */
  shown: new Map(),
  watermark: 0,
  source: null,
  replyTo: null,
  file: null,
  sugg: { items: [], index: -1, moved: false },
  typingTimer: 0,
  epoch: 0,
};

// ---- small helpers ----------------------------------------------------------------------------

function t(key, params) {
  const s = (T[state.lang] && T[state.lang][key]) ?? T.en[key] ?? key;
  if (!params) return s;
  return s.replace(/\{(\w+)\}/g, (whole, k) => (k in params ? String(params[k]) : whole));
}

function node(tag, className, text) {
  const n = document.createElement(tag);
  if (className) n.className = className;
  if (text !== undefined) n.textContent = text;
  return n;
}

function randomId() {
  const bytes = new Uint8Array(4);
  crypto.getRandomValues(bytes);
  return 's-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function formatSize(bytes) {
  if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1) + ' MB';
  if (bytes >= 1024) return (bytes / 1024).toFixed(1) + ' KB';
  return bytes + ' B';
}

function currentStudent() {
  return state.students.find((s) => s.id === state.current) ?? null;
}

function chatKindOf(chatId) {
  return chatId === GROUP_CHAT ? 'group' : 'private';
}

function privateChatOf(studentId) {
  return 'private-' + studentId;
}

function save() {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ lang: state.lang, students: state.students, current: state.current, chat: state.chat }));
  } catch {
    // Private mode without storage: the page still works for this visit.
  }
}

function load() {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!raw) return;
    if (raw.lang === 'ru' || raw.lang === 'en') state.lang = raw.lang;
    if (Array.isArray(raw.students)) {
      state.students = raw.students.filter((s) => s && typeof s.id === 'string' && typeof s.name === 'string').slice(0, 50);
    }
    if (state.students.some((s) => s.id === raw.current)) state.current = raw.current;
    if (typeof raw.chat === 'string') state.chat = raw.chat;
  } catch {
    // A broken entry: start fresh.
  }
  if (!state.current && state.students[0]) state.current = state.students[0].id;
  if (state.chat !== GROUP_CHAT && state.chat !== (state.current ? privateChatOf(state.current) : '')) state.chat = GROUP_CHAT;
}

class AccessError extends Error {}

async function api(path, options = {}) {
  // The server writes its error messages in the language asked for: the page's own.
  const headers = { 'accept-language': state.lang, ...(options.headers || {}) };
  const res = await fetch(path, { credentials: 'same-origin', ...options, headers });
  if (res.status === 401) {
    showAccess();
    throw new AccessError('access code needed');
  }
  return res;
}

async function errorMessage(res) {
  try {
    const body = await res.json();
    return body && body.error && body.error.message ? body.error.message : 'HTTP ' + res.status;
  } catch {
    return 'HTTP ' + res.status;
  }
}

// ---- static texts, chat list, students --------------------------------------------------------

function applyLanguage() {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-placeholder]')) n.placeholder = t(n.dataset.i18nPlaceholder);
  for (const n of document.querySelectorAll('[data-i18n-title]')) n.title = t(n.dataset.i18nTitle);
  for (const b of document.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === state.lang));
  renderChatList();
  renderStudents();
  renderTitle();
  renderEmpty();
  for (const entry of state.shown.values()) {
    const fresh = renderMessage(entry.data);
    entry.node.replaceWith(fresh);
    entry.node = fresh;
  }
  updateSuggestions();
}

function renderTitle() {
  const s = currentStudent();
  el.title.textContent = state.chat === GROUP_CHAT ? t('group') : t('privateChat', { name: s ? s.name : '?' });
}

function renderChatList() {
  el.chatList.replaceChildren();
  const add = (chatId, label) => {
    const li = node('li', chatId === state.chat ? 'active' : '');
    li.dataset.chat = chatId;
    li.append(node('span', 'label', label));
    li.addEventListener('click', () => {
      if (chatId !== GROUP_CHAT) {
        const owner = state.students.find((s) => privateChatOf(s.id) === chatId);
        if (owner) state.current = owner.id;
      }
      openChat(chatId);
      el.sidebar.classList.remove('open');
    });
    el.chatList.append(li);
  };
  add(GROUP_CHAT, t('group'));
  for (const s of state.students) add(privateChatOf(s.id), t('privateChat', { name: s.name }));
}

function renderStudents() {
  el.studentSelect.replaceChildren();
  el.studentList.replaceChildren();
  for (const s of state.students) {
    const opt = node('option', '', s.name);
    opt.value = s.id;
    opt.selected = s.id === state.current;
    el.studentSelect.append(opt);

    const li = node('li', s.id === state.current ? 'active' : '');
    li.dataset.student = s.id;
    li.append(node('span', 'label', s.name));
    const rm = node('button', 'icon', '✕');
    rm.type = 'button';
    rm.setAttribute('aria-label', t('remove', { name: s.name }));
    rm.addEventListener('click', (e) => {
      e.stopPropagation();
      removeStudent(s.id);
    });
    li.append(rm);
    li.addEventListener('click', () => selectStudent(s.id));
    el.studentList.append(li);
  }
  el.studentSelect.disabled = state.students.length === 0;
  el.input.disabled = state.students.length === 0;
}

function addStudent(name) {
  const clean = name.trim().slice(0, 64);
  if (!clean) return;
  const s = { id: randomId(), name: clean };
  state.students.push(s);
  selectStudent(s.id);
}

function removeStudent(id) {
  state.students = state.students.filter((s) => s.id !== id);
  if (state.current === id) state.current = state.students[0] ? state.students[0].id : null;
  if (state.chat === privateChatOf(id)) state.chat = GROUP_CHAT;
  save();
  renderStudents();
  openChat(state.chat === GROUP_CHAT ? GROUP_CHAT : privateChatOf(state.current));
}

function selectStudent(id) {
  state.current = id;
  save();
  renderStudents();
  // A private chat belongs to its student: switching the student switches it too.
  openChat(state.chat === GROUP_CHAT ? GROUP_CHAT : privateChatOf(id));
}

// ---- messages ---------------------------------------------------------------------------------

function renderRich(container, m) {
  const spans = Array.isArray(m.rich) && m.rich.length > 0 ? m.rich : [{ kind: 'text', text: m.text }];
  for (const s of spans) {
    switch (s.kind) {
      case 'bold':
        container.append(node('strong', '', s.text));
        break;
      case 'italic':
        container.append(node('em', '', s.text));
        break;
      case 'code':
        container.append(node('code', '', s.text));
        break;
      case 'pre':
        container.append(node('pre', '', s.text));
        break;
      default:
        container.append(document.createTextNode(s.text));
    }
  }
}

function quoteOf(m) {
  const target = state.shown.get(m.replyTo);
  if (!target) return null;
  const text = target.data.text.length > 80 ? target.data.text.slice(0, 79) + '…' : target.data.text;
  return node('div', 'quote', '↪ ' + target.data.from.name + ': ' + text);
}

function renderMessage(m) {
  const me = state.current !== null && m.from.id === state.current && !m.from.bot;
  const div = node('div', 'msg ' + (m.from.bot ? 'bot' : me ? 'me' : 'other') + (m.private ? ' private' : ''));
  div.dataset.id = m.id;
  div.dataset.seq = String(m.seq);

  const meta = node('div', 'meta');
  meta.append(node('span', 'name', m.from.name));
  const time = new Date(m.at);
  if (!Number.isNaN(time.getTime())) meta.append(node('span', 'time', time.toLocaleTimeString(state.lang, { hour: '2-digit', minute: '2-digit' })));
  if (m.edited) meta.append(node('span', 'edited', t('edited')));
  if (m.from.bot) {
    const reply = node('button', 'icon reply', '↩');
    reply.type = 'button';
    reply.title = t('reply');
    reply.setAttribute('aria-label', t('reply'));
    reply.addEventListener('click', () => setReplyTo(m));
    meta.append(reply);
  }
  div.append(meta);

  if (m.replyTo) {
    const q = quoteOf(m);
    if (q) div.append(q);
  }

  const text = node('div', 'text');
  renderRich(text, m);
  div.append(text);

  if (m.images.length > 0) {
    const box = node('div', 'images');
    m.images.forEach((url, k) => {
      const a = node('a');
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener';
      const img = node('img');
      img.src = url;
      img.alt = (m.imageAlts && m.imageAlts[k]) || '';
      img.loading = 'lazy';
      img.addEventListener('error', () => {
        img.replaceWith(node('span', 'note', '[' + (img.alt || t('imageGone')) + ']'));
      });
      a.append(img);
      box.append(a);
    });
    div.append(box);
  }

  if (m.files && m.files.length > 0) {
    const box = node('div', 'files');
    for (const f of m.files) {
      const label = t('file', { name: f.name, size: f.truncated ? t('tooLarge') : formatSize(f.size) });
      if (f.url) {
        const a = node('a', '', label);
        a.href = f.url;
        a.download = f.name;
        box.append(a);
      } else {
        box.append(node('span', '', label));
      }
    }
    div.append(box);
  }

  if (m.buttons.length > 0) {
    const box = node('div', 'buttons');
    let row = null;
    let rowIndex = -1;
    for (const b of m.buttons) {
      if (b.row !== rowIndex || !row) {
        row = node('div', 'btn-row');
        rowIndex = b.row;
        box.append(row);
      }
      const btn = node('button', b.style || '', b.label);
      btn.type = 'button';
      btn.dataset.action = b.id;
      btn.disabled = b.disabled === true;
      btn.addEventListener('click', () => pressButton(m, b, btn));
      row.append(btn);
    }
    div.append(box);
  }

  if (m.private) div.append(node('div', 'note', t('onlyYou')));
  return div;
}

function nearBottom() {
  const box = el.messages;
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}

/** Shows a new message or replaces an edited one in place (ids are creation order). */
function upsert(m) {
  if (typeof m.seq === 'number' && m.seq > state.watermark) state.watermark = m.seq;
  const stick = nearBottom();
  const old = state.shown.get(m.id);
  const fresh = renderMessage(m);
  if (old) {
    old.node.replaceWith(fresh);
  } else {
    const id = Number(m.id);
    let before = null;
    for (const n of el.messages.children) {
      if (Number(n.dataset.id) > id) {
        before = n;
        break;
      }
    }
    el.messages.insertBefore(fresh, before);
  }
  state.shown.set(m.id, { data: m, node: fresh });
  if (m.from.bot) el.typing.hidden = true;
  renderEmpty();
  if (stick || (!old && !m.from.bot)) el.messages.scrollTop = el.messages.scrollHeight;
}

function renderEmpty() {
  if (state.students.length === 0) {
    el.empty.textContent = t('noStudents');
    el.empty.hidden = false;
  } else {
    el.empty.textContent = t('noMessages');
    el.empty.hidden = state.shown.size > 0;
  }
}

function showTyping() {
  el.typing.textContent = t('typing');
  el.typing.hidden = false;
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => {
    el.typing.hidden = true;
  }, 4000);
}

async function openChat(chatId) {
  const epoch = ++state.epoch;
  state.chat = chatId;
  save();
  if (state.source) state.source.close();
  state.source = null;
  state.shown.clear();
  state.watermark = 0;
  el.messages.replaceChildren();
  el.typing.hidden = true;
  el.status.hidden = true;
  setReplyTo(null);
  renderChatList();
  renderStudents();
  renderTitle();
  renderEmpty();
  if (!state.current) return;
  const as = encodeURIComponent(state.current);
  const chat = encodeURIComponent(chatId);
  let body;
  try {
    const res = await api('/api/chats/' + chat + '/messages?as=' + as);
    if (!res.ok) throw new Error(await errorMessage(res));
    body = await res.json();
  } catch (e) {
    if (!(e instanceof AccessError)) showStatus(String(e.message || e));
    return;
  }
  if (epoch !== state.epoch) return; // another chat was opened meanwhile
  for (const m of body.messages) upsert(m);
  state.watermark = Math.max(state.watermark, body.watermark || 0);
  el.messages.scrollTop = el.messages.scrollHeight;

  const source = new EventSource('/api/chats/' + chat + '/events?as=' + as + '&after=' + state.watermark);
  state.source = source;
  source.onmessage = (e) => {
    if (epoch === state.epoch) upsert(JSON.parse(e.data));
  };
  source.addEventListener('typing', () => {
    if (epoch === state.epoch) showTyping();
  });
  source.onopen = () => {
    el.status.hidden = true;
  };
  source.onerror = () => {
    if (epoch === state.epoch) showStatus(t('reconnecting'));
  };
}

function showStatus(text) {
  el.status.textContent = text;
  el.status.hidden = false;
}

// ---- sending ----------------------------------------------------------------------------------

function setReplyTo(m) {
  state.replyTo = m ? m.id : null;
  el.replyBar.hidden = !m;
  if (m) {
    const text = m.text.length > 60 ? m.text.slice(0, 59) + '…' : m.text;
    el.replyText.textContent = t('replyingTo', { name: m.from.name, text });
    el.input.focus();
  }
}

function setFile(file) {
  state.file = file;
  el.fileBar.hidden = !file;
  el.fileName.textContent = file ? t('file', { name: file.name, size: formatSize(file.size) }) : '';
  if (!file) el.fileInput.value = '';
}

function showError(text) {
  el.error.textContent = text;
  el.error.hidden = !text;
}

async function sendMessage() {
  const s = currentStudent();
  if (!s) return;
  const text = el.input.value;
  if (!text.trim() && !state.file) return;
  const chat = state.chat;
  const url = '/api/chats/' + encodeURIComponent(chat) + '/messages';
  let init;
  if (state.file) {
    const form = new FormData();
    form.append('from.id', s.id);
    form.append('from.name', s.name);
    form.append('text', text);
    form.append('chatKind', chatKindOf(chat));
    form.append('locale', state.lang);
    if (state.replyTo) form.append('replyTo', state.replyTo);
    form.append('file', state.file, state.file.name);
    init = { method: 'POST', body: form };
  } else {
    const body = { from: { id: s.id, name: s.name }, text, chatKind: chatKindOf(chat), locale: state.lang };
    if (state.replyTo) body.replyTo = state.replyTo;
    init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  }
  showError('');
  try {
    const res = await api(url, init);
    if (!res.ok) {
      showError(t('sendFailed', { message: await errorMessage(res) }));
      return;
    }
  } catch (e) {
    if (!(e instanceof AccessError)) showError(t('sendFailed', { message: String(e.message || e) }));
    return;
  }
  el.input.value = '';
  autoGrow();
  setFile(null);
  setReplyTo(null);
  hideSuggestions();
}

async function pressButton(m, b, btn) {
  const s = currentStudent();
  if (!s) return;
  btn.disabled = true;
  showError('');
  try {
    const res = await api('/api/chats/' + encodeURIComponent(state.chat) + '/actions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: { id: s.id, name: s.name }, messageId: m.id, action: b.id, locale: state.lang }),
    });
    if (!res.ok) showError(t('sendFailed', { message: await errorMessage(res) }));
  } catch (e) {
    if (!(e instanceof AccessError)) showError(t('sendFailed', { message: String(e.message || e) }));
  } finally {
    // The bot may edit the message (new buttons); until then the button works again.
    setTimeout(() => {
      if (btn.isConnected) btn.disabled = b.disabled === true;
    }, 600);
  }
}

function autoGrow() {
  el.input.style.height = 'auto';
  el.input.style.height = Math.min(el.input.scrollHeight + 2, 160) + 'px';
}

// ---- command suggestions ----------------------------------------------------------------------

function desc(d) {
  return d ? d[state.lang] || d.en || '' : '';
}

function textOptions(cmd) {
  return (cmd.options || []).filter((o) => o.type !== 'attachment');
}

function usageOf(cmd, currentIndex) {
  const parts = [];
  textOptions(cmd).forEach((o, k) => {
    const name = o.required ? '<' + o.name + '>' : '[' + o.name + ']';
    parts.push({ text: name, current: k === currentIndex });
  });
  return parts;
}

function hideSuggestions() {
  el.suggestions.hidden = true;
  el.suggestions.replaceChildren();
  state.sugg = { items: [], index: -1, moved: false };
}

/** Replaces the token under the caret with `value` (and a space). */
function applySuggestion(item) {
  const v = el.input.value;
  el.input.value = v.slice(0, item.from) + item.insert + v.slice(item.to);
  const caret = item.from + item.insert.length;
  el.input.setSelectionRange(caret, caret);
  el.input.focus();
  updateSuggestions();
}

let autocompleteSeq = 0;

function updateSuggestions() {
  const v = el.input.value;
  if (!v.startsWith('/') || el.input.selectionStart !== v.length) return hideSuggestions();
  const nameOnly = /^\/([^\s@]*)$/.exec(v);
  if (nameOnly) {
    const typed = nameOnly[1].toLowerCase();
    const items = state.commands
      .filter((c) => !c.hidden && c.name.startsWith(typed))
      .map((c) => ({ kind: 'command', cmd: c, from: 0, to: v.length, insert: '/' + c.name + ' ' }));
    return showSuggestions(items, null);
  }
  const m = /^\/([^\s@]+)(?:@\S*)?\s+([\s\S]*)$/.exec(v);
  const cmd = m && state.commands.find((c) => c.name === m[1].toLowerCase());
  if (!cmd) return hideSuggestions();
  const args = m[2];
  const tokens = args.length === 0 ? [''] : args.split(/\s+/);
  const currentToken = tokens[tokens.length - 1];
  const opts = textOptions(cmd);
  let index = tokens.length - 1;
  let option;
  let valueStart = v.length - currentToken.length;
  const named = /^([a-z_-]+)[:=](.*)$/i.exec(currentToken);
  if (named && opts.some((o) => o.name === named[1])) {
    option = opts.find((o) => o.name === named[1]);
    index = opts.indexOf(option);
    valueStart = v.length - named[2].length;
  } else {
    // Positional: skip the options already set by name in earlier tokens.
    const setByName = new Set(tokens.slice(0, -1).map((tok) => (/^([a-z_-]+)[:=]/i.exec(tok) || [])[1]).filter(Boolean));
    const positional = opts.filter((o) => !setByName.has(o.name));
    const before = tokens.slice(0, -1).filter((tok) => !/^([a-z_-]+)[:=]/i.test(tok)).length;
    const restAt = positional.findIndex((o) => o.rest);
    const k = restAt >= 0 && before >= restAt ? restAt : before;
    option = positional[k];
    index = option ? opts.indexOf(option) : -1;
  }
  const typed = v.slice(valueStart);
  const items = [];
  if (option && Array.isArray(option.choices)) {
    for (const c of option.choices) {
      const value = String(c.value);
      if (value.toLowerCase().startsWith(typed.toLowerCase())) {
        items.push({ kind: 'value', label: value, detail: desc(c.label), from: valueStart, to: v.length, insert: value + ' ' });
      }
    }
  }
  const hint = { cmd, index, option };
  showSuggestions(items, hint);
  if (option && option.autocomplete && items.length === 0) {
    const seq = ++autocompleteSeq;
    const q = new URLSearchParams({ command: cmd.name, option: option.name, q: typed, lang: state.lang });
    api('/api/autocomplete?' + q.toString())
      .then((res) => (res.ok ? res.json() : { choices: [] }))
      .then((body) => {
        if (seq !== autocompleteSeq || el.input.value !== v) return;
        const more = (body.choices || []).slice(0, 25).map((c) => ({ kind: 'value', label: c.value, detail: c.label !== c.value ? c.label : '', from: valueStart, to: v.length, insert: c.value + ' ' }));
        showSuggestions(more, hint);
      })
      .catch(() => {});
  }
}

function showSuggestions(items, hint) {
  el.suggestions.replaceChildren();
  state.sugg = { items, index: items.length > 0 ? 0 : -1, moved: false };
  if (hint) {
    const h = node('div', 'hint');
    h.append(node('span', 'cmd', '/' + hint.cmd.name + ' '));
    for (const p of usageOf(hint.cmd, hint.index)) {
      h.append(node('span', p.current ? 'current' : '', p.text));
      h.append(document.createTextNode(' '));
    }
    const line = node('div', 'desc');
    if (hint.option) {
      line.textContent = hint.option.name + ': ' + desc(hint.option.description) + (hint.option.example ? ' (' + t('example', { value: hint.option.example }) + ')' : '');
    } else {
      line.textContent = desc(hint.cmd.description);
    }
    h.append(line);
    el.suggestions.append(h);
  }
  items.forEach((item, k) => {
    const div = node('div', 'item' + (k === 0 ? ' selected' : ''));
    div.setAttribute('role', 'option');
    if (item.kind === 'command') {
      div.dataset.command = item.cmd.name;
      div.append(node('span', 'cmd', '/' + item.cmd.name));
      const usage = usageOf(item.cmd, -1).map((p) => p.text).join(' ');
      if (usage) div.append(node('span', 'usage', ' ' + usage));
      div.append(node('span', 'desc', desc(item.cmd.description)));
    } else {
      div.dataset.value = item.label;
      div.append(node('span', 'cmd', item.label));
      if (item.detail) div.append(node('span', 'desc', item.detail));
    }
    div.addEventListener('mousedown', (e) => {
      e.preventDefault(); // keep the focus in the input
      applySuggestion(item);
    });
    el.suggestions.append(div);
  });
  el.suggestions.hidden = items.length === 0 && !hint;
}

function moveSelection(delta) {
  const { items } = state.sugg;
  if (items.length === 0) return;
  state.sugg.index = (state.sugg.index + delta + items.length) % items.length;
  state.sugg.moved = true;
  const nodes = el.suggestions.querySelectorAll('.item');
  nodes.forEach((n, k) => n.classList.toggle('selected', k === state.sugg.index));
  const sel = nodes[state.sugg.index];
  if (sel) sel.scrollIntoView({ block: 'nearest' });
}

// ---- access code ------------------------------------------------------------------------------

function showAccess() {
  el.access.hidden = false;
  el.accessCode.focus();
}

async function submitAccess() {
  el.accessError.hidden = true;
  const res = await fetch('/api/access', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': state.lang },
    credentials: 'same-origin',
    body: JSON.stringify({ code: el.accessCode.value }),
  });
  if (res.status === 204) {
    el.access.hidden = true;
    el.accessCode.value = '';
    await start();
    return;
  }
  el.accessError.textContent = res.status === 401 ? t('wrongCode') : await errorMessage(res);
  el.accessError.hidden = false;
}

// ---- wiring -----------------------------------------------------------------------------------

function wire() {
  el.addStudent.addEventListener('submit', (e) => {
    e.preventDefault();
    addStudent(el.studentName.value);
    el.studentName.value = '';
  });
  el.studentSelect.addEventListener('change', () => selectStudent(el.studentSelect.value));
  for (const b of document.querySelectorAll('.lang button')) {
    b.addEventListener('click', () => {
      state.lang = b.dataset.lang === 'ru' ? 'ru' : 'en';
      save();
      applyLanguage();
    });
  }
  el.menuToggle.addEventListener('click', () => {
    const open = el.sidebar.classList.toggle('open');
    el.menuToggle.setAttribute('aria-expanded', String(open));
  });
  el.composer.addEventListener('submit', (e) => {
    e.preventDefault();
    void sendMessage();
  });
  // Leaving the input hides the popup a moment later (a click on an item lands first);
  // coming back before that keeps it.
  let blurTimer = 0;
  el.input.addEventListener('input', () => {
    clearTimeout(blurTimer);
    autoGrow();
    updateSuggestions();
  });
  el.input.addEventListener('focus', () => clearTimeout(blurTimer));
  el.input.addEventListener('click', updateSuggestions);
  el.input.addEventListener('blur', () => {
    blurTimer = setTimeout(hideSuggestions, 150);
  });
  el.input.addEventListener('keydown', (e) => {
    const open = !el.suggestions.hidden && state.sugg.items.length > 0;
    if (open && e.key === 'ArrowDown') {
      e.preventDefault();
      moveSelection(1);
    } else if (open && e.key === 'ArrowUp') {
      e.preventDefault();
      moveSelection(-1);
    } else if (open && e.key === 'Tab') {
      e.preventDefault();
      applySuggestion(state.sugg.items[Math.max(0, state.sugg.index)]);
    } else if (e.key === 'Escape') {
      hideSuggestions();
    } else if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      // Enter picks a suggestion only after the arrows chose one; otherwise it sends.
      if (open && state.sugg.moved && state.sugg.index >= 0) applySuggestion(state.sugg.items[state.sugg.index]);
      else void sendMessage();
    }
  });
  el.fileInput.addEventListener('change', () => setFile(el.fileInput.files && el.fileInput.files[0] ? el.fileInput.files[0] : null));
  el.fileCancel.addEventListener('click', () => setFile(null));
  el.replyCancel.addEventListener('click', () => setReplyTo(null));
  el.accessForm.addEventListener('submit', (e) => {
    e.preventDefault();
    void submitAccess();
  });
}

async function start() {
  try {
    const res = await api('/api/commands');
    if (res.ok) state.commands = (await res.json()).commands || [];
  } catch (e) {
    if (e instanceof AccessError) return;
  }
  applyLanguage();
  await openChat(state.chat);
}

async function init() {
  load();
  wire();
  applyLanguage();
  try {
    const res = await fetch('/api/access', { credentials: 'same-origin' });
    const body = await res.json();
    if (body.required && !body.granted) {
      showAccess();
      return;
    }
  } catch {
    // The server is unreachable: the chat shows the reconnect line below.
  }
  await start();
}

void init();
