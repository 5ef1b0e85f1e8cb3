import { arclink, idParts, sameId } from "../api";
import { defaultSubscription, listMachines } from "../data";
import { useLoad } from "../live";
import { href, scopeHref } from "../router";
import { Badge, Loading, Notice, toneOfStatus } from "../ui/status";

interface MachineHealth {
  machineId: string;
  hostId: string;
  health: "ok" | "warning" | "error";
  verdicts: string[];
}

const HEALTH_TEXT = { ok: "Private path verified", warning: "Warnings", error: "Errors" };

/** Machines – Azure Arc: status, scope and the verifier's judgement of each; Add → Generate script. */
export function MachinesPage() {
  const machines = useLoad(async () => listMachines(await defaultSubscription()));
  const health = useLoad(() => arclink<{ machines: MachineHealth[] }>("GET", "verify/machines"));
  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Azure Arc | Machines
      </h1>
      <div class="toolbar">
        <a class="button primary" href={href("/machines/onboard")}>
          + Add → Generate script
        </a>
      </div>
      {machines.error ? <Notice tone="error">{machines.error.message}</Notice> : null}
      {!machines.data ? (
        <Loading what="machines" />
      ) : (
        <table>
          <caption class="sr-only">Azure Arc machines</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Resource group</th>
              <th scope="col">Location</th>
              <th scope="col">Operating system</th>
              <th scope="col">Private link scope</th>
              <th scope="col">Verifier</th>
            </tr>
          </thead>
          <tbody>
            {machines.data.map((m) => {
              const h = health.data?.machines.find((x) => sameId(x.machineId, m.id));
              const scope = m.properties.privateLinkScopeResourceId;
              return (
                <tr key={m.id}>
                  <th scope="row">{m.name}</th>
                  <td>
                    <Badge tone={toneOfStatus(m.properties.status)}>{m.properties.status ?? "—"}</Badge>
                  </td>
                  <td>{idParts(m.id).resourceGroup}</td>
                  <td>{m.location}</td>
                  <td>{m.properties.osType ?? "—"}</td>
                  <td>{scope ? <a href={scopeHref(scope)}>{idParts(scope).name}</a> : "None (public endpoint)"}</td>
                  <td>
                    {h ? (
                      <a
                        href={href("/topology", { select: h.hostId })}
                        aria-label={`${HEALTH_TEXT[h.health]}: show ${m.name}'s host in the topology`}
                      >
                        <Badge tone={h.health}>{HEALTH_TEXT[h.health]}</Badge>
                      </a>
                    ) : (
                      <Badge tone="none">No host</Badge>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
