/**
 * The site's one script (/assets/vita.js), a few KB of plain JavaScript. Every page works without it;
 * it adds: the theme toggle (remembered), one-click BibTeX copy, the publication filter bar (with its "most
 * cited first" order), and the
 * search page, which loads Pagefind only there, when the reader asks to search.
 */
export const JS = String.raw`(function () {
'use strict';
var doc = document, root = doc.documentElement;
function $$(sel, el) { return Array.prototype.slice.call((el || doc).querySelectorAll(sel)); }

// Theme: the inline script in <head> already applied a stored choice before paint.
var toggle = doc.querySelector('.theme-toggle');
if (toggle) {
  toggle.hidden = false;
  toggle.addEventListener('click', function () {
    var dark = root.dataset.theme ? root.dataset.theme === 'dark' : matchMedia('(prefers-color-scheme: dark)').matches;
    var next = dark ? 'light' : 'dark';
    root.dataset.theme = next;
    try { localStorage.setItem('vita-theme', next); } catch (e) {}
  });
}

// BibTeX: copy with one click.
$$('[data-copy]').forEach(function (button) {
  button.hidden = false;
  var label = button.textContent;
  button.addEventListener('click', function () {
    var text = button.parentNode.querySelector('pre').textContent;
    var done = function () {
      button.textContent = button.getAttribute('data-copied');
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
    function fallback() {
      var range = doc.createRange(), sel = getSelection();
      range.selectNodeContents(button.parentNode.querySelector('pre'));
      sel.removeAllRanges(); sel.addRange(range);
      try { if (doc.execCommand('copy')) done(); } catch (e) {}
    }
  });
});

// Publication filters: the whole list is in the page; this only hides what does not match.
$$('[data-pubs]').forEach(function (list) {
  var form = list.querySelector('[data-filters]');
  if (!form) return;
  form.hidden = false;
  var items = $$('.pub', list), count = form.querySelector('output'), none = list.querySelector('[data-no-match]');
  // A theme's own item (theme/components.js) may lack the body or the data attributes: it is then matched as a whole.
  var texts = items.map(function (li) { return norm((li.querySelector('.pub-body') || li).textContent); });
  // "Most cited first": the items move into one list, by count (papers without one last, as they were), and back.
  var homes = items.map(function (li) { return li.parentNode; }), flat = null;
  function order(cited) {
    if (cited && !flat) {
      flat = doc.createElement('ol');
      flat.className = 'pubs by-citations';
      var first = list.querySelector('[data-group]');
      list.insertBefore(flat, first);
      items.map(function (li, i) { return [li, i]; }).sort(function (a, b) {
        var x = a[0].dataset.cites, y = b[0].dataset.cites;
        return (y === undefined ? -1 : +y) - (x === undefined ? -1 : +x) || a[1] - b[1];
      }).forEach(function (pair) { flat.appendChild(pair[0]); });
    } else if (!cited && flat) {
      items.forEach(function (li, i) { homes[i].appendChild(li); });
      flat.parentNode.removeChild(flat);
      flat = null;
    }
  }
  function norm(s) { return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, ''); }
  function apply() {
    var q = norm(form.q.value.trim()).split(/\s+/).filter(Boolean);
    var year = form.year ? form.year.value : '', type = form.type ? form.type.value : '', topic = form.topic ? form.topic.value : '';
    var sort = form.sort ? form.sort.value : '';
    order(sort === 'cited');
    var shown = 0;
    items.forEach(function (li, i) {
      var ok = (!year || li.dataset.year === year) && (!type || li.dataset.type === type) &&
        (!topic || (li.dataset.topics || '').split('|').indexOf(topic) >= 0) &&
        q.every(function (w) { return texts[i].indexOf(w) >= 0; });
      li.hidden = !ok;
      if (ok) shown++;
    });
    // Headings of groups and years left empty go too, innermost first.
    $$('[data-group]', list).reverse().forEach(function (g) { g.hidden = !g.querySelector('.pub:not([hidden])'); });
    count.textContent = count.dataset.template.replace('{n}', shown);
    none.hidden = shown > 0;
    var params = new URLSearchParams(location.search);
    [['q', form.q.value.trim()], ['year', year], ['type', type], ['topic', topic], ['sort', sort]].forEach(function (p) { p[1] ? params.set(p[0], p[1]) : params.delete(p[0]); });
    var s = params.toString();
    history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
  }
  var initial = new URLSearchParams(location.search);
  ['q', 'year', 'type', 'topic', 'sort'].forEach(function (k) { if (form[k] && initial.get(k)) form[k].value = initial.get(k); });
  form.addEventListener('input', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
});

// Search: Pagefind's interface, fetched only on the search page.
var search = doc.querySelector('[data-search]');
if (search) {
  var status = search.querySelector('[data-search-status]'), bundle = search.dataset.bundle;
  status.hidden = false;
  var css = doc.createElement('link');
  css.rel = 'stylesheet'; css.href = bundle + 'pagefind-ui.css';
  doc.head.appendChild(css);
  // A large site's index is in shards (pagefind/, pagefind-1/ ...): the first says how many, the others are merged.
  var shards = fetch(bundle + 'vita-shards.json').then(function (r) { return r.ok ? r.json() : {}; }).catch(function () { return {}; });
  var js = doc.createElement('script');
  js.src = bundle + 'pagefind-ui.js';
  js.onload = function () { shards.then(start); };
  function start(info) {
    var merge = [];
    for (var k = 1; k < (info.shards || 1); k++) merge.push({ bundlePath: new URL(bundle.replace(/pagefind\/$/, 'pagefind-' + k + '/'), location.href).pathname });
    status.hidden = true;
    var ui = new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, mergeIndex: merge, translations: { placeholder: search.dataset.placeholder } });
    // Pagefind labels its input only with a title; give it a real accessible name.
    var input = search.querySelector('input');
    if (input) input.setAttribute('aria-label', search.dataset.placeholder);
    var q = new URLSearchParams(location.search).get('q');
    if (q) ui.triggerSearch(q);
  }
  js.onerror = function () { status.textContent = search.dataset.unavailable; };
  doc.head.appendChild(js);
}
})();
`;
