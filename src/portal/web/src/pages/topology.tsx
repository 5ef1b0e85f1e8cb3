import { useEffect, useState } from "preact/hooks";
import { arclink, shortIds } from "../api";
import { useLoad } from "../live";
import { go, scopeHref } from "../router";
import { Loading, Notice } from "../ui/status";
import { Diagram, type Topology, type TopologyNode } from "./topology-diagram";
import { HostPanel } from "./topology-host";

interface Finding {
  code: string;
  severity: "error" | "warning" | "info";
  title: string;
  message: string;
  hostId?: string;
  resourceId?: string;
  endpoint?: string;
  fix: string;
}

const KIND_TEXT: Record<string, string> = {
  site: "On-premises site",
  host: "Host",
  "dns-server": "DNS server",
  proxy: "Proxy",
  vnet: "Virtual network",
  subnet: "Subnet",
  "private-endpoint": "Private endpoint",
  resolver: "DNS private resolver",
  zone: "Private DNS zone",
  scope: "Private link scope",
  machine: "Azure Arc machine",
};

/** The topology coloured by the verifier, a host's traces and fixes, and the findings list. */
export function TopologyPage(props: { select?: string }) {
  const topo = useLoad(() => arclink<Topology & { version: number }>("GET", "topology"));
  const report = useLoad(() =>
    arclink<{ findings: Finding[]; summary: { findings: Record<string, number>; proofHolds: boolean } }>(
      "GET",
      "verify",
    ),
  );
  const [selected, setSelected] = useState<string | undefined>(props.select);
  useEffect(() => setSelected(props.select), [props.select]);
  const node = topo.data?.nodes.find((n) => n.id.toLowerCase() === selected?.toLowerCase());
  const select = (id: string) => go("/topology", { select: id });
  return (
    <section aria-labelledby="page-title" class="topology-page">
      <h1 id="page-title" tabIndex={-1}>
        Topology
      </h1>
      {topo.error ? <Notice tone="error">{topo.error.message}</Notice> : null}
      {report.data ? (
        <p class="summary-line" aria-live="polite">
          Verifier: {report.data.summary.findings.error ?? 0} errors, {report.data.summary.findings.warning ?? 0}{" "}
          warnings; no-exfiltration proof {report.data.summary.proofHolds ? "holds" : "fails"}.
        </p>
      ) : null}
      <div class="topology-layout">
        <div class="diagram-box">
          {topo.data ? (
            <Diagram topology={topo.data} selected={node?.id} onSelect={select} />
          ) : (
            <Loading what="the topology" />
          )}
        </div>
        <aside class="side" aria-label="Selection">
          {node ? (
            <NodePanel node={node} />
          ) : (
            <p>Select a host, machine or resource in the diagram (Tab to move, Enter to select).</p>
          )}
        </aside>
      </div>
      <h2 id="findings-title">Findings</h2>
      {!report.data ? (
        <Loading what="findings" />
      ) : report.data.findings.length === 0 ? (
        <p>No findings: every host reaches every endpoint as the docs require.</p>
      ) : (
        <ul class="findings" aria-labelledby="findings-title">
          {report.data.findings.map((f, i) => {
            const target = f.hostId ?? f.resourceId;
            const onDiagram = target && topo.data?.nodes.some((n) => n.id.toLowerCase() === target.toLowerCase());
            return (
              <li key={i} class={`finding ${f.severity}`}>
                <span class={`badge ${f.severity}`}>{f.severity}</span> <code>{f.code}</code>{" "}
                <span title={f.message}>{shortIds(f.message)}</span>{" "}
                {target && onDiagram ? (
                  <button type="button" class="link" onClick={() => select(target)}>
                    Show {target.split("/").at(-1)}
                  </button>
                ) : null}
                {target && /privatelinkscopes\/[^/]+$/i.test(target) ? (
                  <a href={scopeHref(target)}> Open scope</a>
                ) : null}
                <p class="fix">Fix: {f.fix}</p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function NodePanel(props: { node: TopologyNode }) {
  const { node } = props;
  return (
    <div>
      <h2>
        {node.label} <span class="kind">{KIND_TEXT[node.kind] ?? node.kind}</span>
      </h2>
      {node.detail ? <p>{node.detail}</p> : null}
      <p class="id">
        <code>{node.id}</code>
      </p>
      {node.kind === "scope" ? <a href={scopeHref(node.id)}>Open the scope</a> : null}
      {node.kind === "host" ? <HostPanel hostId={node.id} /> : null}
    </div>
  );
}
