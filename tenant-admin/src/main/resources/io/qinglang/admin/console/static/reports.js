// Work being made in the background (disclosure reports, exports): asks for each one's progress every two seconds and
// shows it; once one is ready or has failed, the page is loaded again to offer its files. Without this script the page
// says to reload it.
(function () {
  'use strict';
  var rows = document.querySelectorAll('[data-progress]');
  if (!rows.length) {
    return;
  }
  document.querySelectorAll('.reload-hint').forEach(function (hint) { hint.hidden = true; });
  function poll() {
    var pending = 0;
    rows.forEach(function (row) {
      if (row.dataset.done === 'true') {
        return;
      }
      pending++;
      fetch(row.dataset.progress, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (p) {
          if (!p) {
            return;
          }
          var bar = row.querySelector('progress');
          if (bar) {
            bar.value = p.progress;
            bar.textContent = p.progress + '%';
          }
          var step = row.querySelector('.step-name');
          if (step && p.step) {
            step.textContent = p.step;
          }
          if (p.done) {
            row.dataset.done = 'true';
            window.location.reload();
          }
        })
        .catch(function () { /* the next round tries again */ });
    });
    if (pending) {
      window.setTimeout(poll, 2000);
    }
  }
  window.setTimeout(poll, 1000);
})();
