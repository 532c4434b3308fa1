// Client-side search over the Pagefind index built with the site (one index per language,
// with that language's stemming). Each result links to the fact block that matched, not
// just to its page. Labels come from the page, which took them from the locale's messages.
(function () {
  "use strict";
  var form = document.querySelector(".search-form");
  var input = document.getElementById("search-input");
  var output = document.getElementById("search-output");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !list) return;
  // The site root, wherever the site is published: this page is <root>/<lang>/search.html.
  var root = new URL("../", location.href);
  var pagefind = null;

  function load() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname }).then(function () { return pf; });
      });
    }
    return pagefind;
  }

  // The fact a match sits in: for the first matched word inside a fact block, the last
  // fact element (an id on a section, list item, quote or note) starting before it.
  // Matches in the page title or summary, before any fact, only tell the page.
  function factAnchor(data) {
    var anchors = (data.anchors || [])
      .filter(function (a) { return /^(section|li|blockquote|div)$/i.test(a.element); })
      .sort(function (a, b) { return a.location - b.location; });
    var locations = (data.locations || []).slice().sort(function (a, b) { return a - b; });
    for (var i = 0; i < locations.length; i++) {
      var best = null;
      anchors.forEach(function (a) { if (a.location <= locations[i]) best = a; });
      if (best) return best;
    }
    return null;
  }

  function show(results) {
    list.textContent = "";
    results.forEach(function (data) {
      var anchor = factAnchor(data);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = data.url + (anchor ? "#" + anchor.id : "");
      a.textContent = (data.meta && data.meta.title) || data.url;
      var excerpt = document.createElement("p");
      // Pagefind's excerpt marks matches with <mark>; build it as text plus marks only.
      String(data.excerpt || "").split(/(<mark>[^<]*<\/mark>)/).forEach(function (part) {
        var m = /^<mark>([^<]*)<\/mark>$/.exec(part);
        if (m) {
          var mark = document.createElement("mark");
          mark.textContent = decode(m[1]);
          excerpt.appendChild(mark);
        } else if (part) {
          excerpt.appendChild(document.createTextNode(decode(part.replace(/<[^>]*>/g, ""))));
        }
      });
      li.appendChild(a);
      li.appendChild(excerpt);
      list.appendChild(li);
    });
  }

  function decode(text) {
    var t = document.createElement("textarea");
    t.innerHTML = text;
    return t.value;
  }

  function run(query) {
    query = query.trim();
    list.textContent = "";
    status.textContent = "";
    if (!query) return;
    output.setAttribute("aria-busy", "true");
    load()
      .then(function (pf) { return pf.search(query); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 10).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        show(results);
        if (!results.length) status.textContent = output.getAttribute("data-no-results");
      })
      .catch(function () { status.textContent = output.getAttribute("data-unavailable"); })
      .then(function () { output.removeAttribute("aria-busy"); });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial);
  }
})();
