// The mock backend's metrics, Data Product Canvas, design comparison and pilot template: simplified ports of
// `metrics.rs`, `canvas.rs`, `design_diff.rs` and `pilot.rs` with the same shapes, so the studio's screens work in
// a plain browser and in the browser tests.
import type { DataProduct, MeshDocument, SchemaProperty } from '../ipc/model';
import type { CanvasBlock, CanvasView, CheckReport, DesignDiff, EntityKind, FieldChange, GradedChange, Metrics, Paper } from '../ipc/types';
import { ARRAY_OF_KIND, keyFieldOf, type ArrayKind } from '../store/patch';
import { productWaves } from './mockRollout';

function ratio(covered: number, total: number) {
  return { covered, total, percent: total === 0 ? 100 : Math.round((covered * 1000) / total) / 10 };
}

function distribution(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const count = sorted.length;
  if (count === 0) return { count: 0, mean: 0, median: 0, max: 0, zero: 0 };
  const middle = Math.floor(count / 2);
  const median = count % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    count,
    mean: Math.round((sorted.reduce((a, b) => a + b, 0) / count) * 10) / 10,
    median,
    max: sorted[count - 1] as number,
    zero: sorted.filter((value) => value === 0).length,
  };
}

function countProperties(properties: readonly SchemaProperty[] | undefined, counts: { total: number; classified: number }): void {
  for (const property of properties ?? []) {
    counts.total += 1;
    if (property.classification?.trim()) counts.classified += 1;
    countProperties(property.properties, counts);
  }
}

const days = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

export function measure(mesh: MeshDocument, findings: CheckReport): Metrics {
  const readersOf = new Map<string, { consumers: Set<string>; products: Set<string> }>();
  const entry = (contract: string) => readersOf.get(contract) ?? readersOf.set(contract, { consumers: new Set(), products: new Set() }).get(contract);
  for (const product of mesh.products) {
    for (const port of product.inputPorts ?? []) if ('contractId' in port.source) entry(port.source.contractId)?.products.add(product.id);
  }
  for (const consumer of mesh.consumers) {
    for (const binding of consumer.inputs ?? []) if ('contractId' in binding) entry(binding.contractId)?.consumers.add(consumer.id);
  }
  const contracts = new Map(mesh.contracts.map((contract) => [contract.id, contract]));
  let ports = 0;
  let portsWithContract = 0;
  const productive = new Set<string>();
  const readers = mesh.products.map((product) => {
    const consumers = new Set<string>();
    const products = new Set<string>();
    let hasContract = false;
    let hasSla = false;
    for (const port of product.outputPorts ?? []) {
      ports += 1;
      if (!port.contractId) continue;
      const contract = contracts.get(port.contractId);
      if (contract) {
        portsWithContract += 1;
        hasContract = true;
        hasSla ||= (contract.slaProperties ?? []).length > 0;
      }
      const found = readersOf.get(port.contractId);
      found?.consumers.forEach((id) => consumers.add(id));
      found?.products.forEach((id) => id !== product.id && products.add(id));
    }
    if (product.status === 'active' && hasContract && hasSla && consumers.size + products.size > 0) productive.add(product.id);
    return { product: product.id, consumers: consumers.size, products: products.size };
  });
  const byStatus: Record<string, number> = {};
  const domains = new Map<string | null, Metrics['domains'][number]>(
    [...mesh.domains].sort((a, b) => a.id.localeCompare(b.id)).map((domain) => [domain.id, { domain: domain.id, name: domain.name, products: 0, byStatus: {}, productive: 0 }]),
  );
  for (const product of mesh.products) {
    byStatus[product.status] = (byStatus[product.status] ?? 0) + 1;
    const key = product.domain !== undefined && domains.has(product.domain) ? product.domain : null;
    const row = domains.get(key) ?? domains.set(key, { domain: null, name: null, products: 0, byStatus: {}, productive: 0 }).get(key);
    if (!row) continue;
    row.products += 1;
    row.byStatus[product.status] = (row.byStatus[product.status] ?? 0) + 1;
    if (productive.has(product.id)) row.productive += 1;
  }
  const counts = { total: 0, classified: 0 };
  for (const contract of mesh.contracts) for (const object of contract.schema ?? []) countProperties(object.properties, counts);
  const withErrors = new Set<string>();
  for (const finding of findings.findings) {
    if (finding.severity !== 'error') continue;
    for (const ref of finding.entities) if (ref.kind === 'product') withErrors.add(ref.id);
  }
  const waves = productWaves(mesh);
  const start = mesh.settings.rollout?.start;
  const leadDays: number[] = [];
  const byDomainDays = new Map<string, number[]>();
  for (const product of mesh.products) {
    const wave = mesh.waves.find((candidate) => candidate.id === waves.get(product.id)?.id);
    const from = start ?? wave?.start;
    if (!wave?.live || !from) continue;
    const lead = days(wave.live) - days(from);
    leadDays.push(lead);
    const list = byDomainDays.get(product.domain ?? '') ?? byDomainDays.set(product.domain ?? '', []).get(product.domain ?? '');
    list?.push(lead);
  }
  return {
    design: mesh.settings.name,
    products: mesh.products.length,
    byStatus,
    domains: [...domains.values()],
    productive: ratio(productive.size, mesh.products.length),
    coverage: {
      contracts: ratio(portsWithContract, ports),
      sla: ratio(mesh.contracts.filter((contract) => (contract.slaProperties ?? []).length > 0).length, mesh.contracts.length),
      classification: ratio(counts.classified, counts.total),
    },
    governance: {
      compliance: ratio(mesh.products.filter((product) => !withErrors.has(product.id)).length, mesh.products.length),
      errors: findings.errors,
      warnings: findings.warnings,
      infos: findings.infos,
    },
    consumersPerProduct: distribution(readers.map((row) => row.consumers + row.products)),
    readers,
    leadTime: {
      days: distribution(leadDays),
      byDomain: Object.fromEntries([...byDomainDays].sort(([a], [b]) => a.localeCompare(b)).map(([domain, list]) => [domain, distribution(list).mean])),
    },
  };
}

export const CANVAS_BLOCKS: readonly { block: CanvasBlock; title: string }[] = [
  { block: 'domain', title: 'Domain' },
  { block: 'name', title: 'Data product name' },
  { block: 'consumerAndUseCase', title: 'Consumer and use case' },
  { block: 'outputPorts', title: 'Output ports' },
  { block: 'metadata', title: 'Metadata' },
  { block: 'inputPorts', title: 'Input ports' },
  { block: 'dataProductDesign', title: 'Data product design' },
  { block: 'observability', title: 'Observability' },
  { block: 'ubiquitousLanguage', title: 'Ubiquitous language' },
  { block: 'classification', title: 'Classification' },
];

function facts(mesh: MeshDocument, product: DataProduct, block: CanvasBlock): string[] {
  const published = (product.outputPorts ?? []).flatMap((port) => (port.contractId ? [port.contractId] : []));
  const contracts = mesh.contracts.filter((contract) => published.includes(contract.id));
  switch (block) {
    case 'domain': {
      const domain = mesh.domains.find((item) => item.id === product.domain);
      return domain ? [`${domain.name} (${domain.id})`] : [];
    }
    case 'name':
      return [`${product.name} (${product.id})`, product.status, ...(product.description.purpose ? [product.description.purpose.trim()] : [])];
    case 'consumerAndUseCase':
      return mesh.consumers
        .filter((consumer) => (consumer.inputs ?? []).some((binding) => 'contractId' in binding && published.includes(binding.contractId)))
        .map((consumer) => `${consumer.name}${consumer.kind ? ` (${consumer.kind})` : ''}${consumer.useCase ? `: ${consumer.useCase.trim()}` : ''}`);
    case 'outputPorts':
      return (product.outputPorts ?? []).map((port) => `${port.name} v${port.version}${port.type ? ` (${port.type})` : ''}${port.contractId ? `, contract ${port.contractId}` : ', no contract yet'}`);
    case 'metadata':
      return [...((product.tags ?? []).length > 0 ? [`Tags: ${(product.tags ?? []).join(', ')}`] : []), ...(product.description.limitations ? [`Limitations: ${product.description.limitations.trim()}`] : [])];
    case 'inputPorts':
      return (product.inputPorts ?? []).map((port) =>
        'contractId' in port.source ? `${port.name} ← contract ${port.source.contractId} v${port.source.version}` : `${port.name} ← source system ${port.source.sourceSystem}`,
      );
    case 'dataProductDesign':
      return [
        ...(product.archetype ? [`Archetype: ${product.archetype}`] : []),
        ...contracts.flatMap((contract) => (contract.servers ?? []).map((server) => `Server ${server.server}: ${server.type}${server.environment ? ` (${server.environment})` : ''}`)),
      ];
    case 'observability':
      return contracts.flatMap((contract) => (contract.slaProperties ?? []).map((sla) => `SLA ${sla.property}: ${typeof sla.value === 'string' ? sla.value : JSON.stringify(sla.value)}${sla.unit ? ` ${sla.unit}` : ''}`));
    case 'ubiquitousLanguage':
      return contracts
        .flatMap((contract) => (contract.schema ?? []).flatMap((object) => (object.properties ?? []).flatMap((property) => {
          const meaning = property.businessName ?? property.description;
          return meaning ? [`${object.name}.${property.name}: ${meaning.trim()}`] : [];
        })))
        .slice(0, 12);
    case 'classification': {
      const byClass = new Map<string, string[]>();
      for (const contract of contracts) {
        for (const object of contract.schema ?? []) {
          for (const property of object.properties ?? []) {
            const value = property.classification?.trim();
            if (value) (byClass.get(value) ?? byClass.set(value, []).get(value))?.push(`${object.name}.${property.name}`);
          }
        }
      }
      return [...byClass].sort(([a], [b]) => a.localeCompare(b)).map(([name, paths]) => `${name}: ${paths.join(', ')}`);
    }
  }
}

export function canvasView(mesh: MeshDocument, productId: string): CanvasView {
  const product = mesh.products.find((item) => item.id === productId);
  if (!product) throw { code: 'not_found', message: `cannot show the canvas of ${productId}: no such product in the design` };
  const stored = mesh.canvases.find((canvas) => canvas.product === productId);
  return {
    product: product.id,
    name: product.name,
    design: mesh.settings.name,
    blocks: CANVAS_BLOCKS.map(({ block, title }) => {
      const text = stored?.blocks?.[block];
      return { block, title, facts: facts(mesh, product, block), text: text && text.trim() !== '' ? text : null };
    }),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** A printable page like `canvas.html` of the Rust side: every user text escaped. */
export function canvasHtml(mesh: MeshDocument, productId: string, paper: Paper): string {
  const view = canvasView(mesh, productId);
  const [width, height, base] = paper === 'a4' ? [297, 210, 8] : [1189, 841, 28];
  const blocks = view.blocks
    .map(
      (block) =>
        `<section class="block ${block.block}"><h2>${escapeHtml(block.title)}</h2><ul>${block.facts.map((fact) => `<li>${escapeHtml(fact)}</li>`).join('')}</ul>${block.text ? `<p class="text">${escapeHtml(block.text)}</p>` : ''}</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(view.name)} — Data Product Canvas</title>
<style>@page { size: ${width}mm ${height}mm; margin: 8mm; } body { font: ${base}pt sans-serif; margin: 0; }
main { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; } .block { border: 0.4mm solid #333; padding: 2mm; }
h1 { font-size: 1.6em; } h2 { font-size: 1.1em; margin: 0 0 1mm; } .text { white-space: pre-wrap; }</style></head>
<body><h1>${escapeHtml(view.name)} <small>${escapeHtml(view.design)} · ${paper.toUpperCase()}</small></h1><main>
${blocks}
</main></body></html>
`;
}

/** Every entity of a design by kind and key (settings and positions included), for counting and comparing. */
export function entityIndex(mesh: MeshDocument): Map<string, { kind: EntityKind; id: string; value: unknown }> {
  const index = new Map<string, { kind: EntityKind; id: string; value: unknown }>();
  index.set('settings:', { kind: 'settings', id: '', value: mesh.settings });
  for (const [id, position] of Object.entries(mesh.layout)) index.set(`position:${id}`, { kind: 'position', id, value: position });
  for (const kind of Object.keys(ARRAY_OF_KIND) as ArrayKind[]) {
    const field = keyFieldOf(kind);
    for (const item of (mesh[ARRAY_OF_KIND[kind]] as Record<string, unknown>[] | undefined) ?? []) {
      const id = String(item[field]);
      index.set(`${kind}:${id}`, { kind, id, value: item });
    }
  }
  return index;
}

function elementKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  for (const key of ['id', 'name', 'property', 'domain', 'product']) if (typeof record[key] === 'string') return record[key] as string;
  return null;
}

function compareValues(path: string, old: unknown, next: unknown, out: FieldChange[]): void {
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (typeof old === 'object' && old !== null && typeof next === 'object' && next !== null && Array.isArray(old) === Array.isArray(next)) {
    if (Array.isArray(old) && Array.isArray(next)) {
      const keyed = (items: unknown[]) => {
        const map = new Map<string, unknown>();
        for (const item of items) {
          const key = elementKey(item);
          if (key === null || map.has(key)) return null;
          map.set(key, item);
        }
        return map;
      };
      const left = keyed(old);
      const right = keyed(next);
      if (left && right) {
        for (const key of [...new Set([...left.keys(), ...right.keys()])].sort()) {
          const a = left.get(key);
          const b = right.get(key);
          if (a !== undefined && b !== undefined) compareValues(`${path}[${key}]`, a, b, out);
          else out.push({ path: `${path}[${key}]`, old: a ?? null, new: b ?? null });
        }
        return;
      }
      out.push({ path, old, new: next });
      return;
    }
    const left = old as Record<string, unknown>;
    const right = next as Record<string, unknown>;
    for (const key of [...new Set([...Object.keys(left), ...Object.keys(right)])].sort()) {
      if (key in left && key in right) compareValues(join(key), left[key], right[key], out);
      else out.push({ path: join(key), old: left[key] ?? null, new: right[key] ?? null });
    }
    return;
  }
  out.push({ path, old: old ?? null, new: next ?? null });
}

/** Contract changes graded from the consumer's side, simplified: what goes away or changes type breaks readers. */
function gradeContract(fields: readonly FieldChange[]): GradedChange[] {
  return fields.map((field) => {
    const removed = field.new === null && field.old !== null;
    const typeChanged = /logicalType$|physicalType$/.test(field.path) && field.old !== null;
    const severity = removed || typeChanged ? 'breaking' : field.old === null ? 'info' : 'warning';
    const message = removed ? `${field.path} was removed` : field.old === null ? `${field.path} was added` : `${field.path} changed`;
    return { severity, location: field.path, message };
  });
}

export function compareDesigns(old: MeshDocument, next: MeshDocument, from: string, to: string): DesignDiff {
  const left = entityIndex(old);
  const right = entityIndex(next);
  const summary = { added: 0, removed: 0, changed: 0, breaking: 0, moved: 0 };
  const entities: DesignDiff['entities'] = [];
  const keys = [...new Set([...left.keys(), ...right.keys()])].sort();
  for (const key of keys) {
    const before = left.get(key);
    const after = right.get(key);
    if (JSON.stringify(before?.value) === JSON.stringify(after?.value)) continue;
    const { kind, id } = (before ?? after) as { kind: EntityKind; id: string };
    if (kind === 'position') {
      summary.moved += 1;
      continue;
    }
    const change: DesignDiff['entities'][number] = { kind, id, change: 'changed', fields: [], contractChanges: [], bumpNeeded: null, versionSufficient: null };
    if (!before) {
      change.change = 'added';
      summary.added += 1;
    } else if (!after) {
      change.change = 'removed';
      summary.removed += 1;
    } else {
      summary.changed += 1;
      compareValues('', before.value, after.value, change.fields);
      if (kind === 'contract') {
        change.contractChanges = gradeContract(change.fields.filter((field) => field.path.startsWith('schema')));
        const breaking = change.contractChanges.filter((graded) => graded.severity === 'breaking').length;
        summary.breaking += breaking;
        change.bumpNeeded = breaking > 0 ? 'major' : change.contractChanges.length > 0 ? 'minor' : 'patch';
        const versionChanged = change.fields.some((field) => field.path === 'version');
        change.versionSufficient = breaking === 0 || versionChanged;
      }
    }
    entities.push(change);
  }
  return { from, to, summary, entities };
}

/** The pilot-exercise template of `pilot.rs`, in brief. */
export function pilotMesh(name: string): MeshDocument {
  const contract = (id: string, object: string) => ({
    id,
    version: '0.1.0',
    status: 'draft',
    schema: [{ name: object, properties: [{ name: 'id', logicalType: 'string', required: true, primaryKey: true, classification: 'internal' }] }],
  });
  return {
    meshwright: 1,
    settings: { name, description: 'A pilot-domain exercise: fill the canvas, score readiness, pick the lighthouse.' },
    domains: [{ id: 'pilot', name: 'Pilot domain', ownerTeam: 'pilot-team' }],
    teams: [{ id: 'pilot-team', name: 'Pilot team', members: [{ username: 'product-owner', name: 'Product owner (rename me)', role: 'owner' }] }],
    products: [
      {
        id: 'pilot.source-data',
        name: 'Source data',
        domain: 'pilot',
        archetype: 'sourceAligned',
        status: 'proposed',
        description: { purpose: 'What the source system records, as a product.' },
        ownerTeam: 'pilot-team',
        inputPorts: [{ name: 'source', source: { sourceSystem: 'pilot.source-system', version: '1' } }],
        outputPorts: [{ name: 'records', version: '0.1.0', type: 'table', contractId: 'pilot.source-data' }],
      },
      {
        id: 'pilot.use-case-data',
        name: 'Use-case data',
        domain: 'pilot',
        archetype: 'consumerAligned',
        status: 'proposed',
        description: { purpose: 'What the first consumer needs, shaped for it.' },
        ownerTeam: 'pilot-team',
        inputPorts: [{ name: 'records', source: { contractId: 'pilot.source-data', version: '0.1.0' } }],
        outputPorts: [{ name: 'use-case', version: '0.1.0', type: 'table', contractId: 'pilot.use-case-data' }],
      },
    ],
    contracts: [contract('pilot.source-data', 'records'), contract('pilot.use-case-data', 'use_case')],
    sourceSystems: [{ id: 'pilot.source-system', name: 'Source system', domain: 'pilot', kind: 'application' }],
    consumers: [{ id: 'pilot.first-consumer', name: 'First consumer', kind: 'dashboard', domain: 'pilot', inputs: [{ contractId: 'pilot.use-case-data', version: '0.1.0' }] }],
    layout: {
      'pilot.source-system': { x: 0, y: 80 },
      'pilot.source-data': { x: 300, y: 60 },
      'pilot.use-case-data': { x: 620, y: 60 },
      'pilot.first-consumer': { x: 960, y: 80 },
    },
    assessments: [{ domain: 'pilot', answers: {} }],
    waves: [],
    canvases: [
      { product: 'pilot.source-data', blocks: {} },
      { product: 'pilot.use-case-data', blocks: {} },
    ],
    notes: [],
  };
}
