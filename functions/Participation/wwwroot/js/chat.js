// Web Chat on the app's own Direct Line endpoint (/v3/directline), polling (the built-in channel has no WebSocket).
(function () {
  'use strict';
  var host = document.getElementById('webchat');
  if (!host || !window.WebChat) { return; }
  var directLine = window.WebChat.createDirectLine({
    token: host.dataset.token,
    domain: window.location.origin + '/v3/directline',
    webSocket: false,
    pollingInterval: 1000
  });
  window.WebChat.renderWebChat({
    directLine: directLine,
    userID: host.dataset.user,
    locale: host.dataset.locale,
    styleOptions: {
      accent: '#1d4f91',
      primaryFont: 'inherit',
      sendBoxHeight: 48,
      hideUploadButton: true
    }
  }, host);
})();
