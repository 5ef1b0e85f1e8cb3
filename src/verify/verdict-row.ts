import type { Connection } from "../semantics/connect/index.js";
import type { EndpointVerdict } from "./verdict-types.js";

type RowValues = Omit<EndpointVerdict, "hostId" | "computedFor">;

/**
 * A verdict row as a flyweight: its own host (and the host it was computed for), every
 * other column read from one values object shared by all hosts of a class. A run over
 * 100,000 hosts holds over a million rows; each costs three fields, not fourteen.
 * Getters live on the prototype, so spread copies lose them: use `toJSON()` (what
 * `JSON.stringify` calls) for a plain object.
 */
class VerdictRow implements EndpointVerdict {
  constructor(
    readonly hostId: string,
    readonly computedFor: string | undefined,
    readonly values: RowValues,
  ) {}
  get endpoint() {
    return this.values.endpoint;
  }
  get service() {
    return this.values.service;
  }
  get verdict() {
    return this.values.verdict;
  }
  get route() {
    return this.values.route;
  }
  get privateLinkExpected() {
    return this.values.privateLinkExpected;
  }
  get address() {
    return this.values.address;
  }
  get privateEndpointId() {
    return this.values.privateEndpointId;
  }
  get scopeId() {
    return this.values.scopeId;
  }
  get refusal() {
    return this.values.refusal;
  }
  get origin() {
    return this.values.origin;
  }
  get reason() {
    return this.values.reason;
  }
  get trace() {
    return this.values.trace;
  }
  toJSON(): EndpointVerdict {
    return { hostId: this.hostId, ...this.values, computedFor: this.computedFor };
  }
}

/** A verdict row with every column. */
export function makeRow(r: Omit<EndpointVerdict, "computedFor"> & { computedFor?: string }): EndpointVerdict {
  const { hostId, computedFor, ...values } = r;
  return new VerdictRow(hostId, computedFor, values);
}

/**
 * The row of a host's connection to one of its endpoints: the connection's outcome is the
 * verdict; `origin` says why the host contacts the endpoint.
 */
export function rowOf(hostId: string, origin: string, c: Connection): EndpointVerdict {
  return makeRow({
    hostId,
    endpoint: c.endpoint,
    service: c.service,
    verdict: c.outcome,
    route: c.route,
    privateLinkExpected: c.privateLinkExpected,
    address: c.address,
    privateEndpointId: c.privateEndpointId,
    scopeId: c.scopeId,
    refusal: c.refusal,
    origin,
    reason: c.reason,
    trace: c.trace,
  });
}

/** The same row for another host of the same class: shares every value and the trace. */
export function rowForHost(r: EndpointVerdict, hostId: string): EndpointVerdict {
  const values = r instanceof VerdictRow ? r.values : (r.toJSON?.() ?? r);
  return new VerdictRow(hostId, r.computedFor ?? r.hostId, values as RowValues);
}
