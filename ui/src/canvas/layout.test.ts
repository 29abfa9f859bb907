import { beforeAll, describe, expect, it } from 'vitest';
import type { MeshDocument } from '../ipc/model';
import { retailFixture } from '../mock/mockBackend';
import { productSize } from './geometry';
import { gridLayout, layoutMesh } from './layout';

type Box = { left: number; top: number; right: number; bottom: number };

function boxesOf(mesh: MeshDocument, positions: { id: string; x: number; y: number }[]): Map<string, Box> {
  const byId = new Map(positions.map((position) => [position.id, position]));
  const boxes = new Map<string, Box>();
  for (const product of mesh.products) {
    const position = byId.get(product.id);
    if (!position) continue;
    const size = productSize(product);
    boxes.set(product.id, { left: position.x, top: position.y, right: position.x + size.width, bottom: position.y + size.height });
  }
  return boxes;
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

describe('auto layout (ELK)', () => {
  const mesh = retailFixture();
  let positions: { id: string; x: number; y: number }[] = [];
  // One layout for the assertions below: ELK's first run in a fresh process takes a few seconds.
  beforeAll(async () => {
    positions = await layoutMesh(mesh);
  }, 30_000);

  it('places every node: sources left of all products, products left of all consumers', () => {
    const byId = new Map(positions.map((position) => [position.id, position]));
    for (const id of [...mesh.products, ...mesh.domains, ...mesh.sourceSystems, ...mesh.consumers].map((item) => item.id)) {
      expect(byId.has(id), `${id} has a position`).toBe(true);
    }
    const boxes = boxesOf(mesh, positions);
    const productLeft = Math.min(...[...boxes.values()].map((box) => box.left));
    const productRight = Math.max(...[...boxes.values()].map((box) => box.right));
    for (const source of mesh.sourceSystems) {
      expect(byId.get(source.id)!.x + 200, `${source.id} is left of the products`).toBeLessThanOrEqual(productLeft);
    }
    for (const consumer of mesh.consumers) {
      expect(byId.get(consumer.id)!.x, `${consumer.id} is right of the products`).toBeGreaterThanOrEqual(productRight);
    }
  });

  it('keeps each domain together: the box around its products holds no other product, and products do not overlap', () => {
    const boxes = boxesOf(mesh, positions);
    for (const domain of mesh.domains) {
      const members = mesh.products.filter((product) => product.domain === domain.id);
      const region: Box = {
        left: Math.min(...members.map((product) => boxes.get(product.id)!.left)),
        top: Math.min(...members.map((product) => boxes.get(product.id)!.top)),
        right: Math.max(...members.map((product) => boxes.get(product.id)!.right)),
        bottom: Math.max(...members.map((product) => boxes.get(product.id)!.bottom)),
      };
      for (const other of mesh.products.filter((product) => product.domain !== domain.id)) {
        expect(overlaps(region, boxes.get(other.id)!), `${other.id} lies outside domain ${domain.id}`).toBe(false);
      }
    }
    const all = [...boxes.entries()];
    for (let i = 0; i < all.length; i += 1) {
      for (let j = i + 1; j < all.length; j += 1) {
        expect(overlaps(all[i]![1], all[j]![1]), `${all[i]![0]} and ${all[j]![0]} do not overlap`).toBe(false);
      }
    }
  });

  it('lays out an empty design without failing', async () => {
    const empty: MeshDocument = { ...mesh, domains: [], products: [], sourceSystems: [], consumers: [], contracts: [] };
    expect(await layoutMesh(empty)).toEqual([]);
  });
});

describe('grid layout (big designs)', () => {
  it('places every product inside its domain column block, sources first and consumers last', () => {
    const mesh = retailFixture();
    const positions = gridLayout(mesh);
    const productXs = mesh.products.map((product) => positions[product.id]!.x);
    expect(Math.max(...mesh.sourceSystems.map((source) => positions[source.id]!.x))).toBeLessThan(Math.min(...productXs));
    expect(Math.min(...mesh.consumers.map((consumer) => positions[consumer.id]!.x))).toBeGreaterThan(Math.max(...productXs));
  });
});
