// The live-chat queue refreshes itself: every few seconds it asks the console's API (same cookie) which conversations
// wait or run, and reloads the server-rendered list when that changed. Only a newly waiting resident is announced to
// screen readers. Once the agent submits a form or leaves, polling stops: a reload then would cancel the navigation the
// agent asked for (taking over a conversation changes the list, and its redirect would lose against the reload).
(function () {
  'use strict';
  var marker = document.getElementById('queue-refresh');
  if (!marker) { return; }
  var known = marker.dataset.signature || '';
  var leaving = false;
  function stop() { leaving = true; }
  document.addEventListener('submit', stop, true);
  window.addEventListener('beforeunload', stop);
  window.addEventListener('pagehide', stop);
  function signatureOf(handoffs) {
    return handoffs.map(function (h) { return h.conversationId + ':' + h.status; }).join(',');
  }
  function waitingIn(signature) {
    return signature.split(',').filter(function (entry) { return /:Waiting$/.test(entry); });
  }
  function poll() {
    if (leaving) { return; }
    fetch('/api/agent/handoffs', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (handoffs) {
        if (!handoffs || leaving) { return; }
        var now = signatureOf(handoffs);
        if (now !== known) {
          var before = waitingIn(known);
          var isNew = waitingIn(now).some(function (entry) { return before.indexOf(entry) < 0; });
          if (isNew) {
            try { window.sessionStorage.setItem('agent-queue-announce', marker.dataset.new); } catch (e) { /* private mode */ }
          }
          leaving = true;
          window.location.reload();
        }
      })
      .catch(function () { /* try again next time */ })
      .then(function () { if (!leaving) { window.setTimeout(poll, 4000); } });
  }
  try {
    var announce = window.sessionStorage.getItem('agent-queue-announce');
    if (announce) {
      window.sessionStorage.removeItem('agent-queue-announce');
      document.getElementById('queue-announcement').textContent = announce;
    }
  } catch (e) { /* private mode */ }
  window.setTimeout(poll, 4000);
})();
