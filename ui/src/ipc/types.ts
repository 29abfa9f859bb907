// Transport types shared with the Rust side.
// Written by hand for now; they will be generated from Rust and checked for drift.

/** What `mesh_show` returns: the headline numbers of one mesh design. */
export type MeshSummary = {
  name: string;
  path: string | null;
  domains: number;
  teams: number;
  products: number;
  contracts: number;
  sourceSystems: number;
  consumers: number;
  dependencies: number;
  domainNames: string[];
};

/** The one error shape that crosses IPC. The UI branches on `code`, never on `message`. */
export type IpcError = {
  code: string;
  message: string;
};
