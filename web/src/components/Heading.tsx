// A screen's title, focused when the screen opens so that keyboard and screen-reader users start there.
import { type ReactNode, useEffect, useRef } from "react";

export function ScreenTitle({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: true });
  }, []);
  return (
    <h1 ref={ref} id={id} tabIndex={-1}>
      {children}
    </h1>
  );
}
