// The open session: which backend the studio talks to, and the few steps every edit and open goes through
// (call the backend, patch the store, say what went wrong in a toast).
import { createContext, useContext } from 'react';
import type { Backend } from '../ipc/backend';
import { toIpcError } from '../ipc/backend';
import type { DesignView, EditResult } from '../ipc/types';
import type { Position } from '../ipc/model';
import { useDesignStore } from '../store/designStore';
import { gridLayout, layoutMesh } from '../canvas/layout';

export const BackendContext = createContext<Backend | null>(null);

export function useBackend(): Backend {
  const backend = useContext(BackendContext);
  if (backend === null) throw new Error('the studio has no backend: wrap it in <BackendContext value={...}>');
  return backend;
}

/** Sends one edit; the result patches the store. Failures become a toast and `null`. */
export async function runEdit(call: () => Promise<EditResult>, attempted: string): Promise<EditResult | null> {
  try {
    const result = await call();
    useDesignStore.getState().applyChanged(result);
    return result;
  } catch (error) {
    useDesignStore.getState().showError(attempted, toIpcError(error));
    return null;
  }
}

/** Opens a design: shows it, then places nodes the file has no position for. */
export async function openDesign(call: () => Promise<DesignView>, attempted: string): Promise<DesignView | null> {
  try {
    const view = await call();
    await showDesign(view);
    return view;
  } catch (error) {
    useDesignStore.getState().showError(attempted, toIpcError(error));
    return null;
  }
}

/** Shows a design once the nodes the file has no position for are placed (so nothing jumps on screen). */
export async function showDesign(view: DesignView): Promise<void> {
  const positions = await placeUnpositioned(view);
  const store = useDesignStore.getState();
  store.setView(view);
  store.setAutoPositions(positions);
}

/** Nodes without a stored position get one from ELK (small designs) or a grid (big ones), kept in view state. */
async function placeUnpositioned(view: DesignView): Promise<Record<string, Position>> {
  const { mesh } = view;
  const ids = [
    ...mesh.domains.map((item) => item.id),
    ...mesh.products.map((item) => item.id),
    ...mesh.sourceSystems.map((item) => item.id),
    ...mesh.consumers.map((item) => item.id),
  ];
  if (ids.every((id) => mesh.layout[id] !== undefined)) return {};
  let positions: Record<string, Position>;
  if (mesh.products.length > 300) {
    positions = gridLayout(mesh);
  } else {
    try {
      positions = Object.fromEntries((await layoutMesh(mesh)).map(({ id, x, y }) => [id, { x, y }]));
    } catch {
      positions = gridLayout(mesh);
    }
  }
  return positions;
}
