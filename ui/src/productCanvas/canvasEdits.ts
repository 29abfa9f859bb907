// Pure edit builder for the Data Product Canvas: one block's free text into the product's stored canvas.
import type { MeshDocument } from '../ipc/model';
import type { CanvasBlock, EntityValue } from '../ipc/types';

/** The canvas with `block` set to `text` (an empty text removes the block); other blocks stay. */
export function canvasBlockEdit(mesh: MeshDocument, product: string, block: CanvasBlock, text: string): EntityValue {
  const stored = (mesh.canvases ?? []).find((canvas) => canvas.product === product);
  const blocks: Partial<Record<CanvasBlock, string>> = { ...(stored?.blocks ?? {}) };
  if (text.trim() === '') delete blocks[block];
  else blocks[block] = text;
  return { kind: 'canvas', id: product, value: { ...(stored ?? {}), product, blocks } };
}

/** The product the canvas view shows: the selected product, else the one shown before, else the first. */
export function canvasProduct(mesh: MeshDocument, selection: readonly string[], previous: string | null): string | null {
  const ids = new Set(mesh.products.map((product) => product.id));
  const selected = selection.find((id) => ids.has(id));
  if (selected !== undefined) return selected;
  if (previous !== null && ids.has(previous)) return previous;
  return mesh.products[0]?.id ?? null;
}
