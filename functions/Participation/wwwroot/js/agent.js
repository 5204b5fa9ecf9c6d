// Live transcript for the agent console: polls the console's API (same cookie) and appends new messages.
(function () {
  'use strict';
  var list = document.getElementById('transcript');
  if (!list) { return; }
  var id = list.dataset.conversation;
  var watermark = list.dataset.watermark || '0';
  function add(activity) {
    if (activity.type !== 'message' || !activity.text) { return; }
    var item = document.createElement('li');
    var isUser = activity.from && activity.from.role === 'user';
    item.className = 'transcript__item transcript__item--' + (isUser ? 'user' : 'agent');
    var who = document.createElement('span');
    who.className = 'transcript__who';
    who.textContent = (isUser ? list.dataset.resident : ((activity.from && activity.from.name) || list.dataset.assistant)) + ': ';
    var text = document.createElement('span');
    text.className = 'transcript__text';
    text.textContent = activity.text;
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
