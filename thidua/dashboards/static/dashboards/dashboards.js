// ThiĐua: the dashboard's charts. Each <canvas data-chart="ID"> reads its numbers from the JSON
// block #ID that the page renders with json_script (no inline script: strict CSP); the same
// numbers are in the table next to each chart. Types: "bar" (one series), "stacked" (board
// statuses per assignment kind), "grouped" (conferences per level; budget planned against
// actual per level), "percent" (R10 shares).
(function () {
  "use strict";
  var palette = ["#0d6efd", "#198754", "#ffc107", "#dc3545", "#6f42c1", "#20c997", "#fd7e14",
    "#0dcaf0", "#6c757d", "#d63384"];
  var statusColours = {
    not_started: "#adb5bd",
    submitted: "#0dcaf0",
    late: "#ffc107",
    returned: "#dc3545",
    accepted: "#198754",
    missing: "#212529"
  };

  function colour(set, index) {
    return statusColours[set.key] || palette[index % palette.length];
  }

  function config(data) {
    var datasets = data.datasets.map(function (set, index) {
      var single = data.datasets.length === 1;
      return {
        label: set.label,
        data: set.data,
        backgroundColor: single
          ? set.data.map(function (_value, i) { return palette[i % palette.length]; })
          : colour(set, index)
      };
    });
    var stacked = data.type === "stacked";
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: stacked || data.type === "percent" ? "y" : "x",
      plugins: { legend: { display: data.datasets.length > 1, position: "bottom" } },
      scales: {
        x: { stacked: stacked, ticks: { precision: 0 } },
        y: { stacked: stacked, ticks: { precision: 0 } }
      }
    };
    if (data.type === "percent") {
      options.scales.x.min = 0;
      options.scales.x.max = 100;
    }
    return { type: "bar", data: { labels: data.labels, datasets: datasets }, options: options };
  }

  function draw() {
    if (!window.Chart) return;
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.getAttribute("data-chart"));
      if (!source) return;
      var chart = new window.Chart(canvas, config(JSON.parse(source.textContent)));
      canvas.setAttribute("data-rendered", String(chart.data.labels.length));
    });
  }

  // The campaign selector: changing the campaign reloads the page (the button stays for
  // keyboards and browsers without scripts).
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  draw();
})();
