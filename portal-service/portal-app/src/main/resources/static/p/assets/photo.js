// The photo viewer: the left and right arrow keys follow the page's Previous and Next links (which work
// without this script). Keys typed into a field, or with a modifier, are left alone.
document.addEventListener('keydown', function (event) {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
    return;
  }
  var target = event.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
    return;
  }
  var rel = event.key === 'ArrowLeft' ? 'prev' : (event.key === 'ArrowRight' ? 'next' : null);
  var link = rel && document.querySelector('.viewer-nav a[rel="' + rel + '"]');
  if (link) {
    event.preventDefault();
    window.location.assign(link.href);
  }
});
