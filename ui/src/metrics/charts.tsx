// Small SVG charts for the metrics dashboard: horizontal bars and stacked bars. Labels are SVG text (never
// markup); colours come from the theme's CSS variables through class names, so light and dark both work.
import type { BarRow, StackedRow } from './metricsLogic';

const ROW = 26;
const LABEL_WIDTH = 190;
const BAR_WIDTH = 320;
const VALUE_WIDTH = 90;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;

function truncate(text: string, max = 28): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function BarChart({ rows, label, testId, max, unit = '' }: { rows: readonly BarRow[]; label: string; testId: string; max?: number; unit?: string }) {
  if (rows.length === 0) return <p className="empty">Nothing to show yet.</p>;
  const top = max ?? Math.max(1, ...rows.map((row) => row.value));
  const height = rows.length * ROW + 4;
  return (
    <svg className="chart" role="img" aria-label={label} data-testid={testId} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      {rows.map((row, index) => {
        const y = index * ROW + 2;
        const width = Math.max(row.value > 0 ? 2 : 0, (row.value / top) * BAR_WIDTH);
        return (
          <g key={`${row.label}-${index}`} data-testid={`${testId}-bar`}>
            <title>{`${row.label}: ${row.detail ?? `${row.value}${unit}`}`}</title>
            <text className="chart-label" x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
              {truncate(row.label)}
            </text>
            <rect className="chart-track" x={LABEL_WIDTH} y={y + 4} width={BAR_WIDTH} height={ROW - 10} rx={3} />
            <rect className="chart-bar" x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 10} rx={3} />
            <text className="chart-value" x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2 + 4}>
              {`${row.value}${unit}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function StackedBarChart({ rows, keys, label, testId }: { rows: readonly StackedRow[]; keys: readonly string[]; label: string; testId: string }) {
  if (rows.length === 0) return <p className="empty">Nothing to show yet.</p>;
  const top = Math.max(1, ...rows.map((row) => row.total));
  const height = rows.length * ROW + 4;
  return (
    <figure className="chart-figure">
      <svg className="chart" role="img" aria-label={label} data-testid={testId} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
        {rows.map((row, index) => {
          const y = index * ROW + 2;
          let x = LABEL_WIDTH;
          return (
            <g key={`${row.label}-${index}`} data-testid={`${testId}-bar`}>
              <title>{`${row.label}: ${row.segments.map((segment) => `${segment.value} ${segment.key}`).join(', ') || 'no products'}`}</title>
              <text className="chart-label" x={LABEL_WIDTH - 8} y={y + ROW / 2 + 4} textAnchor="end">
                {truncate(row.label)}
              </text>
              {row.segments.map((segment) => {
                const width = (segment.value / top) * BAR_WIDTH;
                const rect = <rect key={segment.key} className={`chart-segment status-fill-${segment.key}`} x={x} y={y + 4} width={width} height={ROW - 10} />;
                x += width;
                return rect;
              })}
              <text className="chart-value" x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + ROW / 2 + 4}>
                {row.total}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        {keys.map((key) => (
          <span key={key}>
            <span className={`legend-swatch status-fill-${key}`} aria-hidden="true" /> {key}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
