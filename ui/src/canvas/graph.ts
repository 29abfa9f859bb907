// From a design and the view state to React Flow nodes and edges. Pure, except for a cache that hands back the
// same node object when nothing it shows changed, so memoised nodes skip rendering on a 2,000-product canvas.
import type { Edge, Node } from '@xyflow/react';
import type { Consumer, DataProduct, Domain, MeshDocument, Position, SourceSystem, StickyNote } from '../ipc/model';
import type { CheckReport, Severity } from '../ipc/types';
import { contractOwners, dependencies, type ContractOwner } from '../ipc/meshIndex';
import {
  COLLAPSED_DOMAIN_SIZE,
  CONSUMER_SIZE,
  DOMAIN_PADDING,
  EMPTY_DOMAIN_SIZE,
  SOURCE_SIZE,
  productSize,
} from './geometry';

export type Badge = { severity: Severity; count: number };
/** How a node looks while impact or lineage is shown. */
export type Emphasis = 'lit' | 'root' | 'dimmed' | null;

/** `outOfWave`: not live yet in the "mesh as of wave N" view, so drawn dimmed. */
export type ProductNodeData = { product: DataProduct; badge: Badge | null; emphasis: Emphasis; outOfWave: boolean };
export type DomainNodeData = {
  domain: Domain;
  collapsed: boolean;
  products: number;
  active: number;
  sourceSystems: number;
  consumers: number;
  badge: Badge | null;
  emphasis: Emphasis;
};
export type SourceNodeData = { source: SourceSystem; badge: Badge | null; emphasis: Emphasis };
export type ConsumerNodeData = { consumer: Consumer; badge: Badge | null; emphasis: Emphasis; outOfWave: boolean };
export type NoteNodeData = { note: StickyNote };

export type ProductNode = Node<ProductNodeData, 'product'>;
export type DomainNode = Node<DomainNodeData, 'domain'>;
export type SourceNode = Node<SourceNodeData, 'source'>;
export type ConsumerNode = Node<ConsumerNodeData, 'consumer'>;
export type NoteNode = Node<NoteNodeData, 'note'>;
export type MeshNode = ProductNode | DomainNode | SourceNode | ConsumerNode | NoteNode;

/** The canvas node id of a sticky note (kept apart from entity ids, which a note id may equal). */
export const NOTE_PREFIX = 'note:';
export const NOTE_SIZE = { width: 200, height: 150 };

/** Enough to remove the dependency an edge draws: the reader and its input port (or consumer input index). */
export type DependencyEdgeData = { toKind: 'product' | 'consumer'; to: string; toPort: string; aggregated: boolean };
export type MeshEdge = Edge<DependencyEdgeData>;

export type GraphInput = {
  mesh: MeshDocument;
  findings: CheckReport;
  collapsed: Record<string, boolean>;
  autoPositions: Record<string, Position>;
  selection: readonly string[];
  /** Ids to light up (impact or lineage), with the root; null when no highlight is shown. */
  highlight: { rootId: string; ids: ReadonlySet<string> } | null;
  /** "Mesh as of wave N": the products and consumers live by then; null shows everything alike. */
  waveFilter?: { products: ReadonlySet<string>; consumers: ReadonlySet<string> } | null;
};

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function worse(a: Badge | null | undefined, severity: Severity, count = 1): Badge {
  if (!a) return { severity, count };
  return {
    severity: SEVERITY_RANK[severity] > SEVERITY_RANK[a.severity] ? severity : a.severity,
    count: a.count + count,
  };
}

/** The canvas node a finding's entity lives on: a contract's node is the product that publishes it. */
export function nodeIdOfEntity(
  ref: { kind: string; id: string },
  owners: ReadonlyMap<string, ContractOwner>,
): string | null {
  switch (ref.kind) {
    case 'product':
    case 'domain':
    case 'sourceSystem':
    case 'consumer':
      return ref.id;
    case 'contract':
      return owners.get(ref.id)?.productId ?? null;
    default:
      return null;
  }
}

/** Findings per canvas node: their count and worst severity. */
export function badgesByNode(findings: CheckReport, owners: ReadonlyMap<string, ContractOwner>): Map<string, Badge> {
  const badges = new Map<string, Badge>();
  for (const finding of findings.findings) {
    const counted = new Set<string>();
    for (const ref of finding.entities) {
      const id = nodeIdOfEntity(ref, owners);
      if (id === null || counted.has(id)) continue;
      counted.add(id);
      badges.set(id, worse(badges.get(id), finding.severity));
    }
  }
  return badges;
}

/**
 * Node sizes are known here, so nodes arrive measured: React Flow then counts them as initialised even when
 * `onlyRenderVisibleElements` never mounts them (fitView waits for every node to be initialised).
 */
function sized(size: { width: number; height: number }) {
  return { width: size.width, height: size.height, measured: { width: size.width, height: size.height } };
}

type CacheEntry = { deps: readonly unknown[]; node: MeshNode };
/** Node objects from the previous build, by node id. */
export type NodeCache = Map<string, CacheEntry>;

function cached<T extends MeshNode>(cache: NodeCache, id: string, deps: readonly unknown[], make: () => T): T {
  const entry = cache.get(id);
  if (entry && entry.deps.length === deps.length && entry.deps.every((dep, index) => Object.is(dep, deps[index]))) {
    return entry.node as T;
  }
  const node = make();
  cache.set(id, { deps, node });
  return node;
}

export function buildGraph(input: GraphInput, cache: NodeCache = new Map()): { nodes: MeshNode[]; edges: MeshEdge[] } {
  const { mesh, collapsed, autoPositions, highlight } = input;
  const waveFilter = input.waveFilter ?? null;
  const outOfWave = (id: string, kind: 'products' | 'consumers') => waveFilter !== null && !waveFilter[kind].has(id);
  const selected = new Set(input.selection);
  const owners = contractOwners(mesh);
  const badges = badgesByNode(input.findings, owners);
  const domainIds = new Set(mesh.domains.map((domain) => domain.id));

  // Lit node ids: contracts light up their publishing product.
  let lit: Set<string> | null = null;
  if (highlight) {
    lit = new Set<string>();
    for (const id of highlight.ids) lit.add(owners.get(id)?.productId ?? id);
  }
  const emphasisOf = (id: string): Emphasis => {
    if (!highlight || !lit) return null;
    if (id === highlight.rootId) return 'root';
    return lit.has(id) ? 'lit' : 'dimmed';
  };

  let fallbackRow = 0;
  const positionOf = (id: string): Position => {
    const stored = mesh.layout[id] ?? autoPositions[id];
    if (stored) return stored;
    // Not placed yet: stack it left of the design, where it is easy to find.
    const position = { x: -320, y: fallbackRow * 90 };
    fallbackRow += 1;
    return position;
  };

  const productsByDomain = new Map<string, DataProduct[]>();
  const looseProducts: DataProduct[] = [];
  for (const product of mesh.products) {
    if (product.domain !== undefined && domainIds.has(product.domain)) {
      const list = productsByDomain.get(product.domain);
      if (list) list.push(product);
      else productsByDomain.set(product.domain, [product]);
    } else {
      looseProducts.push(product);
    }
  }

  // Which node a product is drawn as: itself, or its collapsed domain.
  const productNode = new Map<string, string>();
  for (const product of mesh.products) {
    const domain = product.domain;
    productNode.set(product.id, domain !== undefined && domainIds.has(domain) && collapsed[domain] ? domain : product.id);
  }

  const nodes: MeshNode[] = [];
  const push = (node: MeshNode) => nodes.push(node);

  const productNodeOf = (product: DataProduct, position: Position, parentId: string | undefined): ProductNode => {
    const badge = badges.get(product.id) ?? null;
    const emphasis = emphasisOf(product.id);
    const isSelected = selected.has(product.id);
    const dimmed = outOfWave(product.id, 'products');
    return cached(
      cache,
      product.id,
      [product, position.x, position.y, parentId, badge?.severity, badge?.count, emphasis, isSelected, dimmed],
      () => ({
        id: product.id,
        type: 'product',
        position,
        ...sized(productSize(product)),
        parentId,
        selected: isSelected,
        data: { product, badge, emphasis, outOfWave: dimmed },
      }),
    );
  };

  for (const domain of mesh.domains) {
    const members = productsByDomain.get(domain.id) ?? [];
    const isCollapsed = collapsed[domain.id] === true;
    const domainSources = mesh.sourceSystems.filter((source) => source.domain === domain.id).length;
    const domainConsumers = mesh.consumers.filter((consumer) => consumer.domain === domain.id).length;
    let badge: Badge | null = badges.get(domain.id) ?? null;
    let emphasis = emphasisOf(domain.id);
    if (isCollapsed) {
      for (const product of members) {
        const productBadge = badges.get(product.id);
        if (productBadge) badge = worse(badge, productBadge.severity, productBadge.count);
        const productEmphasis = emphasisOf(product.id);
        if (productEmphasis === 'root' || (productEmphasis === 'lit' && emphasis !== 'root')) emphasis = productEmphasis;
      }
    }
    const data: DomainNodeData = {
      domain,
      collapsed: isCollapsed,
      products: members.length,
      active: members.filter((product) => product.status === 'active').length,
      sourceSystems: domainSources,
      consumers: domainConsumers,
      badge,
      emphasis,
    };
    const isSelected = selected.has(domain.id);

    // Members' absolute boxes decide the region, so a product dragged out of it widens the domain.
    const boxes = members.map((product) => ({ product, position: positionOf(product.id), size: productSize(product) }));
    if (boxes.length === 0 || isCollapsed) {
      const position =
        boxes.length > 0
          ? {
              x: Math.min(...boxes.map((box) => box.position.x)) - DOMAIN_PADDING.left,
              y: Math.min(...boxes.map((box) => box.position.y)) - DOMAIN_PADDING.top,
            }
          : positionOf(domain.id);
      const size = isCollapsed ? COLLAPSED_DOMAIN_SIZE : EMPTY_DOMAIN_SIZE;
      push(
        cached(
          cache,
          domain.id,
          [domain, position.x, position.y, isCollapsed, members.length, data.active, badge?.severity, badge?.count, emphasis, isSelected, domainSources, domainConsumers],
          () => ({
            id: domain.id,
            type: 'domain',
            position,
            ...sized(size),
            selected: isSelected,
            dragHandle: '.domain-title',
            data,
          }),
        ),
      );
      continue;
    }
    const left = Math.min(...boxes.map((box) => box.position.x));
    const top = Math.min(...boxes.map((box) => box.position.y));
    const right = Math.max(...boxes.map((box) => box.position.x + box.size.width));
    const bottom = Math.max(...boxes.map((box) => box.position.y + box.size.height));
    const origin = { x: left - DOMAIN_PADDING.left, y: top - DOMAIN_PADDING.top };
    const width = right - left + DOMAIN_PADDING.left + DOMAIN_PADDING.right;
    const height = bottom - top + DOMAIN_PADDING.top + DOMAIN_PADDING.bottom;
    push(
      cached(
        cache,
        domain.id,
        [domain, origin.x, origin.y, width, height, false, members.length, data.active, badge?.severity, badge?.count, emphasis, isSelected, domainSources, domainConsumers],
        () => ({
          id: domain.id,
          type: 'domain',
          position: origin,
          ...sized({ width, height }),
          selected: isSelected,
          dragHandle: '.domain-title',
          // Regions sit under everything else; their products and edges draw on top.
          zIndex: -1,
          data,
        }),
      ),
    );
    for (const box of boxes) {
      const relative = { x: box.position.x - origin.x, y: box.position.y - origin.y };
      push(productNodeOf(box.product, relative, domain.id));
    }
  }
  for (const product of looseProducts) push(productNodeOf(product, positionOf(product.id), undefined));

  for (const source of mesh.sourceSystems) {
    const position = positionOf(source.id);
    const badge = badges.get(source.id) ?? null;
    const emphasis = emphasisOf(source.id);
    const isSelected = selected.has(source.id);
    push(
      cached(cache, source.id, [source, position.x, position.y, badge?.severity, badge?.count, emphasis, isSelected], () => ({
        id: source.id,
        type: 'source',
        position,
        ...sized(SOURCE_SIZE),
        selected: isSelected,
        data: { source, badge, emphasis },
      })),
    );
  }
  for (const consumer of mesh.consumers) {
    const position = positionOf(consumer.id);
    const badge = badges.get(consumer.id) ?? null;
    const emphasis = emphasisOf(consumer.id);
    const isSelected = selected.has(consumer.id);
    const dimmed = outOfWave(consumer.id, 'consumers');
    push(
      cached(cache, consumer.id, [consumer, position.x, position.y, badge?.severity, badge?.count, emphasis, isSelected, dimmed], () => ({
        id: consumer.id,
        type: 'consumer',
        position,
        ...sized(CONSUMER_SIZE),
        selected: isSelected,
        data: { consumer, badge, emphasis, outOfWave: dimmed },
      })),
    );
  }

  // Sticky notes of the design canvas (notes on a product's canvas have a product and stay off it).
  for (const note of mesh.notes ?? []) {
    if (note.product !== undefined) continue;
    const id = `${NOTE_PREFIX}${note.id}`;
    const isSelected = selected.has(id);
    push(
      cached(cache, id, [note, isSelected], () => ({
        id,
        type: 'note',
        position: { x: note.x, y: note.y },
        ...sized({ width: note.width ?? NOTE_SIZE.width, height: note.height ?? NOTE_SIZE.height }),
        selected: isSelected,
        // Notes sit above everything: they are what the room is talking about.
        zIndex: 10,
        dragHandle: '.note-grip',
        data: { note },
      })),
    );
  }

  // Forget nodes that are gone, so the cache does not grow across edits.
  if (cache.size > nodes.length) {
    const present = new Set(nodes.map((node) => node.id));
    for (const id of cache.keys()) if (!present.has(id)) cache.delete(id);
  }

  const edges: MeshEdge[] = [];
  const aggregated = new Set<string>();
  const filteredIds = waveFilter === null ? null : new Set([...mesh.products.map((product) => product.id), ...mesh.consumers.map((consumer) => consumer.id)]);
  const outside = (id: string) =>
    waveFilter !== null && filteredIds !== null && filteredIds.has(id) && !waveFilter.products.has(id) && !waveFilter.consumers.has(id);
  const emphasisOfEdge = (from: string, to: string): string | undefined => {
    if (!highlight) return waveFilter !== null && (outside(from) || outside(to)) ? 'wave-dimmed' : undefined;
    const on = (id: string) => emphasisOf(id) === 'lit' || emphasisOf(id) === 'root';
    return on(from) && on(to) ? 'lit' : 'dimmed';
  };
  for (const dependency of dependencies(mesh, owners)) {
    const source = productNode.get(dependency.from) ?? dependency.from;
    const target = dependency.toKind === 'product' ? (productNode.get(dependency.to) ?? dependency.to) : dependency.to;
    const sourceCollapsed = source !== dependency.from;
    const targetCollapsed = target !== dependency.to;
    if (sourceCollapsed || targetCollapsed) {
      if (source === target) continue;
      const id = `agg:${source}>${target}`;
      if (aggregated.has(id)) continue;
      aggregated.add(id);
      edges.push({
        id,
        source,
        target,
        sourceHandle: sourceCollapsed ? 'out' : dependency.fromPort === null ? 'out' : `out:${dependency.fromPort}`,
        targetHandle: targetCollapsed || dependency.toKind === 'consumer' ? 'in' : `in:${dependency.toPort}`,
        className: emphasisOfEdge(dependency.from, dependency.to),
        deletable: false,
        data: { toKind: dependency.toKind, to: dependency.to, toPort: dependency.toPort, aggregated: true },
      });
      continue;
    }
    edges.push({
      id: `dep:${dependency.to}:${dependency.toPort}`,
      source,
      target,
      sourceHandle: dependency.fromPort === null ? 'out' : `out:${dependency.fromPort}`,
      targetHandle: dependency.toKind === 'consumer' ? 'in' : `in:${dependency.toPort}`,
      className: emphasisOfEdge(dependency.from, dependency.to),
      data: { toKind: dependency.toKind, to: dependency.to, toPort: dependency.toPort, aggregated: false },
    });
  }
  return { nodes, edges };
}
