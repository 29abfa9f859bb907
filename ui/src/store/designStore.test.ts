import { beforeEach, describe, expect, it } from 'vitest';
import type { DesignChanged, DesignView } from '../ipc/types';
import type { DataProduct } from '../ipc/model';
import { createMockBackend, retailFixture } from '../mock/mockBackend';
import { COLLAPSE_THRESHOLD, useDesignStore } from './designStore';
import { applyChanges } from './patch';

const emptyReport = { findings: [], errors: 0, warnings: 0, infos: 0 };

function retailView(): DesignView {
  return {
    path: '/designs/retail.mesh',
    revision: 0,
    title: 'retail.mesh',
    mesh: retailFixture(),
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
    findings: emptyReport,
  };
}

function changed(revision: number, changes: DesignChanged['changes'], extra: Partial<DesignChanged> = {}): DesignChanged {
  return { revision, changes, canUndo: true, canRedo: false, undoLabel: 'Edit', redoLabel: null, findings: emptyReport, ...extra };
}

beforeEach(() => useDesignStore.getState().setView(null));

describe('design store', () => {
  it('patches a put of an existing product in place and keeps every other entity as it was', () => {
    useDesignStore.getState().setView(retailView());
    const before = useDesignStore.getState().view!.mesh;
    const product = before.products.find((item) => item.id === 'orders.sales-kpis')!;
    const renamed: DataProduct = { ...product, name: 'Board KPIs' };

    expect(useDesignStore.getState().applyChanged(changed(1, [{ op: 'put', kind: 'product', id: product.id, value: renamed }]))).toBe(true);

    const after = useDesignStore.getState().view!.mesh;
    expect(after.products.find((item) => item.id === product.id)?.name).toBe('Board KPIs');
    expect(after.products).toHaveLength(before.products.length);
    // Untouched kinds and entities keep their identity (memoised canvas nodes rely on it).
    expect(after.domains).toBe(before.domains);
    expect(after.products.find((item) => item.id === 'orders.net-sales')).toBe(before.products.find((item) => item.id === 'orders.net-sales'));
    expect(useDesignStore.getState().view!.canUndo).toBe(true);
    expect(useDesignStore.getState().view!.undoLabel).toBe('Edit');
  });

  it('inserts new entities in id order, removes entities and positions, and updates settings', () => {
    useDesignStore.getState().setView(retailView());
    useDesignStore.getState().applyChanged(
      changed(1, [
        { op: 'put', kind: 'domain', id: 'finance', value: { id: 'finance', name: 'Finance' } },
        { op: 'remove', kind: 'consumer', id: 'buyer-replenishment-report' },
        { op: 'put', kind: 'position', id: 'finance', value: { x: 10, y: 20 } },
        { op: 'put', kind: 'settings', id: 'mesh', value: { name: 'Renamed mesh' } },
      ]),
    );
    const mesh = useDesignStore.getState().view!.mesh;
    const ids = mesh.domains.map((domain) => domain.id);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toContain('finance');
    expect(mesh.consumers.some((consumer) => consumer.id === 'buyer-replenishment-report')).toBe(false);
    expect(mesh.layout['finance']).toEqual({ x: 10, y: 20 });
    expect(mesh.settings.name).toBe('Renamed mesh');

    useDesignStore.getState().applyChanged(changed(2, [{ op: 'remove', kind: 'position', id: 'finance' }]));
    expect(useDesignStore.getState().view!.mesh.layout['finance']).toBeUndefined();
  });

  it('applies each revision once: a late duplicate (result and event of one edit) is dropped', () => {
    useDesignStore.getState().setView(retailView());
    const rename = (name: string) => ({ op: 'put' as const, kind: 'domain' as const, id: 'orders', value: { id: 'orders', name } });
    expect(useDesignStore.getState().applyChanged(changed(1, [rename('First')]))).toBe(true);
    expect(useDesignStore.getState().applyChanged(changed(2, [rename('Second')]))).toBe(true);
    expect(useDesignStore.getState().applyChanged(changed(1, [rename('First')]))).toBe(false);
    expect(useDesignStore.getState().view!.mesh.domains.find((domain) => domain.id === 'orders')?.name).toBe('Second');
    expect(useDesignStore.getState().view!.revision).toBe(2);
  });

  it('drops the selection and the inspector target of removed entities', () => {
    useDesignStore.getState().setView(retailView());
    useDesignStore.getState().setSelection(['orders.sales-kpis', 'orders.net-sales']);
    useDesignStore.getState().inspect({ kind: 'product', id: 'orders.sales-kpis' });
    useDesignStore.getState().applyChanged(changed(1, [{ op: 'remove', kind: 'product', id: 'orders.sales-kpis' }]));
    expect(useDesignStore.getState().selection).toEqual(['orders.net-sales']);
    expect(useDesignStore.getState().inspector).toBeNull();
  });

  it('follows undo and redo of the backend: the edit goes back and forth, and so do the undo flags', async () => {
    const backend = createMockBackend({ exportStepMs: 0 });
    useDesignStore.getState().setView(await backend.designOpenExample('retail'));
    const product = useDesignStore.getState().view!.mesh.products.find((item) => item.id === 'orders.sales-kpis')!;
    const original = product.name;

    useDesignStore.getState().applyChanged(await backend.entityPut([{ kind: 'product', id: product.id, value: { ...product, name: 'Board KPIs' } }]));
    let view = useDesignStore.getState().view!;
    expect(view.canUndo).toBe(true);
    expect(view.undoLabel).toBe('Edit product orders.sales-kpis');

    useDesignStore.getState().applyChanged(await backend.editUndo());
    view = useDesignStore.getState().view!;
    expect(view.mesh.products.find((item) => item.id === product.id)?.name).toBe(original);
    expect(view.canUndo).toBe(false);
    expect(view.canRedo).toBe(true);

    useDesignStore.getState().applyChanged(await backend.editRedo());
    view = useDesignStore.getState().view!;
    expect(view.mesh.products.find((item) => item.id === product.id)?.name).toBe('Board KPIs');
    expect(view.canRedo).toBe(false);
    // The store's copy equals the backend's after every step: it never needed a refetch.
    expect(view.mesh).toEqual(backend.current());
  });

  it('opens big designs with every domain collapsed', () => {
    const view = retailView();
    const template = view.mesh.products[0]!;
    view.mesh.products = Array.from({ length: COLLAPSE_THRESHOLD + 1 }, (_, index) => ({ ...template, id: `p-${index}` }));
    useDesignStore.getState().setView(view);
    const collapsed = useDesignStore.getState().collapsed;
    expect(view.mesh.domains.every((domain) => collapsed[domain.id] === true)).toBe(true);
  });
});

describe('applyChanges', () => {
  it('returns the same document for no changes and never mutates its input', () => {
    const mesh = retailFixture();
    expect(applyChanges(mesh, [])).toBe(mesh);
    const copy = structuredClone(mesh);
    applyChanges(mesh, [{ op: 'remove', kind: 'product', id: 'orders.sales-kpis' }]);
    expect(mesh).toEqual(copy);
  });
});
