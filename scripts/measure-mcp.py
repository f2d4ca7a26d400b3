#!/usr/bin/env python3
"""Issue 17's speed bounds, measured over the real stdio of `governance mcp` on a copy of a repository:
the load (initialize, then the first `check` of one packet, which reads and analyses the repository),
then `check` of that packet with nothing changed, and after the packet's file changed on disk (one
packet read again and analysed, the rest from the cache). Prints milliseconds per call (medians).
Usage: scripts/measure-mcp.py [REPOSITORY] [PACKET]  (default ../shared/corpus/handshake and its first task packet)
GOVERNANCE_CLI=PATH runs that executable (the native build, docs/native.md) instead of `dotnet governance.dll`."""
import json, os, shutil, statistics, subprocess, sys, tempfile, time, glob

here = os.path.dirname(os.path.abspath(__file__))
source = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "shared", "corpus", "handshake"))
cli = os.path.join(here, "..", "src", "Orchestrator.Governance.Cli", "bin", "Release", "net8.0", "governance.dll")
work = tempfile.mkdtemp()
repo = os.path.join(work, "repo")
shutil.copytree(source, repo)
packet = sys.argv[2] if len(sys.argv) > 2 else os.path.relpath(sorted(glob.glob(os.path.join(repo, "**", "task_packets", "WP-*.md"), recursive=True))[0], repo)

command = [os.environ["GOVERNANCE_CLI"]] if os.environ.get("GOVERNANCE_CLI") else ["dotnet", cli]
server = subprocess.Popen(command + ["mcp", repo, "--today", "2026-12-01"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
ids = iter(range(1, 1_000_000))

def request(method, params):
    i = next(ids)
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}) + "\n")
    server.stdin.flush()
    while True:
        message = json.loads(server.stdout.readline())
        if message.get("id") == i:
            return message

def check():
    started = time.perf_counter()
    answer = request("tools/call", {"name": "check", "arguments": {"paths": [packet]}})
    elapsed = (time.perf_counter() - started) * 1000
    assert not answer["result"].get("isError"), answer
    return elapsed, answer["result"]["structuredContent"]["total"]

try:
    started = time.perf_counter()
    request("initialize", {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "measure", "version": "1"}})
    server.stdin.write(json.dumps({"jsonrpc": "2.0", "method": "notifications/initialized"}) + "\n")
    server.stdin.flush()
    first, total = check()
    load = (time.perf_counter() - started) * 1000
    unchanged = [check()[0] for _ in range(20)]
    edited = []
    for n in range(10):
        with open(os.path.join(repo, packet), "a", encoding="utf-8") as f:
            f.write("\n")
        edited.append(check()[0])
    print(f"repository: {source} ({packet}: {total} diagnostics)")
    print(f"start + initialize + first check (load): {load:.0f} ms (the check itself {first:.0f} ms)")
    print(f"check of the packet, nothing changed: median {statistics.median(unchanged):.1f} ms (min {min(unchanged):.1f}, max {max(unchanged):.1f}, 20 calls)")
    print(f"check of the packet after it changed on disk: median {statistics.median(edited):.1f} ms (min {min(edited):.1f}, max {max(edited):.1f}, 10 calls)")
finally:
    server.stdin.close()
    server.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)
