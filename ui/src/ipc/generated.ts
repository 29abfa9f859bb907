// Generated from the Rust types by `meshwright bindings` (src-tauri/src/session/bindings.rs). Do not edit:
// a test fails when this file and the Rust types drift apart.

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type Id = string;

export type Status = 'proposed' | 'draft' | 'active' | 'deprecated' | 'retired' | (string & {});

export type EntityKind = "settings" | "domain" | "team" | "product" | "contract" | "sourceSystem" | "consumer" | "position" | "assessment" | "wave" | "canvas" | "note";

export type Position = { x: number, y: number, };

export type MeshSettings = { name: string, description?: string, 
/**
 * The rollout plan's settings (capacity per wave, lighthouse, start date).
 */
rollout?: RolloutSettings, };

export type Domain = { id: Id, name: string, description?: string, ownerTeam?: Id, 
/**
 * The colour of the domain's region on the canvas, as `#rrggbb`.
 */
color?: string, };

export type Team = { id: Id, name: string, description?: string, members?: Array<TeamMember>, };

export type TeamMember = { username: string, name?: string, role?: string, };

export type SourceSystem = { id: Id, name: string, domain?: Id, 
/**
 * database, application, saas, event-stream, file-drop…
 */
kind?: string, technology?: string, description?: string, };

export type Consumer = { id: Id, name: string, 
/**
 * report, dashboard, ml-model, application…
 */
kind?: string, domain?: Id, ownerTeam?: Id, description?: string, useCase?: string, inputs?: Array<Binding>, };

export type Archetype = "sourceAligned" | "aggregate" | "consumerAligned";

export type ProductDescription = { purpose?: string, limitations?: string, usage?: string, };

export type DataProduct = { id: Id, name: string, domain?: Id, archetype?: Archetype, status: Status, version?: string, description: ProductDescription, tags?: Array<string>, ownerTeam?: Id, inputPorts?: Array<InputPort>, outputPorts?: Array<OutputPort>, 
/**
 * Custom properties other than the ones the model reads (archetype, owner team).
 */
customProperties?: Array<CustomProperty>, };

export type InputPort = { name: string, source: Binding, tags?: Array<string>, customProperties?: Array<CustomProperty>, };

export type Binding = { contractId: Id, version: string, } | { sourceSystem: Id, version: string, };

export type OutputPort = { name: string, version: string, 
/**
 * table, topic, api, file…
 */
type?: string, description?: string, 
/**
 * The contract that specifies this port; `None` while it is being drafted.
 */
contractId?: Id, tags?: Array<string>, customProperties?: Array<CustomProperty>, };

export type Contract = { id: Id, name?: string, version: string, status: Status, domain?: string, 
/**
 * Purpose, limitations and usage: ODCS v3's place for the contract's terms.
 */
description?: ContractDescription, tags?: Array<string>, schema?: Array<SchemaObject>, slaProperties?: Array<SlaProperty>, servers?: Array<Server>, support?: Array<SupportChannel>, customProperties?: Array<CustomProperty>, };

export type ContractDescription = { purpose?: string, limitations?: string, usage?: string, };

export type SchemaObject = { name: string, logicalType?: string, physicalType?: string, physicalName?: string, businessName?: string, description?: string, tags?: Array<string>, properties?: Array<SchemaProperty>, quality?: Array<QualityRule>, customProperties?: Array<CustomProperty>, };

export type SchemaProperty = { name: string, 
/**
 * ODCS logical type: string, date, timestamp, time, number, integer, object, array, boolean (+ map, vector).
 */
logicalType?: string, physicalType?: string, physicalName?: string, businessName?: string, description?: string, required?: boolean, unique?: boolean, primaryKey?: boolean, primaryKeyPosition?: number, 
/**
 * Sensitivity: public, internal, restricted, confidential, sensitive, pii.
 */
classification?: string, examples?: Array<JsonValue>, tags?: Array<string>, properties?: Array<SchemaProperty>, quality?: Array<QualityRule>, customProperties?: Array<CustomProperty>, };

export type QualityRule = { type?: string, name?: string, description?: string, dimension?: string, metric?: string, query?: string, severity?: string, };

export type SlaProperty = { property: string, value: JsonValue, unit?: string, element?: string, description?: string, };

export type Server = { server: string, type: string, description?: string, environment?: string, };

export type SupportChannel = { channel: string, url?: string, tool?: string, scope?: string, description?: string, };

export type CustomProperty = { property: string, value: JsonValue, };

export type Severity = "info" | "warning" | "error";

export type EntityRef = { kind: EntityKind, id: string, };

export type Finding = { 
/**
 * Stable rule id, e.g. `MW-OWN-001`.
 */
rule: string, severity: Severity, 
/**
 * What is wrong, naming the entity.
 */
message: string, entities: Array<EntityRef>, 
/**
 * Where inside the design, e.g. `contracts/orders.order-events/schema[0].properties[3]`.
 */
path: string, 
/**
 * How to fix it.
 */
fix: string, };

export type MeshDocument = { meshwright: number, settings: MeshSettings, domains: Array<Domain>, teams: Array<Team>, products: Array<DataProduct>, contracts: Array<Contract>, sourceSystems: Array<SourceSystem>, consumers: Array<Consumer>, 
/**
 * Canvas positions by node id.
 */
layout: Record<string, Position>, 
/**
 * Readiness answers and business value, one per assessed domain.
 */
assessments: Array<DomainAssessment>, 
/**
 * Rollout waves, in wave order.
 */
waves: Array<Wave>, 
/**
 * Data Product Canvas free text, one per product that has a canvas.
 */
canvases: Array<ProductCanvas>, 
/**
 * Sticky notes.
 */
notes: Array<StickyNote>, };

export type EntityValue = { kind: EntityKind, id: string, value: unknown, };

export type NodePosition = { id: string, x: number, y: number, };

export type Change = { "op": "put", kind: EntityKind, id: string, value: unknown, } | { "op": "remove", kind: EntityKind, id: string, };

export type CheckReport = { findings: Array<Finding>, errors: number, warnings: number, infos: number, };

export type DesignView = { path: string, 
/**
 * The document's edit counter in this session: +1 after every edit, undo and redo.
 */
revision: number, 
/**
 * The file name shown in the window title, e.g. `retail.mesh`.
 */
title: string, mesh: MeshDocument, canUndo: boolean, canRedo: boolean, 
/**
 * The label of the edit undo would revert, e.g. `Edit product orders.order-history`.
 */
undoLabel: string | null, redoLabel: string | null, findings: CheckReport, };

export type DesignChanged = { revision: number, changes: Array<Change>, canUndo: boolean, canRedo: boolean, undoLabel: string | null, redoLabel: string | null, 
/**
 * Findings after the incremental re-check.
 */
findings: CheckReport, };

export type RecentFile = { path: string, name: string, 
/**
 * When it was last opened, `YYYY-MM-DDThh:mm:ssZ`.
 */
openedAt: string, };

export type YamlProblem = { line: number | null, column: number | null, path: string | null, message: string, };

export type YamlResult = { ok: true, changed: DesignChanged, } | { ok: false, problems: Array<YamlProblem>, };

export type ExportFormat = "mesh" | "json" | "mermaid" | "dot" | "odcs" | "odps" | "dcs" | "html" | "svg" | "png" | "jsonschema" | "sql" | "markdown";

export type ExportReport = { path: string, files: number, bytes: number, };

export type ExportProgress = { done: number, total: number, phase: string, };

export type MenuAction = { action: string, };

export type SaveFileOptions = { 
/**
 * What the dialog says it saves, e.g. `Meshwright design`.
 */
title?: string, 
/**
 * The file name proposed.
 */
defaultName?: string, 
/**
 * File name extensions without the dot, e.g. `["mesh"]`.
 */
extensions?: Array<string>, };

export type PublishRequest = { 
/**
 * A folder inside a git working tree, chosen in the folder dialog.
 */
repo: string, 
/**
 * The branch to commit on (default: the current one).
 */
branch?: string, 
/**
 * The commit message (default: "Publish DESIGN from Meshwright").
 */
message?: string, 
/**
 * The sub-folder of the working tree to write (default: `mesh`).
 */
path?: string, 
/**
 * Also write the contract artefacts (JSON Schema, SQL, Markdown); default true.
 */
artefacts?: boolean, };

export type PublishReport = { 
/**
 * The top of the working tree.
 */
repo: string, branch: string | null, 
/**
 * The sub-folder written, relative to the top.
 */
path: string, 
/**
 * Paths relative to the top of the working tree.
 */
added: Array<string>, modified: Array<string>, removed: Array<string>, 
/**
 * The commit made; `None` when nothing changed.
 */
commit: string | null, };

export type ReadinessAnswer = { 
/**
 * 1–5; values outside are clamped when scored.
 */
score: number, note?: string, };

export type DomainAssessment = { domain: Id, 
/**
 * 1 (little) to 5 (a lot): the business value the user sees in the domain going first.
 */
businessValue?: number, 
/**
 * Answers by question id (`ownership-clarity`, `data-skills`, …; see `plan::readiness::QUESTIONS`).
 */
answers?: { [key in string]: ReadinessAnswer }, note?: string, };

export type Wave = { id: Id, 
/**
 * 1 for the first wave.
 */
number: number, name?: string, 
/**
 * When work on the wave starts.
 */
start?: string, 
/**
 * When the wave's products go live.
 */
live?: string, 
/**
 * Products assigned one by one; these win over their domain's wave.
 */
products?: Array<Id>, 
/**
 * Whole domains: every product of the domain not assigned by itself.
 */
domains?: Array<Id>, description?: string, };

export type RolloutSettings = { 
/**
 * At most this many products per proposed wave; none means no limit.
 */
capacity?: number, 
/**
 * The domain chosen to go first; none means the best-ranked candidate.
 */
lighthouse?: Id, 
/**
 * When products count as proposed, for the planned lead time (`YYYY-MM-DD`).
 */
start?: string, };

export type CanvasBlock = "domain" | "name" | "consumerAndUseCase" | "outputPorts" | "metadata" | "inputPorts" | "dataProductDesign" | "observability" | "ubiquitousLanguage" | "classification";

export type ProductCanvas = { product: Id, blocks?: { [key in CanvasBlock]?: string }, };

export type StickyNote = { id: Id, text: string, 
/**
 * `#rrggbb`; the studio picks a yellow when none is set.
 */
color?: string, x: number, y: number, width?: number, height?: number, 
/**
 * The product whose canvas the note sits on; none for the design canvas.
 */
product?: Id, };

export type Question = { 
/**
 * Stable id, the key of the answer in the design.
 */
id: string, dimension: Dimension, title: string, 
/**
 * What a 1 and a 5 mean.
 */
scale: string, };

export type Dimension = "readiness" | "need";

export type DomainReadiness = { domain: string, name: string, 
/**
 * How many of the twelve questions have an answer.
 */
answered: number, 
/**
 * 0–100 over the readiness questions answered; none when none is.
 */
readiness: number | null, 
/**
 * 0–100 over the need questions answered.
 */
need: number | null, businessValue: number | null, 
/**
 * Whether readiness reaches the threshold.
 */
ready: boolean, 
/**
 * Titles of the readiness questions answered 1 or 2: what to work on.
 */
weakest: Array<string>, };

export type Verdict = "meshPaysOff" | "startWithLighthouse" | "stayCentralized" | "notAssessed";

export type MeshVerdict = { verdict: Verdict, headline: string, reasons: Array<string>, domains: number, assessed: number, ready: number, 
/**
 * Mean need over assessed domains, 0–100.
 */
need: number | null, 
/**
 * Mean central-bottleneck answer, 1–5.
 */
centralBottleneck: number | null, };

export type LighthouseCandidate = { 
/**
 * 1 for the best candidate.
 */
rank: number, domain: string, name: string, 
/**
 * 0–100, the weighted factors below.
 */
score: number, businessValue: number | null, readiness: number | null, products: number, 
/**
 * Distinct products of other domains its products read.
 */
crossDomainInputs: number, 
/**
 * Distinct consumers its products reach, directly or through other products.
 */
consumersReached: number, 
/**
 * The rank in words.
 */
explanation: string, };

export type PlannedWave = { number: number, 
/**
 * The stored wave's id; none in a proposal.
 */
id: string, name?: string, start?: string, live?: string, 
/**
 * Every product going live in the wave, by id.
 */
products: Array<string>, };

export type PlanCriticalPath = { 
/**
 * The chain, upstream first; a cycle's members sit together.
 */
products: Array<string>, 
/**
 * How many waves any valid plan needs at least.
 */
minimumWaves: number, throughCycles: boolean, };

export type RolloutPlan = { design: string, verdict: MeshVerdict, 
/**
 * Every domain, by id.
 */
readiness: Array<DomainReadiness>, 
/**
 * Every domain, best candidate first.
 */
ranking: Array<LighthouseCandidate>, 
/**
 * The lighthouse: the design's choice, else the best-ranked domain.
 */
lighthouse: string | null, 
/**
 * Whether the lighthouse is the user's choice rather than the ranking's.
 */
lighthouseChosen: boolean, capacity: number | null, 
/**
 * The stored plan, in wave order.
 */
waves: Array<PlannedWave>, 
/**
 * Products in no wave and not live yet.
 */
unplanned: Array<string>, 
/**
 * Products that go live before something they read (MW-ROL-001), from the stored plan.
 */
waveFindings: Array<Finding>, 
/**
 * The automatic proposal.
 */
proposal: Array<PlannedWave>, criticalPath: PlanCriticalPath, };

export type PlanFormat = "text" | "json" | "markdown" | "csv";

export type WaveFilter = { wave: number, products: Array<Id>, contracts: Array<Id>, consumers: Array<Id>, };

export type Metrics = { design: string, products: number, byStatus: { [key in string]: number }, domains: Array<DomainMetrics>, productive: Ratio, coverage: Coverage, governance: Compliance, 
/**
 * Readers (consumers and products) per product.
 */
consumersPerProduct: Distribution, readers: Array<ProductReaders>, leadTime: LeadTime, };

export type Ratio = { covered: number, total: number, percent: number, };

export type DomainMetrics = { 
/**
 * None for products without a domain.
 */
domain: Id | null, name: string | null, products: number, 
/**
 * Products by status (`proposed`, `draft`, `active`, …).
 */
byStatus: { [key in string]: number }, productive: number, };

export type Coverage = { 
/**
 * Output ports whose contract the design holds.
 */
contracts: Ratio, 
/**
 * Contracts with at least one SLA property.
 */
sla: Ratio, 
/**
 * Schema properties (nested ones included) with a classification.
 */
classification: Ratio, };

export type Compliance = { 
/**
 * Products without an error finding (their own, their contracts', their cycles').
 */
compliance: Ratio, errors: number, warnings: number, infos: number, };

export type Distribution = { count: number, mean: number, median: number, max: number, 
/**
 * How many have 0.
 */
zero: number, };

export type ProductReaders = { product: Id, consumers: number, products: number, };

export type LeadTime = { 
/**
 * Over the products whose dates are known.
 */
days: Distribution, 
/**
 * Mean days per domain.
 */
byDomain: { [key in string]: number }, };

export type CanvasView = { product: Id, name: string, design: string, blocks: Array<CanvasBlockView>, };

export type CanvasBlockView = { block: CanvasBlock, title: string, 
/**
 * What the model says, one line each.
 */
facts: Array<string>, 
/**
 * The free text stored for the block.
 */
text: string | null, };

export type Paper = "a4" | "a0";

export type SnapshotSummary = { name: string, 
/**
 * When it was taken, `YYYY-MM-DDThh:mm:ss.sssZ` (UTC).
 */
createdAt: string, entities: number, };

export type DesignDiff = { 
/**
 * What the sides are called (a path, `FILE@snapshot`, `current design`).
 */
from: string, to: string, summary: DiffSummary, 
/**
 * Every added, removed or changed entity, by kind then id; canvas positions are only counted.
 */
entities: Array<EntityChange>, };

export type DiffSummary = { added: number, removed: number, changed: number, 
/**
 * Breaking contract changes, over every changed contract.
 */
breaking: number, 
/**
 * Canvas positions that moved, appeared or went (not listed one by one).
 */
moved: number, };

export type EntityChange = { kind: EntityKind, id: string, change: EntityChangeKind, 
/**
 * For a changed entity: every field that differs.
 */
fields: Array<FieldChange>, 
/**
 * For a changed contract: the graded changes.
 */
contractChanges: Array<GradedChange>, 
/**
 * For a changed contract: the version bump the changes need (`none`, `patch`, `minor`, `major`).
 */
bumpNeeded: string | null, 
/**
 * For a changed contract: whether its version number says enough.
 */
versionSufficient: boolean | null, };

export type EntityChangeKind = "added" | "removed" | "changed";

export type FieldChange = { path: string, old: unknown, new: unknown, };

export type GradedChange = { 
/**
 * `breaking`, `warning` or `info`.
 */
severity: string, location: string, message: string, };

export type ErrorCode = "not_found" | "already_exists" | "not_a_mesh" | "corrupt" | "too_new" | "in_use" | "invalid_document" | "invalid_id" | "invalid_argument" | "uncommitted_changes" | "io" | "internal";

export type IpcError = { code: ErrorCode, message: string, };
