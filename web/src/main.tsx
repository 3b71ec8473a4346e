import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { setLocale, storedLocale } from "./i18n";
import { SessionProvider } from "./lib/session";
import "./styles.css";

// This browser's last language until the officer signs in and their own is known.
setLocale(storedLocale());

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
