// Customer Portal settings: the preview card follows the branding fields as they change (display name, accent
// colour, contact details), and the accent field says whether white text on the colour is readable (WCAG 2.1 AA,
// 4.5:1, the rule portal-service applies when the form is saved). The page without it shows the saved state.
(function () {
  'use strict';

  var form = document.querySelector('[data-preview-form]');
  var card = document.querySelector('[data-preview-card]');
  if (!form || !card) {
    return;
  }
  var COLOUR = /^#[0-9a-fA-F]{6}$/;
  var name = card.querySelector('[data-preview-name]');
  var brand = card.querySelector('.preview-brand');
  var button = card.querySelector('.preview-button');
  var contrast = form.querySelector('[data-contrast]');

  function channel(value) {
    var c = value / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  function contrastWithWhite(hex) {
    var r = parseInt(hex.substr(1, 2), 16);
    var g = parseInt(hex.substr(3, 2), 16);
    var b = parseInt(hex.substr(5, 2), 16);
    var luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    return 1.05 / (luminance + 0.05);
  }

  function update() {
    var displayName = form.elements.displayName.value.trim();
    name.textContent = displayName || name.dataset.defaultName;
    var accent = form.elements.accentColor.value.trim();
    if (COLOUR.test(accent)) {
      brand.style.backgroundColor = accent;
      button.style.backgroundColor = accent;
      var ratio = Math.floor(contrastWithWhite(accent) * 100) / 100;
      contrast.textContent = ratio >= 4.5
        ? 'White text on it: ' + ratio.toFixed(2) + ':1, readable.'
        : 'White text on it: ' + ratio.toFixed(2) + ':1, too light: choose a darker colour.';
    } else {
      brand.style.backgroundColor = '';
      button.style.backgroundColor = '';
      contrast.textContent = accent ? 'Not a colour like #0b5cad yet.' : '';
    }
    ['contactPhone', 'contactEmail', 'contactAddress'].forEach(function (field) {
      var item = card.querySelector('[data-preview-field="' + field + '"]');
      item.textContent = form.elements[field].value.trim();
      item.hidden = item.textContent === '';
    });
  }

  form.addEventListener('input', update);
  update();
})();
