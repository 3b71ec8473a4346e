// Appends seen by this process, so the checkpointer can sign one every N entries without polling.
type Listener = () => void;

const listeners = new Set<Listener>();

export function noteAppend(): void {
  for (const l of listeners) l();
}

/** Calls `listener` after every append of this process; returns the unsubscribe. */
export function onAppend(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
