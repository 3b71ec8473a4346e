// The active strings. A second language is one more module of the `Strings` shape, picked here.
import { en, type Strings } from "./en";

export const t: Strings = en;
