// Draws each dashboard chart from the table beside it (the table is the data and the accessible fallback).
// No inline script: the page's CSP allows only files from this site.
(function () {
    'use strict';
    if (typeof Chart === 'undefined') { return; }
    var red = '#b3261e', amber = '#d97706', ink = '#1f2933', grid = '#e5e7eb';
    Chart.defaults.font.family = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif';
    Chart.defaults.color = ink;
    Chart.defaults.animation = false; // figures, not a show; also keeps screenshots and tests stable

    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var id = canvas.getAttribute('data-chart');
        var table = document.querySelector('table[data-chart-for="' + id + '"]');
        if (!table) { return; }
        var horizontal = canvas.getAttribute('data-kind') === 'HorizontalBars';
        var holder = canvas.parentElement;
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        if (horizontal) { holder.style.height = Math.max(180, rows.length * 30 + 40) + 'px'; }

        var names = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) { return c.textContent.trim(); });
        var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
        var links = rows.map(function (r) { var a = r.cells[0].querySelector('a'); return a ? a.getAttribute('href') : null; });
        var datasets = names.map(function (name, i) {
            var values = rows.map(function (r) { return parseFloat(r.cells[i + 1].getAttribute('data-value')); });
            // A second series (hours beside counts) is a line on its own axis.
            var line = i === 1 && !horizontal;
            return {
                label: name, data: values, type: line ? 'line' : 'bar',
                backgroundColor: line ? amber : red, borderColor: line ? amber : red,
                yAxisID: line ? 'y1' : 'y', order: line ? 0 : 1, pointRadius: line ? 3 : 0,
            };
        });
        var scales = horizontal
            ? { x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid } }, y: { grid: { display: false } } }
            : { y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: grid }, title: { display: names.length > 1, text: names[0] } },
                x: { grid: { display: false } } };
        if (datasets.length > 1 && !horizontal) {
            scales.y1 = { beginAtZero: true, position: 'right', grid: { display: false }, title: { display: true, text: names[1] } };
        }
        new Chart(canvas, {
            type: 'bar',
            data: { labels: labels, datasets: datasets },
            options: {
                indexAxis: horizontal ? 'y' : 'x',
                maintainAspectRatio: false,
                plugins: { legend: { display: datasets.length > 1, position: 'bottom' } },
                scales: scales,
                onClick: function (event, elements) {
                    if (elements.length && links[elements[0].index]) { window.location.href = links[elements[0].index]; }
                },
                onHover: function (event, elements) {
                    event.native.target.style.cursor = elements.length && links[elements[0].index] ? 'pointer' : 'default';
                },
            },
        });
    });
})();
