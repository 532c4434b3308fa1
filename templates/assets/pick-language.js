// The language picker (site root) sends visitors to their browser's language when the
// site has it. Without script, or with ?choose in the URL, the picker simply stays.
(function () {
  if (/[?&]choose\b/.test(location.search)) return;
  var byTag = {};
  document.querySelectorAll("a[hreflang]").forEach(function (a) {
    byTag[a.getAttribute("hreflang").toLowerCase()] = a.href;
  });
  var wanted = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  for (var i = 0; i < wanted.length; i++) {
    var tag = String(wanted[i]).toLowerCase();
    var target = byTag[tag] || byTag[tag.split("-")[0]];
    if (target) { location.replace(target); return; }
  }
})();
