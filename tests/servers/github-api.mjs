// A stand-in for the one GitHub REST API endpoint cigen's runtime calls: "List GitHub Actions caches for a repository"
// (GET /repos/{owner}/{repo}/actions/caches), with the query parameters, paging, errors and headers GitHub documents.
// The tests cannot reach GitHub, so this server answers on 127.0.0.1 from a JSON file the test writes:
//   { "token": "...", "entries": [{ "key": "...", "ref": "refs/heads/main" }, ...] }   (entries newest first)
// re-read on every request. Every request's path and query is appended to the log file, one per line.
// Usage: node github-api.mjs STATE_FILE LOG_FILE; prints "listening on 127.0.0.1:PORT" when ready.
import { createServer } from "node:http";
import { appendFileSync, readFileSync } from "node:fs";

const [stateFile, logFile] = process.argv.slice(2);

function answer(response, status, body) {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  response.end(JSON.stringify(body));
}

const server = createServer((request, response) => {
  const url = new URL(request.url, "http://127.0.0.1");
  appendFileSync(logFile, `${url.pathname}${url.search}\n`);
  const state = JSON.parse(readFileSync(stateFile, "utf8"));
  if (request.method !== "GET" || !/^\/repos\/[^/]+\/[^/]+\/actions\/caches$/.test(url.pathname)) {
    return answer(response, 404, { message: "Not Found" });
  }
  if (request.headers.authorization !== `Bearer ${state.token}`) {
    return answer(response, 401, { message: "Bad credentials" });
  }
  if (state.forbidden) {
    return answer(response, 403, { message: "Resource not accessible by integration" });
  }
  const perPage = Math.min(Number(url.searchParams.get("per_page") ?? 30), 100);
  const page = Number(url.searchParams.get("page") ?? 1);
  const ref = url.searchParams.get("ref");
  const key = url.searchParams.get("key") ?? "";
  const matching = state.entries.filter((e) => (ref === null || e.ref === ref) && e.key.startsWith(key));
  const pageEntries = matching.slice((page - 1) * perPage, page * perPage);
  answer(response, 200, {
    total_count: matching.length,
    actions_caches: pageEntries.map((e, i) => ({
      id: i + 1,
      ref: e.ref,
      key: e.key,
      version: "0123456789abcdef",
      last_accessed_at: "2026-12-01T00:00:00Z",
      created_at: "2026-12-01T00:00:00Z",
      size_in_bytes: 42,
    })),
  });
});

server.listen(0, "127.0.0.1", () => {
  console.log(`listening on 127.0.0.1:${server.address().port}`);
});
