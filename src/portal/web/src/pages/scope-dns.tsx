import { useState } from "preact/hooks";
import { API, arclink, arm, download, type Resource } from "../api";
import type { ConnectionProps, EndpointProps } from "../data";
import { useLoad } from "../live";
import { Loading, Notice } from "../ui/status";

/** Each private endpoint's DNS configuration: the FQDN ↔ IP table, copy, download as a hosts file. */
export function DnsConfiguration(props: { connections?: Resource<ConnectionProps>[] }) {
  const ids = (props.connections ?? []).flatMap((c) =>
    c.properties.privateEndpoint ? [c.properties.privateEndpoint.id] : [],
  );
  const endpoints = useLoad(
    () => Promise.all(ids.map((id) => arm<Resource<EndpointProps>>("GET", id, API.network).catch(() => undefined))),
    [ids.join("|")],
  );
  if (!props.connections || !endpoints.data) return <Loading what="DNS configuration" />;
  const list = endpoints.data.filter((e): e is Resource<EndpointProps> => e !== undefined);
  if (list.length === 0) return <p>No private endpoint connects to this scope yet.</p>;
  return (
    <div>
      {list.map((pe) => (
        <EndpointDns key={pe.id} pe={pe} />
      ))}
    </div>
  );
}

function EndpointDns(props: { pe: Resource<EndpointProps> }) {
  const { pe } = props;
  const [note, setNote] = useState<{ tone: "ok" | "error" | "warning"; text: string }>();
  const rows = pe.properties.customDnsConfigs ?? [];
  const copy = async () => {
    const text = rows.map((r) => `${r.fqdn}\t${r.ipAddresses.join(", ")}`).join("\n");
    try {
      await navigator.clipboard.writeText(text);
      setNote({ tone: "ok", text: "Copied the table to the clipboard." });
    } catch {
      setNote({ tone: "error", text: "The browser refused the clipboard; select the table and copy it instead." });
    }
  };
  const hosts = async (os: "windows" | "linux") => {
    try {
      const out = await arclink<{ text: string; fileName: string; warnings: string[] }>(
        "GET",
        `generate/hosts?${new URLSearchParams({ privateEndpoint: pe.id, os })}`,
      );
      download(out.fileName, out.text);
      setNote(
        out.warnings.length
          ? { tone: "warning", text: out.warnings.join(" ") }
          : { tone: "ok", text: `Downloaded ${out.fileName}.` },
      );
    } catch (err) {
      setNote({ tone: "error", text: (err as Error).message });
    }
  };
  const heading = `dns-${pe.name}`;
  return (
    <section class="card" aria-labelledby={heading}>
      <h2 id={heading}>
        {pe.name} <span class="kind">private endpoint</span>
      </h2>
      <div class="toolbar">
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" onClick={() => hosts("windows")}>
          Download hosts file (Windows)
        </button>
        <button type="button" onClick={() => hosts("linux")}>
          Download hosts file (Linux)
        </button>
      </div>
      {note ? <Notice tone={note.tone}>{note.text}</Notice> : null}
      <table>
        <caption class="sr-only">DNS configuration of {pe.name}</caption>
        <thead>
          <tr>
            <th scope="col">FQDN</th>
            <th scope="col">IP addresses</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.fqdn}>
              <th scope="row">
                <code>{r.fqdn}</code>
              </th>
              <td>
                <code>{r.ipAddresses.join(", ")}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
