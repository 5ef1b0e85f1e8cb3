import { useEffect, useState } from "preact/hooks";
import { API, type ApiError, arclink, arm, armList, type Resource, sameId, shortIds } from "../api";
import {
  ARC_ZONES,
  listLocations,
  listResourceGroups,
  listScopes,
  listSubscriptions,
  listVnets,
  listZones,
  normalizeLocation,
} from "../data";
import { useLoad } from "../live";
import { go, href } from "../router";
import { ProjectFields, Radios, Select } from "../ui/choice";
import { Field } from "../ui/field";
import { Notice } from "../ui/status";
import { Tabs } from "../ui/tabs";
import { type Basics, type EndpointTab, type PlannedWrite, scopeIdOf, wizardPlan } from "../wizard-plan";

type Tab = "basics" | "endpoint" | "review";
type Errors = Partial<Record<string, string>>;
interface ValidationError {
  id: string;
  code: string;
  message: string;
  target?: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}[A-Za-z0-9_]$|^[A-Za-z0-9]$/;

/** Where a rule's error belongs in the wizard: the field that holds the offending value. */
function fieldOf(write: PlannedWrite | undefined, e: ValidationError): string {
  if (!write) return "review";
  if (write.tab === "basics") return /location|region/i.test(e.code + (e.target ?? "")) ? "location" : "name";
  if (/VirtualNetwork|subnet|Address|Subnet/i.test(e.code + (e.target ?? ""))) return "vnet";
  if (/zone/i.test(write.what)) return "integrateDns";
  return /connection/i.test(e.target ?? "") ? "vnet" : "peName";
}

/** Create an Azure Arc Private Link Scope: Basics, Private endpoint, Review + create (validated before anything is written). */
export function ScopeCreatePage() {
  const [tab, setTab] = useState<Tab>("basics");
  const [basics, setBasics] = useState<Basics>({
    subscriptionId: "",
    resourceGroup: "",
    name: "",
    location: "westeurope",
    publicNetworkAccess: "Disabled",
  });
  const [pe, setPe] = useState<EndpointTab>({ create: true, name: "", vnetId: "", subnetId: "", integrateDns: true });
  const [errors, setErrors] = useState<Errors>({});
  const [review, setReview] = useState<{
    state: "idle" | "validating" | "passed" | "failed";
    plan?: PlannedWrite[];
    failures?: ValidationError[];
  }>({ state: "idle" });
  const [creating, setCreating] = useState<{ done: number; error?: string }>();

  const subs = useLoad(listSubscriptions);
  const sub = basics.subscriptionId;
  const groups = useLoad(async () => (sub ? listResourceGroups(sub) : []), [sub]);
  const locations = useLoad(async () => (sub ? listLocations(sub) : []), [sub]);
  const vnets = useLoad(async () => (sub ? listVnets(sub) : []), [sub]);
  useEffect(() => {
    if (!sub && subs.data?.[0]) setBasics((b) => ({ ...b, subscriptionId: subs.data![0].subscriptionId }));
  }, [subs.data]);
  useEffect(() => {
    if (!basics.resourceGroup && groups.data?.[0]) setBasics((b) => ({ ...b, resourceGroup: groups.data![0].name }));
  }, [groups.data]);

  const vnet = vnets.data?.find((v) => sameId(v.id, pe.vnetId));
  const setB = (patch: Partial<Basics>) => {
    setBasics((b) => ({ ...b, ...patch }));
    setReview({ state: "idle" });
  };
  const setP = (patch: Partial<EndpointTab>) => {
    setPe((p) => ({ ...p, ...patch }));
    setReview({ state: "idle" });
  };

  /** The checks the form can make alone; the rest comes from the server's dry run. */
  async function localErrors(): Promise<Errors> {
    const e: Errors = {};
    if (!basics.resourceGroup) e.resourceGroup = "Select a resource group.";
    if (!basics.name) e.name = "The name is required.";
    else if (!NAME.test(basics.name))
      e.name = "Use 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit.";
    else {
      const existing = (await listScopes(basics.subscriptionId)).find((s) => sameId(s.id, scopeIdOf(basics)));
      if (existing)
        e.name = `A private link scope named '${basics.name}' already exists in resource group '${basics.resourceGroup}'.`;
    }
    if (pe.create) {
      if (!pe.name) e.peName = "The private endpoint name is required.";
      else if (!NAME.test(pe.name)) e.peName = "Use 1–64 letters, digits, '.', '_' or '-'.";
      if (!pe.vnetId) e.vnet = "Select a virtual network.";
      if (!pe.subnetId) e.subnet = "Select a subnet.";
    }
    return e;
  }

  async function validate(): Promise<void> {
    setReview({ state: "validating" });
    const local = await localErrors();
    if (Object.keys(local).length) {
      setErrors(local);
      setReview({ state: "failed", failures: [] });
      return;
    }
    const zones = pe.create && pe.integrateDns ? await listZones(basics.subscriptionId) : [];
    const links = new Map<string, string[]>();
    for (const z of zones.filter((z) => ARC_ZONES.includes(z.name.toLowerCase()))) {
      const list = await armList<Resource<{ virtualNetwork?: { id: string } }>>(
        `${z.id}/virtualNetworkLinks`,
        API.privateDns,
      );
      links.set(
        z.id.toLowerCase(),
        list.map((l) => l.properties.virtualNetwork?.id ?? ""),
      );
    }
    const plan = wizardPlan(basics, pe, { vnets: vnets.data ?? [], zones, links });
    const result = await arclink<{ valid: boolean; errors: ValidationError[] }>("POST", "validate", {
      resources: plan.map(({ id, body }) => ({ id, body })),
    });
    const failures = result.errors.filter((x) => x.code !== "DependencyFailed");
    const next: Errors = {};
    for (const f of failures) {
      const field = fieldOf(
        plan.find((w) => sameId(w.id, f.id)),
        f,
      );
      const message = shortIds(f.message);
      next[field] = next[field] ? `${next[field]} ${message}` : message;
    }
    setErrors(next);
    setReview({ state: result.valid ? "passed" : "failed", plan, failures });
  }

  useEffect(() => {
    if (tab === "review" && review.state === "idle") void validate();
  }, [tab, review.state]);

  async function create(): Promise<void> {
    const plan = review.plan ?? [];
    setCreating({ done: 0 });
    for (let i = 0; i < plan.length; i++) {
      const { apiVersion, ...body } = plan[i].body;
      try {
        await arm("PUT", plan[i].id, apiVersion, body);
      } catch (err) {
        setCreating({ done: i, error: `${plan[i].what}: ${(err as ApiError).message}` });
        return;
      }
      setCreating({ done: i + 1 });
    }
    go(`/scope${scopeIdOf(basics)}`);
  }

  const basicsInvalid = ["name", "resourceGroup", "location"].some((k) => errors[k]);
  const endpointInvalid = ["peName", "vnet", "subnet", "integrateDns"].some((k) => errors[k]);
  const tabs = [
    { id: "basics", label: "Basics", invalid: basicsInvalid },
    { id: "endpoint", label: "Private endpoint", invalid: endpointInvalid },
    { id: "review", label: "Review + create" },
  ];
  const order: Tab[] = ["basics", "endpoint", "review"];
  const nextTab = order[order.indexOf(tab) + 1];
  const prevTab = order[order.indexOf(tab) - 1];

  return (
    <section aria-labelledby="page-title">
      <p class="crumbs">
        <a href={href("/scopes")}>Private link scopes</a> ›
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Create an Azure Arc Private Link Scope
      </h1>
      <Tabs label="Create steps" tabs={tabs} selected={tab} onSelect={(t) => setTab(t as Tab)}>
        {tab === "basics" ? (
          <fieldset>
            <legend>Project and instance details</legend>
            <ProjectFields
              prefix=""
              subscriptions={subs.data ?? []}
              groups={groups.data ?? []}
              locations={locations.data}
              value={basics}
              onChange={setB}
              errors={{ resourceGroup: errors.resourceGroup, location: errors.location }}
              between={
                <Field label="Name" id="scope-name" required error={errors.name}>
                  {(a) => (
                    <input {...a} value={basics.name} onInput={(e) => setB({ name: e.currentTarget.value.trim() })} />
                  )}
                </Field>
              }
            />
            <Radios
              label="Allow public network access"
              name="pna"
              value={basics.publicNetworkAccess}
              options={[
                { value: "Enabled", label: "Yes" },
                { value: "Disabled", label: "No" },
              ]}
              onChange={(publicNetworkAccess) => setB({ publicNetworkAccess })}
            />
          </fieldset>
        ) : null}
        {tab === "endpoint" ? (
          <fieldset>
            <legend>Private endpoint</legend>
            <label class="check">
              <input type="checkbox" checked={pe.create} onChange={(e) => setP({ create: e.currentTarget.checked })} />{" "}
              Create a private endpoint for this scope
            </label>
            {pe.create ? (
              <>
                <Field label="Name" id="pe-name" required error={errors.peName}>
                  {(a) => (
                    <input {...a} value={pe.name} onInput={(e) => setP({ name: e.currentTarget.value.trim() })} />
                  )}
                </Field>
                <Select
                  label="Virtual network"
                  id="vnet"
                  required
                  error={errors.vnet}
                  placeholder="Select a virtual network"
                  value={pe.vnetId}
                  options={(vnets.data ?? []).map((v) => ({
                    value: v.id,
                    label: `${v.name} (${v.location}, ${v.id.split("/")[4]})`,
                  }))}
                  onChange={(vnetId) => setP({ vnetId, subnetId: "" })}
                />
                <Select
                  label="Subnet"
                  id="subnet"
                  required
                  error={errors.subnet}
                  placeholder="Select a subnet"
                  value={pe.subnetId}
                  options={(vnet?.properties.subnets ?? []).map((x) => ({
                    value: x.id,
                    label: `${x.name} (${x.properties.addressPrefix})`,
                  }))}
                  onChange={(subnetId) => setP({ subnetId })}
                />
                <Radios
                  label="Integrate with private DNS zone"
                  name="dns"
                  value={pe.integrateDns ? "yes" : "no"}
                  options={[
                    { value: "yes", label: "Yes" },
                    { value: "no", label: "No" },
                  ]}
                  onChange={(v) => setP({ integrateDns: v === "yes" })}
                >
                  <p class="help">
                    Yes: the privatelink zones ({ARC_ZONES.join(", ")}) in resource group '{basics.resourceGroup}',
                    linked to the virtual network, hold the endpoint's records.
                  </p>
                  {errors.integrateDns ? (
                    <p class="error" role="alert">
                      {errors.integrateDns}
                    </p>
                  ) : null}
                </Radios>
                {vnet && normalizeLocation(vnet.location) !== normalizeLocation(basics.location) ? (
                  <Notice tone="info">
                    The endpoint is created in {vnet.location}, the virtual network's region; the scope stays in{" "}
                    {basics.location}.
                  </Notice>
                ) : null}
              </>
            ) : null}
          </fieldset>
        ) : null}
        {tab === "review" ? (
          <ReviewPanel basics={basics} pe={pe} review={review} creating={creating} onCreate={create} onGo={setTab} />
        ) : null}
      </Tabs>
      <div class="wizard-nav">
        {tab === "review" ? (
          <button
            type="button"
            class="primary"
            disabled={review.state !== "passed" || creating !== undefined}
            onClick={create}
          >
            Create
          </button>
        ) : (
          <button type="button" class="primary" onClick={() => setTab("review")}>
            Review + create
          </button>
        )}
        {prevTab ? (
          <button type="button" onClick={() => setTab(prevTab)}>
            &lt; Previous
          </button>
        ) : null}
        {nextTab && nextTab !== "review" ? (
          <button type="button" onClick={() => setTab(nextTab)}>
            Next: Private endpoint &gt;
          </button>
        ) : null}
      </div>
    </section>
  );
}

function ReviewPanel(props: {
  basics: Basics;
  pe: EndpointTab;
  review: { state: string; plan?: PlannedWrite[]; failures?: ValidationError[] };
  creating?: { done: number; error?: string };
  onCreate(): void;
  onGo(tab: Tab): void;
}) {
  const { basics, pe, review, creating } = props;
  return (
    <div>
      {review.state === "validating" ? (
        <Notice tone="info">Running final validation…</Notice>
      ) : review.state === "passed" ? (
        <Notice tone="ok">Validation passed.</Notice>
      ) : review.state === "failed" ? (
        <Notice tone="error" title="Validation failed.">
          Nothing was created. Fix the errors shown on the tabs:{" "}
          <button type="button" class="link" onClick={() => props.onGo("basics")}>
            Basics
          </button>{" "}
          ·{" "}
          <button type="button" class="link" onClick={() => props.onGo("endpoint")}>
            Private endpoint
          </button>
          <ul class="failures">
            {(review.failures ?? []).map((f) => (
              <li key={f.id + f.code}>
                <code>{f.code}</code>: <span title={f.message}>{shortIds(f.message)}</span>
              </li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <dl class="summary">
        <dt>Subscription</dt>
        <dd>{basics.subscriptionId}</dd>
        <dt>Resource group</dt>
        <dd>{basics.resourceGroup}</dd>
        <dt>Name</dt>
        <dd>{basics.name}</dd>
        <dt>Region</dt>
        <dd>{basics.location}</dd>
        <dt>Allow public network access</dt>
        <dd>{basics.publicNetworkAccess === "Enabled" ? "Yes" : "No"}</dd>
        <dt>Private endpoint</dt>
        <dd>{pe.create ? `${pe.name} in ${pe.subnetId.split("/").slice(-3).join("/")}` : "None"}</dd>
        <dt>Integrate with private DNS zone</dt>
        <dd>{pe.create ? (pe.integrateDns ? "Yes" : "No") : "—"}</dd>
      </dl>
      {review.plan ? (
        <>
          <h2>What will be created</h2>
          <ol class="plan">
            {review.plan.map((w, i) => (
              <li key={w.id}>
                {w.what}
                {creating && i < creating.done ? <span class="done"> — created</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {creating?.error ? <Notice tone="error">{creating.error}</Notice> : null}
    </div>
  );
}
