import type { Occupant, Place } from "../../semantics/net/index.js";
import type { World } from "../../world/world.js";

/** What a world address is: the entities at one address in one place (semantics' `Occupant`). */
export type AddressEntity = Occupant;

/** One address of the world, in the place where a packet to it is delivered. */
export interface WorldAddress {
  /** The address as the world spells it (IPv4). */
  address: string;
  place: Place;
  /** Everything at this address in this place, in `occupantsAt` order (DNS first). */
  entities: AddressEntity[];
}

/** A world address and where it lives on this machine. */
export interface RealizedAddress extends WorldAddress {
  /** The loopback address (127.0.0.0/8) that stands for `address` in `place`. */
  realized: string;
}

/** The mapping for one world snapshot. Immutable. */
export interface RealizationTable {
  /** Every realized world address, ordered by place then address. */
  readonly entries: readonly RealizedAddress[];
  /** The realized address of `address` in `place`; undefined when the world has nothing there. */
  realize(place: Place, address: string): string | undefined;
  /** The world address behind a realized one (e.g. a query's source address); undefined for strangers. */
  reverse(realized: string): RealizedAddress | undefined;
}

/**
 * World addresses → addresses on this machine, behind one interface so that another
 * realization (network namespaces with the real addresses) can replace loopback later.
 */
export interface AddressRealization {
  readonly kind: "loopback";
  /** The table for a snapshot; addresses already handed out stay put while they exist. */
  map(world: World): RealizationTable;
}
