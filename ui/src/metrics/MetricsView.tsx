// The metrics dashboard: products per domain and status, productive products, contract / SLA / classification
// coverage, governance compliance, readers per product and the planned lead time, from the backend's metrics.
import { useMemo } from 'react';
import type { Metrics } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useBackend } from '../studio/session';
import { useBackendQuery } from '../studio/useBackendQuery';
import { BarChart, StackedBarChart } from './charts';
import { coverageRows, leadTimeRows, productiveRows, productsByDomainRows, statusesOf, topReaderRows } from './metricsLogic';

function Figure({ label, value, detail, testId }: { label: string; value: string; detail?: string; testId: string }) {
  return (
    <div className="figure" data-testid={testId}>
      <span className="figure-value">{value}</span>
      <span className="figure-label">{label}</span>
      {detail && <span className="muted small">{detail}</span>}
    </div>
  );
}

export function MetricsView() {
  const backend = useBackend();
  const mesh = useDesignStore((state) => state.view?.mesh);
  const metrics = useBackendQuery(() => backend.metricsGet(), [backend]);
  const names = useMemo(() => new Map((mesh?.products ?? []).map((product) => [product.id, product.name])), [mesh?.products]);
  const domainNames = useMemo(() => new Map((mesh?.domains ?? []).map((domain) => [domain.id, domain.name])), [mesh?.domains]);

  if (metrics.error) {
    return (
      <main className="screen" data-testid="metrics-view">
        <p className="empty" role="alert">
          The metrics could not be measured: {metrics.error.message}
        </p>
      </main>
    );
  }
  const data: Metrics | null = metrics.data;
  if (!data) {
    return (
      <main className="screen" data-testid="metrics-view">
        <p className="muted" role="status">
          Measuring…
        </p>
      </main>
    );
  }
  const statuses = statusesOf(data);
  return (
    <main className="screen metrics-view" data-testid="metrics-view" aria-label="Metrics">
      <header className="screen-head">
        <h1>Metrics</h1>
        <span className="muted">Measured at design time, from the design and its findings.</span>
      </header>
      {data.products === 0 ? (
        <p className="empty" data-testid="metrics-empty">
          No data products yet: add products on the canvas and their metrics appear here.
        </p>
      ) : (
        <>
          <div className="figures">
            <Figure testId="metric-products" label="data products" value={String(data.products)} detail={statuses.map((status) => `${data.byStatus[status]} ${status}`).join(' · ')} />
            <Figure testId="metric-productive" label="productive" value={`${data.productive.percent}%`} detail={`${data.productive.covered} of ${data.productive.total}: active, contract, SLA, read`} />
            <Figure testId="metric-compliance" label="governance compliance" value={`${data.governance.compliance.percent}%`} detail={`${data.governance.errors} errors · ${data.governance.warnings} warnings · ${data.governance.infos} infos`} />
            <Figure testId="metric-readers" label="readers per product (mean)" value={String(data.consumersPerProduct.mean)} detail={`median ${data.consumersPerProduct.median}, max ${data.consumersPerProduct.max}, ${data.consumersPerProduct.zero} unread`} />
            <Figure
              testId="metric-lead-time"
              label="planned lead time (mean days)"
              value={data.leadTime.days.count === 0 ? '–' : String(data.leadTime.days.mean)}
              detail={data.leadTime.days.count === 0 ? 'Plan waves with dates to see it.' : `median ${data.leadTime.days.median}, max ${data.leadTime.days.max}, over ${data.leadTime.days.count} products`}
            />
          </div>
          <div className="screen-columns">
            <section className="card">
              <h2>Products per domain and status</h2>
              <StackedBarChart rows={productsByDomainRows(data)} keys={statuses} label="Products per domain, by status" testId="chart-products-by-domain" />
            </section>
            <section className="card">
              <h2>Productive products per domain</h2>
              <BarChart rows={productiveRows(data)} label="Productive products per domain" testId="chart-productive" />
            </section>
            <section className="card">
              <h2>Coverage and compliance</h2>
              <BarChart rows={coverageRows(data)} label="Coverage and compliance, percent" testId="chart-coverage" max={100} unit="%" />
            </section>
            <section className="card">
              <h2>Most read products</h2>
              <BarChart rows={topReaderRows(data, names)} label="Readers per product, top ten" testId="chart-readers" />
            </section>
            <section className="card">
              <h2>Planned lead time per domain</h2>
              {data.leadTime.days.count === 0 ? (
                <p className="empty">No lead time yet: give the waves live dates and the plan a start date.</p>
              ) : (
                <BarChart rows={leadTimeRows(data, domainNames)} label="Mean planned lead time per domain, days" testId="chart-lead-time" unit=" d" />
              )}
            </section>
          </div>
        </>
      )}
    </main>
  );
}
