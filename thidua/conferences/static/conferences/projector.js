// The projector page (issue 7, R12): polls the conference's state (current agenda item,
// presenter, countdown, attendance, names being honoured) and redraws. After a network drop it
// retries with a growing delay (1 s, 2 s, 4 s ... up to 30 s) and says so in the corner; the
// countdown keeps ticking from the last state meanwhile.
(function () {
  "use strict";
  var root = document.getElementById("projector");
  if (!root) return;
  var url = root.dataset.stateUrl;
  var texts = {};
  document.getElementById("texts").content.querySelectorAll("[data-key]").forEach(function (el) {
    texts[el.dataset.key] = el.textContent;
  });
  var el = function (id) { return document.getElementById(id); };
  var POLL = 2000;
  var MAX_DELAY = 30000;
  var delay = POLL;
  var endsAt = null;
  var skew = 0;  // server clock minus ours, in ms

  function connection(state) {
    var c = el("connection");
    c.dataset.state = state;
    c.textContent = state === "offline" ? texts.offline : texts.online;
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function tick() {
    if (!endsAt) { el("item-countdown").textContent = ""; return; }
    var left = Math.max(0, Math.round((endsAt - (Date.now() + skew)) / 1000));
    el("item-countdown").textContent = two(Math.floor(left / 60)) + ":" + two(left % 60);
    el("item-countdown").classList.toggle("overtime", left === 0);
  }

  function draw(state) {
    skew = new Date(state.now).getTime() - Date.now();
    var a = state.attendance;
    el("present").textContent = a.present;
    el("expected").textContent = a.expected;
    el("share").textContent = a.honoree_percent === null ? "" :
      texts.honorees + ": " + a.honoree_percent + "%";
    var current = state.current;
    el("item").hidden = !current;
    root.classList.toggle("has-item", !!current);
    if (current) {
      el("item-title").textContent = current.title;
      el("item-presenter").textContent = current.presenter ? texts.presenter + ": " + current.presenter : "";
      endsAt = new Date(current.ends_at).getTime();
    } else {
      endsAt = null;
    }
    var list = el("honoured-list");
    list.replaceChildren();
    state.honoured.forEach(function (person) {
      var li = document.createElement("li");
      li.textContent = person.name;
      if (person.detail) {
        var small = document.createElement("span");
        small.className = "detail";
        small.textContent = " — " + person.detail;
        li.appendChild(small);
      }
      list.appendChild(li);
    });
    el("honoured").hidden = state.honoured.length === 0;
    tick();
  }

  function poll() {
    fetch(url, { credentials: "same-origin", cache: "no-store" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (state) {
        draw(state);
        connection("online");
        delay = POLL;
      })
      .catch(function () {
        connection("offline");
        delay = Math.min(MAX_DELAY, delay * 2);
      })
      .finally(function () { setTimeout(poll, delay); });
  }

  setInterval(tick, 1000);
  poll();
})();
