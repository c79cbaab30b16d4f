// Resolves the extensionless and directory imports of dt-sql-parser's ES modules, which
// its bundler-oriented build writes and Node's loader refuses ('./parser' ->
// './parser/index.js', './foo' -> './foo.js'). Registered by parse.mjs before it imports.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (!specifier.startsWith('.') ||
        (e.code !== 'ERR_UNSUPPORTED_DIR_IMPORT' && e.code !== 'ERR_MODULE_NOT_FOUND'))
      throw e;
    for (const tail of ['.js', '/index.js']) {
      try {
        return await next(specifier + tail, context);
      } catch {}
    }
    throw e;
  }
}
