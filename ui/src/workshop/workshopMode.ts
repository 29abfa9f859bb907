// Entering and leaving workshop mode: the window goes full screen (the desktop window through the backend, a
// plain browser through the DOM Fullscreen API when it allows it), the type grows, the timer shows.
import type { Backend } from '../ipc/backend';
import { toIpcError } from '../ipc/backend';
import type { MeshDocument } from '../ipc/model';
import type { EntityValue } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { useUiStore } from '../store/uiStore';

export async function setWorkshopMode(backend: Backend, on: boolean): Promise<void> {
  useUiStore.getState().setWorkshop(on);
  try {
    await backend.setFullscreen(on);
  } catch (error) {
    useDesignStore.getState().showError(on ? 'go full screen' : 'leave full screen', toIpcError(error));
  }
  if (backend.runtime !== 'browser' || typeof document === 'undefined') return;
  try {
    if (on && !document.fullscreenElement) await document.documentElement.requestFullscreen?.();
    if (!on && document.fullscreenElement) await document.exitFullscreen();
  } catch {
    // Browsers refuse full screen without a user gesture (or at all in tests): workshop mode works without it.
  }
}

/** Minutes and seconds, `mm:ss` (minutes grow past 59). */
export function formatTimer(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** A new sticky note at `at` with an id no note has yet (`note-1`, `note-2`, …). */
export function newNoteEdit(mesh: MeshDocument, at: { x: number; y: number }): EntityValue {
  const taken = new Set((mesh.notes ?? []).map((note) => note.id));
  let number = taken.size + 1;
  while (taken.has(`note-${number}`)) number += 1;
  const id = `note-${number}`;
  return { kind: 'note', id, value: { id, text: '', x: Math.round(at.x - 100), y: Math.round(at.y - 75) } };
}
