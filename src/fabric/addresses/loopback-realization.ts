import type { Place } from "../../semantics/net/index.js";
import type { World } from "../../world/world.js";
import type { AddressRealization, RealizationTable, RealizedAddress, WorldAddress } from "./address-types.js";
import { placeKey, worldAddresses } from "./world-addresses.js";

/** Blocks are /24s of 127.0.0.0/8 outside 127.0.x.x (the host's own loopback services) and 127.255.x.x. */
const FIRST_BLOCK = 256; // 127.1.0.x
const BLOCK_COUNT = 254 * 256; // up to 127.254.255.x

/** FNV-1a, 32 bits: a fixed, dependency-free hash so the table is the same on every machine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const isLoopback = (address: string) => address.startsWith("127.");
const prefix24 = (address: string) => address.slice(0, address.lastIndexOf("."));
const lastOctet = (address: string) => address.slice(address.lastIndexOf(".") + 1);
const blockAddress = (block: number) => `127.${block >> 8}.${block & 255}`;

export interface LoopbackOptions {
  /** Mixed into the hash: two processes on one machine (parallel tests) get different tables. */
  seed?: string;
}

/**
 * Builds the table for one world. Each (place, /24 of the world address) gets its own
 * /24 block of 127/8, chosen by hash (probing on collision); the last octet is kept, so
 * 10.10.1.4 in the hub vnet becomes 127.S.T.4. Addresses already in 127/8 map to
 * themselves. `previous` keeps blocks still in use where they were.
 *
 * @example
 * const table = loopbackTable(world);
 * table.realize({ kind: "site", siteId }, "192.168.0.10"); // → "127.83.19.10"
 */
export function loopbackTable(
  world: World,
  { seed = "", previous }: LoopbackOptions & { previous?: ReadonlyMap<string, number> } = {},
): RealizationTable & { blocks: ReadonlyMap<string, number> } {
  const addresses = worldAddresses(world);
  const blockKey = (a: WorldAddress) => `${placeKey(a.place)}|${prefix24(a.address)}`;
  const blocks = new Map<string, number>();
  const taken = new Set<number>();
  // Identity addresses reserve their /24 so no block lands on them.
  for (const a of addresses) {
    if (!isLoopback(a.address)) continue;
    const [, b, c] = a.address.split(".").map(Number);
    taken.add(b * 256 + c);
  }
  const wanted = [...new Set(addresses.filter((a) => !isLoopback(a.address)).map(blockKey))].sort();
  for (const key of wanted) {
    const old = previous?.get(key);
    if (old !== undefined && !taken.has(old)) {
      blocks.set(key, old);
      taken.add(old);
    }
  }
  for (const key of wanted) {
    if (blocks.has(key)) continue;
    let slot = fnv1a(`${seed}|${key}`) % BLOCK_COUNT;
    for (let tries = 0; taken.has(FIRST_BLOCK + slot); tries++) {
      if (tries >= BLOCK_COUNT)
        throw new Error(`Cannot realize the world on loopback: more than ${BLOCK_COUNT} /24 blocks are needed.`);
      slot = (slot + 1) % BLOCK_COUNT;
    }
    blocks.set(key, FIRST_BLOCK + slot);
    taken.add(FIRST_BLOCK + slot);
  }
  const entries: RealizedAddress[] = [];
  const forward = new Map<string, string>();
  const reverse = new Map<string, RealizedAddress>();
  for (const a of addresses) {
    const realized = isLoopback(a.address)
      ? a.address
      : `${blockAddress(blocks.get(blockKey(a)) as number)}.${lastOctet(a.address)}`;
    // Two places with the same 127/8 address: the first (in table order) keeps it.
    if (reverse.has(realized)) continue;
    const entry: RealizedAddress = { ...a, realized };
    entries.push(entry);
    forward.set(`${placeKey(a.place)}|${a.address}`, realized);
    reverse.set(realized, entry);
  }
  return {
    entries,
    blocks,
    realize: (place: Place, address: string) => forward.get(`${placeKey(place)}|${address}`),
    reverse: (realized: string) => reverse.get(realized.startsWith("::ffff:") ? realized.slice(7) : realized),
  };
}

/**
 * The loopback realization: world addresses on 127.0.0.0/8, which Linux routes without
 * setup. Sticky: an address keeps its realized address while it exists in the world.
 *
 * @example
 * const realization = loopbackRealization();
 * const table = realization.map(system.snapshot());
 */
export function loopbackRealization({ seed = "" }: LoopbackOptions = {}): AddressRealization {
  let previous: ReadonlyMap<string, number> | undefined;
  return {
    kind: "loopback",
    map(world: World): RealizationTable {
      const table = loopbackTable(world, { seed, previous });
      previous = table.blocks;
      return table;
    },
  };
}
