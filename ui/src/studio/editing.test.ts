import { describe, expect, it } from 'vitest';
import type { DataProduct } from '../ipc/model';
import { createMockBackend, retailFixture } from '../mock/mockBackend';
import { copyEdit, dependencyEdit, domainMoveEdit, pasteEdit, regionAt, removalRefs } from './editing';

describe('edits built from canvas gestures', () => {
  it('a product dropped on another domain region moves to that domain; on its own or on no region it stays', () => {
    const mesh = retailFixture();
    const regions = [
      { id: 'orders', x: 0, y: 0, width: 500, height: 400 },
      { id: 'payments', x: 600, y: 0, width: 400, height: 300 },
      { id: 'customers', x: 650, y: 50, width: 100, height: 100 },
    ];
    expect(regionAt(regions, { x: 700, y: 100 })).toBe('customers');
    expect(regionAt(regions, { x: 550, y: 100 })).toBeNull();
    const moved = domainMoveEdit(
      mesh,
      [
        { id: 'orders.sales-kpis', centre: { x: 800, y: 200 } },
        { id: 'orders.order-management', centre: { x: 100, y: 100 } },
        { id: 'orders.net-sales-daily', centre: { x: 550, y: 100 } },
      ],
      regions,
    );
    expect(moved).toHaveLength(1);
    expect(moved[0]?.id).toBe('orders.sales-kpis');
    expect((moved[0]?.value as DataProduct).domain).toBe('payments');
    expect((moved[0]?.value as DataProduct).name).toBe('Executive sales KPIs');
  });

  it('a drag from an output port to a product adds an input port bound to the port contract and version', () => {
    const mesh = retailFixture();
    const edit = dependencyEdit(mesh, { source: 'orders.order-management', sourceHandle: 'out:order-lines', target: 'orders.sales-kpis' });
    if (typeof edit === 'string') throw new Error(edit);
    expect(edit.kind).toBe('product');
    const product = edit.value as DataProduct;
    expect(product.inputPorts?.at(-1)).toEqual({ name: 'order-lines', source: { contractId: 'orders.order-lines', version: '1.3.0' } });
    const before = mesh.products.find((item) => item.id === 'orders.sales-kpis')!;
    expect(product.inputPorts).toHaveLength((before.inputPorts ?? []).length + 1);
  });

  it('refuses a dependency that exists already, or on itself, and says why', () => {
    const mesh = retailFixture();
    expect(dependencyEdit(mesh, { source: 'orders.sales-kpis', sourceHandle: 'out:executive-sales-kpis', target: 'orders.sales-kpis' })).toBe(
      'A product cannot read its own output port.',
    );
    const reader = mesh.products.find((product) => (product.inputPorts ?? []).some((port) => 'contractId' in port.source && port.source.contractId === 'orders.order-events'))!;
    expect(dependencyEdit(mesh, { source: 'orders.order-management', sourceHandle: 'out:order-events', target: reader.id })).toContain('already reads');
  });

  it('pastes copies with fresh <id>-copy ids, shifted positions and no claimed contracts', () => {
    const mesh = retailFixture();
    const clipboard = copyEdit(mesh, ['orders.sales-kpis', 'orders'], (id) => (id === 'orders' ? { x: 0, y: 0 } : { x: 100, y: 50 }));
    const pasted = pasteEdit(mesh, clipboard);
    expect(pasted.map((put) => `${put.kind}:${put.id}`)).toEqual([
      'product:orders.sales-kpis-copy',
      'position:orders.sales-kpis-copy',
      'domain:orders-copy',
      'position:orders-copy',
    ]);
    const product = pasted[0]!.value as DataProduct;
    expect(product.domain).toBe('orders-copy');
    expect(product.outputPorts?.every((port) => port.contractId === undefined)).toBe(true);
    expect(pasted[1]!.value).toEqual({ x: 140, y: 90 });
    // Pasting again does not reuse an id.
    const again = pasteEdit({ ...mesh, products: [...mesh.products, product] }, clipboard);
    expect(again[0]!.id).toBe('orders.sales-kpis-copy-2');
  });

  it('removes every selected node in one edit, whatever its kind', () => {
    expect(removalRefs(retailFixture(), ['orders', 'orders.sales-kpis', 'pim-system', 'no-such-node'])).toEqual([
      { kind: 'domain', id: 'orders' },
      { kind: 'product', id: 'orders.sales-kpis' },
      { kind: 'sourceSystem', id: 'pim-system' },
    ]);
  });
});

describe('mock backend', () => {
  it('reports a product without an owner team as MW-OWN-001, and forgets it after undo', async () => {
    const backend = createMockBackend();
    const view = await backend.designOpenExample('retail');
    const { ownerTeam: _owner, ...orphan } = view.mesh.products.find((product) => product.id === 'orders.net-sales')!;
    const changed = await backend.entityPut([{ kind: 'product', id: orphan.id, value: orphan }]);
    expect(changed.findings.findings.find((finding) => finding.rule === 'MW-OWN-001')?.entities).toEqual([{ kind: 'product', id: 'orders.net-sales' }]);
    expect(changed.findings.errors).toBe(1);
    const undone = await backend.editUndo();
    expect(undone.findings.errors).toBe(0);
  });

  it('walks impact downstream and lineage upstream through input ports', async () => {
    const backend = createMockBackend();
    await backend.designOpenExample('retail');
    const impact = await backend.graphImpact('orders.order-management');
    expect(impact).toContain('orders.sales-kpis');
    expect(impact).not.toContain('orders.order-management');
    const lineage = await backend.graphLineage('orders.sales-kpis');
    expect(lineage).toContain('orders.order-management');
    expect(lineage).not.toContain('orders.sales-kpis');
  });

  it('answers contract YAML problems with their line, and applies a valid document as one edit', async () => {
    const backend = createMockBackend();
    await backend.designOpenExample('retail');
    const text = await backend.contractYaml('orders.order-events');
    const broken = await backend.contractFromYaml('orders.order-events', text.replace('"version"', 'version'));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems[0]?.line).toBeGreaterThan(1);
    const applied = await backend.contractFromYaml('orders.order-events', text.replace(/"name": "[^"]*"/, '"name": "Order events v2"'));
    expect(applied.ok).toBe(true);
    if (applied.ok) expect(applied.changed.undoLabel).toBe('Edit contract orders.order-events');
  });
});
