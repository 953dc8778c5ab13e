/** The inventory: every account, DB endpoint, call site and credential source (R7). */
import type { AccountStatus } from '../config/declaration.js';

export interface InventoryAccount {
  name: string;
  secretRef: string;
  dailyQuota: number;
  holder?: string;
  paths?: string[];
  purpose?: string;
  contractorAccess?: boolean;
  status?: AccountStatus;
}

export interface InventoryEndpoint {
  file: string;
  line: number;
  key?: string;
  url: string;
  source: string;
}

export interface InventoryCallSite {
  file: string;
  line: number;
  client: string;
  function: string;
  /** URL (redacted) and/or operation / SOAP namespace. */
  target: string;
  /** Env vars / config keys the target is read from. */
  keys: string[];
}

export interface InventoryCredential {
  file: string;
  line: number;
  source: string;
  kind: string;
  key?: string;
  /** Redacted: at most 2 + 2 characters. */
  value: string;
  /** A reference or placeholder (`${C06_SECRET}`), not a secret in the repository. */
  placeholder: boolean;
}

export interface Inventory {
  version: 1;
  system?: string;
  owner?: string;
  declaration?: string;
  /** The declaration's provincial-level unit, current name ("tỉnh Hưng Yên"), and the place for a signature line. */
  province?: string;
  place?: string;
  accounts: InventoryAccount[];
  endpoints: InventoryEndpoint[];
  callSites: InventoryCallSite[];
  credentials: InventoryCredential[];
}
