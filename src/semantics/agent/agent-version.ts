/** Compares dotted agent versions numerically ("1.4" < "1.15" < "1.45.02737.1234"); missing parts are 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split(".").map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** Features gated on the agent version, with the first version that has them. */
export const VERSION_GATES = {
  /** Private endpoints [DOC-PL §3.9]. */
  "private-link": "1.4",
  /** Agent-specific `proxy.url` [DOC-PROXY §10]. */
  "proxy-url": "1.13",
  /** `proxy.bypass` [DOC-PL §3.9, DOC-PROXY]. */
  "proxy-bypass": "1.15",
  /** The `ArcData` bypass value; before it, `Arc` covered Arc data services [DOC-PROXY]. */
  "arcdata-bypass": "1.36",
  /**
   * The notification service; when it is unreachable the extension manager falls back to
   * checking every 5 minutes [DOC-RN 1.13].
   */
  "notification-fallback": "1.13",
} as const;

export type GatedFeature = keyof typeof VERSION_GATES;

export function supports(version: string, feature: GatedFeature): boolean {
  return compareVersions(version, VERSION_GATES[feature]) >= 0;
}
