// Client-side search of the l8sdk API reference over window.L8_SEARCH_INDEX (search-index.js, generated
// from the same data as search-index.json). Matches every word of the query against the RPC name, its SDK
// method names (snake_case, camelCase, ...), service, gRPC path and summary; shows up to 20 links. No dependencies.
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("results");
  var index = window.L8_SEARCH_INDEX || [];
  if (!input || !list) { return; }

  function haystack(entry) {
    var names = (entry.names || []).join(" ");
    return (entry.rpc + " " + names + " " + entry.service + " " + entry.path + " " + entry.summary).toLowerCase();
  }

  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 0; });
    if (words.length === 0) { return []; }
    var hits = index.filter(function (entry) {
      var text = haystack(entry);
      return words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    hits.sort(function (a, b) {
      var exactA = a.rpc.toLowerCase() === words.join("") ? 0 : 1;
      var exactB = b.rpc.toLowerCase() === words.join("") ? 0 : 1;
      return exactA - exactB || a.rpc.localeCompare(b.rpc) || a.service.localeCompare(b.service);
    });
    return hits.slice(0, 20);
  }

  function render(hits) {
    list.textContent = "";
    hits.forEach(function (entry) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = entry.page;
      link.textContent = entry.rpc;
      var where = document.createElement("span");
      where.className = "where";
      where.textContent = " " + entry.service + (entry.summary ? " — " + entry.summary : "");
      item.appendChild(link);
      item.appendChild(where);
      list.appendChild(item);
    });
    list.hidden = hits.length === 0;
  }

  input.addEventListener("input", function () { render(search(input.value)); });
  window.l8Search = search;
})();
