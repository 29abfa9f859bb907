// Generated from the Rust types by `meshwright bindings` (src-tauri/src/session/bindings.rs). Do not edit:
// a test fails when this file and the Rust types drift apart.

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type Id = string;

export type Status = 'proposed' | 'draft' | 'active' | 'deprecated' | 'retired' | (string & {});

export type EntityKind = "settings" | "domain" | "team" | "product" | "contract" | "sourceSystem" | "consumer" | "position";

export type Position = { x: number, y: number, };

export type MeshSettings = { name: string, description?: string, };

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
layout: Record<string, Position>, };

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

export type ErrorCode = "not_found" | "already_exists" | "not_a_mesh" | "corrupt" | "too_new" | "in_use" | "invalid_document" | "invalid_id" | "invalid_argument" | "uncommitted_changes" | "io" | "internal";

export type IpcError = { code: ErrorCode, message: string, };
