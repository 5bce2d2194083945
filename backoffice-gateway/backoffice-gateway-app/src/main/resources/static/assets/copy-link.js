// Project menu → Integrations → Customer Portal: asks portal-service (through the gateway's /api route, with the
// page's CSRF token) for a fresh one-tap link and puts it on the clipboard, saying "Link copied". When the
// clipboard is refused, the link appears in a read-only field to copy by hand; when the request fails, the form
// is sent as it is, and the server's page shows the link or what is missing. Without JavaScript the form is the way.
(function () {
  'use strict';

  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');

  function showByHand(form, url, status) {
    var fallback = form.querySelector('[data-copy-fallback]');
    var field = form.querySelector('[data-copy-field]');
    field.value = url;
    fallback.hidden = false;
    status.textContent = 'Copy the link below by hand.';
    field.focus();
    field.select();
  }

  document.querySelectorAll('form[data-copy-link]').forEach(function (form) {
    var status = form.querySelector('[data-copy-status]');
    var sending = false;
    form.addEventListener('submit', function (event) {
      if (!window.fetch || !token || !header) {
        return;
      }
      event.preventDefault();
      if (sending) {
        return;
      }
      sending = true;
      status.textContent = 'Getting the link…';
      var headers = { 'Accept': 'application/json' };
      headers[header.content] = token.content;
      fetch(form.dataset.api, { method: 'POST', headers: headers, credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('The link could not be made: ' + response.status);
          }
          return response.json();
        })
        .then(function (link) {
          if (!navigator.clipboard || !navigator.clipboard.writeText) {
            showByHand(form, link.url, status);
            return;
          }
          return navigator.clipboard.writeText(link.url).then(function () {
            status.textContent = 'Link copied. Paste it into a text or email to your client.';
          }, function () {
            showByHand(form, link.url, status);
          });
        })
        .catch(function () {
          // No link was made: the server's page says why (or makes it, if the problem was here).
          form.submit();
        })
        .finally(function () {
          sending = false;
        });
    });
  });
})();
