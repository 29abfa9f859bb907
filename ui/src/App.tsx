// The studio window. For now it shows the open design's summary; the canvas,
// inspector and findings panels come later and will live beside this card.
import { useEffect, useState } from 'react';
import { toIpcError, type Backend, type IpcError, type MeshSummary } from './ipc/backend';

type LoadState =
  | { kind: 'loading' }
  | { kind: 'loaded'; summary: MeshSummary }
  | { kind: 'failed'; error: IpcError };

type CountRow = { label: string; value: (summary: MeshSummary) => number };

// Order follows how an architect reads a mesh: who owns what, then what flows where.
const COUNT_ROWS: readonly CountRow[] = [
  { label: 'Domains', value: (s) => s.domains },
  { label: 'Teams', value: (s) => s.teams },
  { label: 'Data products', value: (s) => s.products },
  { label: 'Contracts', value: (s) => s.contracts },
  { label: 'Source systems', value: (s) => s.sourceSystems },
  { label: 'Consumers', value: (s) => s.consumers },
  { label: 'Dependencies', value: (s) => s.dependencies },
];

export type AppProps = { backend: Backend };

export function App({ backend }: AppProps) {
  const [state, setState] = useState<LoadState>({ kind: 'loading' });

  useEffect(() => {
    // Ignore a late answer after unmount or a backend swap (React StrictMode mounts twice in dev).
    let current = true;
    setState({ kind: 'loading' });
    backend.meshShow().then(
      (summary) => {
        if (current) setState({ kind: 'loaded', summary });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'failed', error: toIpcError(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [backend]);

  const designName = state.kind === 'loaded' ? state.summary.name : null;

  return (
    <div className="studio">
      <header className="studio-header">
        <span className="app-name">Meshwright</span>
        {designName !== null && (
          <>
            <span className="header-separator" aria-hidden="true">
              /
            </span>
            <h1 className="design-name">{designName}</h1>
          </>
        )}
      </header>

      <main className="studio-main">
        {state.kind === 'loading' && (
          <p className="loading" role="status">
            Opening design…
          </p>
        )}
        {state.kind === 'loaded' && <SummaryCard summary={state.summary} />}
        {state.kind === 'failed' && <ErrorCard error={state.error} />}
      </main>

      <footer className="studio-footer">The full studio (canvas, inspector, findings) is coming.</footer>
    </div>
  );
}

function SummaryCard({ summary }: { summary: MeshSummary }) {
  return (
    <section className="card" aria-labelledby="summary-title">
      <h2 id="summary-title" className="card-title">
        Design summary
      </h2>
      {summary.path !== null && (
        <p className="design-path" title={summary.path}>
          {summary.path}
        </p>
      )}
      <dl className="counts">
        {COUNT_ROWS.map((row) => (
          <div className="count" key={row.label}>
            <dt>{row.label}</dt>
            <dd>{row.value(summary)}</dd>
          </div>
        ))}
      </dl>
      <h3 className="section-title">Domains</h3>
      {summary.domainNames.length === 0 ? (
        <p className="empty">No domains yet.</p>
      ) : (
        <ul className="domain-list" aria-label="Domains">
          {summary.domainNames.map((name, index) => (
            <li key={`${index}:${name}`}>{name}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ErrorCard({ error }: { error: IpcError }) {
  return (
    <section className="card card-error" role="alert" aria-labelledby="error-title">
      <h2 id="error-title" className="card-title">
        The design could not be opened
      </h2>
      <p className="error-message">{error.message}</p>
      <p className="error-code">
        Error code: <code>{error.code}</code>
      </p>
    </section>
  );
}
