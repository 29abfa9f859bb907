import { describe, expect, it } from 'vitest';
import { createMockBackend, retailFixture } from './mock/mockBackend';
import { coverageRows, productsByDomainRows, statusesOf, topReaderRows } from './metrics/metricsLogic';
import { formatValue, groupByKind, summaryText } from './snapshots/diffFormat';
import { formatTimer, newNoteEdit } from './workshop/workshopMode';
import { canvasBlockEdit, canvasProduct } from './productCanvas/canvasEdits';
import { publishAdvice } from './publish/publishErrors';

describe('metrics dashboard rows', () => {
  it('splits products per domain by status, in lifecycle order', async () => {
    const metrics = await createMockBackend({ openOn: retailFixture() }).metricsGet();
    expect(metrics.products).toBe(28);
    expect(metrics.byStatus).toEqual({ active: 27, draft: 1 });
    expect(statusesOf(metrics)).toEqual(['draft', 'active']);
    const marketing = productsByDomainRows(metrics).find((row) => row.label === 'Marketing');
    expect(marketing).toEqual({ label: 'Marketing', total: 5, segments: [{ key: 'draft', value: 1 }, { key: 'active', value: 4 }] });
    expect(coverageRows(metrics).map((row) => row.label)).toContain('Contracts with an SLA');
    const top = topReaderRows(metrics, new Map(), 3);
    expect(top).toHaveLength(3);
    expect(top[0]!.value).toBeGreaterThanOrEqual(top[1]!.value);
    expect(metrics.leadTime.days.count).toBe(28);
  });
});

describe('snapshots', () => {
  it('takes a snapshot, sees a change field by field, restores it as one undoable edit', async () => {
    const backend = createMockBackend({ openOn: retailFixture() });
    const taken = await backend.snapshotCreate(' before ');
    expect(taken.name).toBe('before');
    await expect(backend.snapshotCreate('before')).rejects.toMatchObject({ code: 'already_exists' });
    const domain = backend.current()!.domains.find((item) => item.id === 'orders')!;
    await backend.entityPut([{ kind: 'domain', id: 'orders', value: { ...domain, name: 'Sales orders' } }]);
    const diff = await backend.snapshotCompare('before', null);
    expect(summaryText(diff)).toBe('1 changed.');
    const groups = groupByKind(diff);
    expect(groups.map((group) => group.label)).toEqual(['Domains']);
    expect(groups[0]!.changes[0]!.fields).toEqual([{ path: 'name', old: 'Orders', new: 'Sales orders' }]);
    const restored = await backend.snapshotRestore('before');
    expect(restored.undoLabel).toBe('Restore snapshot before');
    expect(backend.current()!.domains.find((item) => item.id === 'orders')!.name).toBe('Orders');
    await backend.editUndo();
    expect(backend.current()!.domains.find((item) => item.id === 'orders')!.name).toBe('Sales orders');
    await backend.snapshotDelete('before');
    expect(await backend.snapshotList()).toEqual([]);
  });

  it('grades a removed contract property as breaking', async () => {
    const backend = createMockBackend({ openOn: retailFixture() });
    await backend.snapshotCreate('v1');
    const contract = backend.current()!.contracts[0]!;
    const [first, ...rest] = contract.schema ?? [];
    const trimmed = { ...first!, properties: (first!.properties ?? []).slice(1) };
    await backend.entityPut([{ kind: 'contract', id: contract.id, value: { ...contract, schema: [trimmed, ...rest] } }]);
    const diff = await backend.snapshotCompare('v1', null);
    expect(diff.summary.breaking).toBeGreaterThan(0);
    expect(diff.entities[0]!.bumpNeeded).toBe('major');
  });

  it('writes values as short text', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue({ a: 1 })).toBe('{"a":1}');
    expect(formatValue('x'.repeat(200), 10)).toHaveLength(10);
  });
});

describe('workshop, canvas and publishing helpers', () => {
  it('formats the timer and places new notes with fresh ids', () => {
    expect(formatTimer(0)).toBe('00:00');
    expect(formatTimer(61_999)).toBe('01:01');
    expect(formatTimer(3_600_000)).toBe('60:00');
    const mesh = { ...retailFixture(), notes: [{ id: 'note-1', text: '', x: 0, y: 0 }] };
    expect(newNoteEdit(mesh, { x: 500, y: 300 })).toEqual({ kind: 'note', id: 'note-2', value: { id: 'note-2', text: '', x: 400, y: 225 } });
  });

  it('edits one canvas block and picks the product the canvas shows', () => {
    const mesh = { ...retailFixture(), canvases: [{ product: 'orders.net-sales', blocks: { domain: 'Sales' } }] };
    expect(canvasBlockEdit(mesh, 'orders.net-sales', 'observability', 'Alert').value).toEqual({ product: 'orders.net-sales', blocks: { domain: 'Sales', observability: 'Alert' } });
    expect(canvasBlockEdit(mesh, 'orders.net-sales', 'domain', '  ').value).toEqual({ product: 'orders.net-sales', blocks: {} });
    expect(canvasProduct(mesh, ['orders', 'orders.net-sales'], null)).toBe('orders.net-sales');
    expect(canvasProduct(mesh, [], 'gone')).toBe(mesh.products[0]!.id);
  });

  it('escapes the design text in the printable canvas', async () => {
    const fixture = retailFixture();
    fixture.canvases = [{ product: 'orders.net-sales', blocks: { metadata: '<script>alert(1)</script>' } }];
    const html = await createMockBackend({ openOn: fixture }).canvasHtml('orders.net-sales', 'a0');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it('says what to do when publishing fails, by code', async () => {
    const backend = createMockBackend({ openOn: retailFixture() });
    await expect(backend.publishRun({ repo: '/home/ada/dirty-repo' })).rejects.toMatchObject({ code: 'uncommitted_changes' });
    expect(publishAdvice({ code: 'uncommitted_changes', message: '' })).toMatch(/Commit or stash/);
    const first = await backend.publishRun({ repo: '/home/ada/repo' });
    expect(first.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(first.added).toContain('mesh/mesh.yaml');
    const again = await backend.publishRun({ repo: '/home/ada/repo' });
    expect(again.commit).toBeNull();
    expect(again.added).toEqual([]);
  });
});
