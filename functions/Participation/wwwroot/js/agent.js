// Live transcript for the agent console: polls the console's API (same cookie) and appends new messages.
(function () {
  'use strict';
  var list = document.getElementById('transcript');
  if (!list) { return; }
  var id = list.dataset.conversation;
  var watermark = list.dataset.watermark || '0';

  // The bot writes its answers in a small Markdown subset (paragraphs, "- " lists, **bold**, [text](https://…)). It is
  // rendered here by building nodes from text, never through innerHTML, so no message can inject markup or script.
  function inline(parent, text) {
    var pattern = /\*\*([^*]+)\*\*|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
    var last = 0;
    var match;
    while ((match = pattern.exec(text)) !== null) {
      parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) {
        var strong = document.createElement('strong');
        strong.textContent = match[1];
        parent.appendChild(strong);
      } else {
        var link = document.createElement('a');
        link.className = 'utrecht-link';
        link.href = match[3];
        link.rel = 'noopener noreferrer';
        link.target = '_blank';
        link.textContent = match[2];
        parent.appendChild(link);
      }
      last = pattern.lastIndex;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function markdown(element, text) {
    element.textContent = '';
    text.split(/\n\s*\n/).forEach(function (block) {
      var lines = block.split('\n').filter(function (l) { return l.trim() !== ''; });
      if (lines.length === 0) { return; }
      if (lines.every(function (l) { return /^\s*[-*] /.test(l); })) {
        var ul = document.createElement('ul');
        ul.className = 'utrecht-unordered-list';
        lines.forEach(function (l) {
          var li = document.createElement('li');
          li.className = 'utrecht-unordered-list__item';
          inline(li, l.replace(/^\s*[-*] /, ''));
          ul.appendChild(li);
        });
        element.appendChild(ul);
      } else {
        var p = document.createElement('p');
        p.className = 'utrecht-paragraph';
        inline(p, lines.join(' '));
        element.appendChild(p);
      }
    });
  }
  list.querySelectorAll('[data-markdown]').forEach(function (element) { markdown(element, element.textContent); });
  function add(activity) {
    if (activity.type !== 'message' || !activity.text) { return; }
    var item = document.createElement('li');
    var isUser = activity.from && activity.from.role === 'user';
    item.className = 'transcript__item transcript__item--' + (isUser ? 'user' : 'agent');
    var who = document.createElement('span');
    who.className = 'transcript__who';
    who.textContent = (isUser ? list.dataset.resident : ((activity.from && activity.from.name) || list.dataset.assistant)) + ': ';
    var text = document.createElement(isUser ? 'span' : 'div');
    text.className = 'transcript__text';
    if (isUser) {
      text.textContent = activity.text;
    } else {
      markdown(text, activity.text);
    }
    item.appendChild(who);
    item.appendChild(text);
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }
  function poll() {
    fetch('/api/agent/handoffs/' + encodeURIComponent(id) + '/activities?watermark=' + encodeURIComponent(watermark), { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (set) {
        if (set) {
          (set.activities || []).forEach(add);
          watermark = set.watermark || watermark;
        }
      })
      .catch(function () { /* try again next time */ })
      .then(function () { window.setTimeout(poll, 1500); });
  }
  window.setTimeout(poll, 1500);
})();
