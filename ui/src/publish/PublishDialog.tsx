// Publish to repository: writes the design as code (and, if asked, the contract artefacts) into a sub-folder of
// a git working tree and commits it. Shows what changed and the commit, or why nothing was published.
import { useState } from 'react';
import { toIpcError } from '../ipc/backend';
import type { IpcError, PublishReport, PublishRequest } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';
import { useBackend } from '../studio/session';
import { publishAdvice } from './publishErrors';

function FileList({ title, files, testId }: { title: string; files: readonly string[]; testId: string }) {
  if (files.length === 0) return null;
  return (
    <details open={files.length <= 12} data-testid={testId}>
      <summary>
        {title} ({files.length})
      </summary>
      <ul className="file-list">
        {files.map((file) => (
          <li key={file}>
            <code>{file}</code>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function PublishDialog() {
  const backend = useBackend();
  const title = useDesignStore((state) => state.view?.title ?? 'design');
  const [repo, setRepo] = useState<string | null>(null);
  const [branch, setBranch] = useState('');
  const [message, setMessage] = useState('');
  const [path, setPath] = useState('mesh');
  const [artefacts, setArtefacts] = useState(true);
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<PublishReport | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const close = () => useUiStore.getState().openDialog(null);

  const pick = async () => {
    try {
      const folder = await backend.pickFolder();
      if (folder !== null) setRepo(folder);
    } catch (failure) {
      useDesignStore.getState().showError('choose the repository folder', toIpcError(failure));
    }
  };

  const run = async () => {
    if (repo === null) return;
    setRunning(true);
    setReport(null);
    setError(null);
    const request: PublishRequest = { repo, path: path.trim() === '' ? 'mesh' : path.trim(), artefacts };
    if (branch.trim() !== '') request.branch = branch.trim();
    if (message.trim() !== '') request.message = message.trim();
    try {
      setReport(await backend.publishRun(request));
    } catch (failure) {
      setError(toIpcError(failure));
    }
    setRunning(false);
  };

  return (
    <div className="overlay" role="presentation" onMouseDown={close}>
      <div
        className="dialog publish-dialog"
        role="dialog"
        aria-label="Publish to repository"
        data-testid="publish-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <div className="dialog-head">
          <h2>Publish to repository</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <p className="muted">
          Writes the design as code (mesh.yaml, one ODPS file per product, one ODCS file per contract) into a folder of
          a git working tree and commits it. The tree must have no uncommitted changes.
        </p>
        <fieldset className="form-grid" disabled={running}>
          <span className="form-label">Repository</span>
          <span className="inline-fields">
            <code data-testid="publish-repo">{repo ?? 'none chosen'}</code>
            <button type="button" className="button small" data-testid="publish-pick-repo" onClick={() => void pick()}>
              Choose folder…
            </button>
          </span>
          <label className="form-label" htmlFor="publish-branch">
            Branch
          </label>
          <input id="publish-branch" type="text" placeholder="the current branch" value={branch} data-testid="publish-branch" onChange={(event) => setBranch(event.target.value)} />
          <label className="form-label" htmlFor="publish-message">
            Commit message
          </label>
          <input id="publish-message" type="text" placeholder={`Publish ${title.replace(/\.mesh$/i, '')} from Meshwright`} value={message} data-testid="publish-message" onChange={(event) => setMessage(event.target.value)} />
          <label className="form-label" htmlFor="publish-path">
            Sub-folder
          </label>
          <input id="publish-path" type="text" value={path} data-testid="publish-path" onChange={(event) => setPath(event.target.value)} />
          <span className="form-label">Artefacts</span>
          <label className="inline-fields">
            <input type="checkbox" checked={artefacts} data-testid="publish-artefacts" onChange={(event) => setArtefacts(event.target.checked)} />
            Also write JSON Schema, SQL and Markdown for every contract
          </label>
        </fieldset>
        {error && (
          <div className="publish-error" role="alert" data-testid="publish-error" data-code={error.code}>
            <strong>Nothing was published.</strong> {error.message}
            <p>{publishAdvice(error)}</p>
          </div>
        )}
        {report && (
          <div className="publish-report" role="status" data-testid="publish-report">
            {report.commit === null ? (
              <p data-testid="publish-nothing">Nothing changed since the last publish: no commit was made.</p>
            ) : (
              <p>
                Committed <code data-testid="publish-commit">{report.commit.slice(0, 12)}</code>
                {report.branch ? ` on ${report.branch}` : ''} in {report.repo}/{report.path}.
              </p>
            )}
            <FileList title="Added" files={report.added} testId="publish-added" />
            <FileList title="Modified" files={report.modified} testId="publish-modified" />
            <FileList title="Removed" files={report.removed} testId="publish-removed" />
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={close}>
            Close
          </button>
          <button type="button" className="button primary" data-testid="publish-run" disabled={running || repo === null} onClick={() => void run()}>
            {running ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </div>
    </div>
  );
}
