import { beforeEach, describe, expect, it } from 'vitest';
import type { DesignChanged } from '../ipc/types';
import type { DomainAssessment, ProductCanvas, StickyNote, Wave } from '../ipc/model';
import { retailFixture } from '../mock/mockBackend';
import { useDesignStore } from './designStore';
import { applyChanges, entityValue } from './patch';

const emptyReport = { findings: [], errors: 0, warnings: 0, infos: 0 };

function open(): void {
  useDesignStore.getState().setView({
    path: '/designs/retail.mesh',
    revision: 0,
    title: 'retail.mesh',
    mesh: retailFixture(),
    canUndo: false,
    canRedo: false,
    undoLabel: null,
    redoLabel: null,
    findings: emptyReport,
  });
}

function changed(revision: number, changes: DesignChanged['changes']): DesignChanged {
  return { revision, changes, canUndo: true, canRedo: false, undoLabel: 'Edit', redoLabel: null, findings: emptyReport };
}

const mesh = () => useDesignStore.getState().view!.mesh;

beforeEach(() => {
  useDesignStore.getState().setView(null);
  open();
});

describe('patching the rollout and workshop kinds', () => {
  it('puts an assessment under its domain, replacing the stored one and keeping the other domains', () => {
    const before = mesh();
    const orders = before.assessments.find((item) => item.domain === 'orders')!;
    const next: DomainAssessment = { ...orders, businessValue: 2, answers: { ...orders.answers, 'data-skills': { score: 1, note: 'no engineers' } } };
    useDesignStore.getState().applyChanged(changed(1, [{ op: 'put', kind: 'assessment', id: 'orders', value: next }]));
    const after = mesh();
    expect(after.assessments).toHaveLength(before.assessments.length);
    expect(after.assessments.find((item) => item.domain === 'orders')).toEqual(next);
    // Untouched assessments keep their identity (memoised views rely on it); other arrays are not copied.
    expect(after.assessments.find((item) => item.domain === 'catalog')).toBe(before.assessments.find((item) => item.domain === 'catalog'));
    expect(after.products).toBe(before.products);
  });

  it('adds a wave in id order and removes one', () => {
    const wave: Wave = { id: 'wave-0', number: 0, name: 'Pilot', products: ['orders.order-management'] };
    useDesignStore.getState().applyChanged(changed(1, [{ op: 'put', kind: 'wave', id: 'wave-0', value: wave }]));
    expect(mesh().waves.map((item) => item.id)).toEqual(['wave-0', 'wave-1', 'wave-2', 'wave-3', 'wave-4', 'wave-5']);
    useDesignStore.getState().applyChanged(changed(2, [{ op: 'remove', kind: 'wave', id: 'wave-3' }]));
    expect(mesh().waves.map((item) => item.id)).toEqual(['wave-0', 'wave-1', 'wave-2', 'wave-4', 'wave-5']);
  });

  it('puts a Data Product Canvas under its product and a sticky note under its id', () => {
    const canvas: ProductCanvas = { product: 'orders.net-sales', blocks: { observability: 'Alert on late files' } };
    const note: StickyNote = { id: 'note-1', text: 'Who owns returns?', x: 10, y: 20 };
    useDesignStore.getState().applyChanged(
      changed(1, [
        { op: 'put', kind: 'canvas', id: 'orders.net-sales', value: canvas },
        { op: 'put', kind: 'note', id: 'note-1', value: note },
      ]),
    );
    expect(entityValue(mesh(), 'canvas', 'orders.net-sales')).toEqual(canvas);
    expect(entityValue(mesh(), 'note', 'note-1')).toEqual(note);
    useDesignStore.getState().applyChanged(changed(2, [{ op: 'put', kind: 'note', id: 'note-1', value: { ...note, x: 300 } }]));
    expect(mesh().notes).toEqual([{ ...note, x: 300 }]);
    useDesignStore.getState().applyChanged(changed(3, [{ op: 'remove', kind: 'note', id: 'note-1' }]));
    expect(mesh().notes).toEqual([]);
  });

  it('patches documents that lack the new arrays (written before they existed)', () => {
    const old = { ...retailFixture() } as Partial<ReturnType<typeof retailFixture>>;
    delete old.notes;
    const patched = applyChanges(old as ReturnType<typeof retailFixture>, [{ op: 'put', kind: 'note', id: 'n', value: { id: 'n', text: '', x: 0, y: 0 } }]);
    expect(patched.notes).toHaveLength(1);
    expect(entityValue(old as ReturnType<typeof retailFixture>, 'note', 'n')).toBeUndefined();
  });
});
