// ThiĐua: the progress board's chart (stacked bars). Data comes from a JSON <script> block that
// the page renders with json_script; the same numbers are in the table under the chart.
(function () {
  "use strict";
  var canvas = document.getElementById("board-chart");
  var source = document.getElementById("board-chart-data");
  if (!canvas || !source || !window.Chart) return;
  var data = JSON.parse(source.textContent);
  var colours = {
    not_started: "#adb5bd",
    submitted: "#0dcaf0",
    late: "#ffc107",
    returned: "#dc3545",
    accepted: "#198754",
    missing: "#212529"
  };
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (set) {
        return { label: set.label, data: set.data, backgroundColor: colours[set.status] || "#6c757d" };
      })
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } },
      plugins: { legend: { position: "bottom" } }
    }
  });
})();
