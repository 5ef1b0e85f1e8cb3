import type { ArmRequest, ArmResponse } from "../../arm/http-types.js";
import { findRegion } from "../../world/catalog/regions.js";
import { publicBody, type Resource } from "../../world/index.js";
import type { Decider, FrontDoorContext, FrontDoorHandler, FrontDoors } from "../gateway/index.js";
import { refusalBody } from "../gateway/wire-actions.js";
import type { StatusKeeper } from "../heartbeat/status-keeper.js";
import { ARC_ROUTES, type ArcRoute, matchArcRoute, REFUSAL_CODES } from "./arc-routes.js";
import { CredentialError, type MachineAuth } from "./machine-auth.js";

export interface ArcDoorsOptions {
  system: { snapshot(): { get(id: string): Resource | undefined } };
  auth: MachineAuth;
  keeper: StatusKeeper;
  decider: Decider;
}

const error = (status: number, code: string, message: string, headers: Record<string, string> = {}): ArmResponse => ({
  status,
  headers,
  body: { error: { code, message } },
});

function readJson(req: ArmRequest): Record<string, unknown> {
  if (req.rawBody.length === 0) return {};
  const value = JSON.parse(req.rawBody.toString("utf8"));
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SyntaxError("not an object");
  return value as Record<string, unknown>;
}

/**
 * HIS, guest configuration and dp behind the gateway (routes in `arc-routes.ts`): each
 * request authenticated with the machine's credential (`machine-auth.ts`), then the
 * scope's access decision for that machine on the path the connection took
 * (`decider.machine` = `semantics/access/decide`), then the service's answer.
 *
 * @example
 * const doors = createArcDoors({ system, auth, keeper, decider }); // { his, "guest-configuration", dp }
 */
export function createArcDoors({ system, auth, keeper, decider }: ArcDoorsOptions): FrontDoors {
  // Resources are immutable: a machine's body is rendered once per version of it.
  const bodies = new WeakMap<Resource, string>();
  const rendered = (machine: Resource) => {
    let body = bodies.get(machine);
    if (body === undefined) {
      body = JSON.stringify(publicBody(machine));
      bodies.set(machine, body);
    }
    return body;
  };
  async function machineOf(req: ArmRequest, route: ArcRoute, vmId: string | undefined, ctx: FrontDoorContext) {
    let machineId: string;
    if (route.auth === "assertion") {
      const body = readJson(req);
      const assertion = typeof body.assertion === "string" ? body.assertion : "";
      if (!assertion) throw new CredentialError("MissingCredential", "The request body has no 'assertion'.");
      const audience = `https://${ctx.endpoint.name}/machine/${vmId}/identity`;
      const issued = await auth.exchange(assertion, audience);
      machineId = issued.machineId;
      return { machineId, issued };
    }
    machineId = (await auth.verify(req.headers.authorization)).machineId;
    return { machineId };
  }

  const credentialError = (e: CredentialError, ctx: FrontDoorContext) =>
    error(401, e.code, e.message, { "www-authenticate": `Bearer realm="${ctx.endpoint.name}"` });

  function door(service: keyof typeof ARC_ROUTES): FrontDoorHandler {
    return function arcDoor(req, ctx) {
      const match = matchArcRoute(ARC_ROUTES[service], req.method, req.path, ctx.endpoint.reach);
      if (!match) return error(404, "NotFound", `The path '${req.path}' is not served by "${ctx.endpoint.name}".`);
      if ("methodNotAllowed" in match)
        return error(405, "MethodNotAllowed", `'${req.method}' is not allowed on '${req.path}'.`);
      const { route, vmId } = match;
      if (route.name === "discovery") return discovery(req);
      // The hot path: an access token verified before is answered without a tick.
      if (route.auth !== "assertion") {
        try {
          const hit = auth.verifyCached(req.headers.authorization);
          if (hit) return serveMachine(req, ctx, route, vmId, { machineId: hit.claims.machineId }, hit.machine);
        } catch (e) {
          if (e instanceof CredentialError) return credentialError(e, ctx);
          throw e;
        }
      }
      return machineOf(req, route, vmId, ctx).then(
        (who) => serveMachine(req, ctx, route, vmId, who),
        (e) => {
          if (e instanceof SyntaxError)
            return error(400, "InvalidRequestContent", "The request body is not a JSON object.");
          if (e instanceof CredentialError) return credentialError(e, ctx);
          throw e;
        },
      );
    };
  }

  /** The route's answer for the machine the credential names, once the scope has decided. */
  function serveMachine(
    req: ArmRequest,
    ctx: FrontDoorContext,
    route: ArcRoute,
    vmId: string | undefined,
    who: Awaited<ReturnType<typeof machineOf>>,
    known?: Resource,
  ): ArmResponse | Promise<ArmResponse> {
    const machine = known ?? system.snapshot().get(who.machineId);
    if (!machine) return error(401, "UnknownMachine", `Machine "${who.machineId}" does not exist.`);
    if (vmId && vmId !== machine.properties.vmId && vmId.toLowerCase() !== machine.name.toLowerCase())
      return error(403, "MachineMismatch", `The credential is for machine "${machine.name}", not "${vmId}".`);
    // The scope decides for the machine the credential names, on the path this connection took.
    const access = decider.machine(machine.id, ctx.decision.connection);
    if (access.decision === "REFUSE") {
      const reason = access.trace.at(-1)?.detail ?? access.reason;
      return { status: 403, body: refusalBody(REFUSAL_CODES[access.reason], reason) };
    }
    switch (route.name) {
      case "identity":
        return {
          status: 200,
          body: { access_token: who.issued?.accessToken, token_type: "Bearer", expires_in: who.issued?.expiresIn },
        };
      case "heartbeat": {
        let report: Record<string, unknown>;
        try {
          report = readJson(req);
        } catch {
          return error(400, "InvalidRequestContent", "The heartbeat body is not a JSON object.");
        }
        const agentVersion = typeof report.agentVersion === "string" ? report.agentVersion.slice(0, 32) : undefined;
        return keeper.beat(machine.id, { agentVersion }).then((body) => ({ status: 200, body }));
      }
      case "metadata":
        return {
          status: 200,
          headers: { "content-type": "application/json; charset=utf-8" },
          body: rendered(machine),
        };
      case "assignments":
      case "configurations":
        return { status: 200, body: { value: [] } };
      default:
        return { status: 202, body: {} };
    }
  }

  function discovery(req: ArmRequest): ArmResponse {
    const location = req.query.get("location") ?? "";
    const region = findRegion(location);
    if (!region) return error(400, "InvalidLocation", `The location '${location}' is not a known Azure region.`);
    return {
      status: 200,
      body: {
        location: region.name,
        his: region.hisCode ? `https://${region.hisCode}.his.arc.azure.com` : null,
        guestConfiguration: `https://${region.name}-gas.guestconfiguration.azure.com`,
        guestConfigurationGlobal: "https://agentserviceapi.guestconfiguration.azure.com",
        kubernetesConfiguration: `https://${region.name}.dp.kubernetesconfiguration.azure.com`,
      },
    };
  }

  return { his: door("his"), "guest-configuration": door("guest-configuration"), dp: door("dp") };
}
