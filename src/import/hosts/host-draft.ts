/** What one export says about one host; the assembler merges the exports of a host. */
export interface HostDraft {
  address?: string;
  os?: "windows" | "linux";
  dnsServers?: string[];
  hostsFile?: string;
  /** `major.minor`, as docs/premises.md stores it. */
  agentVersion?: string;
  agentConfig?: Record<string, unknown>;
  environment?: Record<string, string>;
  machineId?: string;
  /** The machine's name and region when an agent export names them. */
  machineName?: string;
  location?: string;
  /** What `azcmagent check` observed, for the report. */
  observed?: { endpoint: string; reachable?: boolean; private?: boolean }[];
  file: string;
}
