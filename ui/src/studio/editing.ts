// Pure edit builders: from the design and what the user did on the canvas to the entity values one backend call
// stores. Nothing here talks to the backend, so each is easy to test.
import type { Consumer, DataProduct, Domain, MeshDocument, Position, SourceSystem, Team } from '../ipc/model';
import type { EntityRef, EntityValue } from '../ipc/types';
import { allIds, contractOwners, uniqueId, uniqueInputPortName } from '../ipc/meshIndex';
import { NOTE_PREFIX, type DependencyEdgeData } from '../canvas/graph';

export type NodeKind = 'domain' | 'product' | 'sourceSystem' | 'consumer';

/** What kind of entity a canvas node id names. */
export function kindOfNode(mesh: MeshDocument, id: string): NodeKind | null {
  if (mesh.products.some((product) => product.id === id)) return 'product';
  if (mesh.domains.some((domain) => domain.id === id)) return 'domain';
  if (mesh.sourceSystems.some((source) => source.id === id)) return 'sourceSystem';
  if (mesh.consumers.some((consumer) => consumer.id === id)) return 'consumer';
  return null;
}

export type Connection = { source: string; sourceHandle: string | null; target: string };

/**
 * The edit that makes `target` read what the dragged output port publishes: a new input port bound to the
 * port's contract (or the source system) on a product, or a new input of a consumer. A string says why not.
 */
export function dependencyEdit(mesh: MeshDocument, connection: Connection): EntityValue | string {
  const { source, sourceHandle, target } = connection;
  if (source === target) return 'A product cannot read its own output port.';
  let binding: { contractId: string; version: string } | { sourceSystem: string; version: string };
  let baseName: string;
  const provider = mesh.products.find((product) => product.id === source);
  if (provider) {
    const portName = sourceHandle?.startsWith('out:') ? sourceHandle.slice(4) : null;
    const port = provider.outputPorts?.find((candidate) => candidate.name === portName);
    if (!port) return `Drag from one of ${provider.name}'s output ports.`;
    if (port.contractId === undefined) {
      return `Output port ${port.name} of ${provider.name} has no contract yet: attach one in the inspector first.`;
    }
    binding = { contractId: port.contractId, version: port.version };
    baseName = port.contractId;
  } else if (mesh.sourceSystems.some((system) => system.id === source)) {
    binding = { sourceSystem: source, version: '1.0.0' };
    baseName = source;
  } else {
    return 'Drag from an output port of a product or from a source system.';
  }

  const reader = mesh.products.find((product) => product.id === target);
  if (reader) {
    const already = (reader.inputPorts ?? []).some((port) =>
      'contractId' in binding
        ? 'contractId' in port.source && port.source.contractId === binding.contractId
        : 'sourceSystem' in port.source && port.source.sourceSystem === binding.sourceSystem,
    );
    if (already) return `${reader.name} already reads ${baseName}.`;
    const value: DataProduct = {
      ...reader,
      inputPorts: [...(reader.inputPorts ?? []), { name: uniqueInputPortName(reader, baseName), source: binding }],
    };
    return { kind: 'product', id: reader.id, value };
  }
  const consumer = mesh.consumers.find((candidate) => candidate.id === target);
  if (consumer) {
    if (!('contractId' in binding)) return 'Consumers read data products, not source systems.';
    const contractId = binding.contractId;
    if ((consumer.inputs ?? []).some((input) => 'contractId' in input && input.contractId === contractId)) {
      return `${consumer.name} already reads ${contractId}.`;
    }
    const value: Consumer = { ...consumer, inputs: [...(consumer.inputs ?? []), binding] };
    return { kind: 'consumer', id: consumer.id, value };
  }
  return 'Drop the connection on a data product or a consumer.';
}

/** The edit that removes the dependencies that edges draw (input ports of products, inputs of consumers). */
export function removeDependenciesEdit(mesh: MeshDocument, edges: readonly DependencyEdgeData[]): EntityValue[] {
  const products = new Map<string, DataProduct>();
  const consumers = new Map<string, { consumer: Consumer; drop: Set<number> }>();
  for (const edge of edges) {
    if (edge.aggregated) continue;
    if (edge.toKind === 'product') {
      const product = products.get(edge.to) ?? mesh.products.find((candidate) => candidate.id === edge.to);
      if (!product) continue;
      products.set(edge.to, {
        ...product,
        inputPorts: (product.inputPorts ?? []).filter((port) => port.name !== edge.toPort),
      });
    } else {
      const consumer = mesh.consumers.find((candidate) => candidate.id === edge.to);
      if (!consumer) continue;
      const entry = consumers.get(edge.to) ?? { consumer, drop: new Set<number>() };
      entry.drop.add(Number(edge.toPort));
      consumers.set(edge.to, entry);
    }
  }
  return [
    ...[...products.values()].map((value): EntityValue => ({ kind: 'product', id: value.id, value })),
    ...[...consumers.values()].map(({ consumer, drop }): EntityValue => ({
      kind: 'consumer',
      id: consumer.id,
      value: { ...consumer, inputs: (consumer.inputs ?? []).filter((_, index) => !drop.has(index)) },
    })),
  ];
}

/** References for removing the selected nodes in one edit. */
export function removalRefs(mesh: MeshDocument, selection: readonly string[]): EntityRef[] {
  const refs: EntityRef[] = [];
  for (const id of selection) {
    const kind = kindOfNode(mesh, id);
    if (kind !== null) refs.push({ kind, id });
    // Sticky notes are nodes too: their node id carries a prefix.
    const noteId = id.startsWith(NOTE_PREFIX) ? id.slice(NOTE_PREFIX.length) : null;
    if (noteId !== null && (mesh.notes ?? []).some((note) => note.id === noteId)) refs.push({ kind: 'note', id: noteId });
  }
  return refs;
}

/** The selected entities (and their positions) as values, for the clipboard. */
export function copyEdit(mesh: MeshDocument, selection: readonly string[], positions: (id: string) => Position | undefined): EntityValue[] {
  const values: EntityValue[] = [];
  for (const ref of removalRefs(mesh, selection)) {
    if (ref.kind === 'note') continue;
    const list: { id: string }[] =
      ref.kind === 'product'
        ? mesh.products
        : ref.kind === 'domain'
          ? mesh.domains
          : ref.kind === 'sourceSystem'
            ? mesh.sourceSystems
            : mesh.consumers;
    const value = list.find((item) => item.id === ref.id);
    if (value) values.push({ kind: ref.kind, id: ref.id, value: structuredClone(value) });
    const position = positions(ref.id);
    if (position) values.push({ kind: 'position', id: ref.id, value: { ...position } });
  }
  return values;
}

/**
 * Copies of the clipboard with fresh ids (`<id>-copy`, then `<id>-copy-2`…), names marked "(copy)", positions
 * shifted so the copies do not hide the originals. Output ports of copied products keep their names but not
 * their contracts: two products cannot publish one contract.
 */
export function pasteEdit(mesh: MeshDocument, clipboard: readonly EntityValue[]): EntityValue[] {
  const taken = allIds(mesh);
  const renamed = new Map<string, string>();
  for (const item of clipboard) {
    if (item.kind === 'position') continue;
    const fresh = uniqueId(taken, `${item.id}-copy`);
    taken.add(fresh);
    renamed.set(item.id, fresh);
  }
  const values: EntityValue[] = [];
  for (const item of clipboard) {
    const id = renamed.get(item.id);
    if (id === undefined) continue;
    if (item.kind === 'position') {
      const position = item.value as Position;
      values.push({ kind: 'position', id, value: { x: position.x + 40, y: position.y + 40 } });
      continue;
    }
    const original = item.value as { name: string; domain?: string } & Record<string, unknown>;
    const copy: Record<string, unknown> = { ...structuredClone(original), id, name: `${original.name} (copy)` };
    if (item.kind === 'product') {
      const product = copy as DataProduct;
      if (product.domain !== undefined && renamed.has(product.domain)) product.domain = renamed.get(product.domain);
      product.outputPorts = (product.outputPorts ?? []).map(({ contractId: _contract, ...port }) => port);
    }
    values.push({ kind: item.kind, id, value: copy });
  }
  return values;
}

/** The kinds the toolbar's "+" buttons create; rollout and workshop entities have their own editors. */
type Creatable = 'domain' | 'team' | 'product' | 'sourceSystem' | 'consumer';

const NEW_NAMES: Record<Creatable, string> = {
  domain: 'New domain',
  team: 'New team',
  product: 'New product',
  sourceSystem: 'New source system',
  consumer: 'New consumer',
};

/** A new entity with a fresh id, placed at `position` (teams are not drawn), as one edit. */
export function createEdit(
  mesh: MeshDocument,
  kind: keyof typeof NEW_NAMES,
  position: Position,
  domainId: string | null,
): EntityValue[] {
  const taken = allIds(mesh);
  const prefix = kind === 'sourceSystem' ? 'source-system' : kind;
  const id = domainId && kind === 'product' ? uniqueId(taken, `${domainId}.new-product`) : uniqueId(taken, `new-${prefix}`);
  const name = NEW_NAMES[kind];
  let value: Domain | Team | DataProduct | SourceSystem | Consumer;
  switch (kind) {
    case 'domain':
      value = { id, name };
      break;
    case 'team':
      value = { id, name, members: [] };
      return [{ kind, id, value }];
    case 'product':
      value = { id, name, status: 'proposed', archetype: 'sourceAligned', ...(domainId ? { domain: domainId } : {}) };
      break;
    case 'sourceSystem':
      value = { id, name, ...(domainId ? { domain: domainId } : {}) };
      break;
    case 'consumer':
      value = { id, name, ...(domainId ? { domain: domainId } : {}) };
      break;
  }
  return [
    { kind, id, value },
    { kind: 'position', id, value: { x: Math.round(position.x), y: Math.round(position.y) } },
  ];
}

/** The contract's canvas node: the product that publishes it (for findings and the palette). */
export function productOfContract(mesh: MeshDocument, contractId: string): string | null {
  return contractOwners(mesh).get(contractId)?.productId ?? null;
}

/** A domain's region on the canvas, in absolute flow coordinates. */
export type Region = { id: string; x: number; y: number; width: number; height: number };

/** The domain whose region holds the point (the smallest when regions overlap), or null. */
export function regionAt(regions: readonly Region[], point: Position): string | null {
  let best: Region | null = null;
  for (const region of regions) {
    const inside =
      point.x >= region.x && point.x <= region.x + region.width && point.y >= region.y && point.y <= region.y + region.height;
    if (inside && (best === null || region.width * region.height < best.width * best.height)) best = region;
  }
  return best?.id ?? null;
}

/**
 * The products dropped on another domain's region, moved to that domain: product values with the new `domain`
 * (the caller adds the positions, so the move and the drop are one edit). Empty when no product changes domain.
 */
export function domainMoveEdit(
  mesh: MeshDocument,
  dropped: readonly { id: string; centre: Position }[],
  regions: readonly Region[],
): EntityValue[] {
  const puts: EntityValue[] = [];
  for (const { id, centre } of dropped) {
    const product = mesh.products.find((candidate) => candidate.id === id);
    if (!product) continue;
    const domain = regionAt(regions, centre);
    if (domain === null || domain === product.domain) continue;
    puts.push({ kind: 'product', id, value: { ...product, domain } });
  }
  return puts;
}
