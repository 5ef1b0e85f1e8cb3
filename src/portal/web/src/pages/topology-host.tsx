import { arclink, shortIds } from "../api";
import { useLoad } from "../live";
import { Badge, Loading, type Tone } from "../ui/status";

interface HostDetail {
  rows: { endpoint: string; verdict: string; route: string; address?: string; reason: string; trace: string[] }[];
  findings: {
    code: string;
    severity: "error" | "warning" | "info";
    message: string;
    fix: string;
    rule: string;
    source: string;
  }[];
}

const GOOD = new Set(["PRIVATE", "PUBLIC"]);

export function verdictTone(v: string): Tone {
  return GOOD.has(v) ? "ok" : v === "PENDING_ASSOCIATION" ? "warning" : "error";
}

/** A host's per-endpoint verdicts with their traces (DNS hops, route, decision) and its findings with fixes. */
export function HostPanel(props: { hostId: string }) {
  const detail = useLoad(
    () => arclink<HostDetail>("GET", `verify/host?id=${encodeURIComponent(props.hostId)}`),
    [props.hostId],
  );
  if (!detail.data) return <Loading what="traces" />;
  const { rows, findings } = detail.data;
  return (
    <div class="host-panel">
      <h3>Endpoints</h3>
      {rows.length === 0 ? <p>The verifier does not check this host (no agent).</p> : null}
      <ul class="rows">
        {rows.map((r) => (
          <li key={r.endpoint}>
            <details>
              <summary>
                <Badge tone={verdictTone(r.verdict)}>{r.verdict}</Badge> <code>{r.endpoint}</code>
                {r.address ? ` → ${r.address}` : ""}
              </summary>
              <p>{r.reason}</p>
              <pre class="trace">{r.trace.join("\n")}</pre>
            </details>
          </li>
        ))}
      </ul>
      <h3>Findings and fixes</h3>
      {findings.length === 0 ? <p>None.</p> : null}
      <ul class="findings">
        {findings.map((f, i) => (
          <li key={i} class={`finding ${f.severity}`}>
            <span class={`badge ${f.severity}`}>{f.severity}</span> <code>{f.code}</code>{" "}
            <span title={f.message}>{shortIds(f.message)}</span>
            <p class="fix">
              Fix: {f.fix} <span class="source">({f.source})</span>
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
