import { idParts } from "../api";
import { defaultSubscription, listScopes } from "../data";
import { useLoad } from "../live";
import { href, scopeHref } from "../router";
import { Badge, Loading, Notice, toneOfStatus } from "../ui/status";

/** Azure Arc | Private link scopes: the list, and Create. */
export function ScopesPage() {
  const scopes = useLoad(async () => listScopes(await defaultSubscription()));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Azure Arc | Private link scopes
      </h1>
      <div class="toolbar">
        <a class="button primary" href={href("/scopes/new")}>
          + Create
        </a>
      </div>
      {scopes.error ? <Notice tone="error">{scopes.error.message}</Notice> : null}
      {!scopes.data ? (
        <Loading what="private link scopes" />
      ) : scopes.data.length === 0 ? (
        <p>No Azure Arc private link scopes yet. Create one to let servers reach Azure Arc privately.</p>
      ) : (
        <table>
          <caption class="sr-only">Private link scopes</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Resource group</th>
              <th scope="col">Location</th>
              <th scope="col">Public network access</th>
              <th scope="col">Private endpoint connections</th>
            </tr>
          </thead>
          <tbody>
            {scopes.data.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <a href={scopeHref(s.id)}>{s.name}</a>
                </th>
                <td>{idParts(s.id).resourceGroup}</td>
                <td>{s.location}</td>
                <td>
                  <Badge tone={s.properties.publicNetworkAccess === "Enabled" ? "warning" : "ok"}>
                    {s.properties.publicNetworkAccess ?? "—"}
                  </Badge>
                </td>
                <td>
                  {(s.properties.privateEndpointConnections ?? []).map((c) => (
                    <Badge key={c.id} tone={toneOfStatus(c.properties.privateLinkServiceConnectionState?.status)}>
                      {c.properties.privateLinkServiceConnectionState?.status ?? "?"}
                    </Badge>
                  ))}
                  {(s.properties.privateEndpointConnections ?? []).length === 0 ? "None" : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
