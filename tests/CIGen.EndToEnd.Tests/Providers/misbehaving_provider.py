#!/usr/bin/env python3
"""A provider that breaks the protocol on purpose, one way per mode, to test that cigen fails clearly and writes
nothing. The mode is the executable's name: tests copy this file to `cigen-provider-<mode>`.

Modes:
  stray         prints a line to stdout before answering generate
  crash         logs to stderr and exits with code 3 in the middle of generate
  hang          never answers generate
  hangspy       never answers generate: starts a grandchild (its pid in hangspy.pid beside the executable), logs the
                method of every message the host sends after generate to hangspy.log, then "EOF" when stdin ends,
                and still does not exit, so that only the host's kill ends it
  lingerspy     behaves, but starts a grandchild (its pid in lingerspy.pid beside the executable), logs the method of
                every message it reads to lingerspy.log, then "EOF" when stdin ends, and does not exit
  wrongversion  answers initialize with protocol version 99
  oldversion    answers initialize with error -31001 (it speaks only protocol 0)
  v1            answers initialize as a protocol-1 provider does when offered only 2: error -31001 naming both ranges
  dotdot        returns the path ../x.yml
  absolute      returns the path /tmp/cigen-absolute.yml
  duplicate     returns .bad/a.yml twice
  errordiag     returns a file and an error diagnostic
  badresult     answers generate with a result of the wrong shape
  envdump       returns env.txt: the names of its environment variables, one per line
  asks          sends the host a request and a notification during generate, then returns .good/asked.yml holding
                the host's answer to the request
  wrongid       answers generate under an id the host never used
  wrongidtype   answers generate with its id as a string ("1" for 1)
  noversion     answers initialize without protocolVersion
  othername     answers initialize with the name someone-else
  trailingnewline  writes a line break after its initialize answer
  newlinepath   returns the path ".bad/a\nb.yml"
  good          behaves (returns .good/ok.yml)
"""
import json
import os
import subprocess
import sys
import time

MODE = os.path.basename(sys.argv[0]).removeprefix("cigen-provider-")
WIRE_OUT, WIRE_IN = sys.stdout.buffer, sys.stdin.buffer


def read_message():
    length = None
    while True:
        line = WIRE_IN.readline()
        if not line:
            return None
        if line == b"\r\n":
            break
        name, _, value = line.decode("ascii").partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(WIRE_IN.read(length))


def write_message(message):
    body = json.dumps(message).encode("utf-8")
    WIRE_OUT.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    WIRE_OUT.flush()


def files_for_mode():
    if MODE == "dotdot":
        return [{"path": "../x.yml", "content": "x: 1\n"}], []
    if MODE == "absolute":
        return [{"path": "/tmp/cigen-absolute.yml", "content": "x: 1\n"}], []
    if MODE == "duplicate":
        return [{"path": ".bad/a.yml", "content": "a: 1\n"}, {"path": ".bad/a.yml", "content": "a: 2\n"}], []
    if MODE == "errordiag":
        return [{"path": ".bad/a.yml", "content": "a: 1\n"}], [
            {"severity": "error", "code": "BAD001", "message": "this platform cannot do that", "file": "cigen.yml", "line": 2, "column": 3}]
    if MODE == "dirclash":
        return [{"path": ".woodpecker/ci.yml", "content": "a: 1\n"}, {"path": ".woodpecker/ci.yml/sub.yml", "content": "b: 1\n"}], []
    if MODE == "longsegment":
        return [{"path": ".good/ok.yml", "content": "ok: true\n"}, {"path": ".good/" + "n" * 300 + ".yml", "content": "x: 1\n"}], []
    if MODE == "bigfiles":
        # bigfiles.txt beside the executable: "COUNT SIZE TAG"; each file is SIZE bytes of lines naming TAG, so a test
        # can tell an old file from a new one and either from a torn one.
        with open(os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), "bigfiles.txt")) as spec:
            count, size, tag = spec.read().split()
        line = f"tag: {tag} " + "x" * 50 + "\n"
        body = line * (int(size) // len(line))
        return [{"path": f".big/f{i}.yml", "content": body} for i in range(int(count))], []
    if MODE == "newlinepath":
        return [{"path": ".bad/a\nb.yml", "content": "x: 1\n"}], []
    if MODE == "envdump":
        return [{"path": "env.txt", "content": "\n".join(sorted(os.environ)) + "\n"}], []
    return [{"path": ".good/ok.yml", "content": "ok: true\n"}], []


def spy():
    here = os.path.dirname(os.path.abspath(sys.argv[0]))
    grandchild = subprocess.Popen(["sleep", "3600"])
    with open(os.path.join(here, "hangspy.pid"), "w") as pid:
        pid.write(str(grandchild.pid))
    with open(os.path.join(here, "hangspy.log"), "w", buffering=1) as log:
        while (message := read_message()) is not None:
            log.write(str(message.get("method", "(a response)")) + "\n")
        log.write("EOF\n")
    time.sleep(3600)


def main():
    if os.environ.get("CIGEN_PROVIDER_MAGIC") != "a3f1c0de-cigen-provider-v1":
        print("This is a cigen provider plugin; cigen starts it.", file=sys.stderr)
        return 1
    here = os.path.dirname(os.path.abspath(sys.argv[0]))
    if MODE == "lingerspy":
        with open(os.path.join(here, "lingerspy.pid"), "w") as pid:
            pid.write(str(subprocess.Popen(["sleep", "3600"]).pid))
    while (message := read_message()) is not None:
        if MODE == "lingerspy":
            with open(os.path.join(here, "lingerspy.log"), "a") as log:
                log.write(str(message.get("method", "(a response)")) + "\n")
        if "id" not in message:
            continue
        method, reply = message["method"], {"jsonrpc": "2.0", "id": message["id"]}
        if method == "initialize":
            offered = message["params"]["protocolVersions"]
            if MODE == "oldversion":
                reply["error"] = {"code": -31001, "message": "Unsupported protocol version: the host speaks 1-1, this provider speaks 0-0."}
            elif MODE == "v1" and offered["min"] > 1:
                reply["error"] = {"code": -31001, "message": f"Unsupported protocol version: the host speaks {offered['min']}-{offered['max']}, this provider speaks 1-1."}
            else:
                reply["result"] = {"name": MODE, "version": "0.0.1", "protocolVersion": 99 if MODE == "wrongversion" else 2,
                                   "capabilities": [], "outputs": []}
                if MODE == "othername":
                    reply["result"]["name"] = "someone-else"
                if MODE == "noversion":
                    del reply["result"]["protocolVersion"]
        elif method == "generate":
            if MODE == "stray":
                print("hello from a careless provider", flush=True)
            if MODE == "crash":
                print("about to fail", file=sys.stderr, flush=True)
                print("Traceback: something broke", file=sys.stderr, flush=True)
                os._exit(3)
            if MODE == "huge":
                # One 200 MB answer, streamed: the host must refuse it at the header, not buffer it.
                size = 200 * 1024 * 1024
                WIRE_OUT.write(b"Content-Length: %d\r\n\r\n" % size)
                chunk = b"x" * (1024 * 1024)
                try:
                    for _ in range(size // len(chunk)):
                        WIRE_OUT.write(chunk)
                    WIRE_OUT.flush()
                except BrokenPipeError:
                    pass
                return 0
            if MODE == "hangspy":
                spy()
            if MODE == "hang":
                print("thinking forever", file=sys.stderr, flush=True)
                time.sleep(3600)
            files, diagnostics = files_for_mode()
            if MODE == "asks":
                write_message({"jsonrpc": "2.0", "method": "$/progress", "params": {"message": "halfway"}})
                write_message({"jsonrpc": "2.0", "id": "from-provider", "method": "workspace/readFile", "params": {"path": "cigen.yml"}})
                answer = read_message()
                while answer is not None and answer.get("id") != "from-provider":
                    answer = read_message()
                files = [{"path": ".good/asked.yml", "content": "answer: %s\n" % json.dumps((answer or {}).get("error", {}).get("code"))}]
            if MODE == "wrongid":
                reply["id"] = message["id"] + 1000
            if MODE == "wrongidtype":
                reply["id"] = str(message["id"])
            if MODE == "badresult":
                reply["result"] = {"files": 42, "diagnostics": "none"}
            elif MODE == "nofiles":
                reply["result"] = {"diagnostics": []}
            else:
                reply["result"] = {"files": files, "diagnostics": diagnostics}
        elif method == "shutdown":
            reply["result"] = None
        else:
            reply["error"] = {"code": -32601, "message": "unknown method"}
        write_message(reply)
        if MODE == "trailingnewline" and method == "initialize":
            WIRE_OUT.write(b"\n")
            WIRE_OUT.flush()
    if MODE == "lingerspy":
        with open(os.path.join(here, "lingerspy.log"), "a") as log:
            log.write("EOF\n")
        time.sleep(3600)
    return 0


if __name__ == "__main__":
    sys.exit(main())
