import { useEffect, useState } from "preact/hooks";
import { arclink, currentSession, download, idParts } from "../api";
import { listLocations, listResourceGroups, listScopes, listSubscriptions, normalizeLocation } from "../data";
import { useLoad } from "../live";
import { href } from "../router";
import { ProjectFields, Radios, Select } from "../ui/choice";
import { Field } from "../ui/field";
import { Notice } from "../ui/status";

interface Script {
  text: string;
  fileName: string;
  warnings: string[];
}

interface Tag {
  name: string;
  value: string;
}

/**
 * Add a server with Azure Arc → Generate script: the same script as
 * `arclink generate onboarding-script` with the same options.
 */
export function OnboardingPage() {
  const subs = useLoad(listSubscriptions);
  const [sub, setSub] = useState("");
  const [rg, setRg] = useState("");
  const [region, setRegion] = useState("westeurope");
  const [os, setOs] = useState<"windows" | "linux">("linux");
  const [method, setMethod] = useState<"public" | "private">("private");
  const [scope, setScope] = useState("");
  const [tags, setTags] = useState<Tag[]>([{ name: "", value: "" }]);
  const [script, setScript] = useState<Script>();
  const [error, setError] = useState<string>();
  const groups = useLoad(async () => (sub ? listResourceGroups(sub) : []), [sub]);
  const locations = useLoad(async () => (sub ? listLocations(sub) : []), [sub]);
  const scopes = useLoad(async () => (sub ? listScopes(sub) : []), [sub]);
  useEffect(() => {
    if (!sub && subs.data?.[0]) setSub(subs.data[0].subscriptionId);
  }, [subs.data]);
  useEffect(() => {
    if (!rg && groups.data?.[0]) setRg(groups.data[0].name);
  }, [groups.data]);
  const inRegion = (scopes.data ?? []).filter((s) => normalizeLocation(s.location) === normalizeLocation(region));
  useEffect(() => {
    if (!inRegion.some((s) => s.id === scope)) setScope(inRegion[0]?.id ?? "");
  }, [scopes.data, region]);

  async function generate(e: Event) {
    e.preventDefault();
    setError(undefined);
    setScript(undefined);
    try {
      const out = await arclink<Script>("POST", "generate/onboarding-script", {
        os,
        connectivity: method === "private" ? "private-endpoint" : "public-endpoint",
        privateLinkScope: method === "private" ? scope : undefined,
        subscriptionId: sub,
        resourceGroup: rg,
        location: region,
        tenantId: currentSession()?.tenantId,
        tags: Object.fromEntries(tags.filter((t) => t.name.trim()).map((t) => [t.name.trim(), t.value])),
      });
      setScript(out);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  return (
    <section aria-labelledby="page-title">
      <p class="crumbs">
        <a href={href("/machines")}>Machines</a> ›
      </p>
      <h1 id="page-title" tabIndex={-1}>
        Add a server with Azure Arc: generate script
      </h1>
      <form onSubmit={generate}>
        <fieldset>
          <legend>Project details</legend>
          <ProjectFields
            prefix="ob-"
            subscriptions={subs.data ?? []}
            groups={groups.data ?? []}
            locations={locations.data}
            value={{ subscriptionId: sub, resourceGroup: rg, location: region }}
            onChange={(p) => {
              if (p.subscriptionId !== undefined) setSub(p.subscriptionId);
              if (p.resourceGroup !== undefined) setRg(p.resourceGroup);
              if (p.location !== undefined) setRegion(p.location);
            }}
          />
          <Radios<"windows" | "linux">
            label="Operating system"
            name="os"
            value={os}
            options={[
              { value: "windows", label: "Windows" },
              { value: "linux", label: "Linux" },
            ]}
            onChange={setOs}
          />
        </fieldset>
        <fieldset>
          <legend>Connectivity method</legend>
          <Radios<"public" | "private">
            label="Connectivity method"
            name="method"
            value={method}
            options={[
              { value: "public", label: "Public endpoint" },
              { value: "private", label: "Private endpoint" },
            ]}
            onChange={setMethod}
          />
          {method === "private" ? (
            <Select
              label="Private link scope"
              id="ob-scope"
              required
              help={`Scopes in ${region}: a machine and its scope must be in the same region.`}
              error={
                inRegion.length === 0 && scopes.data
                  ? `No private link scope in ${region}. Create one first.`
                  : undefined
              }
              value={scope}
              options={inRegion.map((s) => ({ value: s.id, label: `${s.name} (${idParts(s.id).resourceGroup})` }))}
              onChange={setScope}
            />
          ) : (
            <Notice tone="info">
              The agent connects over Azure Arc's public endpoints, without a private link scope (
              <code>arclink generate onboarding-script --connectivity public-endpoint</code>). A private endpoint that
              answers for the Arc names accepts only machines of its scope: the script checks they resolve publicly.
            </Notice>
          )}
        </fieldset>
        <fieldset>
          <legend>Tags</legend>
          {tags.map((t, i) => (
            <div class="tag-row" key={i}>
              <Field label={`Tag ${i + 1} name`} id={`tag-name-${i}`}>
                {(a) => (
                  <input
                    {...a}
                    value={t.name}
                    onInput={(e) => setTags(tags.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))}
                  />
                )}
              </Field>
              <Field label={`Tag ${i + 1} value`} id={`tag-value-${i}`}>
                {(a) => (
                  <input
                    {...a}
                    value={t.value}
                    onInput={(e) => setTags(tags.map((x, j) => (j === i ? { ...x, value: e.currentTarget.value } : x)))}
                  />
                )}
              </Field>
            </div>
          ))}
          <button type="button" onClick={() => setTags([...tags, { name: "", value: "" }])}>
            + Add tag
          </button>
        </fieldset>
        <button type="submit" class="primary" disabled={method === "private" && !scope}>
          Generate script
        </button>
      </form>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {script ? (
        <section class="card" aria-labelledby="script-title">
          <h2 id="script-title">{script.fileName}</h2>
          {script.warnings.map((w) => (
            <Notice key={w} tone="warning">
              {w}
            </Notice>
          ))}
          <div class="toolbar">
            <button type="button" class="primary" onClick={() => download(script.fileName, script.text)}>
              Download
            </button>
          </div>
          <pre class="script">{script.text}</pre>
        </section>
      ) : null}
    </section>
  );
}
