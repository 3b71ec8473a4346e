// The shell: sign-in when nobody is signed in, else the header with the role's screens and the screen of
// the current path. Each screen gets focus on its heading when it opens, for keyboard and screen readers.
import { useEffect } from "react";
import { Loading } from "./components/State";
import { joinWords, t } from "./i18n";
import { Link, navigate, usePath } from "./lib/router";
import { homeFor, SCREEN_PATHS, type ScreenId, screenOf, screensFor } from "./lib/screens";
import { useSession } from "./lib/session";
import { Account } from "./screens/Account";
import { AlertDetail } from "./screens/AlertDetail";
import { AlertQueue } from "./screens/AlertQueue";
import { Audit } from "./screens/Audit";
import { CargoManifest } from "./screens/CargoManifest";
import { CashControl } from "./screens/CashControl";
import { FirearmCheck } from "./screens/FirearmCheck";
import { FirstLineCheck } from "./screens/FirstLineCheck";
import { Manifests } from "./screens/Manifests";
import { Overview } from "./screens/Overview";
import { PartnerRequests } from "./screens/PartnerRequests";
import { Referrals } from "./screens/Referrals";
import { Regional } from "./screens/Regional";
import { Rules } from "./screens/Rules";
import { SignIn } from "./screens/SignIn";
import { Users } from "./screens/Users";
import { VehicleCheck } from "./screens/VehicleCheck";
import { Watchlists } from "./screens/Watchlists";

function Screen({ path, screen, agency }: { path: string; screen: ScreenId; agency: string }) {
  const alertId = /^\/alerts\/([^/]+)$/.exec(path)?.[1];
  const cargoId = /^\/cargo\/([^/]+)$/.exec(path)?.[1];
  switch (screen) {
    case "check":
      return <FirstLineCheck />;
    case "manifests":
      return <Manifests />;
    case "vehicles":
      return <VehicleCheck />;
    case "firearms":
      return <FirearmCheck />;
    case "cash":
      return <CashControl />;
    case "cargo":
      return <CargoManifest id={cargoId ? decodeURIComponent(cargoId) : undefined} />;
    case "alerts":
      return alertId ? <AlertDetail id={decodeURIComponent(alertId)} /> : <AlertQueue />;
    case "watchlists":
      return <Watchlists />;
    case "rules":
      return <Rules />;
    case "audit":
      return <Audit />;
    case "overview":
      return <Overview />;
    case "referrals":
      return <Referrals />;
    case "partnerRequests":
      return <PartnerRequests />;
    case "regional":
      return <Regional />;
    case "users":
      return <Users agency={agency} />;
  }
}

export function App() {
  const { user, restoring, expired, signOut } = useSession();
  const path = usePath();
  const screens = user ? screensFor(user.roles) : [];
  const current = screenOf(path);
  const home = user ? homeFor(user.roles) : undefined;
  // A session that must change its password or enrol a second factor sees its account screen only.
  const onAccount = path === "/account" || Boolean(user?.restricted);

  useEffect(() => {
    if (user && home && !onAccount && (!current || !screens.includes(current)))
      navigate(home, { replace: true });
  }, [user, home, current, screens, onAccount]);

  useEffect(() => {
    document.title = current ? `${t.nav[current]} · ${t.app.name}` : t.app.name;
  }, [current]);

  if (restoring) return <Loading />;
  if (!user) return <SignIn notice={expired ? t.app.sessionExpired : undefined} />;

  return (
    <>
      <a className="skip-link" href="#main">
        {t.app.skipToContent}
      </a>
      <header className="app-header">
        <span className="brand">{t.app.name}</span>
        <nav aria-label={t.app.mainNav}>
          <ul>
            {(user.restricted ? [] : screens).map((s) => (
              <li key={s}>
                <Link href={SCREEN_PATHS[s]} aria-current={current === s ? "page" : undefined}>
                  {t.nav[s]}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{t.app.signedInAs(user.username, joinWords(user.roles.map((r) => t.roles[r] ?? r)))}</span>
          <Link href="/account" aria-current={path === "/account" ? "page" : undefined}>
            {t.account.link}
          </Link>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            {t.app.signOut}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {onAccount ? (
          <Account />
        ) : current && screens.includes(current) ? (
          <Screen key={path} path={path} screen={current} agency={user.agency ?? ""} />
        ) : (
          <p className="state empty">{home ? t.app.loading : t.app.nothingForRole}</p>
        )}
      </main>
    </>
  );
}
