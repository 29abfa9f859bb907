// Auto layout: a pure async function from a design to absolute node positions. ELK layered, left to right, with
// each domain a compound node around its products, source systems pinned to the first layer and consumers to
// the last. ELK is loaded on first use through its bundled, in-thread build (no worker, no eval: CSP-safe).
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { MeshDocument, Position } from '../ipc/model';
import type { NodePosition } from '../ipc/types';
import { dependencies } from '../ipc/meshIndex';
import {
  CONSUMER_SIZE,
  DOMAIN_PADDING,
  EMPTY_DOMAIN_SIZE,
  SOURCE_SIZE,
  productSize,
} from './geometry';

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.layered.spacing.nodeNodeBetweenLayers': '80',
  'elk.spacing.nodeNode': '28',
  'elk.spacing.componentComponent': '40',
};

const DOMAIN_OPTIONS = {
  'elk.padding': `[top=${DOMAIN_PADDING.top},left=${DOMAIN_PADDING.left},bottom=${DOMAIN_PADDING.bottom},right=${DOMAIN_PADDING.right}]`,
};

type ElkInstance = { layout(graph: ElkNode): Promise<ElkNode> };
let elkInstance: Promise<ElkInstance> | null = null;

function elk(): Promise<ElkInstance> {
  elkInstance ??= import('elkjs/lib/elk.bundled.js').then((module) => new module.default());
  return elkInstance;
}

/** Builds the ELK graph of a design (exported for tests and for reading). */
export function elkGraph(mesh: MeshDocument): ElkNode {
  const domainIds = new Set(mesh.domains.map((domain) => domain.id));
  const byDomain = new Map<string, ElkNode[]>();
  const loose: ElkNode[] = [];
  for (const product of mesh.products) {
    const node: ElkNode = { id: product.id, ...productSize(product) };
    if (product.domain !== undefined && domainIds.has(product.domain)) {
      const list = byDomain.get(product.domain);
      if (list) list.push(node);
      else byDomain.set(product.domain, [node]);
    } else {
      loose.push(node);
    }
  }
  const children: ElkNode[] = [];
  for (const source of mesh.sourceSystems) {
    children.push({
      id: source.id,
      ...SOURCE_SIZE,
      layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' },
    });
  }
  for (const domain of mesh.domains) {
    const members = byDomain.get(domain.id);
    children.push(
      members
        ? { id: domain.id, layoutOptions: DOMAIN_OPTIONS, children: members }
        : { id: domain.id, ...EMPTY_DOMAIN_SIZE },
    );
  }
  children.push(...loose);
  for (const consumer of mesh.consumers) {
    children.push({
      id: consumer.id,
      ...CONSUMER_SIZE,
      layoutOptions: { 'elk.layered.layering.layerConstraint': 'LAST' },
    });
  }
  const seen = new Set<string>();
  const edges: ElkExtendedEdge[] = [];
  for (const dependency of dependencies(mesh)) {
    const id = `${dependency.from}>${dependency.to}`;
    if (dependency.from === dependency.to || seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, sources: [dependency.from], targets: [dependency.to] });
  }
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children, edges };
}

type Placed = NodePosition & { width: number };

/** Absolute positions of every node ELK placed, compound children included. */
function flatten(node: ElkNode, offset: Position, into: Placed[]): void {
  for (const child of node.children ?? []) {
    const x = offset.x + (child.x ?? 0);
    const y = offset.y + (child.y ?? 0);
    into.push({ id: child.id, x: Math.round(x), y: Math.round(y), width: child.width ?? 0 });
    if (child.children && child.children.length > 0) flatten(child, { x, y }, into);
  }
}

/**
 * Lays the whole design out and returns one absolute position per domain, product, source system and consumer.
 * Sources end up left of every product and consumers right of every product, whatever ELK decides across the
 * compound boundaries: a last pass shifts either column when needed.
 */
export async function layoutMesh(mesh: MeshDocument): Promise<NodePosition[]> {
  const graph = elkGraph(mesh);
  const laidOut = await (await elk()).layout(graph);
  const positions: Placed[] = [];
  flatten(laidOut, { x: 0, y: 0 }, positions);
  return keepColumns(mesh, positions).map(({ id, x, y }) => ({ id, x, y }));
}

function keepColumns(mesh: MeshDocument, positions: Placed[]): Placed[] {
  const byId = new Map(positions.map((position) => [position.id, position]));
  const sources = mesh.sourceSystems.map((source) => byId.get(source.id)).filter((p) => p !== undefined);
  const consumers = mesh.consumers.map((consumer) => byId.get(consumer.id)).filter((p) => p !== undefined);
  const middle = positions.filter((position) => !sources.includes(position) && !consumers.includes(position));
  if (middle.length === 0) return positions;
  const gap = 80;
  const middleLeft = Math.min(...middle.map((position) => position.x));
  const sourcesRight = Math.max(-Infinity, ...sources.map((position) => position.x + SOURCE_SIZE.width));
  if (sourcesRight + gap > middleLeft) {
    const shift = sourcesRight + gap - middleLeft;
    for (const position of middle) position.x += shift;
    for (const position of consumers) position.x += shift;
  }
  const middleRight = Math.max(...middle.map((position) => position.x + position.width));
  const consumersLeft = Math.min(Infinity, ...consumers.map((position) => position.x));
  if (consumersLeft < middleRight + gap) {
    const shift = middleRight + gap - consumersLeft;
    for (const position of consumers) position.x += shift;
  }
  return positions;
}

/**
 * A quick layout for big designs opened without positions (ELK takes seconds there): domains in a grid, their
 * products in a grid inside, sources in a column on the left, consumers on the right. Positions are absolute.
 */
export function gridLayout(mesh: MeshDocument): Record<string, Position> {
  const positions: Record<string, Position> = {};
  const column = 60;
  mesh.sourceSystems.forEach((source, index) => {
    positions[source.id] = { x: 0, y: index * (SOURCE_SIZE.height + 20) };
  });
  const domainIds = new Set(mesh.domains.map((domain) => domain.id));
  const groups = new Map<string, typeof mesh.products>();
  for (const product of mesh.products) {
    const key = product.domain !== undefined && domainIds.has(product.domain) ? product.domain : '';
    const list = groups.get(key);
    if (list) list.push(product);
    else groups.set(key, [product]);
  }
  const left = SOURCE_SIZE.width + 120;
  const perRow = 4;
  let x = left;
  let y = 0;
  let rowHeight = 0;
  let domainsInRow = 0;
  const regionWidth = (count: number) =>
    DOMAIN_PADDING.left + DOMAIN_PADDING.right + Math.min(count, perRow) * (productSize({ id: '', name: '', status: 'draft', description: {} }).width + 20);
  const orderedKeys = [...mesh.domains.map((domain) => domain.id), ''];
  for (const key of orderedKeys) {
    const products = groups.get(key) ?? [];
    if (key !== '' || products.length > 0) {
      const width = products.length > 0 ? regionWidth(products.length) : 280;
      let innerY = DOMAIN_PADDING.top;
      let innerRowHeight = 0;
      products.forEach((product, index) => {
        const size = productSize(product);
        if (index % perRow === 0 && index > 0) {
          innerY += innerRowHeight + 20;
          innerRowHeight = 0;
        }
        positions[product.id] = {
          x: x + DOMAIN_PADDING.left + (index % perRow) * (size.width + 20),
          y: y + innerY,
        };
        innerRowHeight = Math.max(innerRowHeight, size.height);
      });
      const height = innerY + innerRowHeight + DOMAIN_PADDING.bottom;
      if (key !== '') positions[key] = { x, y };
      rowHeight = Math.max(rowHeight, products.length > 0 ? height : 120);
      x += width + column;
      domainsInRow += 1;
      if (domainsInRow === 3) {
        x = left;
        y += rowHeight + column;
        rowHeight = 0;
        domainsInRow = 0;
      }
    }
  }
  const right = left + 3 * (regionWidth(perRow) + column);
  mesh.consumers.forEach((consumer, index) => {
    positions[consumer.id] = { x: right, y: index * (CONSUMER_SIZE.height + 20) };
  });
  return positions;
}
