#!/usr/bin/env python3
"""A provider that keeps every rule of `cigen providers check` except the one its mode breaks, so the conformance
tests can show that each rule catches its flaw and only that rule fails. The mode is the executable's name: tests copy
this file to `cigen-provider-<mode>`.

It lists every workflow, job and named step of the graph in `.flawed/<workflow>.yml`.

Modes:
  conformant       no flaw: passes every rule
  goodbye          prints a farewell to stdout when stdin ends                     (stdout-protocol-only)
  random           puts a random number into every file                           (deterministic)
  escape           also returns the file ../escape.yml                             (paths-inside-root)
  baddiag          reports a diagnostic with severity "fatal" and a line but no file (diagnostics-well-formed)
  noapproval       leaves approval jobs out without a word                         (jobs-rendered)
  approvalwarning  leaves approval jobs out, with a warning naming each one        (passes: diagnosed, not dropped)
  nouses           leaves `uses` steps out without a word                          (steps-rendered)
  anyversion       accepts any protocol version it is offered                     (version-refusal)
  exactversion     refuses any offer but exactly 2-2                               (version-choice)
  cancelcrash      exits when it receives $/cancelRequest                          (cancellation)
  noshutdown       never answers shutdown (exits when stdin ends)                  (shutdown, timeouts)
  linger           stays when stdin ends without a shutdown                        (exit-on-eof)
"""
import json
import os
import random
import sys
import time

MODE = os.path.basename(sys.argv[0]).removeprefix("cigen-provider-")
WIRE_OUT, WIRE_IN = sys.stdout.buffer, sys.stdin.buffer
sys.stdout = sys.stderr


def read_message():
    length = None
    while True:
        line = WIRE_IN.readline()
        if not line:
            return None
        if line == b"\r\n":
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    return json.loads(WIRE_IN.read(length).decode("utf-8"))


def write_message(message):
    body = json.dumps(message, separators=(",", ":")).encode("utf-8")
    WIRE_OUT.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    WIRE_OUT.flush()


def step_lines(steps, indent):
    lines = []
    for step in steps:
        if MODE == "nouses" and step["kind"] == "uses":
            continue
        lines.append(f"{indent}- {step['kind']}: {json.dumps(step.get('name') or step.get('command') or '')}")
    return lines


def generate(graph):
    files, diagnostics = [], []
    for workflow in graph.get("workflows", []):
        lines = [f"workflow: {workflow['id']}", "jobs:"]
        for job in workflow.get("jobs", []):
            if job.get("type") == "approval" and MODE in ("noapproval", "approvalwarning"):
                if MODE == "approvalwarning":
                    source = job["source"]
                    diagnostics.append({"severity": "warning", "code": "FLAW001", "message": "approval jobs are not supported; left out",
                                        "file": source["file"], "line": source["line"], "column": source["column"],
                                        "workflow": workflow["id"], "job": job["id"]})
                continue
            lines.append(f"  {job['id']}:")
            lines.extend(step_lines(job.get("steps", []), "    "))
        if MODE == "random":
            lines.append(f"# {random.random()}")
        files.append({"path": f".flawed/{workflow['id']}.yml", "content": "\n".join(lines) + "\n"})
    if graph.get("commands"):
        lines = ["commands:"]
        for command in graph["commands"]:
            lines.append(f"  {command['name']}:")
            lines.extend(step_lines(command.get("steps", []), "    "))
        files.append({"path": ".flawed/commands.yml", "content": "\n".join(lines) + "\n"})
    if MODE == "escape":
        files.append({"path": "../escape.yml", "content": "x: 1\n"})
    if MODE == "baddiag":
        diagnostics.append({"severity": "fatal", "code": "FLAW002", "message": "something", "line": 3})
    return {"files": files, "diagnostics": diagnostics}


def main():
    if os.environ.get("CIGEN_PROVIDER_MAGIC") != "a3f1c0de-cigen-provider-v1":
        print("This is a cigen provider plugin; cigen starts it.", file=sys.stderr)
        return 1
    initialized = shut_down = False
    while (message := read_message()) is not None:
        method = message.get("method")
        if "id" not in message:
            if method == "$/cancelRequest" and MODE == "cancelcrash":
                print("a cancellation! giving up", file=sys.stderr, flush=True)
                return 3
            continue
        reply = {"jsonrpc": "2.0", "id": message["id"]}
        params = message.get("params") or {}
        if shut_down:
            reply["error"] = {"code": -32600, "message": "request after shutdown"}
        elif method == "initialize":
            offered = params["protocolVersions"]
            strict = MODE == "exactversion" and (offered["min"], offered["max"]) != (2, 2)
            if MODE == "anyversion":
                initialized = True
                reply["result"] = {"name": MODE, "version": "0.1.0", "protocolVersion": offered["min"], "capabilities": [], "outputs": [".flawed/*.yml"]}
            elif strict or not offered["min"] <= 2 <= offered["max"]:
                reply["error"] = {"code": -31001, "message": f"Unsupported protocol version: the host speaks {offered['min']}-{offered['max']}, this provider speaks 2."}
            else:
                initialized = True
                reply["result"] = {"name": MODE, "version": "0.1.0", "protocolVersion": 2, "capabilities": [], "outputs": [".flawed/*.yml"]}
        elif method == "generate":
            if initialized:
                reply["result"] = generate(params["graph"])
            else:
                reply["error"] = {"code": -31002, "message": "generate before initialize"}
        elif method == "shutdown":
            shut_down = True
            if MODE == "noshutdown":
                continue
            reply["result"] = None
        else:
            reply["error"] = {"code": -32601, "message": f"unknown method {method}"}
        write_message(reply)
    if MODE == "goodbye":
        WIRE_OUT.write(b"goodbye from the flawed provider\n")
        WIRE_OUT.flush()
    if MODE == "linger" and not shut_down:
        time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
