// From the backend's metrics to the rows the dashboard's charts draw. Pure, so it is tested on its own.
import type { Metrics } from '../ipc/types';

/** Product statuses in lifecycle order; statuses the design invents go after them. */
export const STATUS_ORDER = ['proposed', 'draft', 'active', 'deprecated', 'retired'] as const;

export type Segment = { key: string; value: number };
export type StackedRow = { label: string; segments: Segment[]; total: number };
export type BarRow = { label: string; value: number; detail?: string };

/** Every status present in the metrics, lifecycle order first. */
export function statusesOf(metrics: Metrics): string[] {
  const present = new Set(Object.keys(metrics.byStatus));
  const known: string[] = STATUS_ORDER.filter((status) => present.has(status));
  const other = [...present].filter((status) => !known.includes(status)).sort();
  return [...known, ...other];
}

/** Products per domain, split by status. Products without a domain show as "(no domain)". */
export function productsByDomainRows(metrics: Metrics): StackedRow[] {
  const statuses = statusesOf(metrics);
  return metrics.domains.map((row) => ({
    label: row.name ?? '(no domain)',
    segments: statuses.map((status) => ({ key: status, value: row.byStatus[status] ?? 0 })).filter((segment) => segment.value > 0),
    total: row.products,
  }));
}

/** Productive products per domain, with the share of the domain's products. */
export function productiveRows(metrics: Metrics): BarRow[] {
  return metrics.domains.map((row) => ({
    label: row.name ?? '(no domain)',
    value: row.productive,
    detail: `${row.productive} of ${row.products}`,
  }));
}

/** The coverage and compliance ratios as percentages. */
export function coverageRows(metrics: Metrics): BarRow[] {
  const row = (label: string, ratio: Metrics['productive']): BarRow => ({
    label,
    value: ratio.percent,
    detail: `${ratio.covered} of ${ratio.total}`,
  });
  return [
    row('Output ports with a contract', metrics.coverage.contracts),
    row('Contracts with an SLA', metrics.coverage.sla),
    row('Properties classified', metrics.coverage.classification),
    row('Products without an error finding', metrics.governance.compliance),
    row('Productive products', metrics.productive),
  ];
}

/** The products with the most readers (consumers plus reading products), most first. */
export function topReaderRows(metrics: Metrics, names: ReadonlyMap<string, string>, limit = 10): BarRow[] {
  return [...metrics.readers]
    .map((row) => ({ label: names.get(row.product) ?? row.product, value: row.consumers + row.products, detail: `${row.consumers} consumers, ${row.products} products` }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label))
    .slice(0, limit);
}

/** Mean planned lead time (days from proposal to live) per domain. */
export function leadTimeRows(metrics: Metrics, domainNames: ReadonlyMap<string, string>): BarRow[] {
  return Object.entries(metrics.leadTime.byDomain).map(([domain, days]) => ({
    label: domain === '' ? '(no domain)' : (domainNames.get(domain) ?? domain),
    value: days,
    detail: `${days} days`,
  }));
}
