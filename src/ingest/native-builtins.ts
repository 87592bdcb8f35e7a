/**
 * pdf.js's legacy build bundles core-js polyfills. On Node 20 some of them are
 * "forced": they replace native built-ins for the whole process with JavaScript
 * versions (Array.prototype.push, JSON.parse), which slows pdf.js itself and every
 * line of ours that pushes to an array. We load such a module, then put back any
 * native that existed before and was swapped. Additions (Promise.withResolvers,
 * Set methods, Uint8Array.prototype.toHex, ...) stay: pdf.js needs them on Node 20.
 */

/** The built-ins whose properties core-js is known to patch. */
const PATCHED_OWNERS: object[] = [
  Array,
  Array.prototype,
  Object,
  Object.prototype,
  Function.prototype,
  String,
  String.prototype,
  Number,
  Number.prototype,
  RegExp.prototype,
  Promise,
  Promise.prototype,
  Map,
  Map.prototype,
  Set.prototype,
  WeakMap.prototype,
  Uint8Array,
  Uint8Array.prototype,
  ArrayBuffer.prototype,
  JSON,
  Math,
  Reflect,
];

type Snapshot = Map<object, Map<PropertyKey, PropertyDescriptor>>;

function snapshot(): Snapshot {
  const snap: Snapshot = new Map();
  for (const owner of PATCHED_OWNERS) {
    const props = new Map<PropertyKey, PropertyDescriptor>();
    for (const key of Reflect.ownKeys(owner)) {
      const d = Object.getOwnPropertyDescriptor(owner, key);
      if (d && typeof d.value === 'function') props.set(key, d);
    }
    snap.set(owner, props);
  }
  return snap;
}

/** Puts back every native function that was replaced since `before`; returns what was restored. */
function restore(before: Snapshot): string[] {
  const restored: string[] = [];
  for (const [owner, props] of before) {
    for (const [key, d] of props) {
      const now = Object.getOwnPropertyDescriptor(owner, key);
      if (now && now.value === d.value) continue;
      try {
        Object.defineProperty(owner, key, d);
        restored.push(String(key));
      } catch {
        // A frozen or non-configurable property: leave it as the module set it.
      }
    }
  }
  return restored;
}

/** Runs `load` (a dynamic import) and undoes its replacement of native functions. */
export async function importKeepingNatives<T>(load: () => Promise<T>): Promise<T> {
  const before = snapshot();
  try {
    return await load();
  } finally {
    restore(before);
  }
}

/** True when `fn` is the engine's own implementation, not a JavaScript stand-in. */
export function isNative(fn: unknown): boolean {
  return typeof fn === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));
}
