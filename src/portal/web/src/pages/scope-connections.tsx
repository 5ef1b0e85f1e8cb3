import { useState } from "preact/hooks";
import { API, arm, idParts, type Resource } from "../api";
import type { ConnectionProps } from "../data";
import type { Loaded } from "../live";
import { Dialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { Badge, Loading, Notice, toneOfStatus } from "../ui/status";

type Action = "Approved" | "Rejected";

/** Private endpoint connections: approve or reject the selected one, with a description. */
export function Connections(props: { connections: Loaded<Resource<ConnectionProps>[]> }) {
  const { connections } = props;
  const [selected, setSelected] = useState<string>();
  const [action, setAction] = useState<Action>();
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string>();
  const chosen = connections.data?.find((c) => c.id === selected);

  async function apply() {
    if (!chosen || !action) return;
    setError(undefined);
    try {
      await arm("PUT", chosen.id, API.hybridCompute, {
        properties: { privateLinkServiceConnectionState: { status: action, description } },
      });
    } catch (err) {
      setError((err as Error).message);
    }
    setAction(undefined);
    setDescription("");
    connections.reload();
  }

  return (
    <div>
      <div class="toolbar">
        <button
          type="button"
          disabled={!chosen || chosen.properties.privateLinkServiceConnectionState?.status === "Approved"}
          onClick={() => setAction("Approved")}
        >
          ✓ Approve
        </button>
        <button
          type="button"
          disabled={!chosen || chosen.properties.privateLinkServiceConnectionState?.status === "Rejected"}
          onClick={() => setAction("Rejected")}
        >
          ✕ Reject
        </button>
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {!connections.data ? (
        <Loading what="connections" />
      ) : connections.data.length === 0 ? (
        <p>No private endpoint connects to this scope yet.</p>
      ) : (
        <table>
          <caption class="sr-only">Private endpoint connections</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">Select</span>
              </th>
              <th scope="col">Connection name</th>
              <th scope="col">Connection state</th>
              <th scope="col">Private endpoint</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {connections.data.map((c) => {
              const state = c.properties.privateLinkServiceConnectionState;
              return (
                <tr key={c.id}>
                  <td>
                    <input
                      type="radio"
                      name="connection"
                      aria-label={`Select ${c.name}`}
                      checked={selected === c.id}
                      onChange={() => setSelected(c.id)}
                    />
                  </td>
                  <th scope="row">{c.name}</th>
                  <td>
                    <Badge tone={toneOfStatus(state?.status)}>{state?.status ?? "—"}</Badge>
                  </td>
                  <td>{c.properties.privateEndpoint ? idParts(c.properties.privateEndpoint.id).name : "—"}</td>
                  <td>{state?.description ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Dialog
        title={action === "Approved" ? "Approve connection" : "Reject connection"}
        open={action !== undefined}
        onClose={() => setAction(undefined)}
      >
        <p>
          {action === "Approved" ? "Approve" : "Reject"} the connection <strong>{chosen?.name}</strong>?
        </p>
        <Field label="Description" id="connection-description">
          {(a) => (
            <textarea {...a} rows={3} value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
          )}
        </Field>
        <div class="dialog-actions">
          <button type="button" class="primary" onClick={apply}>
            {action === "Approved" ? "Yes, approve" : "Yes, reject"}
          </button>
          <button type="button" onClick={() => setAction(undefined)}>
            No
          </button>
        </div>
      </Dialog>
    </div>
  );
}
