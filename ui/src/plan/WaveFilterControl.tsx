// "Mesh as of wave N": choose a wave, and the canvas dims the products and consumers that are not live by then.
// The filter is asked of the backend again after every edit, so it follows the plan as it changes.
import { useEffect, useRef } from 'react';
import type { Backend } from '../ipc/backend';
import { toIpcError } from '../ipc/backend';
import { useDesignStore } from '../store/designStore';
import { useBackend } from '../studio/session';

let latestRequest = 0;

/** Asks the backend what is live as of `wave` and shows it; the latest request wins. */
export async function showMeshAsOfWave(backend: Backend, wave: number | null): Promise<void> {
  const store = useDesignStore.getState();
  const request = ++latestRequest;
  if (wave === null) {
    store.setWaveFilter(null);
    return;
  }
  try {
    const result = await backend.planAsOfWave(wave);
    if (request !== latestRequest) return;
    store.setWaveFilter({
      wave: result.wave,
      products: new Set(result.products),
      consumers: new Set(result.consumers),
      contracts: new Set(result.contracts),
    });
  } catch (error) {
    if (request !== latestRequest) return;
    store.setWaveFilter(null);
    store.showError(`show the mesh as of wave ${wave}`, toIpcError(error));
  }
}

export function WaveFilterControl() {
  const backend = useBackend();
  const waves = useDesignStore((state) => state.view?.mesh.waves);
  const revision = useDesignStore((state) => state.view?.revision);
  const wave = useDesignStore((state) => state.waveFilter?.wave ?? null);
  const numbers = [...new Set((waves ?? []).map((item) => item.number))].sort((a, b) => a - b);
  const shownRevision = useRef(revision);

  // After an edit, ask again: the plan (or the products) may have changed.
  useEffect(() => {
    if (shownRevision.current === revision) return;
    shownRevision.current = revision;
    const current = useDesignStore.getState().waveFilter?.wave ?? null;
    if (current !== null) void showMeshAsOfWave(backend, current);
  }, [backend, revision]);

  return (
    <label className="wave-filter" title="Show the mesh as it stands once a wave has gone live">
      <span className="muted">As of</span>
      <select
        value={wave ?? ''}
        data-testid="wave-filter"
        aria-label="Show the mesh as of wave"
        onChange={(event) => void showMeshAsOfWave(backend, event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">all waves</option>
        {numbers.map((number) => (
          <option key={number} value={number}>
            wave {number}
          </option>
        ))}
      </select>
    </label>
  );
}
