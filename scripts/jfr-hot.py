#!/usr/bin/env python3
"""Profiling (docs/benchmarks.md). Aggregate jdk.ExecutionSample from `jfr print --json`: by thread group, top frames (self) and
inclusive frames, optionally restricted to a thread-name regex and to the last N seconds."""
import json, re, sys, collections, subprocess, argparse
ap = argparse.ArgumentParser()
ap.add_argument('file'); ap.add_argument('--threads', default='.*'); ap.add_argument('--last', type=float, default=0)
ap.add_argument('--first', type=float, default=0); ap.add_argument('--skiplast', type=float, default=0)
ap.add_argument('--top', type=int, default=25); ap.add_argument('--incl', default='')
ap.add_argument('--jfr', default=__import__('os').environ.get('JFR', 'jfr'), help='the jfr tool (JDK 17+), or $JFR')
a = ap.parse_args()
out = subprocess.run([a.jfr, 'print', '--json', '--stack-depth', '64', '--events', 'jdk.ExecutionSample', a.file],
                     capture_output=True, text=True, check=True).stdout
ev = json.loads(out)['recording']['events']
def t(e):
    s = e['values']['startTime']  # ISO string
    from datetime import datetime
    return datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
times = [t(e) for e in ev]
end = max(times); start = min(times)
def group(name):
    name = re.sub(r'\d+', 'N', name)
    return name
sel = []
for e, ts in zip(ev, times):
    if a.last and ts < end - a.skiplast - a.last: continue
    if a.first and ts > start + a.first: continue
    if a.skiplast and ts > end - a.skiplast: continue
    th = e['values']['sampledThread']
    name = (th or {}).get('javaName') or (th or {}).get('osName') or '?'
    if not re.search(a.threads, name): continue
    sel.append((name, e))
print(f"samples: {len(sel)} (of {len(ev)}; window {'last %ss' % a.last if a.last else 'all'})")
g = collections.Counter(group(n) for n, _ in sel)
print("\nby thread group:")
for k, v in g.most_common(15): print(f"  {100*v/len(sel):5.1f}%  {v:6d}  {k}")
def fr(f):
    m = f['method']; return f"{m['type']['name']}.{m['name']}"
selfc = collections.Counter(); inc = collections.Counter()
for n, e in sel:
    frames = e['values']['stackTrace']['frames'] if e['values'].get('stackTrace') else []
    if not frames: continue
    selfc[fr(frames[0])] += 1
    seen = set()
    for f in frames:
        k = fr(f)
        if k not in seen:
            seen.add(k); inc[k] += 1
print("\ntop self frames:")
for k, v in selfc.most_common(a.top): print(f"  {100*v/len(sel):5.1f}%  {k}")
print("\ntop inclusive frames" + (f" matching {a.incl}" if a.incl else "") + ":")
shown = 0
for k, v in inc.most_common():
    if a.incl and not re.search(a.incl, k): continue
    print(f"  {100*v/len(sel):5.1f}%  {k}"); shown += 1
    if shown >= a.top: break
