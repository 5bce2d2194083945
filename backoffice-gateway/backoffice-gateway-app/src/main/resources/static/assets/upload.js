// Photo and document uploads: sent straight to media-service through the gateway's /api route (with the page's
// CSRF token), which streams the file on as it comes, up to media-service's own limit (25 MB); the plain form
// (without JavaScript) goes through the page, with the same limit. Success reloads the project page with the
// confirmation; media-service's refusal (say, a HEIC photo) is shown by the form.
(function () {
  'use strict';

  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (!window.fetch || !window.FormData || !token || !header) {
    return;
  }

  document.querySelectorAll('form[data-upload]').forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    var status = form.querySelector('[data-upload-status]');
    var button = form.querySelector('button[type="submit"]');
    form.addEventListener('submit', function (event) {
      if (!input.files || input.files.length === 0) {
        return;
      }
      event.preventDefault();
      var body = new FormData();
      body.append('file', input.files[0]);
      var headers = { 'Accept': 'application/json' };
      headers[header.content] = token.content;
      button.disabled = true;
      status.textContent = 'Uploading…';
      fetch(form.dataset.api, { method: 'POST', headers: headers, body: body, credentials: 'same-origin' })
        .then(function (response) {
          if (response.ok) {
            window.location.assign(form.dataset.done);
            return;
          }
          return response.json().catch(function () {
            return {};
          }).then(function (problem) {
            status.textContent = problem.detail || (response.status === 413
              ? 'The file is too large.'
              : 'The upload did not work. Try again in a moment.');
            button.disabled = false;
          });
        })
        .catch(function () {
          status.textContent = 'The upload did not work. Check your connection and try again.';
          button.disabled = false;
        });
    });
  });
})();
