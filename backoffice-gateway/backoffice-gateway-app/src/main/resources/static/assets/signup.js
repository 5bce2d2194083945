// The sign-up form's time zone: the browser's own, preselected when the person has not chosen one yet (the
// page works without this script: the zone is then chosen from the list). Added to the list if it is not there.
(function () {
  var select = document.getElementById('timeZone');
  if (!select || select.getAttribute('data-browser-default') !== 'yes' || !window.Intl) {
    return;
  }
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.selectedIndex = i;
      return;
    }
  }
  var option = document.createElement('option');
  option.value = zone;
  option.textContent = zone.replace(/_/g, ' ');
  select.insertBefore(option, select.options[1] || null);
  option.selected = true;
})();
