// Node >= 20.6 loader hook: @actions/workflow-parser and @actions/languageservice import JSON files without
// `with { type: "json" }`, which Node rejects. Adding the attribute to every `.json` load makes them load unchanged.
export async function load(url, context, nextLoad) {
  if (url.endsWith(".json")) {
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  }
  return nextLoad(url, context);
}
