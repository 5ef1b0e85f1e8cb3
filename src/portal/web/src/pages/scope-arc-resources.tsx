import { useState } from "preact/hooks";
import { API, arm, idParts, type Resource, sameId } from "../api";
import { defaultSubscription, listMachines, type MachineProps, normalizeLocation, type ScopeProps } from "../data";
import { useLoad } from "../live";
import { Dialog } from "../ui/dialog";
import { Badge, Loading, Notice, toneOfStatus } from "../ui/status";

/** Azure Arc resources of a scope: the associated servers; + Add (same region only) and Remove. */
export function ArcResources(props: { scope: Resource<ScopeProps> }) {
  const { scope } = props;
  const machines = useLoad(async () => listMachines(await defaultSubscription()));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string>();
  const all = machines.data ?? [];
  const members = all.filter((m) => sameId(m.properties.privateLinkScopeResourceId, scope.id));
  const candidates = all.filter(
    (m) =>
      !sameId(m.properties.privateLinkScopeResourceId, scope.id) &&
      normalizeLocation(m.location) === normalizeLocation(scope.location),
  );

  async function associate(ids: string[], scopeId: string | null) {
    setError(undefined);
    try {
      for (const id of ids)
        await arm("PATCH", id, API.hybridCompute, { properties: { privateLinkScopeResourceId: scopeId } });
    } catch (err) {
      setError((err as Error).message);
    }
    setSelected(new Set());
    machines.reload();
  }

  return (
    <div>
      <p>
        Servers associated with this scope connect to Azure Arc through its private endpoints. Only servers in{" "}
        <strong>{scope.location}</strong>, the scope's region, can be added.
      </p>
      <div class="toolbar">
        <button type="button" class="primary" onClick={() => setAdding(true)}>
          + Add
        </button>
        <button
          type="button"
          disabled={selected.size === 0}
          onClick={() => associate([...selected], null)}
          aria-label={`Remove ${selected.size} selected server(s) from the scope`}
        >
          Remove
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {!machines.data ? (
        <Loading what="servers" />
      ) : members.length === 0 ? (
        <p>No Azure Arc resources are associated with this scope.</p>
      ) : (
        <MachineTable
          machines={members}
          selected={selected}
          onToggle={(id, on) => toggle(setSelected, id, on)}
          caption="Associated servers"
        />
      )}
      <AddDialog
        open={adding}
        candidates={candidates}
        onClose={() => setAdding(false)}
        onAdd={async (ids) => {
          setAdding(false);
          await associate(ids, scope.id);
        }}
      />
    </div>
  );
}

function toggle(set: (f: (s: Set<string>) => Set<string>) => void, id: string, on: boolean) {
  set((s) => {
    const next = new Set(s);
    if (on) next.add(id);
    else next.delete(id);
    return next;
  });
}

function MachineTable(props: {
  machines: Resource<MachineProps>[];
  selected: Set<string>;
  onToggle(id: string, on: boolean): void;
  caption: string;
}) {
  return (
    <table>
      <caption class="sr-only">{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            <span class="sr-only">Select</span>
          </th>
          <th scope="col">Name</th>
          <th scope="col">Resource group</th>
          <th scope="col">Location</th>
          <th scope="col">Status</th>
          <th scope="col">Current scope</th>
        </tr>
      </thead>
      <tbody>
        {props.machines.map((m) => (
          <tr key={m.id}>
            <td>
              <input
                type="checkbox"
                aria-label={`Select ${m.name}`}
                checked={props.selected.has(m.id)}
                onChange={(e) => props.onToggle(m.id, e.currentTarget.checked)}
              />
            </td>
            <th scope="row">{m.name}</th>
            <td>{idParts(m.id).resourceGroup}</td>
            <td>{m.location}</td>
            <td>
              <Badge tone={toneOfStatus(m.properties.status)}>{m.properties.status ?? "—"}</Badge>
            </td>
            <td>
              {m.properties.privateLinkScopeResourceId ? idParts(m.properties.privateLinkScopeResourceId).name : "None"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AddDialog(props: {
  open: boolean;
  candidates: Resource<MachineProps>[];
  onClose(): void;
  onAdd(ids: string[]): void;
}) {
  const [picked, setPicked] = useState<Set<string>>(new Set());
  return (
    <Dialog title="Add Azure Arc resources" open={props.open} onClose={props.onClose}>
      {props.candidates.length === 0 ? (
        <p>No other servers in this region.</p>
      ) : (
        <MachineTable
          machines={props.candidates}
          selected={picked}
          onToggle={(id, on) => toggle(setPicked, id, on)}
          caption="Servers in the scope's region"
        />
      )}
      <div class="dialog-actions">
        <button
          type="button"
          class="primary"
          disabled={picked.size === 0}
          onClick={() => {
            props.onAdd([...picked]);
            setPicked(new Set());
          }}
        >
          Add
        </button>
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
