// Loads something derived from the design (the plan, the metrics, a canvas) and loads it again after every edit:
// the design's revision is part of the key, so the screen never shows numbers of an older design.
import { useEffect, useState } from 'react';
import { toIpcError } from '../ipc/backend';
import type { IpcError } from '../ipc/types';
import { useDesignStore } from '../store/designStore';

export type Query<T> = { data: T | null; error: IpcError | null; loading: boolean };

/** Runs `load` when the design's revision or any of `keys` changes; the latest answer wins. */
export function useBackendQuery<T>(load: () => Promise<T>, keys: readonly unknown[]): Query<T> {
  const revision = useDesignStore((state) => state.view?.revision ?? -1);
  const [state, setState] = useState<Query<T>>({ data: null, error: null, loading: true });
  useEffect(() => {
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, error: null, loading: false }),
      (error: unknown) => current && setState({ data: null, error: toIpcError(error), loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; what it reads is in `keys`.
  }, [revision, ...keys]);
  return state;
}
