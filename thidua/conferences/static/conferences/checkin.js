// The check-in page at the door (issue 7): scan a badge's QR code with the phone's camera
// (the browser's BarcodeDetector), or type / paste the code, or pick a name from the search;
// add walk-ins. Each request carries a client nonce; a request whose answer was lost is sent
// again with the SAME nonce, so the server answers it once (no second check-in record).
(function () {
  "use strict";
  var root = document.getElementById("checkin");
  if (!root) return;
  var scanUrl = root.dataset.scanUrl;
  var walkInUrl = root.dataset.walkInUrl;
  var result = document.getElementById("scan-result");
  var gate = document.getElementById("gate");
  var csrf = "";
  try {
    csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
  } catch (e) { csrf = ""; }

  function nonce() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function show(data) {
    result.dataset.outcome = data.outcome || "error";
    result.className = "scan-result my-2 outcome-" + (data.outcome || "error");
    result.textContent = data.message || "";
    if (data.delegate && data.delegate.seat) {
      var seat = document.createElement("div");
      seat.className = "small";
      seat.textContent = data.delegate.seat;
      result.appendChild(seat);
    }
    var panel = document.getElementById("attendance");
    if (panel && window.htmx && data.outcome !== "refused") {
      window.htmx.ajax("GET", panel.getAttribute("hx-get"), { target: panel, swap: "outerHTML" });
    }
  }

  // POST with retries on network failure, keeping the nonce of the first attempt.
  function send(url, fields, attempt) {
    attempt = attempt || 0;
    var body = new URLSearchParams(fields);
    return fetch(url, {
      method: "POST",
      headers: { "X-CSRFToken": csrf, "Content-Type": "application/x-www-form-urlencoded" },
      body: body,
      credentials: "same-origin",
    }).then(function (response) {
      return response.json();
    }).then(show).catch(function () {
      if (attempt < 4) {
        result.dataset.outcome = "retrying";
        result.textContent = "…";
        return new Promise(function (resolve) {
          setTimeout(function () { resolve(send(url, fields, attempt + 1)); }, 500 * (attempt + 1));
        });
      }
      show({ outcome: "error", message: root.dataset.offline });
    });
  }

  function scanToken(token) {
    token = (token || "").trim();
    if (!token) return Promise.resolve();
    return send(scanUrl, { token: token, nonce: nonce(), gate: gate.value });
  }

  document.getElementById("token-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var input = document.getElementById("token");
    scanToken(input.value).then(function () { input.value = ""; input.focus(); });
  });

  document.getElementById("found").addEventListener("click", function (event) {
    var button = event.target.closest("[data-checkin-delegate]");
    if (!button) return;
    button.disabled = true;
    send(scanUrl, { delegate: button.dataset.checkinDelegate, nonce: nonce(), gate: gate.value });
  });

  document.getElementById("walk-in-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var form = event.target;
    var fields = Object.fromEntries(new FormData(form).entries());
    fields.nonce = nonce();
    fields.gate = gate.value;
    send(walkInUrl, fields).then(function () {
      if (result.dataset.outcome === "walk_in") form.reset();
    });
  });

  // The camera: BarcodeDetector where the browser has it; otherwise typed entry and search.
  var start = document.getElementById("camera-start");
  var video = document.getElementById("camera");
  var supported = "BarcodeDetector" in window && navigator.mediaDevices &&
    navigator.mediaDevices.getUserMedia;
  if (!supported) {
    document.getElementById("camera-unsupported").hidden = false;
    return;
  }
  start.hidden = false;
  var detector = null;
  var last = "";
  var lastAt = 0;
  var busy = false;
  start.addEventListener("click", function () {
    start.hidden = true;
    detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play();
      }).then(loop).catch(function () {
        start.hidden = false;
        document.getElementById("camera-unsupported").hidden = false;
      });
  });
  function loop() {
    if (busy || video.readyState < 2) { setTimeout(loop, 250); return; }
    detector.detect(video).then(function (codes) {
      var now = Date.now();
      if (codes.length) {
        var value = codes[0].rawValue;
        if (value !== last || now - lastAt > 3000) {  // the same badge held up: scan once
          last = value;
          lastAt = now;
          busy = true;
          scanToken(value).then(function () { busy = false; });
        }
      }
      setTimeout(loop, 250);
    }).catch(function () { setTimeout(loop, 1000); });
  }
})();
