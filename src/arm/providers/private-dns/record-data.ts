import { isIPv6 } from "../../../semantics/net/cidr.js";
import {
  arrayAt,
  badRequest,
  intAt,
  isIPv4,
  type Json,
  knownObject,
  requiredString,
  stringMapAt,
  stringsAt,
} from "./body.js";
import { DEFAULT_SOA, type RecordType } from "./constants.js";

/** The property holding each type's records [SPEC-PDNS RecordSetProperties]. */
export const RECORD_FIELD: Record<RecordType, string> = {
  A: "aRecords",
  AAAA: "aaaaRecords",
  CNAME: "cnameRecord",
  MX: "mxRecords",
  PTR: "ptrRecords",
  SOA: "soaRecord",
  SRV: "srvRecords",
  TXT: "txtRecords",
};

const FIELDS = Object.values(RECORD_FIELD);
const READ_ONLY = ["fqdn", "isAutoRegistered"];
const MAX_TTL = 2147483647;
const DOMAIN_LABEL = /^[a-z0-9_*]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/** A DNS name as record data (CNAME, MX exchange, PTR, SRV target); a trailing dot is allowed. */
export function checkDomainName(value: string, path: string): string {
  const name = value.endsWith(".") ? value.slice(0, -1) : value;
  if (name.length === 0 || name.length > 253 || !name.split(".").every((l) => DOMAIN_LABEL.test(l))) {
    throw badRequest(`The value '${value}' of '${path}' is not a valid domain name.`, path);
  }
  return value;
}

function each(value: unknown, path: string, check: (item: Json, at: string) => void): Json[] {
  const items = arrayAt(value, path) ?? [];
  return items.map((item, i) => {
    const at = `${path}[${i}]`;
    const known = item as Json;
    check(known, at);
    return known;
  });
}

function records(type: RecordType, value: unknown, path: string): unknown {
  switch (type) {
    case "A":
      return each(value, path, (r, at) => {
        knownObject(r, ["ipv4Address"], "ARecord", at);
        const ip = requiredString(r.ipv4Address, `${at}.ipv4Address`);
        if (!isIPv4(ip)) throw badRequest(`The value '${ip}' of '${at}.ipv4Address' is not a valid IPv4 address.`, at);
      });
    case "AAAA":
      return each(value, path, (r, at) => {
        knownObject(r, ["ipv6Address"], "AaaaRecord", at);
        const ip = requiredString(r.ipv6Address, `${at}.ipv6Address`);
        if (!isIPv6(ip)) throw badRequest(`The value '${ip}' of '${at}.ipv6Address' is not a valid IPv6 address.`, at);
      });
    case "CNAME": {
      const r = knownObject(value, ["cname"], "CnameRecord", path);
      if (r) checkDomainName(requiredString(r.cname, `${path}.cname`), `${path}.cname`);
      return r;
    }
    case "MX":
      return each(value, path, (r, at) => {
        knownObject(r, ["preference", "exchange"], "MxRecord", at);
        intAt(r.preference ?? 0, `${at}.preference`, 0, 65535);
        checkDomainName(requiredString(r.exchange, `${at}.exchange`), `${at}.exchange`);
      });
    case "PTR":
      return each(value, path, (r, at) => {
        knownObject(r, ["ptrdname"], "PtrRecord", at);
        checkDomainName(requiredString(r.ptrdname, `${at}.ptrdname`), `${at}.ptrdname`);
      });
    case "SRV":
      return each(value, path, (r, at) => {
        knownObject(r, ["priority", "weight", "port", "target"], "SrvRecord", at);
        for (const k of ["priority", "weight", "port"]) intAt(r[k] ?? 0, `${at}.${k}`, 0, 65535);
        checkDomainName(requiredString(r.target, `${at}.target`), `${at}.target`);
      });
    case "TXT":
      return each(value, path, (r, at) => {
        knownObject(r, ["value"], "TxtRecord", at);
        const parts = stringsAt(r.value, `${at}.value`) ?? [];
        if (parts.length === 0) throw badRequest(`The TXT record '${at}' needs at least one string in 'value'.`, at);
        if (parts.join("").length > 4096)
          throw badRequest(`The TXT record '${at}' is longer than 4096 characters.`, at);
      });
    case "SOA": {
      const r = knownObject(
        value,
        ["host", "email", "serialNumber", "refreshTime", "retryTime", "expireTime", "minimumTtl"],
        "SoaRecord",
        path,
      );
      if (!r) return undefined;
      if (r.host !== undefined && r.host !== DEFAULT_SOA.host) {
        throw badRequest(
          `The SOA host of a private zone is '${DEFAULT_SOA.host}' and cannot be set to ${JSON.stringify(r.host)}.`,
          `${path}.host`,
        );
      }
      for (const k of ["serialNumber", "refreshTime", "retryTime", "expireTime", "minimumTtl"]) {
        intAt(r[k], `${path}.${k}`, 0, 4294967295);
      }
      if (r.email !== undefined) checkDomainName(requiredString(r.email, `${path}.email`), `${path}.email`);
      return { ...DEFAULT_SOA, ...r };
    }
  }
}

/**
 * Checks the properties of a record set of `type` and returns what is stored: the
 * type's own record field, `ttl` (default 3600) and `metadata`. Record fields of
 * other types are refused, as Azure refuses an A record set carrying CNAME data.
 *
 * @example
 * recordSetProperties("A", { ttl: 60, aRecords: [{ ipv4Address: "10.0.0.4" }] })
 */
export function recordSetProperties(type: RecordType, props: Json, relativeName: string): Json {
  knownObject(props, ["metadata", "ttl", ...READ_ONLY, ...FIELDS], "RecordSetProperties", "properties");
  const own = RECORD_FIELD[type];
  const foreign = FIELDS.find((f) => f !== own && props[f] !== undefined && props[f] !== null);
  if (foreign) {
    throw badRequest(
      `A record set of type '${type}' cannot carry '${foreign}'; it holds only '${own}'.`,
      `properties.${foreign}`,
    );
  }
  if (type === "CNAME" && relativeName === "@") {
    throw badRequest("A CNAME record set cannot be created at the zone apex '@'.", "name");
  }
  if (type === "SOA" && relativeName !== "@") {
    throw badRequest(`An SOA record set can only exist at the zone apex '@', not at '${relativeName}'.`, "name");
  }
  const ttl = intAt(props.ttl, "properties.ttl", 0, MAX_TTL) ?? 3600;
  const metadata = stringMapAt(props.metadata, "properties.metadata");
  const data = records(type, props[own], `properties.${own}`);
  return {
    ...(metadata ? { metadata } : {}),
    ttl,
    ...(data !== undefined ? { [own]: data } : type === "SOA" ? { soaRecord: { ...DEFAULT_SOA } } : {}),
  };
}

/** How many records a record set holds (a CNAME or SOA set holds at most one). */
export function recordCount(type: RecordType, props: Json): number {
  const data = props[RECORD_FIELD[type]];
  if (Array.isArray(data)) return data.length;
  return data ? 1 : 0;
}

const RELATIVE_LABEL = /^([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?|\*)$/i;

/** A relative record set name: `@`, or labels (a `*` wildcard only as the first). */
export function checkRelativeName(name: string, zone: string): void {
  if (name === "@") return;
  const labels = name.split(".");
  const ok = labels.every((l, i) => RELATIVE_LABEL.test(l) && (l !== "*" || i === 0));
  if (!ok || name.length + zone.length + 1 > 253) {
    throw badRequest(
      `The record set name '${name}' is invalid in zone '${zone}': use '@' or dot-separated labels of letters, digits, hyphens and underscores.`,
      "name",
    );
  }
}
