// Reports: every chart is drawn from the accessible data table next to it (the table is the source of truth),
// and "In" prints the page. No inline script: the CSP allows scripts from 'self' only.
(function () {
    document.querySelectorAll('[data-print]').forEach(function (b) {
        b.addEventListener('click', function () { window.print(); });
    });
    if (!window.Chart) {
        return;
    }
    var palette = ['#1b6e3a', '#d9a21b', '#3a6ea5', '#b5452f', '#6b4c9a', '#2a9d8f', '#8a8a8a'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var table = document.getElementById(canvas.dataset.table);
        if (!table || !table.tHead || !table.tBodies.length) {
            return;
        }
        var kind = canvas.dataset.chart;
        var headers = Array.prototype.slice.call(table.tHead.rows[0].cells, 1).map(function (c) { return c.textContent.trim(); });
        var rows = Array.prototype.slice.call(table.tBodies[0].rows);
        var labels = rows.map(function (r) { return r.cells[0].textContent.trim(); });
        var columns = headers.map(function (h, i) { return i; });
        if (kind === 'bar-stacked') {
            columns = columns.filter(function (i) { return !/\(%\)$/.test(headers[i]); });
        }
        if (kind === 'doughnut') {
            columns = [0];
        }
        var datasets = columns.map(function (i, n) {
            return {
                label: headers[i],
                data: rows.map(function (r) { var v = r.cells[i + 1].dataset.value; return v === '' ? null : Number(v); }),
                backgroundColor: kind === 'doughnut' ? palette : palette[n % palette.length]
            };
        });
        var stacked = kind === 'bar-stacked';
        new window.Chart(canvas, {
            type: kind === 'doughnut' ? 'doughnut' : 'bar',
            data: { labels: labels, datasets: datasets },
            options: {
                responsive: true,
                indexAxis: kind === 'bar-horizontal' ? 'y' : 'x',
                animation: false,
                scales: kind === 'doughnut' ? {} : { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
                plugins: { legend: { display: datasets.length > 1 || kind === 'doughnut' } }
            }
        });
    });
})();
