// The mesh model as the UI sees it: mirrors `meshwright export MESH --format json` exactly (camelCase keys,
// optional fields left out when empty). Hand-written for now; the lead replaces this file with types generated
// from the Rust model, keeping these names.

/** Fields the standards allow that the model keeps verbatim. */
export type Extra = { [key: string]: unknown };

/** The whole design, as exported to JSON. */
export type MeshDocument = {
  meshwright: number;
  settings: MeshSettings;
  domains: Domain[];
  teams: Team[];
  products: DataProduct[];
  contracts: Contract[];
  sourceSystems: SourceSystem[];
  consumers: Consumer[];
  /** Canvas positions by node id (product, source system, consumer or domain), absolute canvas coordinates. */
  layout: { [id: string]: Position };
};

export type Position = { x: number; y: number };

export type MeshSettings = Extra & {
  name: string;
  description?: string;
};

export type Domain = Extra & {
  id: string;
  name: string;
  description?: string;
  ownerTeam?: string;
  /** A CSS colour for the domain's region on the canvas. */
  color?: string;
};

export type Team = Extra & {
  id: string;
  name: string;
  description?: string;
  members?: TeamMember[];
};

export type TeamMember = Extra & {
  username: string;
  name?: string;
  role?: string;
};

export type Archetype = 'sourceAligned' | 'aggregate' | 'consumerAligned';

/** Known lifecycle states; the standards treat the list as open, so any other text is kept as written. */
export type Status = 'proposed' | 'draft' | 'active' | 'deprecated' | 'retired' | (string & {});

export type ProductDescription = Extra & {
  purpose?: string;
  limitations?: string;
  usage?: string;
};

export type CustomProperty = Extra & { property: string; value: unknown };

export type DataProduct = Extra & {
  id: string;
  name: string;
  domain?: string;
  archetype?: Archetype;
  status: Status;
  version?: string;
  description?: ProductDescription;
  tags?: string[];
  ownerTeam?: string;
  inputPorts?: InputPort[];
  outputPorts?: OutputPort[];
  customProperties?: CustomProperty[];
};

export type InputPort = Extra & {
  name: string;
  source: Binding;
  tags?: string[];
  customProperties?: CustomProperty[];
};

/** What an input port (or a consumer) reads: another product's contract, or a source system. */
export type Binding = { contractId: string; version: string } | { sourceSystem: string; version: string };

export type OutputPort = Extra & {
  name: string;
  version: string;
  type?: string;
  description?: string;
  contractId?: string;
  tags?: string[];
  customProperties?: CustomProperty[];
};

export type ContractDescription = Extra & {
  purpose?: string;
  limitations?: string;
  usage?: string;
};

export type QualityRule = Extra & {
  type?: string;
  name?: string;
  description?: string;
  dimension?: string;
  metric?: string;
  query?: string;
  severity?: string;
  mustBe?: unknown;
  mustBeGreaterThan?: unknown;
  mustBeLessThan?: unknown;
  unit?: string;
  arguments?: unknown;
};

export type SchemaProperty = Extra & {
  name: string;
  logicalType?: string;
  physicalType?: string;
  physicalName?: string;
  businessName?: string;
  description?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  classification?: string;
  examples?: unknown[];
  tags?: string[];
  properties?: SchemaProperty[];
  quality?: QualityRule[];
  logicalTypeOptions?: Extra;
  customProperties?: CustomProperty[];
};

export type SchemaObject = Extra & {
  name: string;
  logicalType?: string;
  physicalType?: string;
  physicalName?: string;
  businessName?: string;
  description?: string;
  dataGranularityDescription?: string;
  tags?: string[];
  properties?: SchemaProperty[];
  quality?: QualityRule[];
  customProperties?: CustomProperty[];
};

export type SlaProperty = Extra & {
  property: string;
  value: unknown;
  unit?: string;
  element?: string;
  description?: string;
};

export type Server = Extra & {
  server: string;
  type: string;
  description?: string;
  environment?: string;
};

export type SupportChannel = Extra & {
  channel: string;
  url?: string;
  tool?: string;
  scope?: string;
  description?: string;
};

/** An ODCS data contract. Fields the model does not type (terms, pricing, roles…) pass through unchanged. */
export type Contract = Extra & {
  id: string;
  name?: string;
  version: string;
  status: Status;
  domain?: string;
  description?: ContractDescription;
  tags?: string[];
  schema?: SchemaObject[];
  quality?: QualityRule[];
  slaProperties?: SlaProperty[];
  servers?: Server[];
  support?: SupportChannel[];
  team?: Extra & { id?: string; name?: string };
  customProperties?: CustomProperty[];
};

export type SourceSystem = Extra & {
  id: string;
  name: string;
  domain?: string;
  kind?: string;
  technology?: string;
  description?: string;
};

export type Consumer = Extra & {
  id: string;
  name: string;
  kind?: string;
  domain?: string;
  ownerTeam?: string;
  description?: string;
  useCase?: string;
  inputs?: Binding[];
};
