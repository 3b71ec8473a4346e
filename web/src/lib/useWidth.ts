// The width an element is laid out at, followed as it changes: charts draw in CSS pixels at that width, so
// their text keeps the page's size instead of scaling with a viewBox.
import { type RefObject, useLayoutEffect, useState } from "react";

export function useWidth(ref: RefObject<Element | null>, initial = 420): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(160, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
