// The participants' page without reloads: taps for dots and ranks, sending by fetch, live
// results, and a reload when the facilitator changes what the room sees. The page works
// without this script (plain forms); nothing here is needed to vote.
(function () {
  "use strict";
  document.documentElement.className = "js";
  var body = document.body;
  var POLL_MS = 1000;

  function $(selector, root) { return (root || document).querySelector(selector); }
  function all(selector, root) {
    return Array.prototype.slice.call((root || document).querySelectorAll(selector));
  }

  function say(form, text, isError) {
    var status = $(".status", form);
    if (!status) { return; }
    status.textContent = text;
    status.className = isError ? "status error" : "status";
    status.setAttribute("role", isError ? "alert" : "status");
  }

  function send(url, doc) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(doc)
    }).then(function (response) {
      // An answer that is not the hub's JSON (a proxy's page) has no message of its own.
      return response.json().catch(function () { return {}; }).then(function (answer) {
        if (!response.ok) { throw new Error(answer.error || body.dataset.unreachable); }
        return answer;
      });
    }, function () { throw new Error(body.dataset.unreachable); });  // no answer at all
  }

  // ------------------------------------------------------------------ dots

  function setUpDots(form) {
    var budget = parseInt(form.dataset.budget, 10);
    var cap = parseInt(form.dataset.cap, 10);
    var inputs = all("li.option.dot input", form);
    function value(input) { var n = parseInt(input.value, 10); return isNaN(n) || n < 0 ? 0 : n; }
    function used() { return inputs.reduce(function (sum, input) { return sum + value(input); }, 0); }
    function update() {
      var left = budget - used();
      var shown = $("#left", form);
      if (shown) { shown.textContent = String(Math.max(left, 0)); }
      inputs.forEach(function (input) {
        var row = input.closest("li");
        $("button.more", row).disabled = left <= 0 || value(input) >= cap;
        $("button.less", row).disabled = value(input) <= 0;
      });
    }
    inputs.forEach(function (input) {
      input.readOnly = true;
      var row = input.closest("li");
      $("button.more", row).addEventListener("click", function () {
        if (budget - used() > 0 && value(input) < cap) { input.value = String(value(input) + 1); }
        update();
      });
      $("button.less", row).addEventListener("click", function () {
        if (value(input) > 0) { input.value = String(value(input) - 1); }
        update();
      });
    });
    update();
    return function () {
      var dots = {};
      inputs.forEach(function (input) {
        if (value(input) > 0) { dots[input.name.slice(5)] = value(input); }
      });
      return { dots: dots };
    };
  }

  // ------------------------------------------------------------------ ranks

  function setUpRanks(form) {
    var rows = all("li.option.rank", form);
    var order = [];
    rows.forEach(function (row) {
      var badge = document.createElement("span");
      badge.className = "badge";
      badge.setAttribute("aria-hidden", "true");
      row.appendChild(badge);
      row.setAttribute("role", "button");
      row.setAttribute("tabindex", "0");
    });
    rows.map(function (row) {
      return { id: row.dataset.option, rank: parseInt($("select", row).value, 10) };
    }).filter(function (p) { return !isNaN(p.rank); })
      .sort(function (a, b) { return a.rank - b.rank; })
      .forEach(function (p) { order.push(p.id); });
    function update() {
      rows.forEach(function (row) {
        var at = order.indexOf(row.dataset.option);
        $("select", row).value = at < 0 ? "" : String(at + 1);
        $(".badge", row).textContent = at < 0 ? "" : String(at + 1);
        row.classList.toggle("ranked", at >= 0);
        row.setAttribute("aria-label", $(".text", row).textContent +
          ", " + (at < 0 ? form.dataset.unranked
            : form.dataset.ranked.replace("{rank}", String(at + 1))));
      });
    }
    function toggle(row) {
      var id = row.dataset.option;
      var at = order.indexOf(id);
      if (at < 0) { order.push(id); } else { order.splice(at, 1); }
      update();
    }
    rows.forEach(function (row) {
      row.addEventListener("click", function (event) { event.preventDefault(); toggle(row); });
      row.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(row); }
      });
    });
    update();
    return function () { return { ranking: order.slice() }; };
  }

  // ------------------------------------------------------------------ scores

  function setUpScores(form) {
    return function () {
      var scores = {};
      all("select[name^='score.']", form).forEach(function (select) {
        if (select.value === "") { return; }
        var rest = select.name.slice(6);
        var dot = rest.indexOf(".");
        var option = rest.slice(0, dot);
        scores[option] = scores[option] || {};
        scores[option][rest.slice(dot + 1)] = parseInt(select.value, 10);
      });
      return { scores: scores };
    };
  }

  function setUpBallot(form) {
    var method = form.dataset.method;
    var read = method === "dot" ? setUpDots(form) : method === "score" ? setUpScores(form)
      : setUpRanks(form);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var doc = read();
      doc.vote = form.elements.vote.value;
      var voter = form.elements.voter;
      if (voter) { doc.voter = voter.value; }
      var button = $("button.primary", form);
      button.disabled = true;
      send("/api/ballot", doc).then(function () {
        say(form, form.dataset.done, false);  // the page's texts are in the room's language
        button.textContent = form.dataset.change;
      }, function (error) { say(form, error.message, true); })
        .then(function () { button.disabled = false; });
    });
  }

  function setUpSwot(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var chosen = $("input[name='quadrant']:checked", form);
      var doc = { quadrant: chosen ? chosen.value : "", text: form.elements.text.value,
        name: form.elements.name.value };
      var button = $("button.primary", form);
      button.disabled = true;
      send("/api/swot", doc).then(function () {
        form.elements.text.value = "";
        say(form, form.dataset.done, false);
        form.elements.text.focus();
      }, function (error) { say(form, error.message, true); })
        .then(function () { button.disabled = false; });
    });
  }

  // ------------------------------------------------------------------ live

  function showResults(room) {
    var list = $("ol.results");
    if (!list || !room.results || !room.vote) { return; }
    var texts = {};
    room.vote.options.forEach(function (o) { texts[o.id] = o.text; });
    var rows = room.results.ranking;
    var top = rows.reduce(function (m, r) { return Math.max(m, r.score); }, 0);
    var items = rows.map(function (r) {
      var li = document.createElement("li");
      [["rank", String(r.rank)], ["text", texts[r.option] || r.option],
        ["score", Number.isInteger(r.score) ? String(r.score) : r.score.toFixed(2)]]
        .forEach(function (part) {
          var span = document.createElement("span");
          span.className = part[0];
          span.textContent = part[1];
          li.appendChild(span);
        });
      var bar = document.createElement("span");
      bar.className = "bar";
      var fill = document.createElement("span");
      fill.style.width = (top > 0 && r.score > 0 ? Math.round(r.score / top * 100) : 0) + "%";
      bar.appendChild(fill);
      li.appendChild(bar);
      return li;
    });
    list.replaceChildren.apply(list, items);
    $("#ballots").textContent = String(room.results.ballots);
  }

  function stale(room) {
    var d = body.dataset;
    var vote = room.vote;
    if (room.activity !== d.activity) { return true; }
    if (!vote) { return Boolean(d.vote); }
    return vote.id !== d.vote || vote.status !== d.status || (vote.names ? "1" : "0") !== d.names ||
      vote.options.map(function (o) { return o.id; }).join(",") !== d.options;
  }

  function poll() {
    fetch("/api/room", { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.status === 401) { window.location.reload(); return null; }
      return response.ok ? response.json() : null;
    }).then(function (room) {
      if (!room) { return; }
      if (stale(room)) { window.location.reload(); return; }
      showResults(room);
    }, function () { /* the hub is out of reach for a moment: try again */ })
      .then(function () { window.setTimeout(poll, POLL_MS); });
  }

  var ballot = $("#ballot");
  if (ballot) { setUpBallot(ballot); }
  var swot = $("#swot");
  if (swot) { setUpSwot(swot); }
  if (body.dataset.activity && body.dataset.activity !== "unjoined") {
    window.setTimeout(poll, POLL_MS);
  }
}());
