// The one-tap link page: a real browser signs in at once by sending the page's form (a POST with its CSRF
// token). Scanners that only GET the link never do; without scripts, the Continue button does the same.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.querySelector('form[data-auto-submit]');
  if (form) {
    form.submit();
  }
});
