// Validates protocol messages against docs/protocol.schema.json, the schema generated from the wire types.
// Input on stdin: JSON [{ "path": "<Definition>:<label>", "content": "<the message as JSON text>" }, ...]
//   where <Definition> is an entry of the schema's $defs (GenerateParams, GenerateResult, ...).
// Output on stdout: JSON [{ "tool", "path", "line", "column", "severity", "message" }, ...] — empty when all is well.
// Run as: node validate-protocol.mjs
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";

const TOOL = "protocol-schema";
const schema = JSON.parse(readFileSync(new URL("../../docs/protocol.schema.json", import.meta.url), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(schema, "protocol");

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const findings = [];
for (const { path, content } of JSON.parse(await readStdin())) {
  const definition = path.split(":")[0];
  const validate = ajv.getSchema(`protocol#/$defs/${definition}`);
  if (!validate) {
    findings.push({ tool: TOOL, path, line: 1, column: 1, severity: "error", message: `no definition ${definition} in the schema` });
    continue;
  }
  if (!validate(JSON.parse(content))) {
    for (const error of validate.errors) {
      findings.push({ tool: TOOL, path, line: 1, column: 1, severity: "error", message: `${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}` });
    }
  }
}
process.stdout.write(JSON.stringify(findings));
