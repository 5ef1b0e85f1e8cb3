import { API, arm, armList, idParts, type Resource } from "../api";
import type { ConnectionProps, ScopeProps } from "../data";
import { useLoad } from "../live";
import { go, href } from "../router";
import { Badge, Loading, Notice } from "../ui/status";
import { Tabs } from "../ui/tabs";
import { ArcResources } from "./scope-arc-resources";
import { Connections } from "./scope-connections";
import { DnsConfiguration } from "./scope-dns";

const TABS = [
  { id: "overview", label: "Overview" },
  { id: "resources", label: "Azure Arc resources" },
  { id: "connections", label: "Private endpoint connections" },
  { id: "dns", label: "DNS configuration" },
];

/** One private link scope: overview, its Arc resources, its endpoint connections, each endpoint's DNS configuration. */
export function ScopePage(props: { id: string; tab: string }) {
  const scope = useLoad(() => arm<Resource<ScopeProps>>("GET", props.id, API.hybridCompute), [props.id]);
  const connections = useLoad(
    () => armList<Resource<ConnectionProps>>(`${props.id}/privateEndpointConnections`, API.hybridCompute),
    [props.id],
  );
  const s = scope.data;
  return (
    <section aria-labelledby="page-title">
      <p class="crumbs">
        <a href={href("/scopes")}>Private link scopes</a> ›
      </p>
      <h1 id="page-title" tabIndex={-1}>
        {idParts(props.id).name} <span class="kind">Azure Arc Private Link Scope</span>
      </h1>
      {scope.error ? <Notice tone="error">{scope.error.message}</Notice> : null}
      {!s ? (
        <Loading what="the scope" />
      ) : (
        <Tabs label="Scope" tabs={TABS} selected={props.tab} onSelect={(tab) => go(`/scope${props.id}`, { tab })}>
          {props.tab === "overview" ? (
            <dl class="summary">
              <dt>Resource group</dt>
              <dd>{idParts(s.id).resourceGroup}</dd>
              <dt>Location</dt>
              <dd>{s.location}</dd>
              <dt>Subscription ID</dt>
              <dd>{idParts(s.id).subscription}</dd>
              <dt>Public network access</dt>
              <dd>
                <Badge tone={s.properties.publicNetworkAccess === "Enabled" ? "warning" : "ok"}>
                  {s.properties.publicNetworkAccess}
                </Badge>
              </dd>
              <dt>Provisioning state</dt>
              <dd>{s.properties.provisioningState}</dd>
              <dt>Private endpoint connections</dt>
              <dd>{connections.data?.length ?? "…"}</dd>
              <dt>Resource ID</dt>
              <dd>
                <code>{s.id}</code>
              </dd>
            </dl>
          ) : props.tab === "resources" ? (
            <ArcResources scope={s} />
          ) : props.tab === "connections" ? (
            <Connections connections={connections} />
          ) : (
            <DnsConfiguration connections={connections.data} />
          )}
        </Tabs>
      )}
    </section>
  );
}
