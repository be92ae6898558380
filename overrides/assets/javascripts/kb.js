/* Tidig dialog: checklist progress (kept in this browser only), case filters, print preparation.
   No cookies, no requests: everything stays in the page and in localStorage. Without JavaScript the
   checklists and the case table are complete and printable; these are enhancements. */
(function () {
  "use strict";

  var TICKS = "ticks=";
  var stringsNode = document.getElementById("kb-strings");
  var STRINGS = stringsNode ? JSON.parse(stringsNode.textContent) : {};

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_, key) { return values[key]; });
  }

  function storage() {
    try { return window.localStorage; } catch (error) { return null; }
  }

  /* ---- Checklists ---------------------------------------------------------------------- */
  function setUpChecklist(tools) {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".kb-check"));
    if (!boxes.length) return;
    var store = storage();
    /* One key per checklist, content version and site path (which holds the site version and language). */
    var key = "kb-checklist:" + tools.dataset.checklist + ":" + tools.dataset.version + ":" + location.pathname;
    var progress = tools.querySelector(".kb-progress");

    function ticked() {
      return boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.dataset.item; });
    }
    function apply(ids) {
      boxes.forEach(function (box) { box.checked = ids.indexOf(box.dataset.item) !== -1; });
    }
    function save() {
      if (store) store.setItem(key, JSON.stringify(ticked()));
      update();
    }
    function update() {
      progress.textContent = format(STRINGS.checklist_progress, { done: ticked().length, total: boxes.length });
    }

    var fromLink = location.hash.indexOf("#" + TICKS) === 0 ? location.hash.slice(TICKS.length + 1) : null;
    if (fromLink !== null) {
      apply(fromLink ? decodeURIComponent(fromLink).split(",") : []);
      save();
    } else if (store && store.getItem(key)) {
      try { apply(JSON.parse(store.getItem(key))); } catch (error) { /* ignore a damaged entry */ }
    }
    boxes.forEach(function (box) { box.addEventListener("change", save); });

    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-action]");
      if (!button) return;
      var action = button.dataset.action;
      if (action === "reset") {
        apply([]);
        save();
      } else if (action === "print") {
        window.print();
      } else if (action === "copy-link") {
        var link = location.href.split("#")[0] + "#" + TICKS + ticked().join(",");
        var output = tools.querySelector(".kb-link-output");
        if (!output) {
          output = document.createElement("input");
          output.type = "text";
          output.readOnly = true;
          output.className = "kb-link-output";
          output.setAttribute("aria-label", button.textContent.trim());
          button.insertAdjacentElement("afterend", output);
        }
        output.value = link;
        output.select();
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(link).catch(function () { /* the link stays selectable */ });
        }
        progress.textContent = STRINGS.checklist_link_copied;
        setTimeout(update, 2500);
      }
    });
    tools.hidden = false;
    update();
  }

  /* ---- Case filters -------------------------------------------------------------------- */
  function setUpFilter(form) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("table[data-kb-cases] tbody tr"));
    var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
    var result = form.querySelector(".kb-filter__result");

    function matches(row, select) {
      var wanted = select.value;
      if (!wanted) return true;
      var values = (row.dataset[select.dataset.filter] || "").split(" ");
      return values.indexOf(wanted) !== -1;
    }
    function run() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) { return matches(row, select); });
        row.hidden = !visible;
        if (visible) shown += 1;
      });
      result.textContent = format(STRINGS.filter_result, { count: shown, total: rows.length });
    }
    selects.forEach(function (select) { select.addEventListener("change", run); });
    form.addEventListener("reset", function () { setTimeout(run, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    run();
  }

  /* ---- Print: open collapsed blocks so nothing is lost on paper. ------------------------- */
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.setAttribute("open", "");
      details.dataset.kbOpenedForPrint = "";
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-kb-opened-for-print]").forEach(function (details) {
      details.removeAttribute("open");
      delete details.dataset.kbOpenedForPrint;
    });
  });

  /* Tables too wide for the screen scroll sideways: make each such region reachable by keyboard. */
  function focusableScrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1) {
        region.tabIndex = 0;
        region.setAttribute("role", "region");
        var caption = region.closest("article").querySelector("h1");
        region.setAttribute("aria-label", (caption ? caption.textContent.trim() + ": " : "") + (STRINGS.table || ""));
      } else {
        region.removeAttribute("tabindex");
      }
    });
  }
  window.addEventListener("load", focusableScrollRegions);
  window.addEventListener("resize", focusableScrollRegions);

  /* Material's search dialog has no accessible name of its own. */
  var searchDialog = document.querySelector('.md-search[role="dialog"]');
  if (searchDialog && STRINGS.search_dialog) searchDialog.setAttribute("aria-label", STRINGS.search_dialog);

  var tools = document.querySelector(".kb-checklist-tools");
  if (tools) setUpChecklist(tools);
  var filter = document.querySelector("form.kb-filter");
  if (filter) setUpFilter(filter);
})();
