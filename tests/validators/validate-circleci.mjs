// Validates many CircleCI configs in one process against CircleCI's official JSON schema (schemas/circleciconfig.json).
// Input on stdin: JSON [{ "path": ".circleci/config.yml", "content": "..." }, ...]
// Output on stdout: JSON [{ "tool", "path", "line", "column", "severity", "message" }, ...] — empty when all is well.
// Run as: node validate-circleci.mjs
// The schema is only half of the judge: references between jobs, commands, executors and orbs are checked by the C#
// helper (tests/CIGen.Testing/Validation/CircleCi), because the schema cannot express them.
import { readFileSync } from "node:fs";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments } from "yaml";

const TOOL = "circleci-schema";

const schema = JSON.parse(readFileSync(new URL("./schemas/circleciconfig.json", import.meta.url), "utf8"));
// The schema is draft-07 and uses keywords of the VS Code extension (markdownDescription): strict mode would refuse it.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

function finding(path, pos, message) {
  return { tool: TOOL, path, line: pos.line, column: pos.col, severity: "error", message };
}

// Read as YAML 1.1, the stricter reading (yes/no/on/off are booleans; merge keys, which CircleCI supports, work) —
// with the float rule of common YAML 1.1 libraries (SnakeYAML, PyYAML), which want a digit: the spec's own pattern
// makes `root: .` (an example of CircleCI's documentation) a float.
const FLOAT_WITH_DIGIT = /^[-+]?(?:[0-9][0-9_]*\.[0-9_]*|\.[0-9][0-9_]*)$/;
const SPEC_FLOAT = String(/^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/);
function customTags(tags) {
  const i = tags.findIndex((t) => t.tag === "tag:yaml.org,2002:float" && !t.format && String(t.test) === SPEC_FLOAT);
  if (i < 0) throw new Error("the yaml package's YAML 1.1 float tag changed: update customTags in validate-circleci.mjs");
  return tags.with(i, { ...tags[i], test: FLOAT_WITH_DIGIT });
}

function parse(file) {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(file.content, { version: "1.1", customTags, lineCounter, prettyErrors: false });
  const problems = [];
  for (const doc of docs) {
    for (const e of [...doc.errors, ...doc.warnings]) {
      problems.push(finding(file.path, lineCounter.linePos(e.pos[0]), `YAML: ${e.message} [${e.code}]`));
    }
  }
  if (problems.length === 0 && docs.length !== 1) {
    problems.push(finding(file.path, { line: 1, col: 1 }, `a CircleCI config is one YAML document, found ${docs.length}`));
  }
  return { doc: docs[0], lineCounter, problems };
}

// The source position of the node an instancePath points at, or of its nearest ancestor that exists in the text;
// `key` names a key of that node to point at instead (an unknown property, an invalid property name).
function position(doc, lineCounter, instancePath, key) {
  const segments = instancePath === "" ? [] : instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = doc.contents;
  let range = node?.range;
  const resolve = (n) => (isAlias(n) ? n.resolve(doc) : n);
  for (const segment of [...segments, ...(key === undefined ? [] : [key])]) {
    node = resolve(node);
    let next;
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) break;
      // A key without a value has an empty range at the end of the line: point at the key then.
      const useKey = segment === key || !pair.value || (isScalar(pair.value) && pair.value.value === null);
      range = useKey ? pair.key?.range : pair.value.range;
      next = pair.value;
    } else if (isSeq(node)) {
      next = node.items[Number(segment)];
      if (!next) break;
      range = next.range;
    } else {
      break;
    }
    node = next;
  }
  return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
}

function describe(error) {
  const where = error.instancePath === "" ? "config" : error.instancePath;
  const p = error.params;
  switch (error.keyword) {
    case "additionalProperties":
      return `${where}: unknown key '${p.additionalProperty}' (${error.message})`;
    case "propertyNames":
      return `${where}: invalid key '${p.propertyName}'`;
    case "enum":
      return `${where}: ${error.message}: ${p.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${where}: ${error.message}: ${JSON.stringify(p.allowedValue)}`;
    case "oneOf":
      return p.passingSchemas ? `${where}: matches more than one alternative of the schema (${p.passingSchemas.join(", ")})` : `${where}: ${error.message}`;
    default:
      return `${where}: ${error.message}`;
  }
}

const below = (child, parent) => child === parent || child.startsWith(parent + "/");

// ajv reports every failed alternative of a oneOf/anyOf/if. Keep what says what is wrong: a combinator is only a
// summary of the errors its alternatives reported at or below the same place (their schemaPath is relative to a
// $ref'd definition, so the place is what links them), and an alternative that failed only on its type is noise when
// another alternative got further there (it had the right type).
const isSummary = (e) => e.keyword === "if" || ((e.keyword === "oneOf" || e.keyword === "anyOf") && !e.params.passingSchemas);
const isWrongTypeAlternative = (e) => e.keyword === "type" && /\/(?:oneOf|anyOf)\/\d+\/type$/.test(e.schemaPath);

function essential(errors) {
  const details = errors.filter((e) => !isSummary(e));
  return errors.filter((e) => {
    if (isSummary(e)) return !details.some((d) => below(d.instancePath, e.instancePath));
    if (isWrongTypeAlternative(e)) {
      return !details.some((d) => d !== e && below(d.instancePath, e.instancePath)
        && !(isWrongTypeAlternative(d) && d.instancePath === e.instancePath));
    }
    return true;
  });
}

function check(file) {
  const { doc, lineCounter, problems } = parse(file);
  if (problems.length > 0) return problems;
  if (validate(doc.toJS({ maxAliasCount: -1 }))) return [];
  const seen = new Set();
  const findings = [];
  for (const error of essential(validate.errors)) {
    const message = describe(error);
    if (seen.has(message)) continue;
    seen.add(message);
    const key = error.params.additionalProperty ?? error.params.propertyName;
    findings.push(finding(file.path, position(doc, lineCounter, error.instancePath, key), message));
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

const files = JSON.parse(await readStdin());
process.stdout.write(JSON.stringify(files.flatMap(check)));
