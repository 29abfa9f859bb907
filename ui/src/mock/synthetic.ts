// A synthetic design of any size for trying the canvas at scale in a plain browser (`?products=2000`),
// in the spirit of `meshwright generate`: domains with chains of products, a few sources and consumers.
import type { Consumer, DataProduct, MeshDocument, SourceSystem } from '../ipc/model';
import { emptyMesh } from './mockBackend';

export function syntheticMesh(products: number, domains = Math.max(1, Math.round(products / 40))): MeshDocument {
  const mesh = emptyMesh(`Synthetic mesh (${products} products)`);
  for (let d = 0; d < domains; d += 1) {
    const id = `domain-${String(d).padStart(3, '0')}`;
    mesh.domains.push({ id, name: `Domain ${d}`, ownerTeam: `team-${d}` });
    mesh.teams.push({ id: `team-${d}`, name: `Team ${d}`, members: [] });
  }
  const sources: SourceSystem[] = [];
  for (let s = 0; s < Math.max(1, Math.round(domains / 2)); s += 1) {
    sources.push({ id: `source-${s}`, name: `Source ${s}`, kind: 'database' });
  }
  mesh.sourceSystems = sources;
  const list: DataProduct[] = [];
  for (let p = 0; p < products; p += 1) {
    const domain = mesh.domains[p % domains]!.id;
    const id = `${domain}.product-${String(p).padStart(5, '0')}`;
    const contractId = `${id}.out`;
    const product: DataProduct = {
      id,
      name: `Product ${p}`,
      domain,
      archetype: p < domains ? 'sourceAligned' : p % 7 === 0 ? 'consumerAligned' : 'aggregate',
      status: p % 5 === 0 ? 'draft' : 'active',
      version: '1.0.0',
      ownerTeam: p % 97 === 0 ? undefined : `team-${p % domains}`,
      description: { purpose: `Synthetic product ${p}.` },
      inputPorts:
        p < domains
          ? [{ name: 'source', source: { sourceSystem: sources[p % sources.length]!.id, version: '1.0.0' } }]
          : [
              { name: 'upstream', source: { contractId: `${list[p - domains]!.id}.out`, version: '1.0.0' } },
              ...(p % 3 === 0 && p > 2 * domains
                ? [{ name: 'other', source: { contractId: `${list[p - domains - 1]!.id}.out`, version: '1.0.0' } }]
                : []),
            ],
      outputPorts: [{ name: 'out', version: '1.0.0', type: 'table', contractId }],
    };
    if (!product.ownerTeam) delete product.ownerTeam;
    list.push(product);
    mesh.contracts.push({ id: contractId, name: `Product ${p} output`, version: '1.0.0', status: 'active', domain, schema: [] });
  }
  mesh.products = list.sort((a, b) => (a.id < b.id ? -1 : 1));
  mesh.contracts.sort((a, b) => (a.id < b.id ? -1 : 1));
  const consumers: Consumer[] = [];
  for (let c = 0; c < Math.max(1, Math.round(domains / 2)); c += 1) {
    consumers.push({ id: `consumer-${c}`, name: `Consumer ${c}`, kind: 'dashboard', inputs: [{ contractId: `${list[list.length - 1 - c]!.id}.out`, version: '1.0.0' }] });
  }
  mesh.consumers = consumers;
  return mesh;
}
