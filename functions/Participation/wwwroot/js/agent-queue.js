// The live-chat queue refreshes itself: every few seconds it asks the console's API (same cookie) which conversations
// wait or run, and reloads the server-rendered list when that changed, announcing a new waiting resident to screen readers.
(function () {
  'use strict';
  var marker = document.getElementById('queue-refresh');
  if (!marker) { return; }
  var known = marker.dataset.signature || '';
  function signatureOf(handoffs) {
    return handoffs.map(function (h) { return h.conversationId + ':' + h.status; }).join(',');
  }
  function poll() {
    fetch('/api/agent/handoffs', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (handoffs) {
        if (!handoffs) { return; }
        var now = signatureOf(handoffs);
        if (now !== known) {
          try { window.sessionStorage.setItem('agent-queue-announce', marker.dataset.new); } catch (e) { /* private mode */ }
          window.location.reload();
        }
      })
      .catch(function () { /* try again next time */ })
      .then(function () { window.setTimeout(poll, 4000); });
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
