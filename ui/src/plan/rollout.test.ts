import { describe, expect, it } from 'vitest';
import { createMockBackend, retailFixture } from '../mock/mockBackend';
import { rolloutPlan } from '../mock/mockRollout';
import { answerEdit, answerNoteEdit, businessValueEdit, positiveIntOrNull } from './planEdits';

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
