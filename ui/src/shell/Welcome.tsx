// Shown when no design is open: start a new one, open or import one, try an example, or reopen a recent file.
import { useEffect, useState } from 'react';
import type { Action } from '../actions/registry';
import type { RecentFile } from '../ipc/types';
import { useBackend, openDesign } from '../studio/session';

export function Welcome({ actions }: { actions: readonly Action[] }) {
  const backend = useBackend();
  const [recent, setRecent] = useState<RecentFile[] | null>(null);
  const run = (id: string) => () => void actions.find((action) => action.id === id)?.run();

  useEffect(() => {
    let current = true;
    backend.designRecent().then(
      (files) => current && setRecent(files),
      () => current && setRecent([]),
    );
    return () => {
      current = false;
    };
  }, [backend]);

  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome-card">
        <h1>Meshwright</h1>
        <p className="welcome-lead">
          Sketch a data mesh: domains and the data products they own, the source systems they read, the consumers they
          serve, and the contracts in between.
        </p>
        <div className="welcome-actions">
          <button type="button" className="button primary" data-testid="welcome-new" onClick={run('design.new')}>
            New design…
          </button>
          <button type="button" className="button" data-testid="welcome-open" onClick={run('design.open')}>
            Open…
          </button>
          <button type="button" className="button" data-testid="welcome-import" onClick={run('design.import')}>
            Import folder…
          </button>
          <button
            type="button"
            className="button"
            data-testid="welcome-pilot"
            title="A small design a workshop starts from: one domain, two products, a consumer, empty canvases"
            onClick={run('design.pilot')}
          >
            New pilot exercise…
          </button>
        </div>
        <h2>Examples</h2>
        <div className="welcome-actions">
          <button type="button" className="button" data-testid="welcome-example-retail" onClick={run('design.example.retail')}>
            Open example: retail
          </button>
          <button
            type="button"
            className="button"
            data-testid="welcome-example-healthcare"
            onClick={run('design.example.healthcare')}
          >
            Open example: healthcare
          </button>
        </div>
        <h2>Recent designs</h2>
        {recent === null ? (
          <p className="muted">Loading…</p>
        ) : recent.length === 0 ? (
          <p className="empty">No recent designs yet. Open the retail example to look around.</p>
        ) : (
          <ul className="recent-list">
            {recent.map((file) => (
              <li key={file.path}>
                <button
                  type="button"
                  className="link"
                  data-testid="welcome-recent"
                  title={file.path}
                  onClick={() => void openDesign(() => backend.designOpen(file.path), `open ${file.path}`)}
                >
                  {file.name}
                </button>
                <span className="muted">{file.path}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </main>
  );
}
