// Two tiny SVG charts (line over time, horizontal bars), enough for the dashboard.
// Each chart carries a text summary (role="img" + aria-label) and the page also shows the data as a table.
const NS = 'http://www.w3.org/2000/svg';

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

function niceMax(max) {
  if (max <= 4) return 4;
  const pow = 10 ** Math.floor(Math.log10(max));
  const steps = [1, 2, 2.5, 5, 10];
  const step = steps.find((x) => x * pow * 4 >= max) * pow;
  return step * 4;
}

/** points: [{x: ms, y: number}] */
export function lineChart(points, { label, width = 640, height = 240, formatX }) {
  const pad = { l: 40, r: 12, t: 12, b: 28 };
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'line-chart' });
  if (points.length === 0) return svg;
  const xs = points.map((p) => p.x);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const yMax = niceMax(Math.max(...points.map((p) => p.y), 1));
  const X = (x) => pad.l + ((x - x0) / (x1 - x0)) * (width - pad.l - pad.r);
  const Y = (y) => height - pad.b - (y / yMax) * (height - pad.t - pad.b);
  const axis = s('g', { class: 'axis' });
  for (let i = 0; i <= 4; i++) {
    const v = (yMax / 4) * i;
    axis.append(s('line', { class: 'gridline', x1: pad.l, x2: width - pad.r, y1: Y(v), y2: Y(v) }));
    axis.append(s('text', { x: pad.l - 6, y: Y(v) + 4, 'text-anchor': 'end' }, Number.isInteger(v) ? v : v.toFixed(1)));
  }
  const ticks = 5;
  for (let i = 0; i <= ticks; i++) {
    const x = x0 + ((x1 - x0) / ticks) * i;
    axis.append(s('text', { x: X(x), y: height - 8, 'text-anchor': i === 0 ? 'start' : i === ticks ? 'end' : 'middle' }, formatX ? formatX(x) : String(x)));
  }
  svg.append(axis);
  const d = points.map((p, i) => `${i ? 'L' : 'M'}${X(p.x).toFixed(1)},${Y(p.y).toFixed(1)}`).join(' ');
  svg.append(s('path', { class: 'area', d: `${d} L${X(points.at(-1).x).toFixed(1)},${Y(0)} L${X(points[0].x).toFixed(1)},${Y(0)} Z` }));
  svg.append(s('path', { class: 'line', d }));
  return svg;
}

/** bars: [{label, value}] drawn horizontally with their values. */
export function barChart(bars, { label, width = 460 }) {
  const row = 30;
  const pad = { l: 170, r: 40, t: 6 };
  const height = Math.max(row, bars.length * row) + pad.t * 2;
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': label, class: 'bar-chart' });
  const max = Math.max(1, ...bars.map((b) => b.value));
  bars.forEach((b, i) => {
    const y = pad.t + i * row;
    const w = ((width - pad.l - pad.r) * b.value) / max;
    svg.append(s('text', { class: 'bar-label', x: pad.l - 8, y: y + row / 2 + 4, 'text-anchor': 'end' }, b.label));
    svg.append(s('rect', { class: 'bar', x: pad.l, y: y + 5, width: Math.max(2, w), height: row - 10, rx: 3 }));
    svg.append(s('text', { class: 'bar-label', x: pad.l + Math.max(2, w) + 6, y: y + row / 2 + 4 }, String(b.value)));
  });
  return svg;
}
