/*
 * The automation form's enhancements (same origin, no inline script: CSP script-src 'self'). Without this file
 * the form works as it is: the dynamic values are listed with their {{…}} names to type by hand, and a picked
 * template is copied by automation-service when subject and body are left empty.
 * - Dynamic-value picker: an "Insert" button per value puts its {{…}} name at the cursor of the subject or body
 *   (whichever had the focus last; the body otherwise) and announces it to screen readers.
 * - Template picker: picking a template fills in its subject and body to adapt (asking first before replacing
 *   text already written).
 */
(function () {
  'use strict';

  var form = document.querySelector('.automation-form');
  if (!form) {
    return;
  }
  var subject = form.querySelector('#subject');
  var body = form.querySelector('#body');
  var lastField = body;
  [subject, body].forEach(function (field) {
    if (field) {
      field.addEventListener('focus', function () { lastField = field; });
    }
  });

  var values = form.querySelector('[data-dynamic-values]');
  if (values && lastField) {
    var status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    values.appendChild(status);
    var hint = values.querySelector('.hint');
    if (hint) {
      hint.textContent = 'Insert a value where the cursor is in the subject or body; each email fills it in.';
    }
    values.querySelectorAll('li[data-token]').forEach(function (item) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'insert small';
      button.textContent = 'Insert';
      button.setAttribute('aria-label', 'Insert ' + item.dataset.label);
      button.addEventListener('click', function () {
        insert(lastField, item.dataset.token);
        status.textContent = item.dataset.label + ' inserted into the ' + (lastField === subject ? 'subject' : 'body') + '.';
      });
      item.insertBefore(button, item.firstChild);
    });
  }

  function insert(field, token) {
    var start = (typeof field.selectionStart === 'number') ? field.selectionStart : field.value.length;
    var end = (typeof field.selectionEnd === 'number') ? field.selectionEnd : start;
    field.setRangeText(token, start, end, 'end');
    field.focus();
  }

  var picker = form.querySelector('[data-template-picker]');
  if (picker && subject && body) {
    picker.addEventListener('change', function () {
      var option = picker.options[picker.selectedIndex];
      if (!option || !option.value) {
        return;
      }
      var written = subject.value.trim() !== '' || body.value.trim() !== '';
      if (written && !window.confirm('Replace the subject and body with the template "' + option.text + '"?')) {
        return;
      }
      subject.value = option.dataset.subject || '';
      body.value = option.dataset.body || '';
    });
  }
}());
