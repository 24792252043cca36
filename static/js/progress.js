// Refreshes the progress of documents being processed; without it the page simply shows the state at load time.
(function () {
  "use strict";
  var POLL_MS = 3000;
  var container = document.querySelector("[data-progress-url]");
  if (!container || !window.fetch) {
    return;
  }
  var url = container.getAttribute("data-progress-url");
  var announce = document.getElementById("progress-announce");

  function pendingRows() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-document]"), function (row) {
      var status = row.getAttribute("data-status");
      return status === "pending" || status === "processing";
    });
  }

  function update(row, state) {
    var bar = document.getElementById("progress-" + state.id);
    var text = document.getElementById("progress-text-" + state.id);
    if (bar) {
      if (state.max > 0) {
        bar.max = state.max;
        bar.value = state.value;
      } else {
        bar.removeAttribute("value");
      }
      bar.textContent = state.text;
    }
    if (text) {
      text.textContent = state.text;
    }
    var step = row.querySelector("[data-field=step]");
    if (step) {
      step.textContent = state.step_label;
    }
    var status = row.querySelector("[data-field=status]");
    if (status) {
      status.textContent = state.status_label.charAt(0).toUpperCase() + state.status_label.slice(1);
    }
    if (state.finished) {
      row.setAttribute("data-status", state.status);
      // Only the end of a document is announced: every page read would be noise for a screen reader.
      if (announce) {
        announce.textContent = state.status_label + (state.error ? " : " + state.error : "") + ".";
      }
      // The buttons (publish, retry) depend on the final state: the server renders them.
      window.setTimeout(function () { window.location.reload(); }, 1500);
    }
  }

  function poll() {
    var rows = pendingRows();
    if (!rows.length) {
      return;
    }
    var byId = {};
    rows.forEach(function (row) { byId[row.getAttribute("data-document")] = row; });
    fetch(url + "?ids=" + Object.keys(byId).join(","), {credentials: "same-origin", headers: {"Accept": "application/json"}})
      .then(function (response) { return response.ok ? response.json() : {documents: []}; })
      .then(function (data) {
        data.documents.forEach(function (state) {
          if (byId[state.id]) {
            update(byId[state.id], state);
          }
        });
      })
      .catch(function () { /* a missed refresh is harmless: the next one comes */ })
      .then(function () { window.setTimeout(poll, POLL_MS); });
  }

  window.setTimeout(poll, POLL_MS);
})();
