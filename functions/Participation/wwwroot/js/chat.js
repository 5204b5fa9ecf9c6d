// Web Chat on the app's own Direct Line endpoint (/v3/directline), polling (the built-in channel has no WebSocket).
// The conversation id and token are kept in sessionStorage for this tab, so a reload or "back" reconnects to the same
// conversation (GET /v3/directline/conversations/{id}, done by Web Chat's Direct Line client) and keeps the history and the
// resident's place in the agent queue; a new tab starts a new conversation.
(function () {
  'use strict';
  var host = document.getElementById('webchat');
  if (!host || !window.WebChat) { return; }
  var storageKey = 'participation.chat.conversation';

  function read() {
    try { return JSON.parse(window.sessionStorage.getItem(storageKey) || 'null'); } catch (e) { return null; }
  }

  function write(value) {
    try {
      if (value) { window.sessionStorage.setItem(storageKey, JSON.stringify(value)); } else { window.sessionStorage.removeItem(storageKey); }
    } catch (e) { /* storage disabled: the chat works, a reload just starts over */ }
  }

  var saved = read();
  var resuming = !!(saved && saved.conversationId && saved.token);
  var options = {
    token: resuming ? saved.token : host.dataset.token,
    domain: window.location.origin + '/v3/directline',
    webSocket: false,
    pollingInterval: 1000
  };
  if (resuming) { options.conversationId = saved.conversationId; }
  var directLine = window.WebChat.createDirectLine(options);
  var userId = resuming && saved.userId ? saved.userId : host.dataset.user;

  function remember() {
    if (directLine.conversationId && directLine.token) {
      write({ conversationId: directLine.conversationId, token: directLine.token, userId: userId });
    }
  }

  directLine.connectionStatus$.subscribe(function (status) {
    if (status === 2) { remember(); }                 // Online
    if (resuming && (status === 3 || status === 4)) { // ExpiredToken or FailedToConnect: the old conversation is gone
      write(null);
      window.location.reload();
    }
  });
  directLine.activity$.subscribe(remember);           // tokens are refreshed while the conversation runs

  window.WebChat.renderWebChat({
    directLine: directLine,
    userID: userId,
    locale: host.dataset.locale,
    styleOptions: {
      accent: '#1d4f91',
      primaryFont: 'inherit',
      sendBoxHeight: 48,
      hideUploadButton: true
    }
  }, host);
})();
