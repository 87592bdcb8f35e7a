// Module resolution hook (see module-log.mjs): one stderr line per file module.
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (resolved.url.startsWith('file:')) process.stderr.write(`module-log: ${resolved.url}\n`);
  return resolved;
}
