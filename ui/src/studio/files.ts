// Saving text the backend produced (a plan, a printable canvas) to a file the user picks.
import type { Backend } from '../ipc/backend';
import { toIpcError } from '../ipc/backend';
import type { SaveFileOptions } from '../ipc/types';
import { useDesignStore } from '../store/designStore';

/** Asks where to save, writes `text` there and says so; returns the path, or null when cancelled or failed. */
export async function saveTextAs(backend: Backend, text: () => Promise<string>, options: SaveFileOptions & { what: string }): Promise<string | null> {
  const store = useDesignStore.getState();
  try {
    const content = await text();
    const { what, ...dialog } = options;
    const path = await backend.pickSaveFile(dialog);
    if (path === null) return null;
    await backend.saveText(path, content);
    store.showToast({ kind: 'info', title: `Saved ${what}`, message: path });
    return path;
  } catch (error) {
    store.showError(`save ${options.what}`, toIpcError(error));
    return null;
  }
}

/** A file name from the design's title: `retail.mesh` → `retail-<suffix>`. */
export function fileNameFor(title: string, suffix: string): string {
  const stem = title.replace(/\.mesh$/i, '') || 'design';
  return `${stem}-${suffix}`;
}
