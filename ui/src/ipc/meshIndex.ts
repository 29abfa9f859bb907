// Lookups over a MeshDocument that several areas need: which product publishes a contract, who reads what.
import type { Binding, DataProduct, MeshDocument } from './model';

export type ContractOwner = { productId: string; portName: string; version: string };

export function isContractBinding(binding: Binding): binding is { contractId: string; version: string } {
  return 'contractId' in binding && typeof binding.contractId === 'string';
}

export function bindingTarget(binding: Binding): string {
  return isContractBinding(binding) ? binding.contractId : binding.sourceSystem;
}

/** Contract id → the product (and output port) that publishes it; the first publisher wins. */
export function contractOwners(mesh: MeshDocument): Map<string, ContractOwner> {
  const owners = new Map<string, ContractOwner>();
  for (const product of mesh.products) {
    for (const port of product.outputPorts ?? []) {
      if (port.contractId !== undefined && !owners.has(port.contractId)) {
        owners.set(port.contractId, { productId: product.id, portName: port.name, version: port.version });
      }
    }
  }
  return owners;
}

/** One dependency edge of the design, between node ids (products, source systems, consumers). */
export type Dependency = {
  /** Provider node: a product or a source system. */
  from: string;
  /** The provider's output port name, for a product. */
  fromPort: string | null;
  /** Reading node: a product or a consumer. */
  to: string;
  /** The reader's input port name (products) or the index of the consumer's input, as text. */
  toPort: string;
  toKind: 'product' | 'consumer';
};

/** Every dependency whose provider exists in the design; dangling bindings are governance's business. */
export function dependencies(mesh: MeshDocument, owners = contractOwners(mesh)): Dependency[] {
  const sourceIds = new Set(mesh.sourceSystems.map((source) => source.id));
  const result: Dependency[] = [];
  const provider = (binding: Binding): { from: string; fromPort: string | null } | null => {
    if (isContractBinding(binding)) {
      const owner = owners.get(binding.contractId);
      return owner ? { from: owner.productId, fromPort: owner.portName } : null;
    }
    return sourceIds.has(binding.sourceSystem) ? { from: binding.sourceSystem, fromPort: null } : null;
  };
  for (const product of mesh.products) {
    for (const port of product.inputPorts ?? []) {
      const found = provider(port.source);
      if (found) result.push({ ...found, to: product.id, toPort: port.name, toKind: 'product' });
    }
  }
  for (const consumer of mesh.consumers) {
    (consumer.inputs ?? []).forEach((binding, index) => {
      const found = provider(binding);
      if (found) result.push({ ...found, to: consumer.id, toPort: String(index), toKind: 'consumer' });
    });
  }
  return result;
}

/** A name for a new input port of `product` reading `base`, unique among its input ports. */
export function uniqueInputPortName(product: DataProduct, base: string): string {
  const taken = new Set((product.inputPorts ?? []).map((port) => port.name));
  const stem = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1) : base;
  if (!taken.has(stem)) return stem;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${stem}-${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A fresh id: `base` if free, else `base-2`, `base-3`… */
export function uniqueId(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  for (let counter = 2; ; counter += 1) {
    const candidate = `${base}-${counter}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Every id in the design, of any kind, for making fresh ones. */
export function allIds(mesh: MeshDocument): Set<string> {
  const ids = new Set<string>();
  for (const list of [mesh.domains, mesh.teams, mesh.products, mesh.contracts, mesh.sourceSystems, mesh.consumers]) {
    for (const item of list) ids.add(item.id);
  }
  return ids;
}

/** Downstream (impact) or upstream (lineage) ids of a product, contract or source system, excluding the start. */
export function walkGraph(mesh: MeshDocument, startId: string, direction: 'down' | 'up'): string[] {
  const owners = contractOwners(mesh);
  const edges = dependencies(mesh, owners);
  const next = new Map<string, string[]>();
  const link = (a: string, b: string) => {
    const list = next.get(a);
    if (list) list.push(b);
    else next.set(a, [b]);
  };
  for (const edge of edges) {
    if (direction === 'down') link(edge.from, edge.to);
    else link(edge.to, edge.from);
  }
  // A contract id starts at (and counts as) its publishing product's neighbourhood.
  const start = owners.get(startId)?.productId ?? startId;
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const neighbour of next.get(id) ?? []) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  seen.delete(start);
  seen.delete(startId);
  return [...seen].sort();
}
