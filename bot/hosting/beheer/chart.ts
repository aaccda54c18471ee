import { html, type Html } from './html.ts';

// A stacked bar chart of the last weeks, drawn on the server as SVG: no script, no package,
// nothing to load. Colours come from presentation attributes (a style attribute would need
// 'unsafe-inline'); each series also differs in its legend text, and the same figures stand in
// the table below the chart for screen readers and for anyone who cannot tell the colours apart.

export interface ChartSeries {
  label: string;
  colour: string;
  values: number[];
}

export interface BarChart {
  title: string;
  categories: string[];
  series: ChartSeries[];
}

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 48;
const BOTTOM = 30;
const TOP = 10;

function niceMax(value: number): number {
  if (value <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(value));
  return Math.ceil(value / step) * step;
}

export function barChart(chart: BarChart, id: string): Html {
  const totals = chart.categories.map((_, i) =>
    chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0),
  );
  const max = niceMax(Math.max(0, ...totals));
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = (WIDTH - LEFT) / Math.max(1, chart.categories.length);
  const barWidth = Math.min(48, slot * 0.6);
  const y = (value: number): number => TOP + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max];
  const bars = chart.categories.map((category, i) => {
    let base = 0;
    const x = LEFT + slot * i + (slot - barWidth) / 2;
    const parts = chart.series.map((series) => {
      const value = series.values[i] ?? 0;
      const top = y(base + value);
      const height = y(base) - top;
      base += value;
      return value === 0
        ? ''
        : html`<rect
            x="${x.toFixed(1)}"
            y="${top.toFixed(1)}"
            width="${barWidth.toFixed(1)}"
            height="${height.toFixed(1)}"
            fill="${series.colour}"
            ><title>${category}: ${series.label} ${value}</title></rect
          >`;
    });
    return html`<g
      >${parts}<text
        x="${(x + barWidth / 2).toFixed(1)}"
        y="${HEIGHT - 10}"
        text-anchor="middle"
        class="chart__label"
        >${category}</text
      ></g
    >`;
  });
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-labelledby="${id}-titel"
      focusable="false"
    >
      <title id="${id}-titel">${chart.title}</title>
      ${ticks.map(
        (tick) =>
          html`<line
              x1="${LEFT}"
              x2="${WIDTH}"
              y1="${y(tick).toFixed(1)}"
              y2="${y(tick).toFixed(1)}"
              stroke="#767676"
              stroke-width="${tick === 0 ? 1.5 : 0.5}"
            /><text
              x="${LEFT - 6}"
              y="${(y(tick) + 4).toFixed(1)}"
              text-anchor="end"
              class="chart__label"
              >${tick}</text
            >`,
      )}
      ${bars}
    </svg>
    <figcaption>
      <ul class="legend">
        ${chart.series.map(
          (s) =>
            html`<li>
              <svg class="legend__swatch" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
                <rect width="10" height="10" fill="${s.colour}" /></svg
              >${s.label}
            </li>`,
        )}
      </ul>
    </figcaption>
  </figure>`;
}
