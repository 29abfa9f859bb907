// Snapshots: named, frozen copies of the design inside the same file. Take one, compare two (or one with the
// current design), restore one (a single edit that Undo reverts) or delete one (final: snapshots are not edits).
import { useCallback, useEffect, useState } from 'react';
import { toIpcError } from '../ipc/backend';
import type { DesignDiff, SnapshotSummary } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';
import { runEdit, useBackend } from '../studio/session';
import { DiffView } from './DiffView';
import { formatTime } from './diffFormat';

/** The value of the "current design" choice in the compare selects. */
const CURRENT = '';

export function SnapshotsDialog() {
  const backend = useBackend();
  const [snapshots, setSnapshots] = useState<SnapshotSummary[] | null>(null);
  const [name, setName] = useState('');
  const [from, setFrom] = useState<string>(CURRENT);
  const [to, setTo] = useState<string>(CURRENT);
  const [diff, setDiff] = useState<DesignDiff | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const close = () => useUiStore.getState().openDialog(null);
  const store = useDesignStore.getState;

  const reload = useCallback(async () => {
    try {
      setSnapshots(await backend.snapshotList());
    } catch (error) {
      setSnapshots([]);
      store().showError('list the snapshots', toIpcError(error));
    }
  }, [backend, store]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const create = async () => {
    try {
      const created = await backend.snapshotCreate(name);
      setName('');
      setFrom(created.name);
      setTo(CURRENT);
      store().showToast({ kind: 'info', title: `Snapshot ${created.name} taken`, message: `${created.entities} entities frozen.` });
      await reload();
    } catch (error) {
      store().showError(`take the snapshot ${name}`, toIpcError(error));
    }
  };

  const compare = async (left: string | null, right: string | null) => {
    try {
      setDiff(await backend.snapshotCompare(left, right));
    } catch (error) {
      store().showError('compare the snapshots', toIpcError(error));
    }
  };

  const restore = async (snapshot: string) => {
    const result = await runEdit(() => backend.snapshotRestore(snapshot), `restore snapshot ${snapshot}`);
    if (result) {
      setDiff(null);
      store().showToast({ kind: 'info', title: `Restored ${snapshot}`, message: 'One edit: Undo (Ctrl+Z) brings the design back as it was.' });
    }
  };

  const remove = async (snapshot: string) => {
    setConfirmDelete(null);
    try {
      await backend.snapshotDelete(snapshot);
      if (from === snapshot) setFrom(CURRENT);
      if (to === snapshot) setTo(CURRENT);
      await reload();
    } catch (error) {
      store().showError(`delete snapshot ${snapshot}`, toIpcError(error));
    }
  };

  const side = (value: string) => (value === CURRENT ? null : value);

  return (
    <div className="overlay" role="presentation" onMouseDown={close}>
      <div
        className="dialog snapshots-dialog"
        role="dialog"
        aria-label="Snapshots"
        data-testid="snapshots-dialog"
        onMouseDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.key === 'Escape' && close()}
      >
        <div className="dialog-head">
          <h2>Snapshots</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={close}>
            ×
          </button>
        </div>
        <form
          className="inline-fields"
          onSubmit={(event) => {
            event.preventDefault();
            void create();
          }}
        >
          <input
            type="text"
            value={name}
            placeholder="Name, e.g. before workshop"
            aria-label="Snapshot name"
            data-testid="snapshot-name"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button primary" data-testid="snapshot-create" disabled={name.trim() === ''}>
            Take snapshot
          </button>
        </form>
        {snapshots === null ? (
          <p className="muted">Loading…</p>
        ) : snapshots.length === 0 ? (
          <p className="empty" data-testid="snapshots-empty">
            No snapshots yet. Take one before a workshop or a big change, to compare with it later or go back to it.
          </p>
        ) : (
          <table className="data-table" data-testid="snapshot-list">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Taken</th>
                <th scope="col">Entities</th>
                <th scope="col" aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {snapshots.map((snapshot) => (
                <tr key={snapshot.name} data-testid="snapshot-row">
                  <th scope="row">{snapshot.name}</th>
                  <td>{formatTime(snapshot.createdAt)}</td>
                  <td>{snapshot.entities}</td>
                  <td className="row-actions">
                    <button type="button" className="button small" data-testid={`snapshot-compare-${snapshot.name}`} title="Compare this snapshot with the current design" onClick={() => void compare(snapshot.name, null)}>
                      Compare with now
                    </button>
                    <button type="button" className="button small" data-testid={`snapshot-restore-${snapshot.name}`} title="Bring the design back to this snapshot (one edit; Undo reverts it)" onClick={() => void restore(snapshot.name)}>
                      Restore
                    </button>
                    {confirmDelete === snapshot.name ? (
                      <>
                        <button type="button" className="button small danger" data-testid={`snapshot-delete-confirm-${snapshot.name}`} onClick={() => void remove(snapshot.name)}>
                          Delete for good
                        </button>
                        <button type="button" className="button small" onClick={() => setConfirmDelete(null)}>
                          Keep
                        </button>
                      </>
                    ) : (
                      <button type="button" className="button small" data-testid={`snapshot-delete-${snapshot.name}`} title="Delete the snapshot (cannot be undone)" onClick={() => setConfirmDelete(snapshot.name)}>
                        Delete
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {snapshots !== null && snapshots.length > 0 && (
          <div className="inline-fields compare-row">
            <span>Compare</span>
            <select value={from} aria-label="Compare from" data-testid="snapshot-from" onChange={(event) => setFrom(event.target.value)}>
              <option value={CURRENT}>current design</option>
              {snapshots.map((snapshot) => (
                <option key={snapshot.name} value={snapshot.name}>
                  {snapshot.name}
                </option>
              ))}
            </select>
            <span>with</span>
            <select value={to} aria-label="Compare to" data-testid="snapshot-to" onChange={(event) => setTo(event.target.value)}>
              <option value={CURRENT}>current design</option>
              {snapshots.map((snapshot) => (
                <option key={snapshot.name} value={snapshot.name}>
                  {snapshot.name}
                </option>
              ))}
            </select>
            <button type="button" className="button" data-testid="snapshot-compare-run" onClick={() => void compare(side(from), side(to))}>
              Compare
            </button>
          </div>
        )}
        <p className="muted small">Restoring is one edit: Undo (Ctrl+Z) brings the design back. Deleting a snapshot cannot be undone.</p>
        {diff && <DiffView diff={diff} />}
      </div>
    </div>
  );
}
