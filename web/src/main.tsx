import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { browserLocale, setLocale } from "./i18n";
import { SessionProvider } from "./lib/session";
import "./styles.css";

// The browser's language until the officer signs in and their own is known.
setLocale(browserLocale());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
