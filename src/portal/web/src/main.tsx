import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { currentSession, signOut } from "./api";
import { startLive, useLive } from "./live";
import { MachinesPage } from "./pages/machines";
import { OnboardingPage } from "./pages/onboarding";
import { ScopeCreatePage } from "./pages/scope-create";
import { ScopePage } from "./pages/scope-page";
import { ScopesPage } from "./pages/scopes";
import { SignInPage } from "./pages/sign-in";
import { TopologyPage } from "./pages/topology";
import { href, useRoute } from "./router";
import { ThemeToggle } from "./theme";
import "./styles.css";

const NAV = [
  { path: "/scopes", label: "Private link scopes" },
  { path: "/machines", label: "Machines – Azure Arc" },
  { path: "/topology", label: "Topology" },
];

function Page() {
  const route = useRoute();
  const p = route.path;
  if (p === "/scopes/new") return <ScopeCreatePage />;
  if (p.startsWith("/scope/"))
    return <ScopePage id={p.slice("/scope".length)} tab={route.query.get("tab") ?? "overview"} />;
  if (p === "/machines/onboard") return <OnboardingPage />;
  if (p === "/machines") return <MachinesPage />;
  if (p === "/topology") return <TopologyPage select={route.query.get("select") ?? undefined} />;
  return <ScopesPage />;
}

function LiveIndicator() {
  const { connected, version } = useLive();
  return (
    <p class={`live ${connected ? "on" : "off"}`} role="status" title={`World version ${version}`}>
      <span aria-hidden="true">●</span> {connected ? "Live" : "Reconnecting…"}
    </p>
  );
}

function Shell() {
  const route = useRoute();
  useEffect(() => {
    startLive();
  }, []);
  // Move focus to the page heading on navigation, for keyboard and screen-reader users.
  useEffect(() => {
    document.querySelector<HTMLElement>("main h1")?.focus();
  }, [route.path]);
  const session = currentSession();
  return (
    <div class="shell">
      <button type="button" class="skip" onClick={() => document.getElementById("main")?.focus()}>
        Skip to content
      </button>
      <header class="top">
        <span class="brand">arclink portal</span>
        <LiveIndicator />
        <ThemeToggle />
        <span class="who" title="Signed in as the service principal">
          {session?.clientId.slice(0, 8)}…
        </span>
        <button type="button" class="link" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main">
        <ul>
          {NAV.map((n) => (
            <li key={n.path}>
              <a
                href={href(n.path)}
                aria-current={route.path.startsWith(n.path.replace(/s$/, "")) ? "page" : undefined}
              >
                {n.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Page />
      </main>
    </div>
  );
}

function App() {
  const [signedIn, setSignedIn] = useState(() => currentSession() !== undefined);
  return signedIn ? <Shell /> : <SignInPage onSignedIn={() => setSignedIn(true)} />;
}

render(<App />, document.getElementById("app")!);
