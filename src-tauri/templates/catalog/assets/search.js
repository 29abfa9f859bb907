// Meshwright catalog search: plain JavaScript, no network. The index is a script (search-index.js) that sets
// window.MESHWRIGHT_INDEX, because browsers refuse fetch() of JSON from file:// pages. It is loaded on first use.
(function () {
  'use strict';
  var root = document.documentElement.getAttribute('data-root') || '';
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  if (!input || !list) return;
  var loading = false;
  var active = -1;

  function load(then) {
    if (window.MESHWRIGHT_INDEX) { then(); return; }
    if (loading) return;
    loading = true;
    var script = document.createElement('script');
    script.src = root + 'assets/search-index.js';
    script.onload = function () { loading = false; then(); };
    document.head.appendChild(script);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function show() {
    var query = input.value.trim().toLowerCase();
    clear(list);
    active = -1;
    if (!query || !window.MESHWRIGHT_INDEX) { list.hidden = true; return; }
    var words = query.split(/\s+/);
    var hits = [];
    var entries = window.MESHWRIGHT_INDEX;
    for (var i = 0; i < entries.length && hits.length < 200; i++) {
      var entry = entries[i];
      var haystack = entry.s;
      var ok = true;
      for (var w = 0; w < words.length; w++) { if (haystack.indexOf(words[w]) < 0) { ok = false; break; } }
      if (ok) {
        var name = entry.n.toLowerCase();
        var score = name === query ? 0 : name.indexOf(query) === 0 ? 1 : name.indexOf(query) >= 0 ? 2 : 3;
        hits.push([score, i]);
      }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    hits = hits.slice(0, 30);
    if (!hits.length) {
      var none = document.createElement('li');
      none.className = 'sub';
      none.style.padding = '0.4rem 0.8rem';
      none.textContent = 'Nothing matches “' + input.value.trim() + '”.';
      list.appendChild(none);
    }
    hits.forEach(function (hit) {
      var entry = entries[hit[1]];
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = root + entry.u;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = entry.k;
      var sub = document.createElement('span');
      sub.className = 'sub';
      sub.textContent = entry.d;
      link.appendChild(kind);
      link.appendChild(document.createTextNode(entry.n));
      link.appendChild(sub);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  function move(step) {
    var items = list.querySelectorAll('li');
    if (!items.length) return;
    if (active >= 0 && items[active]) items[active].className = '';
    active = (active + step + items.length) % items.length;
    items[active].className = 'active';
    items[active].scrollIntoView({ block: 'nearest' });
  }

  input.addEventListener('focus', function () { load(show); });
  input.addEventListener('input', function () { load(show); });
  input.addEventListener('keydown', function (event) {
    if (event.key === 'ArrowDown') { move(1); event.preventDefault(); }
    else if (event.key === 'ArrowUp') { move(-1); event.preventDefault(); }
    else if (event.key === 'Enter') {
      var target = list.querySelector('li.active a') || list.querySelector('li a');
      if (target) window.location.href = target.href;
    } else if (event.key === 'Escape') { list.hidden = true; input.blur(); }
  });
  document.addEventListener('click', function (event) {
    if (!list.contains(event.target) && event.target !== input) list.hidden = true;
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement !== input) { input.focus(); event.preventDefault(); }
  });
})();
