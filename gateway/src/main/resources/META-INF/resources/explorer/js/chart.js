// Statements over time as a uPlot bar chart: per day when the statements span at most three months, else per month.
import uPlot from 'uplot';
import { html, append } from './dom.js';

const DAY_MS = 86_400_000;
const DAILY_UP_TO_DAYS = 92;
const HEIGHT = 220;

/** Counts per bucket from the first to the last bucket (empty buckets included), with one empty bucket either side. */
export function bucketCounts(instants) {
  const times = instants.map((instant) => Date.parse(instant)).filter(Number.isFinite);
  if (!times.length) {
    return { unit: 'day', starts: [], counts: [] };
  }
  const min = Math.min(...times);
  const max = Math.max(...times);
  const unit = (max - min) / DAY_MS <= DAILY_UP_TO_DAYS ? 'day' : 'month';
  const start = (time) => {
    const date = new Date(time);
    return unit === 'day'
      ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
  };
  const step = (time, n) => {
    const date = new Date(time);
    return unit === 'day'
      ? time + n * DAY_MS
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1);
  };
  const counts = new Map();
  for (const time of times) {
    counts.set(start(time), (counts.get(start(time)) || 0) + 1);
  }
  const starts = [];
  for (let bucket = step(start(min), -1); bucket <= step(start(max), 1); bucket = step(bucket, 1)) {
    starts.push(bucket);
  }
  return { unit, starts, counts: starts.map((bucket) => counts.get(bucket) || 0) };
}

/** Draws the chart into `element` (with a data table for screen readers); returns a function that removes it. */
export function statementsOverTime(element, instants, note) {
  const { unit, starts, counts } = bucketCounts(instants);
  if (!starts.length) {
    append(element, html`<p class="muted">No statements to chart.</p>`);
    return null;
  }
  const label = (time) => new Date(time).toLocaleDateString('en-GB',
    unit === 'day' ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
      : { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const busiest = starts[counts.indexOf(Math.max(...counts))];
  element.setAttribute('aria-label', `${instants.length} statements per ${unit} from ${label(starts[1])} to `
    + `${label(starts[starts.length - 2])}; most on ${label(busiest)} (${Math.max(...counts)}).`);

  const plotWidth = () => {
    const style = getComputedStyle(element);
    return Math.max(280, element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight));
  };
  const plot = new uPlot({
    width: plotWidth(),
    height: HEIGHT,
    padding: [12, 56, 0, 0], // room for the last date label
    legend: { show: false },
    cursor: { drag: { x: false, y: false } },
    // buckets are UTC days or months: ticks at bucket starts, labelled like the data table
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(2, Math.ceil(max * 1.1))] } },
    axes: [
      {
        stroke: '#444',
        space: 70,
        incrs: unit === 'day' ? [1, 2, 7, 14, 28, 56].map((days) => days * DAY_MS / 1000)
          : [1, 2, 3, 6, 12, 24, 60, 120].map((months) => months * 30.44 * DAY_MS / 1000),
        values: (u, splits) => splits.map((seconds) => label(seconds * 1000)),
      },
      { stroke: '#444', label: `statements per ${unit}`, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] },
    ],
    series: [
      {},
      {
        label: 'Statements',
        stroke: '#0072B2',
        fill: 'rgba(0, 114, 178, 0.45)',
        width: 1,
        points: { show: false },
        paths: uPlot.paths.bars({ size: [0.7, 80] }),
      },
    ],
  }, [starts.map((time) => time / 1000), counts.map((count) => count || null)], element);

  const table = html`
    <details class="chart-data">
      <summary>Data table${note ? ` (${note})` : ''}</summary>
      <table>
        <thead><tr><th scope="col">${unit === 'day' ? 'Day' : 'Month'}</th><th scope="col">Statements</th></tr></thead>
        <tbody>${starts.map((time, i) => (counts[i] ? html`<tr><td>${label(time)}</td><td>${counts[i]}</td></tr>` : null))}</tbody>
      </table>
    </details>`;
  append(element.parentElement, table);

  const resize = new ResizeObserver(() => {
    const width = plotWidth();
    if (width !== plot.width) {
      plot.setSize({ width, height: HEIGHT });
    }
  });
  resize.observe(element);
  return () => {
    resize.disconnect();
    plot.destroy();
  };
}
