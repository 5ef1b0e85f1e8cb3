import type packet from "dns-packet";
import type { DecodedAnswer } from "./send-query.js";

type Rr = packet.Answer & { data?: unknown; ttl?: number; class?: string };

function rdata(r: Rr): string {
  const d = r.data as unknown;
  if (r.type === "TXT") {
    const parts = (Array.isArray(d) ? d : [d]).map((p) => `"${Buffer.isBuffer(p) ? p.toString() : String(p)}"`);
    return parts.join(" ");
  }
  if (r.type === "SOA") {
    const s = d as {
      mname: string;
      rname: string;
      serial: number;
      refresh: number;
      retry: number;
      expire: number;
      minimum: number;
    };
    return `${s.mname}. ${s.rname}. ${s.serial} ${s.refresh} ${s.retry} ${s.expire} ${s.minimum}`;
  }
  if (r.type === "SRV") {
    const s = d as { priority: number; weight: number; port: number; target: string };
    return `${s.priority} ${s.weight} ${s.port} ${s.target}.`;
  }
  if (r.type === "MX") {
    const s = d as { preference: number; exchange: string };
    return `${s.preference} ${s.exchange}.`;
  }
  if (r.type === "CNAME" || r.type === "NS" || r.type === "PTR") return `${String(d)}.`;
  return String(d);
}

const line = (r: Rr) => `${r.name}.\t\t${r.ttl ?? 0}\tIN\t${r.type}\t${rdata(r)}`;

/**
 * An answer as `dig` prints it: header, flags, OPT pseudo-section and sections.
 *
 * @example
 * process.stdout.write(digText(response, "127.62.36.10#53(192.168.0.10) (UDP)", 1));
 */
export function digText(response: DecodedAnswer, server: string, elapsedMs: number): string {
  const flags = (response.flags ?? 0) as number;
  const names = [
    ["qr", 0x8000],
    ["aa", 0x0400],
    ["tc", 0x0200],
    ["rd", 0x0100],
    ["ra", 0x0080],
  ] as const;
  // dns-packet keeps QR apart, in `type`.
  const all = flags | (response.type === "response" ? 0x8000 : 0);
  const shown = names.filter(([, bit]) => all & bit).map(([n]) => n);
  const additionals = (response.additionals ?? []) as Rr[];
  const opt = additionals.find((a) => a.type === "OPT") as (Rr & { udpPayloadSize?: number }) | undefined;
  const out = [
    ";; Got answer:",
    `;; ->>HEADER<<- opcode: ${response.opcode ?? "QUERY"}, status: ${response.rcode}, id: ${response.id}`,
    `;; flags: ${shown.join(" ")}; QUERY: ${response.questions?.length ?? 0}, ANSWER: ${response.answers?.length ?? 0}, AUTHORITY: ${response.authorities?.length ?? 0}, ADDITIONAL: ${additionals.length}`,
    "",
  ];
  if (opt) out.push(";; OPT PSEUDOSECTION:", `; EDNS: version: 0, flags:; udp: ${opt.udpPayloadSize}`);
  out.push(";; QUESTION SECTION:", ...(response.questions ?? []).map((q) => `;${q.name}.\t\tIN\t${q.type}`), "");
  if (response.answers?.length) out.push(";; ANSWER SECTION:", ...(response.answers as Rr[]).map(line), "");
  if (response.authorities?.length) out.push(";; AUTHORITY SECTION:", ...(response.authorities as Rr[]).map(line), "");
  out.push(`;; Query time: ${Math.round(elapsedMs)} msec`, `;; SERVER: ${server}`, "");
  return `${out.join("\n")}\n`;
}
