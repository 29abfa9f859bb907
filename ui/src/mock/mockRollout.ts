// The rollout engine of the mock backend: readiness, verdict, lighthouse ranking, stored and proposed waves, the
// "as of wave N" filter and the plan as text. A port of `src-tauri/src/plan/` that is faithful where the studio's
// screens show numbers (readiness, need, verdict, ranking scores match the Rust engine on the retail example) and
// simpler elsewhere: cycles are not grouped into planning units, and the text renderings are shorter.
import type { DataProduct, MeshDocument } from '../ipc/model';
import type {
  DomainReadiness,
  Finding,
  LighthouseCandidate,
  MeshVerdict,
  PlanFormat,
  PlannedWave,
  Question,
  RolloutPlan,
  WaveFilter,
} from '../ipc/types';
import { contractOwners, dependencies } from '../ipc/meshIndex';

export const QUESTIONS: readonly Question[] = [
  { id: 'ownership-clarity', dimension: 'readiness', title: 'Ownership clarity', scale: "1: nobody is clearly accountable for the domain's data · 5: a named owner answers for it" },
  { id: 'data-skills', dimension: 'readiness', title: 'Data skills in the domain team', scale: '1: no data engineering in the team · 5: the team builds and runs pipelines itself' },
  { id: 'platform-support', dimension: 'readiness', title: 'Platform support available', scale: '1: every product is built by hand · 5: a self-serve platform gives storage, catalog and access' },
  { id: 'executive-support', dimension: 'readiness', title: 'Executive support', scale: '1: nobody above the team backs the change · 5: a sponsor funds and defends it' },
  { id: 'product-thinking', dimension: 'readiness', title: 'Product thinking', scale: '1: data is a by-product · 5: data has owners, documentation, SLAs and users it talks to' },
  { id: 'team-capacity', dimension: 'readiness', title: 'Team capacity', scale: '1: no time beside operations · 5: people are set aside for data products' },
  { id: 'data-quality', dimension: 'readiness', title: 'Data quality maturity', scale: '1: quality is unknown · 5: quality is measured and owned' },
  { id: 'governance-literacy', dimension: 'readiness', title: 'Governance literacy', scale: '1: classification and privacy rules are unknown · 5: the team applies them unprompted' },
  { id: 'consumer-demand', dimension: 'need', title: 'Number of consumers', scale: '1: one or two consumers, all nearby · 5: many consumers across domains' },
  { id: 'volume-and-change', dimension: 'need', title: 'Data volume and change rate', scale: '1: small and stable · 5: large and changing weekly' },
  { id: 'central-bottleneck', dimension: 'need', title: 'Existing central-team bottleneck', scale: '1: the central team delivers on time · 5: requests queue for months' },
  { id: 'domain-complexity', dimension: 'need', title: 'Domain complexity', scale: '1: simple, well-understood data · 5: only the domain understands its data' },
];

const READY_THRESHOLD = 60;
const MIN_DOMAINS = 3;
const LOW_NEED = 50;
const NO_BOTTLENECK = 2;

const clamp = (score: number) => Math.min(5, Math.max(1, Math.round(score)));

/** 0–100 from 1–5 answers, rounded like the Rust integer arithmetic. */
export function scaleScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  const aboveOne = scores.reduce((sum, score) => sum + score - 1, 0);
  return Math.floor((aboveOne * 200 + 4 * scores.length) / (8 * scores.length));
}

export function isLive(product: DataProduct): boolean {
  return product.status === 'active' || product.status === 'deprecated';
}

export function scoreDomains(mesh: MeshDocument): DomainReadiness[] {
  const ids = new Set([...mesh.domains.map((domain) => domain.id), ...mesh.assessments.map((item) => item.domain)]);
  return [...ids].sort().map((id) => {
    const assessment = mesh.assessments.find((item) => item.domain === id);
    const readiness: number[] = [];
    const need: number[] = [];
    const weakest: string[] = [];
    let answered = 0;
    for (const question of QUESTIONS) {
      const answer = assessment?.answers?.[question.id];
      if (!answer) continue;
      answered += 1;
      const score = clamp(answer.score);
      if (question.dimension === 'readiness') {
        readiness.push(score);
        if (score <= 2) weakest.push(question.title);
      } else need.push(score);
    }
    const readinessScore = scaleScore(readiness);
    return {
      domain: id,
      name: mesh.domains.find((domain) => domain.id === id)?.name ?? id,
      answered,
      readiness: readinessScore,
      need: scaleScore(need),
      businessValue: assessment?.businessValue === undefined ? null : clamp(assessment.businessValue),
      ready: readinessScore !== null && readinessScore >= READY_THRESHOLD,
      weakest,
    };
  });
}

const HEADLINES = {
  meshPaysOff: 'a mesh pays off',
  startWithLighthouse: 'start with one lighthouse domain',
  stayCentralized: 'stay centralized for now',
  notAssessed: 'not assessed yet',
} as const;

export function verdictOf(mesh: MeshDocument, rows: readonly DomainReadiness[]): MeshVerdict {
  const domains = mesh.domains.length;
  const assessed = rows.filter((row) => row.answered > 0);
  const ready = assessed.filter((row) => row.ready).length;
  const needs = assessed.flatMap((row) => (row.need === null ? [] : [row.need]));
  const need = needs.length === 0 ? null : Math.floor((needs.reduce((a, b) => a + b, 0) + Math.floor(needs.length / 2)) / needs.length);
  const bottlenecks = mesh.assessments.flatMap((item) => {
    const answer = item.answers?.['central-bottleneck'];
    return answer ? [clamp(answer.score)] : [];
  });
  const centralBottleneck =
    bottlenecks.length === 0 ? null : Math.round((bottlenecks.reduce((a, b) => a + b, 0) / bottlenecks.length) * 10) / 10;
  const reasons: string[] = [];
  const fewDomains = domains < MIN_DOMAINS;
  reasons.push(
    fewDomains
      ? `Few domains: ${domains}; below ${MIN_DOMAINS} a central team coordinates more cheaply than a mesh.`
      : `${domains} domains: enough to share ownership across teams.`,
  );
  const result = (verdict: MeshVerdict['verdict']): MeshVerdict => ({
    verdict,
    headline: HEADLINES[verdict],
    reasons,
    domains,
    assessed: assessed.length,
    ready,
    need,
    centralBottleneck,
  });
  if (assessed.length === 0) {
    reasons.push('No domain has readiness answers yet: score the questionnaire per domain.');
    return result(fewDomains ? 'stayCentralized' : 'notAssessed');
  }
  const immature = ready === 0;
  if (immature) {
    reasons.push(`Immature teams: none of the ${assessed.length} assessed domains reaches readiness ${READY_THRESHOLD}.`);
  } else {
    const names = assessed.filter((row) => row.ready).map((row) => row.name);
    reasons.push(`${ready} of ${assessed.length} assessed domains are ready (readiness ${READY_THRESHOLD} or more): ${names.join(', ')}.`);
  }
  const noBottleneck = centralBottleneck !== null && centralBottleneck <= NO_BOTTLENECK;
  if (centralBottleneck !== null) {
    reasons.push(
      noBottleneck
        ? `No central bottleneck: the central team's backlog scores ${centralBottleneck}/5 on average.`
        : `The central team is a bottleneck: ${centralBottleneck}/5 on average.`,
    );
  }
  const lowNeed = need !== null && need < LOW_NEED;
  if (need !== null) {
    reasons.push(
      lowNeed
        ? `Low pressure: need scores ${need}/100 on average (consumers, volume, complexity).`
        : `Real pressure: need scores ${need}/100 on average (consumers, volume, complexity).`,
    );
  }
  if (fewDomains || immature || (noBottleneck && lowNeed)) return result('stayCentralized');
  if (ready >= MIN_DOMAINS && ready * 2 >= assessed.length && !lowNeed) return result('meshPaysOff');
  reasons.push(
    ready < MIN_DOMAINS
      ? `Fewer than ${MIN_DOMAINS} domains are ready: prove the model in one lighthouse domain first.`
      : 'Most domains are not ready yet: let one lighthouse domain show the way.',
  );
  return result('startWithLighthouse');
}

/** Products each product reads (through contracts), and who reads each product or consumer. */
type Graph = { upstream: Map<string, Set<string>>; downstream: Map<string, Set<string>> };

function productGraph(mesh: MeshDocument): Graph {
  const upstream = new Map<string, Set<string>>();
  const downstream = new Map<string, Set<string>>();
  const productIds = new Set(mesh.products.map((product) => product.id));
  for (const dependency of dependencies(mesh, contractOwners(mesh))) {
    if (!productIds.has(dependency.from)) continue;
    if (dependency.toKind === 'product') {
      if (dependency.to === dependency.from) continue;
      (upstream.get(dependency.to) ?? upstream.set(dependency.to, new Set()).get(dependency.to))?.add(dependency.from);
    }
    (downstream.get(dependency.from) ?? downstream.set(dependency.from, new Set()).get(dependency.from))?.add(dependency.to);
  }
  return { upstream, downstream };
}

function ordinal(rank: number): string {
  const teen = rank % 100 >= 11 && rank % 100 <= 13;
  const suffix = teen ? 'th' : rank % 10 === 1 ? 'st' : rank % 10 === 2 ? 'nd' : rank % 10 === 3 ? 'rd' : 'th';
  return `${rank}${suffix}`;
}

export function rankDomains(mesh: MeshDocument, rows: readonly DomainReadiness[], graph = productGraph(mesh)): LighthouseCandidate[] {
  const consumerIds = new Set(mesh.consumers.map((consumer) => consumer.id));
  const domainOf = new Map(mesh.products.map((product) => [product.id, product.domain]));
  const scored = mesh.domains.map((domain) => {
    const products = mesh.products.filter((product) => product.domain === domain.id).map((product) => product.id);
    const inputs = new Set<string>();
    for (const product of products) {
      for (const provider of graph.upstream.get(product) ?? []) if (domainOf.get(provider) !== domain.id) inputs.add(provider);
    }
    const reached = new Set<string>();
    const seen = new Set<string>(products);
    const stack = [...products];
    while (stack.length > 0) {
      const next = stack.pop() as string;
      for (const reader of graph.downstream.get(next) ?? []) {
        if (consumerIds.has(reader)) reached.add(reader);
        else if (!seen.has(reader)) {
          seen.add(reader);
          stack.push(reader);
        }
      }
    }
    const row = rows.find((candidate) => candidate.domain === domain.id);
    const businessValue = row?.businessValue ?? null;
    const readiness = row?.readiness ?? null;
    return {
      candidate: {
        rank: 0,
        domain: domain.id,
        name: domain.name,
        score: 0,
        businessValue,
        readiness,
        products: products.length,
        crossDomainInputs: inputs.size,
        consumersReached: reached.size,
        explanation: '',
      } satisfies LighthouseCandidate,
      factors: [businessValue === null ? 0 : (businessValue - 1) * 25, readiness ?? 0, Math.floor(100 / (1 + inputs.size)), 0],
    };
  });
  const maxReach = Math.max(0, ...scored.map((row) => row.candidate.consumersReached));
  for (const row of scored) {
    row.factors[3] = maxReach === 0 ? 0 : Math.floor((row.candidate.consumersReached * 100) / maxReach);
    const [value, ready, independence, reach] = row.factors as [number, number, number, number];
    row.candidate.score = Math.floor((35 * value + 35 * ready + 20 * independence + 10 * reach + 50) / 100);
  }
  scored.sort(
    (a, b) =>
      b.candidate.score - a.candidate.score ||
      (b.candidate.readiness ?? -1) - (a.candidate.readiness ?? -1) ||
      a.candidate.domain.localeCompare(b.candidate.domain),
  );
  const names = ['business value', 'readiness', 'independence', 'reach'];
  return scored.map(({ candidate, factors }, index) => {
    const rank = index + 1;
    let strongest = 0;
    let weakest = 0;
    factors.forEach((factor, at) => {
      if (factor >= (factors[strongest] as number)) strongest = at;
      if (factor < (factors[weakest] as number)) weakest = at;
    });
    const value = candidate.businessValue === null ? 'no business value entered' : `business value ${candidate.businessValue}/5`;
    const ready = candidate.readiness === null ? 'readiness not assessed' : `readiness ${candidate.readiness}/100`;
    const inputs =
      candidate.crossDomainInputs === 0
        ? 'reads no product of another domain, so it can go live on its own'
        : candidate.crossDomainInputs === 1
          ? 'reads 1 product of another domain'
          : `reads ${candidate.crossDomainInputs} products of other domains, so it waits on them`;
    const reach = candidate.consumersReached === 1 ? 'reaches 1 consumer' : `reaches ${candidate.consumersReached} consumers`;
    return {
      ...candidate,
      rank,
      explanation: `${candidate.name} ranks ${ordinal(rank)} of ${scored.length} (score ${candidate.score}): ${value}, ${ready}; it ${inputs} and ${reach}. Strongest on ${names[strongest]}, weakest on ${names[weakest]}.`,
    };
  });
}

/** Each product's wave in the stored plan: its own assignment first, else its domain's. */
export function productWaves(mesh: MeshDocument): Map<string, { number: number; id: string }> {
  const byProduct = new Map<string, { number: number; id: string }>();
  const byDomain = new Map<string, { number: number; id: string }>();
  const keep = (map: Map<string, { number: number; id: string }>, key: string, wave: { number: number; id: string }) => {
    const old = map.get(key);
    if (!old || wave.number < old.number || (wave.number === old.number && wave.id < old.id)) map.set(key, wave);
  };
  for (const wave of mesh.waves) {
    for (const product of wave.products ?? []) keep(byProduct, product, wave);
    for (const domain of wave.domains ?? []) keep(byDomain, domain, wave);
  }
  const result = new Map<string, { number: number; id: string }>();
  for (const product of mesh.products) {
    const wave = byProduct.get(product.id) ?? (product.domain === undefined ? undefined : byDomain.get(product.domain));
    if (wave) result.set(product.id, wave);
  }
  return result;
}

export function storedPlan(mesh: MeshDocument): PlannedWave[] {
  const assigned = productWaves(mesh);
  return [...mesh.waves]
    .sort((a, b) => a.number - b.number || a.id.localeCompare(b.id))
    .map((wave) => {
      const planned: PlannedWave = {
        number: wave.number,
        id: wave.id,
        products: [...assigned].filter(([, at]) => at.id === wave.id).map(([product]) => product).sort(),
      };
      if (wave.name !== undefined) planned.name = wave.name;
      if (wave.start !== undefined) planned.start = wave.start;
      if (wave.live !== undefined) planned.live = wave.live;
      return planned;
    });
}

export function unplannedProducts(mesh: MeshDocument): string[] {
  const assigned = productWaves(mesh);
  return mesh.products
    .filter((product) => !assigned.has(product.id) && !isLive(product) && product.status !== 'retired')
    .map((product) => product.id)
    .sort();
}

/** MW-ROL-001: a product planned to go live before (or in no wave while) a product it reads comes later. */
function waveFindings(mesh: MeshDocument, graph: Graph): Finding[] {
  const assigned = productWaves(mesh);
  const findings: Finding[] = [];
  for (const product of [...mesh.products].sort((a, b) => a.id.localeCompare(b.id))) {
    const own = assigned.get(product.id);
    if (!own) continue;
    for (const provider of [...(graph.upstream.get(product.id) ?? [])].sort()) {
      const theirs = assigned.get(provider);
      if (!theirs) {
        const input = mesh.products.find((candidate) => candidate.id === provider);
        if (!input || isLive(input)) continue;
        findings.push({
          rule: 'MW-ROL-001',
          severity: 'warning',
          message: `${product.id} goes live in wave ${own.number} but reads ${provider}, which is in no wave and not live yet (status ${input.status}).`,
          entities: [
            { kind: 'product', id: product.id },
            { kind: 'product', id: provider },
          ],
          path: `waves/${own.id}`,
          fix: `Plan ${provider} in wave ${own.number} or earlier.`,
        });
        continue;
      }
      if (theirs.number <= own.number) continue;
      findings.push({
        rule: 'MW-ROL-001',
        severity: 'warning',
        message: `${product.id} goes live in wave ${own.number} but reads ${provider}, which goes live in wave ${theirs.number}.`,
        entities: [
          { kind: 'product', id: product.id },
          { kind: 'product', id: provider },
        ],
        path: `waves/${own.id}`,
        fix: `Move ${provider} to wave ${own.number} or earlier, or ${product.id} to wave ${theirs.number} or later.`,
      });
    }
  }
  return findings;
}

/** The MW-ROL-001 findings of a design's stored plan, for the mock's check (the findings panel). */
export function rolloutFindings(mesh: MeshDocument): Finding[] {
  return (mesh.waves ?? []).length === 0 ? [] : waveFindings(mesh, productGraph(mesh));
}

/** Waves for every product that is not retired: lighthouse (and what it reads) first, then domain rank. */
function propose(mesh: MeshDocument, graph: Graph, capacity: number | null, lighthouse: string | null, domainOrder: readonly string[]): PlannedWave[] {
  const products = mesh.products.filter((product) => product.status !== 'retired');
  const ids = new Set(products.map((product) => product.id));
  const domainOf = new Map(products.map((product) => [product.id, product.domain]));
  const first = new Set<string>();
  const stack = products.filter((product) => lighthouse !== null && product.domain === lighthouse).map((product) => product.id);
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (first.has(id)) continue;
    first.add(id);
    for (const up of graph.upstream.get(id) ?? []) if (ids.has(up)) stack.push(up);
  }
  const rank = (id: string) => {
    const at = domainOrder.indexOf(domainOf.get(id) ?? '');
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const compare = (a: string, b: string) =>
    Number(first.has(b)) - Number(first.has(a)) || rank(a) - rank(b) || a.localeCompare(b);
  const inDegree = new Map([...ids].map((id) => [id, [...(graph.upstream.get(id) ?? [])].filter((up) => ids.has(up)).length]));
  let ready = [...ids].filter((id) => inDegree.get(id) === 0);
  const limit = capacity === null ? Number.MAX_SAFE_INTEGER : Math.max(1, capacity);
  const waves: PlannedWave[] = [];
  const placed = new Set<string>();
  while (ready.length > 0) {
    ready.sort(compare);
    const taken = ready.slice(0, limit);
    ready = ready.slice(limit);
    for (const id of taken) {
      placed.add(id);
      for (const reader of graph.downstream.get(id) ?? []) {
        if (!inDegree.has(reader)) continue;
        const left = (inDegree.get(reader) ?? 1) - 1;
        inDegree.set(reader, left);
        if (left === 0) ready.push(reader);
      }
    }
    waves.push({ number: waves.length + 1, id: '', products: taken.sort() });
  }
  // Products in a cycle never become ready: they go live together, last.
  const stuck = [...ids].filter((id) => !placed.has(id)).sort();
  if (stuck.length > 0) waves.push({ number: waves.length + 1, id: '', products: stuck });
  return waves;
}

/** The longest chain of products reading each other, upstream first. */
function criticalPath(mesh: MeshDocument, graph: Graph): RolloutPlan['criticalPath'] {
  const memo = new Map<string, string[]>();
  const visiting = new Set<string>();
  let throughCycles = false;
  const chainTo = (id: string): string[] => {
    const known = memo.get(id);
    if (known) return known;
    if (visiting.has(id)) {
      throughCycles = true;
      return [];
    }
    visiting.add(id);
    let best: string[] = [];
    for (const up of [...(graph.upstream.get(id) ?? [])].sort()) {
      const chain = chainTo(up);
      if (chain.length > best.length) best = chain;
    }
    visiting.delete(id);
    const chain = [...best, id];
    memo.set(id, chain);
    return chain;
  };
  let longest: string[] = [];
  for (const product of [...mesh.products].sort((a, b) => a.id.localeCompare(b.id))) {
    const chain = chainTo(product.id);
    if (chain.length > longest.length) longest = chain;
  }
  return { products: longest, minimumWaves: longest.length, throughCycles };
}

export function rolloutPlan(mesh: MeshDocument, capacityOverride: number | null): RolloutPlan {
  const graph = productGraph(mesh);
  const readiness = scoreDomains(mesh);
  const ranking = rankDomains(mesh, readiness, graph);
  const chosen = mesh.settings.rollout?.lighthouse ?? null;
  const lighthouse = chosen ?? ranking[0]?.domain ?? null;
  const capacity = capacityOverride ?? mesh.settings.rollout?.capacity ?? null;
  return {
    design: mesh.settings.name,
    verdict: verdictOf(mesh, readiness),
    readiness,
    ranking,
    lighthouse,
    lighthouseChosen: chosen !== null,
    capacity,
    waves: storedPlan(mesh),
    unplanned: unplannedProducts(mesh),
    waveFindings: waveFindings(mesh, graph),
    proposal: propose(mesh, graph, capacity, lighthouse, ranking.map((row) => row.domain)),
    criticalPath: criticalPath(mesh, graph),
  };
}

/** Dates `weeks` after a `YYYY-MM-DD` date. */
function addWeeks(date: string, weeks: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + weeks * 7);
  return at.toISOString().slice(0, 10);
}

/** The proposal as wave entities `wave-1`, `wave-2`, … (dated when the design has a start and weeks are given). */
export function proposalAsWaves(mesh: MeshDocument, proposal: readonly PlannedWave[], weeksPerWave: number | null): MeshDocument['waves'] {
  const start = mesh.settings.rollout?.start;
  return proposal.map((wave) => {
    const value: MeshDocument['waves'][number] = { id: `wave-${wave.number}`, number: wave.number, name: `Wave ${wave.number}`, products: [...wave.products] };
    if (start && weeksPerWave !== null) {
      value.start = addWeeks(start, (wave.number - 1) * weeksPerWave);
      value.live = addWeeks(start, wave.number * weeksPerWave);
    }
    return value;
  });
}

export function asOfWave(mesh: MeshDocument, wave: number): WaveFilter {
  const assigned = productWaves(mesh);
  const products = mesh.products.filter((product) => {
    const at = assigned.get(product.id);
    return at ? at.number <= wave : isLive(product);
  });
  const published = new Set(products.flatMap((product) => (product.outputPorts ?? []).flatMap((port) => (port.contractId ? [port.contractId] : []))));
  const allPublished = new Set(mesh.products.flatMap((product) => (product.outputPorts ?? []).flatMap((port) => (port.contractId ? [port.contractId] : []))));
  const consumers = mesh.consumers.filter(
    (consumer) =>
      (consumer.inputs ?? []).length === 0 ||
      (consumer.inputs ?? []).some((binding) => ('contractId' in binding ? published.has(binding.contractId) : true)),
  );
  return {
    wave,
    products: products.map((product) => product.id).sort(),
    contracts: mesh.contracts.filter((contract) => published.has(contract.id) || !allPublished.has(contract.id)).map((contract) => contract.id).sort(),
    consumers: consumers.map((consumer) => consumer.id).sort(),
  };
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderPlan(plan: RolloutPlan, mesh: MeshDocument, format: PlanFormat): string {
  if (format === 'json') return `${JSON.stringify(plan, null, 2)}\n`;
  const domainOf = new Map(mesh.products.map((product) => [product.id, product.domain ?? '']));
  if (format === 'csv') {
    const rows = ['wave,start,live,product,domain'];
    for (const wave of plan.waves) {
      for (const product of wave.products) {
        rows.push([String(wave.number), wave.start ?? '', wave.live ?? '', product, domainOf.get(product) ?? ''].map(csvCell).join(','));
      }
    }
    return `${rows.join('\n')}\n`;
  }
  const lines = [`# Rollout plan: ${plan.design}`, '', `**Verdict: ${plan.verdict.headline}**`, ''];
  for (const reason of plan.verdict.reasons) lines.push(`- ${reason}`);
  lines.push('', '## Readiness', '', '| Domain | Readiness | Need | Business value | Answered | Ready |', '|---|---:|---:|---:|---:|---|');
  for (const row of plan.readiness) {
    lines.push(`| ${row.name} | ${row.readiness ?? '–'} | ${row.need ?? '–'} | ${row.businessValue ?? '–'} | ${row.answered}/12 | ${row.ready ? 'yes' : 'no'} |`);
  }
  lines.push('', '## Lighthouse candidates', '');
  for (const row of plan.ranking) lines.push(`${row.rank}. ${row.explanation}`);
  lines.push('', '## Waves (planned)', '', '| Wave | Start | Live | Product | Domain |', '|---|---|---|---|---|');
  for (const wave of plan.waves) {
    for (const product of wave.products) lines.push(`| ${wave.number} | ${wave.start ?? ''} | ${wave.live ?? ''} | ${product} | ${domainOf.get(product) ?? ''} |`);
  }
  return format === 'markdown' ? `${lines.join('\n')}\n` : `${lines.join('\n').replace(/[*#|]/g, '')}\n`;
}
