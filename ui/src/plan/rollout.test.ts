import { describe, expect, it } from 'vitest';
import { createMockBackend, retailFixture } from '../mock/mockBackend';
import { rolloutPlan } from '../mock/mockRollout';
import { mockCheck } from '../mock/mockFindings';
import {
  answerEdit,
  answerNoteEdit,
  businessValueEdit,
  moveProductEdit,
  newWaveEdit,
  positiveIntOrNull,
  productWave,
  rolloutSettingsEdit,
  waveAddDomainEdit,
  waveAddProductEdit,
  waveFieldEdit,
  waveRemoveDomainEdit,
  waveRemoveProductEdit,
} from './planEdits';

describe('readiness questionnaire edits', () => {
  it('sets a score and keeps the note, clears it, and hangs a note only on an answered question', () => {
    const mesh = retailFixture();
    const note = answerEdit(mesh, 'catalog', 'data-quality', 2);
    expect(note.kind).toBe('assessment');
    expect(note.id).toBe('catalog');
    const value = note.value as { answers: Record<string, { score: number; note?: string }>; businessValue?: number };
    expect(value.answers['data-quality']).toEqual({ score: 2, note: 'Prices and attributes are checked nightly by the PIM.' });
    expect(value.businessValue).toBe(3);
    const cleared = answerEdit(mesh, 'catalog', 'data-quality', null).value as { answers: Record<string, unknown> };
    expect(cleared.answers['data-quality']).toBeUndefined();
    expect(answerNoteEdit({ ...mesh, assessments: [] }, 'catalog', 'data-quality', 'x')).toBeNull();
    expect(answerEdit({ ...mesh, assessments: [] }, 'new-domain', 'data-skills', 9).value).toEqual({ domain: 'new-domain', answers: { 'data-skills': { score: 5 } } });
  });

  it('sets and clears the business value', () => {
    const mesh = retailFixture();
    expect((businessValueEdit(mesh, 'orders', 1).value as { businessValue: number }).businessValue).toBe(1);
    expect(businessValueEdit(mesh, 'orders', null).value).not.toHaveProperty('businessValue');
  });

  it('reads a capacity field', () => {
    expect(positiveIntOrNull('4')).toBe(4);
    expect(positiveIntOrNull('')).toBeNull();
    expect(positiveIntOrNull('0')).toBeNull();
    expect(positiveIntOrNull('2.5')).toBeNull();
  });
});

describe('the mock plan engine', () => {
  it('agrees with the Rust engine on the retail example (verdict, readiness, ranking)', () => {
    // Figures from `meshwright plan examples/retail --format json`.
    const plan = rolloutPlan(retailFixture(), null);
    expect(plan.verdict.verdict).toBe('meshPaysOff');
    expect(plan.verdict.reasons[1]).toBe('4 of 7 assessed domains are ready (readiness 60 or more): Catalog, Customers, Orders, Payments.');
    expect(plan.verdict.need).toBe(72);
    expect(plan.readiness.map((row) => [row.domain, row.readiness, row.need])).toEqual([
      ['catalog', 63, 50],
      ['customers', 63, 75],
      ['inventory', 34, 63],
      ['logistics', 47, 56],
      ['marketing', 41, 88],
      ['orders', 81, 94],
      ['payments', 78, 81],
    ]);
    expect(plan.ranking.slice(0, 2).map((row) => [row.domain, row.score, row.crossDomainInputs, row.consumersReached])).toEqual([
      ['orders', 76, 7, 10],
      ['payments', 64, 3, 5],
    ]);
    expect(plan.ranking[0]?.explanation).toContain('Strongest on reach, weakest on independence.');
    expect(plan.lighthouse).toBe('orders');
    expect(plan.waves).toHaveLength(5);
    expect(plan.waveFindings).toEqual([]);
    expect(plan.criticalPath.minimumWaves).toBe(4);
  });

  it('applies a proposal as one undoable edit and filters the mesh as of a wave', async () => {
    const backend = createMockBackend({ openOn: retailFixture() });
    const waveOne = await backend.planAsOfWave(1);
    // Every retail product has a wave: as of wave 1, only wave 1's six are live.
    expect(waveOne.products).toEqual([
      'customers.consent-registry',
      'customers.customer-registry',
      'orders.order-management',
      'orders.returns-management',
      'payments.payment-transactions',
      'payments.psp-settlements',
    ]);
    expect(waveOne.consumers.length).toBeLessThan(retailFixture().consumers.length);
    const applied = await backend.planApplyProposal(3, 2);
    expect(applied.undoLabel).toMatch(/^Apply the proposed plan \(\d+ waves\)$/);
    const waves = backend.current()!.waves;
    expect(waves.every((wave) => (wave.products ?? []).length <= 3)).toBe(true);
    expect(waves[0]).toMatchObject({ id: 'wave-1', number: 1, start: '2026-01-05', live: '2026-01-19' });
    await backend.editUndo();
    expect(backend.current()!.waves).toEqual(retailFixture().waves);
  });
});

describe('wave edits', () => {
  const waveOf = (mesh: ReturnType<typeof retailFixture>, id: string) => mesh.waves.find((wave) => wave.id === id)!;

  it('adds a wave after the last one with an id no other wave has', () => {
    const mesh = retailFixture();
    expect(newWaveEdit(mesh)).toEqual({ kind: 'wave', id: 'wave-6', value: { id: 'wave-6', number: 6, name: 'Wave 6' } });
    // wave-6 taken by a wave numbered 2: the next number is still 6, the id moves on.
    const clash = { ...mesh, waves: [...mesh.waves, { id: 'wave-6', number: 2 }] };
    expect(newWaveEdit(clash).id).toBe('wave-7');
    expect((newWaveEdit(clash).value as { number: number }).number).toBe(6);
    expect(newWaveEdit({ ...mesh, waves: [] }).id).toBe('wave-1');
  });

  it('renames and dates a wave; empty text clears the field', () => {
    const wave = waveOf(retailFixture(), 'wave-2');
    expect(waveFieldEdit(wave, 'name', ' Pilot ').value).toMatchObject({ id: 'wave-2', name: 'Pilot', start: '2026-02-02' });
    expect(waveFieldEdit(wave, 'live', '2026-04-01').value).toMatchObject({ live: '2026-04-01' });
    expect(waveFieldEdit(wave, 'start', '').value).not.toHaveProperty('start');
  });

  it('adds and removes products and whole domains, keeping the rest of the wave', () => {
    const wave = { id: 'wave-9', number: 9, name: 'Late' };
    const withProduct = waveAddProductEdit(wave, 'orders.net-sales').value as typeof wave & { products?: string[]; domains?: string[] };
    expect(withProduct).toEqual({ ...wave, products: ['orders.net-sales'] });
    expect(waveAddProductEdit(withProduct, 'orders.net-sales').value).toEqual(withProduct);
    expect(waveRemoveProductEdit(withProduct, 'orders.net-sales').value).toEqual(wave);
    const withDomain = waveAddDomainEdit(withProduct, 'inventory').value as typeof withProduct;
    expect(withDomain.domains).toEqual(['inventory']);
    expect(withDomain.products).toEqual(['orders.net-sales']);
    expect(waveRemoveDomainEdit(withDomain, 'inventory').value).not.toHaveProperty('domains');
  });

  it("finds a product's wave: named first, else through its domain", () => {
    const mesh = retailFixture();
    expect(productWave(mesh, 'orders.net-sales')).toMatchObject({ via: 'product', wave: { id: 'wave-3' } });
    const byDomain = {
      ...mesh,
      waves: mesh.waves.map((wave) =>
        wave.id === 'wave-3' ? { ...wave, products: wave.products!.filter((id) => id !== 'orders.net-sales') } : wave.id === 'wave-5' ? { ...wave, domains: ['orders'] } : wave,
      ),
    };
    expect(productWave(byDomain, 'orders.net-sales')).toMatchObject({ via: 'domain', wave: { id: 'wave-5', number: 5 } });
  });

  it('moves a product between waves as one edit of both waves, and out of every wave naming it', () => {
    const mesh = retailFixture();
    const edits = moveProductEdit(mesh, 'orders.net-sales', 'wave-5');
    expect(edits.map((edit) => edit.id).sort()).toEqual(['wave-3', 'wave-5']);
    expect(edits.every((edit) => edit.kind === 'wave')).toBe(true);
    const byId = new Map(edits.map((edit) => [edit.id, edit.value as { products: string[] }]));
    expect(byId.get('wave-3')!.products).not.toContain('orders.net-sales');
    expect(byId.get('wave-5')!.products).toContain('orders.net-sales');
    expect(moveProductEdit(mesh, 'orders.net-sales', 'wave-3')).toEqual([]);
    const twice = { ...mesh, waves: mesh.waves.map((wave) => (wave.id === 'wave-4' ? { ...wave, products: [...wave.products!, 'orders.net-sales'] } : wave)) };
    const out = moveProductEdit(twice, 'orders.net-sales', null);
    expect(out.map((edit) => edit.id).sort()).toEqual(['wave-3', 'wave-4']);
  });

  it('edits one plan setting, keeping the others and the design name', () => {
    const mesh = retailFixture();
    const capacity = rolloutSettingsEdit(mesh, 'capacity', 3);
    expect(capacity).toMatchObject({ kind: 'settings', id: 'mesh' });
    expect(capacity.value).toMatchObject({ name: 'Retail mesh', rollout: { capacity: 3, start: '2026-01-05' } });
    expect((rolloutSettingsEdit(mesh, 'lighthouse', 'payments').value as { rollout: object }).rollout).toEqual({ capacity: 6, start: '2026-01-05', lighthouse: 'payments' });
    expect((rolloutSettingsEdit(mesh, 'capacity', null).value as { rollout: object }).rollout).toEqual({ start: '2026-01-05' });
    const bare = { ...mesh, settings: { name: 'x', rollout: { start: '2026-01-05' } } };
    expect(rolloutSettingsEdit(bare, 'start', null).value).toEqual({ name: 'x' });
  });

  it('a move through the mock backend is one undoable edit, and a wave-order problem shows as MW-ROL-001', async () => {
    const backend = createMockBackend({ openOn: retailFixture() });
    const mesh = backend.current()!;
    // orders.order-management (wave 1) is read by later products: moving it to wave 5 breaks the order.
    const result = await backend.entityPut(moveProductEdit(mesh, 'orders.order-management', 'wave-5'));
    expect(result.undoLabel).toBe('Edit 2 entities');
    expect(result.findings.findings.some((finding) => finding.rule === 'MW-ROL-001')).toBe(true);
    expect((await backend.planGet(null)).waveFindings.length).toBeGreaterThan(0);
    await backend.editUndo();
    expect(backend.current()!.waves).toEqual(retailFixture().waves);
    expect(mockCheck(backend.current()!).findings.some((finding) => finding.rule === 'MW-ROL-001')).toBe(false);
  });
});
