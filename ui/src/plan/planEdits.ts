// Pure edit builders for the readiness questionnaire: from the stored assessment (if any) and what the user
// chose to the assessment value one `entityPut` stores. Other fields of the assessment are kept as they are.
import type { DomainAssessment, MeshDocument } from '../ipc/model';
import type { EntityValue } from '../ipc/types';

export function assessmentOf(mesh: MeshDocument, domain: string): DomainAssessment {
  return (mesh.assessments ?? []).find((item) => item.domain === domain) ?? { domain };
}

function put(assessment: DomainAssessment): EntityValue {
  return { kind: 'assessment', id: assessment.domain, value: assessment };
}

/** Sets (or, with `null`, clears) the 1–5 score of one question, keeping its note. */
export function answerEdit(mesh: MeshDocument, domain: string, question: string, score: number | null): EntityValue {
  const assessment = assessmentOf(mesh, domain);
  const answers = { ...(assessment.answers ?? {}) };
  const old = answers[question];
  if (score === null) {
    delete answers[question];
  } else {
    const answer: { score: number; note?: string } = { score: Math.min(5, Math.max(1, Math.round(score))) };
    if (old?.note !== undefined) answer.note = old.note;
    answers[question] = answer;
  }
  return put({ ...assessment, answers });
}

/**
 * Sets the note of one question's answer. A note needs an answer to hang on: without a score yet, null is
 * returned and the caller asks for a score first. An empty note removes it.
 */
export function answerNoteEdit(mesh: MeshDocument, domain: string, question: string, note: string): EntityValue | null {
  const assessment = assessmentOf(mesh, domain);
  const old = assessment.answers?.[question];
  if (!old) return null;
  const answer: { score: number; note?: string } = { score: old.score };
  if (note.trim() !== '') answer.note = note;
  return put({ ...assessment, answers: { ...(assessment.answers ?? {}), [question]: answer } });
}

/** Sets (or clears) the business value the user sees in the domain going first. */
export function businessValueEdit(mesh: MeshDocument, domain: string, value: number | null): EntityValue {
  const { businessValue: _old, ...rest } = assessmentOf(mesh, domain);
  return put(value === null ? rest : { ...rest, businessValue: Math.min(5, Math.max(1, Math.round(value))) });
}

/** A positive whole number from a text field, or null for empty or nonsense. */
export function positiveIntOrNull(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value > 0 ? value : null;
}

// ---- Waves: pure builders for the edits of the plan view's waves section and the inspector's "Rollout wave".
// Each returns the entity values of ONE entityPut (several waves in one call when a product moves).

type WaveValue = MeshDocument['waves'][number];
type RolloutSettingsValue = NonNullable<MeshDocument['settings']['rollout']>;

function putWave(wave: WaveValue): EntityValue {
  return { kind: 'wave', id: wave.id, value: wave };
}

/** A wave with an optional field set, or removed when the text is empty. */
function withOptional<T extends object, K extends keyof T>(value: T, key: K, text: T[K] | undefined): T {
  const next = { ...value };
  if (text === undefined || (typeof text === 'string' && text.trim() === '')) delete next[key];
  else next[key] = text;
  return next;
}

/** The waves in wave order (number, then id), as the plan engine orders them. */
export function wavesInOrder(mesh: MeshDocument): WaveValue[] {
  return [...(mesh.waves ?? [])].sort((a, b) => a.number - b.number || a.id.localeCompare(b.id));
}

/** A new, empty wave after the last one: number max + 1, id `wave-<n>` not taken by another wave. */
export function newWaveEdit(mesh: MeshDocument): EntityValue {
  const waves = mesh.waves ?? [];
  const number = waves.reduce((max, wave) => Math.max(max, wave.number), 0) + 1;
  const taken = new Set(waves.map((wave) => wave.id));
  let n = number;
  while (taken.has(`wave-${n}`)) n += 1;
  return putWave({ id: `wave-${n}`, number, name: `Wave ${number}` });
}

/** Renames a wave or sets its start or live date (`YYYY-MM-DD`); empty text clears the field. */
export function waveFieldEdit(wave: WaveValue, field: 'name' | 'start' | 'live', text: string): EntityValue {
  return putWave(withOptional(wave, field, text.trim()));
}

function withList(wave: WaveValue, field: 'products' | 'domains', list: readonly string[]): WaveValue {
  const next = { ...wave };
  if (list.length === 0) delete next[field];
  else next[field] = [...list];
  return next;
}

/** Names a product in a wave (no change when it is named already). */
export function waveAddProductEdit(wave: WaveValue, product: string): EntityValue {
  const products = wave.products ?? [];
  return putWave(products.includes(product) ? wave : withList(wave, 'products', [...products, product]));
}

export function waveRemoveProductEdit(wave: WaveValue, product: string): EntityValue {
  return putWave(withList(wave, 'products', (wave.products ?? []).filter((id) => id !== product)));
}

/** Puts a whole domain in a wave: its products not named in a wave themselves go live with it. */
export function waveAddDomainEdit(wave: WaveValue, domain: string): EntityValue {
  const domains = wave.domains ?? [];
  return putWave(domains.includes(domain) ? wave : withList(wave, 'domains', [...domains, domain]));
}

export function waveRemoveDomainEdit(wave: WaveValue, domain: string): EntityValue {
  return putWave(withList(wave, 'domains', (wave.domains ?? []).filter((id) => id !== domain)));
}

export type ProductWave = { wave: WaveValue; via: 'product' | 'domain' };

/** A product's wave: the earliest wave naming it, else the earliest wave taking its domain; null when none. */
export function productWave(mesh: MeshDocument, productId: string): ProductWave | null {
  const waves = wavesInOrder(mesh);
  const named = waves.find((wave) => (wave.products ?? []).includes(productId));
  if (named) return { wave: named, via: 'product' };
  const domain = mesh.products.find((product) => product.id === productId)?.domain;
  if (domain === undefined) return null;
  const byDomain = waves.find((wave) => (wave.domains ?? []).includes(domain));
  return byDomain ? { wave: byDomain, via: 'domain' } : null;
}

/**
 * Moves a product to wave `target` (an id), or with null out of every wave that names it: the product is removed
 * from each wave naming it and named in the target, all as the values of ONE entityPut. Empty when nothing
 * changes. With null, a product whose domain is in a wave still goes live with its domain.
 */
export function moveProductEdit(mesh: MeshDocument, productId: string, target: string | null): EntityValue[] {
  const edits: EntityValue[] = [];
  for (const wave of mesh.waves ?? []) {
    const named = (wave.products ?? []).includes(productId);
    if (wave.id === target) {
      if (!named) edits.push(waveAddProductEdit(wave, productId));
    } else if (named) {
      edits.push(waveRemoveProductEdit(wave, productId));
    }
  }
  return edits;
}

/** Sets (or with null/empty clears) one of the plan settings: one edit of the design settings. */
export function rolloutSettingsEdit<K extends keyof RolloutSettingsValue>(
  mesh: MeshDocument,
  key: K,
  value: RolloutSettingsValue[K] | null,
): EntityValue {
  const rollout = withOptional<RolloutSettingsValue, K>({ ...(mesh.settings.rollout ?? {}) }, key, value ?? undefined);
  const { rollout: _old, ...settings } = mesh.settings;
  return { kind: 'settings', id: 'mesh', value: Object.keys(rollout).length === 0 ? settings : { ...settings, rollout } };
}
