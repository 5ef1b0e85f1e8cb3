import { hostProperties, LAB_HOST } from "./default-world.js";
import type { Lab } from "./lab-types.js";
import type { LabWorld } from "./lab-world.js";

/** The default world's host that uses the hosts-file alternative [DOC-PL §8]. */
export const HOSTS_FILE_HOST = "kiosk01";

const ARC_NAME = /(^|\s)([a-z0-9-]+\.)(his\.arc|guestconfiguration|dp\.kubernetesconfiguration)\.azure\.com\b/i;

/**
 * Gives `target` kiosk01's hosts file (the documented lines) with each line that maps an
 * Arc name rewritten by `edit` (undefined drops the line); other lines stay.
 */
function editArcLines(
  w: LabWorld,
  target: string,
  edit: (address: string, name: string) => string | undefined,
  note: string,
): void {
  const text = String(hostProperties(w, HOSTS_FILE_HOST).props.hostsFile ?? "");
  const { entry } = hostProperties(w, target);
  let changed = 0;
  const lines = text.split("\n").flatMap((line) => {
    const [address, name, ...rest] = line.trim().split(/\s+/);
    if (rest.length > 0 || !name || !ARC_NAME.test(` ${name}`)) return [line];
    changed++;
    const next = edit(address, name);
    return next === undefined ? [] : [next];
  });
  if (changed === 0) throw new Error(`The hosts file of '${HOSTS_FILE_HOST}' maps no Arc name.`);
  w.set(entry, ["hostsFile"], lines.join("\n"), note);
}

/** Mistakes in the single-server alternative: the Arc names in the OS hosts file [DOC-PL §8]. */
export const HOSTS_LABS: Lab[] = [
  {
    name: "hosts-file-reversed",
    title: "kiosk01's hosts file has its columns reversed",
    description: `Every Arc line of ${HOSTS_FILE_HOST}'s hosts file is written name first, address second.`,
    mistake:
      "A hosts-file line is an address followed by names; a line whose first field is not an address is " +
      "ignored by both Linux and Windows, so the names fall through to DNS [DOC-PL §8].",
    fix: "Write the address first: 10.10.1.4 gbl.his.arc.azure.com (arclink generate hosts writes the lines).",
    expectedFindings: ["ARC-HOSTS-REVERSED"],
    expectedVerdicts: [{ host: "kiosk01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" }],
    patch(w) {
      editArcLines(w, HOSTS_FILE_HOST, (address, name) => `${name} ${address}`, "Arc lines written name first");
    },
  },
  {
    name: "hosts-file-stale-ip",
    title: "web01's hosts file maps gbl.his.arc.azure.com to an old address",
    description:
      `${LAB_HOST} got the Arc lines of ${HOSTS_FILE_HOST}'s hosts file, but its gbl.his.arc.azure.com line still has ` +
      "10.10.1.14, the address of a private endpoint that was deleted and recreated.",
    mistake:
      "The hosts file wins over DNS: the agent connects to an address where no private endpoint listens " +
      "[DOC-PL §8, facts §4.2].",
    fix: "Use the addresses in the private endpoint's customDnsConfigs (az network private-endpoint show).",
    expectedFindings: ["ARC-DNS-STALE-RECORD", "ARC-HOSTS-STALE"],
    expectedVerdicts: [
      { host: "web01", endpoint: "gbl.his.arc.azure.com", verdict: "NO_LISTENER" },
      { host: "web01", endpoint: "weu.his.arc.azure.com", verdict: "PRIVATE" },
    ],
    patch(w) {
      editArcLines(
        w,
        LAB_HOST,
        (address, name) => (name.startsWith("gbl.") ? `10.10.1.14 ${name}` : `${address} ${name}`),
        "a hosts file whose gbl.his.arc.azure.com line has 10.10.1.14, where nothing listens",
      );
    },
  },
  {
    name: "hosts-file-privatelink-name",
    title: "kiosk01's hosts file maps the privatelink. names",
    description: `${HOSTS_FILE_HOST}'s hosts file maps gbl.privatelink.his.arc.azure.com and the other privatelink. aliases.`,
    mistake:
      "The agent asks for the public names (gbl.his.arc.azure.com); the resolver never looks a CNAME target up " +
      "in the hosts file, so these lines are never used [DOC-PL §8].",
    fix: "Map the public names: 10.10.1.4 gbl.his.arc.azure.com.",
    expectedFindings: ["ARC-HOSTS-PRIVATELINK"],
    expectedVerdicts: [{ host: "kiosk01", endpoint: "gbl.his.arc.azure.com", verdict: "PRIVATE" }],
    patch(w) {
      editArcLines(
        w,
        HOSTS_FILE_HOST,
        (address, name) => `${address} ${name.replace(/^([a-z0-9-]+)\./i, "$1.privatelink.")}`,
        "Arc lines name the privatelink. aliases",
      );
    },
  },
  {
    name: "hosts-file-incomplete",
    title: "web01's hosts file lacks the regional names",
    description:
      `${LAB_HOST} got a hosts file with the global Arc names but not weu.his.arc.azure.com or ` +
      "westeurope-gas.guestconfiguration.azure.com; its DNS server still answers those.",
    mistake:
      "With the hosts-file alternative every private endpoint FQDN the agent uses needs a line; the regional " +
      "names are used at every heartbeat [DOC-PL §8, DOC-NET]. Here DNS still covers them, so nothing fails " +
      "today: a warning, until the forwarders go.",
    fix: "Add a line for every FQDN in the private endpoint's customDnsConfigs (arclink generate hosts).",
    expectedFindings: ["ARC-HOSTS-MISSING"],
    expectedVerdicts: [{ host: "web01", endpoint: "weu.his.arc.azure.com", verdict: "PRIVATE" }],
    patch(w) {
      editArcLines(
        w,
        LAB_HOST,
        (address, name) => (/^(weu|westeurope-gas)\./.test(name) ? undefined : `${address} ${name}`),
        "a hosts file without the regional Arc names",
      );
    },
  },
];
