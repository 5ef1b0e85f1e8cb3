import { useState } from "preact/hooks";
import { DEFAULT_TENANT, signIn } from "../api";
import { Field } from "../ui/field";
import { Notice } from "../ui/status";

/** Sign in with the lab's service principal (the client id and secret `arclink up` prints). */
export function SignInPage(props: { onSignedIn(): void }) {
  const [tenant, setTenant] = useState(DEFAULT_TENANT);
  const [clientId, setClientId] = useState("");
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await signIn(tenant.trim(), clientId.trim(), secret);
      props.onSignedIn();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="sign-in" id="main">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to arclink</h1>
        <p>
          Use the lab's service principal: <code>arclink up</code> prints its client id and secret.
        </p>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Field label="Tenant" id="tenant" required>
          {(a) => <input {...a} value={tenant} onInput={(e) => setTenant(e.currentTarget.value)} required />}
        </Field>
        <Field label="Client ID" id="client-id" required>
          {(a) => (
            <input
              {...a}
              value={clientId}
              autoComplete="username"
              onInput={(e) => setClientId(e.currentTarget.value)}
              required
            />
          )}
        </Field>
        <Field label="Secret" id="secret" required>
          {(a) => (
            <input
              {...a}
              type="password"
              value={secret}
              autoComplete="current-password"
              onInput={(e) => setSecret(e.currentTarget.value)}
              required
            />
          )}
        </Field>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
