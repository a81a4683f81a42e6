// QaBot chat page. Everything the server sends is put on the page as text nodes, so an answer,
// a quote or an error message can never inject markup (no HTML parsing of server text anywhere).
(function () {
  'use strict';

  var body = document.body;
  var maxChars = parseInt(body.getAttribute('data-max-question-chars'), 10) || 2000;
  var pageReminder = body.getAttribute('data-reminder') || 'This is general information, not medical advice. Please talk to your healthcare provider about your own situation.';
  var log = document.getElementById('log');
  var scroller = document.getElementById('conversation');
  var form = document.getElementById('ask');
  var input = document.getElementById('question');
  var send = document.getElementById('send');
  var count = document.getElementById('count');
  var intro = document.getElementById('intro');
  var introKey = 'qabot.intro.dismissed';
  var conversationKey = 'qabot.conversation_id';
  var inFlight = false;
  var replies = 0;

  var headlines = {
    emergency: 'This may be a medical emergency. Get help now.',
    self_harm: 'You deserve support right now. Please reach out.',
    personal_medical_advice: 'This is a question for your own healthcare team',
    dosing: 'Doses are for your own healthcare team to decide'
  };

  // ---------- small DOM helpers ----------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function storage(kind) {
    try { return window[kind]; } catch (e) { return null; }
  }

  // ---------- first-visit note ----------
  var local = storage('localStorage');
  if (local && local.getItem(introKey) === '1') intro.classList.add('dismissed');
  document.getElementById('intro-dismiss').addEventListener('click', function () {
    intro.classList.add('dismissed');
    if (local) { try { local.setItem(introKey, '1'); } catch (e) { /* private mode */ } }
    input.focus();
  });

  // ---------- text with **bold**, [n] markers and "- " lists, as DOM nodes ----------
  var inlinePattern = /\*\*([\s\S]+?)\*\*|\[(\d{1,2})\]|\\\*/;

  function clean(text) {
    // Leftover Markdown markers are never shown.
    return text.replace(/\*\*/g, '');
  }

  function appendInline(parent, text, citeIds) {
    var inline = new RegExp(inlinePattern.source, 'g'); // one per call: bold text is read by a nested call
    var last = 0;
    var match;
    while ((match = inline.exec(text)) !== null) {
      if (match.index > last) parent.appendChild(document.createTextNode(clean(text.slice(last, match.index))));
      if (match[1] !== undefined) {
        var strong = el('strong');
        appendInline(strong, match[1], citeIds);
        parent.appendChild(strong);
      } else if (match[2] !== undefined) {
        var n = match[2];
        if (citeIds && citeIds[n]) {
          var a = el('a', 'cite', '[' + n + ']');
          a.href = '#' + citeIds[n];
          a.setAttribute('aria-label', 'source ' + n);
          a.addEventListener('click', followCitation);
          parent.appendChild(a);
        } else {
          parent.appendChild(document.createTextNode('[' + n + ']'));
        }
      } else {
        parent.appendChild(document.createTextNode('*'));
      }
      last = inline.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(clean(text.slice(last))));
  }

  function renderText(text, citeIds) {
    var container = el('div', 'body');
    var paragraphs = (text || '').split(/\n\s*\n/);
    paragraphs.forEach(function (block) {
      var lines = block.split('\n');
      var list = null;
      var para = null;
      lines.forEach(function (line) {
        var item = /^\s*[-•*]\s+(.*)$/.exec(line);
        if (item) {
          if (!list) { list = el('ul'); container.appendChild(list); }
          para = null;
          var li = el('li');
          appendInline(li, item[1], citeIds);
          list.appendChild(li);
          return;
        }
        list = null;
        if (!line.trim()) return;
        if (para) para.appendChild(el('br')); else { para = el('p'); container.appendChild(para); }
        appendInline(para, line, citeIds);
      });
    });
    return container;
  }

  function followCitation(event) {
    var id = this.getAttribute('href').slice(1);
    var target = document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
    target.classList.add('flash');
    var link = target.querySelector('a, summary');
    if (link) link.focus({ preventScroll: true });
    setTimeout(function () { target.classList.remove('flash'); }, 1600);
  }

  // ---------- pieces of a reply ----------
  function reminder(text) {
    return el('p', 'reminder', text || pageReminder);
  }

  function sourcesOf(answer, replyId, citeIds) {
    var citations = answer.citations || [];
    if (!citations.length) return null;
    var section = el('section', 'sources');
    var headingId = replyId + '-sources';
    var heading = el('h2', null, 'Sources'); // under the page's h1 (axe heading-order)
    heading.id = headingId;
    section.setAttribute('aria-labelledby', headingId);
    section.appendChild(heading);
    var list = el('ol');
    citations.forEach(function (c) {
      var li = el('li');
      li.id = citeIds[c.n];
      li.value = c.n;
      var title = c.title || c.id || 'Source';
      var url = typeof c.url === 'string' && /^https?:\/\//i.test(c.url) ? c.url : null;
      var name;
      if (url) {
        name = el('a', null, title);
        name.href = url;
        name.target = '_blank';
        name.rel = 'noopener noreferrer';
      } else {
        name = el('span', 'title', title);
      }
      li.appendChild(name);
      if (c.section && c.section !== title) {
        li.appendChild(document.createTextNode(' \u00b7 '));
        li.appendChild(el('span', 'section', c.section));
      }
      if (c.quote) {
        var details = el('details');
        details.appendChild(el('summary', null, 'Show the quoted passage'));
        var quote = el('blockquote');
        appendInline(quote, c.quote, null);
        details.appendChild(quote);
        li.appendChild(details);
      }
      list.appendChild(li);
    });
    section.appendChild(list);
    return section;
  }

  function suggestionText(item) {
    if (typeof item === 'string') return item;
    if (!item || typeof item !== 'object') return null;
    return item.question || item.section || item.label || item.title || null;
  }

  function suggestions(label, items) {
    if (!Array.isArray(items) || !items.length) return null;
    var box = el('nav', 'suggestions');
    box.setAttribute('aria-label', label);
    box.appendChild(el('p', null, label));
    var list = el('ul');
    items.forEach(function (item) {
      var text = suggestionText(item);
      if (!text) return;
      var li = el('li');
      var chip = el('button', 'chip', text);
      chip.type = 'button';
      chip.addEventListener('click', function () {
        if (inFlight) return;
        ask(text);
      });
      li.appendChild(chip);
      list.appendChild(li);
    });
    if (!list.children.length) return null;
    box.appendChild(list);
    return box;
  }

  // Contacts from the answer's `contacts`; before the server sends them, read from the text's "- Name: how" lines.
  var helpMarker = /\n*Where to get help now:\s*\n?/i;

  function phonesIn(text) {
    var found = [];
    var re = /(?:^|[^\d])(\d{3}(?:[ -]?\d{2,4}){0,3})(?![\d])/g;
    var m;
    while ((m = re.exec(text || '')) !== null) {
      var number = m[1].replace(/[ -]/g, '');
      if (found.indexOf(number) < 0) found.push(number);
    }
    return found;
  }

  function contactsFromText(text) {
    var parts = (text || '').split(helpMarker);
    if (parts.length < 2) return { text: text, contacts: [] };
    var contacts = [];
    parts[1].split('\n').forEach(function (line) {
      var m = /^\s*[-•]\s*([^:]+):\s*(.+?)\s*(?:\(([^()]*)\))?\s*$/.exec(line);
      if (!m) return;
      contacts.push({ name: m[1], contact: m[2], region: m[3] || null, phones: phonesIn(m[2] + ' ' + (m[3] || '')) });
    });
    return { text: parts[0], contacts: contacts };
  }

  function contactList(contacts) {
    var list = el('ul', 'contacts');
    list.setAttribute('aria-label', 'Where to get help now');
    contacts.forEach(function (c) {
      var li = el('li');
      if (c.kind) li.className = 'contact-' + c.kind;
      li.appendChild(el('div', 'name', c.name || 'Help line'));
      var how = el('div', 'how', c.contact || '');
      if (c.region) {
        how.appendChild(document.createTextNode(' '));
        how.appendChild(el('span', 'region', '(' + c.region + ')'));
      }
      li.appendChild(how);
      var phones = c.phones || (c.phone ? [String(c.phone)] : phonesIn(c.contact));
      phones.forEach(function (phone) {
        var dial = String(phone).replace(/[^\d+]/g, '');
        if (!dial) return;
        var a = el('a', 'call', 'Call ' + phone);
        a.href = 'tel:' + dial;
        li.appendChild(a);
      });
      list.appendChild(li);
    });
    return list;
  }

  // ---------- messages ----------
  function scrollToNewest(node) {
    if (node.offsetHeight > scroller.clientHeight) {
      node.scrollIntoView({ block: 'start' });
    } else {
      scroller.scrollTop = scroller.scrollHeight;
    }
  }

  function addMine(text) {
    var node = el('div', 'msg mine', text);
    node.setAttribute('aria-label', 'You asked');
    log.appendChild(node);
    scrollToNewest(node);
  }

  function addTyping() {
    var node = el('div', 'msg bot pending');
    node.setAttribute('role', 'status');
    var dots = el('span', 'typing');
    dots.setAttribute('aria-hidden', 'true');
    for (var i = 0; i < 3; i++) dots.appendChild(el('span', 'dot'));
    node.appendChild(dots);
    node.appendChild(el('span', 'visually-hidden', 'QaBot is writing an answer\u2026'));
    log.appendChild(node);
    scrollToNewest(node);
    return node;
  }

  function renderAnswer(answer, question) {
    replies++;
    var replyId = 'r' + replies;
    var kind = typeof answer.kind === 'string' ? answer.kind : 'answered';
    var category = typeof answer.category === 'string' ? answer.category : null;
    // An urgent reply is an alert, which an <article> may not be (axe aria-allowed-role): a <section> then.
    var urgentReply = kind === 'safety' && (category === 'emergency' || category === 'self_harm');
    var node = el(urgentReply ? 'section' : 'article', 'msg bot ' + kind.replace(/[^a-z_]/g, ''));
    node.id = replyId;
    var citeIds = {};
    (answer.citations || []).forEach(function (c) { citeIds[c.n] = replyId + '-src-' + c.n; });
    var text = typeof answer.text === 'string' ? answer.text : '';

    if (kind === 'safety') {
      var urgent = category === 'emergency' || category === 'self_harm';
      if (urgent) node.classList.add('urgent-' + category);
      node.setAttribute('role', urgent ? 'alert' : 'article');
      var headline = el('h2', 'headline', headlines[category] || 'Please talk to a healthcare professional');
      node.appendChild(headline);
      if (typeof answer.language_note === 'string' && answer.language_note) {
        node.appendChild(el('p', 'language-note', answer.language_note));
      }
      var contacts;
      if (Array.isArray(answer.contacts)) {
        contacts = answer.contacts;
        text = text.split(helpMarker)[0];
      } else {
        var parsed = contactsFromText(text);
        text = parsed.text;
        contacts = parsed.contacts;
      }
      node.appendChild(renderText(text, null));
      if (contacts.length) node.appendChild(contactList(contacts));
    } else {
      node.setAttribute('aria-label', kind === 'answered' ? 'QaBot answered' : 'QaBot replied');
      node.appendChild(renderText(text, citeIds));
      var sources = sourcesOf(answer, replyId, citeIds);
      if (sources) node.appendChild(sources);
    }

    var related = suggestions('Related topics you can ask about:', answer.related);
    if (related) node.appendChild(related);
    var choices = suggestions('Did you mean:', answer.choices);
    if (choices) node.appendChild(choices);
    node.appendChild(reminder(answer.reminder));
    if (kind === 'answered') node.appendChild(feedbackFor(answer, question));
    return node;
  }

  function feedbackFor(answer, question) {
    var box = el('div', 'feedback');
    var label = el('span', 'label', 'Was this answer helpful?');
    box.appendChild(label);
    var status = el('span', 'thanks');
    status.setAttribute('role', 'status');
    var buttons = [
      [true, 'Helpful'],
      [false, 'Not helpful']
    ].map(function (pair) {
      var button = el('button', null, pair[1]);
      button.type = 'button';
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', function () {
        buttons.forEach(function (b) { b.disabled = true; });
        button.setAttribute('aria-pressed', 'true');
        status.textContent = 'Sending\u2026';
        var payload = {
          helpful: pair[0],
          kind: answer.kind,
          passage_ids: (answer.citations || []).map(function (c) { return c.id; }).filter(Boolean).slice(0, 10)
        };
        if (!pair[0]) payload.question = question;
        fetch('/api/feedback', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(payload)
        }).then(function (r) {
          if (!r.ok) throw new Error('status ' + r.status);
          status.textContent = pair[0] ? 'Thank you for your feedback.' : 'Thank you. Your feedback helps us improve the answers.';
        }).catch(function () {
          status.textContent = 'Your feedback could not be sent. Please try again.';
          button.setAttribute('aria-pressed', 'false');
          buttons.forEach(function (b) { b.disabled = false; });
        });
      });
      box.appendChild(button);
      return button;
    });
    box.appendChild(status);
    return box;
  }

  function failureMessage(status, data) {
    var server = data && typeof data.error === 'string' ? data.error : null;
    var wait = data && typeof data.retry_after_seconds === 'number' ? data.retry_after_seconds : null;
    var waitText = wait ? ' Please wait about ' + wait + ' second' + (wait === 1 ? '' : 's') + ' before you try again.' : '';
    switch (status) {
      case 0: return 'QaBot could not be reached. Check your connection, then try again.';
      case 429: return (server || 'You have asked many questions in a short time.') + waitText;
      case 503: return (server || 'QaBot is busy right now.') + waitText;
      case 413: return 'Your question is too long for QaBot. Please shorten it (at most ' + maxChars + ' characters) and try again.';
      case 415: return 'The page sent your question in a form QaBot could not read. Please reload the page and try again.';
      default: return server || 'Something went wrong while answering (status ' + status + '). Please try again.';
    }
  }

  function renderFailure(status, data, question) {
    var node = el('div', 'msg bot failed');
    node.setAttribute('role', 'alert');
    node.appendChild(el('p', 'headline', status === 0 ? 'QaBot could not be reached' : 'Your question was not answered'));
    node.appendChild(el('p', null, failureMessage(status, data)));
    node.appendChild(el('p', null, 'Your question is still in the box below.'));
    var retry = el('button', 'retry', 'Retry');
    retry.type = 'button';
    retry.addEventListener('click', function () {
      if (inFlight) return;
      node.remove();
      ask(input.value.trim() ? input.value : question, true);
    });
    node.appendChild(retry);
    node.appendChild(reminder(data && typeof data.reminder === 'string' ? data.reminder : pageReminder));
    return node;
  }

  // ---------- asking ----------
  function setInFlight(value) {
    inFlight = value;
    send.disabled = value;
    form.setAttribute('aria-busy', value ? 'true' : 'false');
  }

  function ask(question, isRetry) {
    if (inFlight) return;
    question = question.slice(0, maxChars);
    if (!question.trim()) { input.focus(); return; }
    setInFlight(true);
    if (!isRetry) addMine(question);
    input.value = '';
    updateInput();
    var typing = addTyping();
    var request = { question: question };
    var session = storage('sessionStorage');
    var conversation = session ? session.getItem(conversationKey) : null;
    if (conversation) request.conversation_id = conversation;

    fetch('/api/ask', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(request)
    }).then(function (response) {
      return response.json().then(function (data) { return { status: response.status, ok: response.ok, data: data }; },
        function () { return { status: response.status, ok: false, data: null }; });
    }, function () {
      return { status: 0, ok: false, data: null };
    }).then(function (result) {
      var node;
      if (result.ok && result.data && typeof result.data === 'object') {
        if (session && typeof result.data.conversation_id === 'string') {
          try { session.setItem(conversationKey, result.data.conversation_id); } catch (e) { /* ignore */ }
        }
        node = renderAnswer(result.data, question);
      } else {
        if (!input.value.trim()) { input.value = question; updateInput(); }
        node = renderFailure(result.status, result.data, question);
      }
      typing.replaceWith(node);
      scrollToNewest(node);
      setInFlight(false);
    });
  }

  function updateInput() {
    input.style.height = 'auto';
    input.style.height = Math.min(input.scrollHeight + 2, 144) + 'px';
    var left = maxChars - input.value.length;
    count.textContent = left <= Math.min(200, maxChars / 5) ? left + ' characters left.' : '';
  }

  input.setAttribute('maxlength', String(maxChars));
  input.addEventListener('input', updateInput);
  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (!inFlight) ask(input.value);
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!inFlight) ask(input.value);
  });
  updateInput();
  if (!intro.classList.contains('dismissed')) {
    scroller.scrollTop = 0;
  }
  input.focus();
}());
