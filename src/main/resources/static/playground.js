// Live updates for the Kept playground: the server says what changed (server-sent events) and the
// page fetches that part again. Without JavaScript the page still works: every action reloads it.
(function () {
  var me = document.currentScript;
  var as = me ? me.getAttribute('data-as') : '';
  if (!window.EventSource || !as) { return; }
  function refresh(part, id) {
    var target = document.getElementById(id);
    if (!target) { return; }
    // Don't pull a form away from someone who is filling it in.
    if (target.contains(document.activeElement) && document.activeElement.tagName !== 'BUTTON') { return; }
    // Nor a form that came back with problems (422): the fresh part would have neither what was typed nor the errors.
    if (target.querySelector('form[data-problems]')) { return; }
    return fetch('/playground/part/' + part + '?as=' + encodeURIComponent(as), {credentials: 'same-origin'})
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html !== null) { target.innerHTML = html; } });
  }
  var source = new EventSource('/playground/events?as=' + encodeURIComponent(as));
  // What arrived between rendering the page and listening (a nudge sent right after a clock jump)
  // would otherwise be missed: look once more whenever the stream (re)connects.
  // Once that first look is done the page says so (data-live="ready"), for tests and the curious.
  source.addEventListener('open', function () {
    Promise.all([refresh('clock', 'clock'), refresh('conversation', 'conversation')]).then(function () {
      document.documentElement.setAttribute('data-live', 'ready');
    });
  });
  source.addEventListener('conversation', function () { refresh('conversation', 'conversation'); });
  source.addEventListener('clock', function () { refresh('clock', 'clock'); refresh('conversation', 'conversation'); });
  source.addEventListener('reset', function () { window.location.href = '/playground?as=' + encodeURIComponent(as); });
})();
